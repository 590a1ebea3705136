"""Sitrep's own statistical NER (scripts/train_ner.py), a second source of entity names.

The shipped weights (``sitrep/models/ner``) are the small model's ``ner`` retrained on four
coarse labels (PERSON, ORG, PLACE, WEAPON). They are loaded once per process and run on a
copy of the parsed Doc (a NER respects entities already set, so the small model's own must
not be there), giving spans labelled the way spaCy's are (PLACE -> GPE, WEAPON -> WEAPON)
for the entity stage's candidate filter.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc, Span

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
MODES = ("off", "add", "replace")  # Settings.trained_ner
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "GPE", "WEAPON": "WEAPON"}
# the small model's labels the trained one does not cover: kept in "replace" mode
KEPT_SPACY = ("NORP", "EVENT", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE")

PROPER_TAGS = ("NNP", "NNPS")
CONNECTORS = ("of", "and", "for", "the", "de", "al", "-", "&")

_lock = threading.Lock()
_loaded: dict[tuple[int, str], EntityRecognizer] = {}


def load(nlp: Language, path: Path = MODEL_DIR) -> EntityRecognizer:
    """The trained recognizer for docs of ``nlp``'s vocabulary, loaded on first use."""
    key = (id(nlp.vocab), str(path))
    with _lock:
        pipe = _loaded.get(key)
        if pipe is None:
            import spacy

            pipe = cast("EntityRecognizer", spacy.load(path).get_pipe("ner"))
            for label in (*pipe.labels, *LABELS.values()):
                nlp.vocab.strings.add(label)  # outside any memory zone: they outlive it
            _loaded[key] = pipe
        return pipe


def spans(doc: Doc, pipe: EntityRecognizer) -> list[Span]:
    """The trained recognizer's names in ``doc`` (labels as spaCy's), ``doc`` unchanged."""
    from spacy.tokens import Span

    copy = doc.copy()
    copy.ents = []
    copy = pipe(copy)
    return [Span(doc, e.start, e.end, label=LABELS[e.label_]) for e in copy.ents
            if e.label_ in LABELS and _proper(doc[e.start : e.end])]


def _proper(span: Span) -> bool:
    """A name by the tagger too: proper nouns (or designations) with connectors between,
    not a capitalized sentence opening ("I think", "Fishing fleets")."""
    if span[0].tag_ not in PROPER_TAGS or span[-1].tag_ not in PROPER_TAGS:
        return False
    return all(t.tag_ in PROPER_TAGS or t.lower_ in CONNECTORS or t.is_punct for t in span)


def combine(doc: Doc, trained: list[Span], mode: str) -> list[Span]:
    """The entity spans the candidate filter reads: the small model's, plus (``add``) the
    trained names no spaCy entity overlaps, or (``replace``) the trained names instead of
    spaCy's people, organizations and places."""
    ents = list(doc.ents)
    if mode == "replace":
        kept = [e for e in ents if e.label_ in KEPT_SPACY]
        ents = kept + [t for t in trained if not any(_overlap(t, k) for k in kept)]
    elif mode == "add":
        ents = ents + [t for t in trained if not any(_overlap(t, e) for e in ents)]
    return sorted(ents, key=lambda s: (s.start, -s.end))


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
