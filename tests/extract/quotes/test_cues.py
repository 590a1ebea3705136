"""The speaker mention of a cue verb, on parses built by hand (misparses included)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.extract.quotes.cues import subject_of


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """Rows of (word, head index, dep, tag, pos)."""
    words, heads, deps, tags, pos = zip(*rows, strict=True)
    return Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), tags=list(tags), pos=list(pos))


def test_a_participle_misparsed_as_clausal_subject_is_not_its_own_speaker() -> None:
    # "Marsh was first, announcing that IS ended": the participle parsed as the subject of
    # "IS" (taken for a verb); the speaker is the subject of the clause before the comma
    doc = _doc([("Marsh", 1, "nsubj", "NNP", "PROPN"), ("was", 7, "ccomp", "VBD", "AUX"),
                ("first", 1, "acomp", "JJ", "ADJ"), (",", 1, "punct", ",", "PUNCT"),
                ("announcing", 7, "csubj", "VBG", "VERB"), ("that", 8, "mark", "IN", "SCONJ"),
                ("rebels", 8, "nsubj", "NNS", "NOUN"), ("IS", 7, "ROOT", "VBZ", "VERB"),
                ("ended", 4, "ccomp", "VBN", "VERB")])
    subj = subject_of(doc[4])
    assert subj is not None and subj.text == "Marsh"


def test_an_adding_participle_takes_the_subject_of_the_verb_it_hangs_on() -> None:
    doc = _doc([("Marsh", 1, "nsubj", "NNP", "PROPN"), ("said", 1, "ROOT", "VBD", "VERB"),
                (",", 1, "punct", ",", "PUNCT"), ("adding", 1, "advcl", "VBG", "VERB"),
                ("talks", 5, "nsubj", "NNS", "NOUN"), ("failed", 3, "ccomp", "VBD", "VERB")])
    subj = subject_of(doc[3])
    assert subj is not None and subj.text == "Marsh"
