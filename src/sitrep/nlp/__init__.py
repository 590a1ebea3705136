"""Building the spaCy pipeline once per process."""

from sitrep.nlp.loader import load_nlp

__all__ = ["load_nlp"]
