"""spaCy entity spans that trimming empties are skipped, not a crash."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.extract.entities import gazetteer
from sitrep.extract.entities.recognize import spacy_cands
from sitrep.nlp import load_nlp


def test_an_entity_that_is_only_a_possessive_ending_is_skipped():
    nlp = load_nlp()
    doc = Doc(nlp.vocab, words=["The", "minister", "'s", "plan", "failed", "."],
              tags=["DT", "NN", "POS", "NN", "VBD", "."])
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    assert spacy_cands(doc, gazetteer.load()) == []
