"""Sitrep's trained NER: the script trains on a tiny sample, the shipped weights tag text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.nlp import trained_ner

ROOT = Path(__file__).resolve().parents[2]


def test_training_script_runs_a_few_steps(tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "ner"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/train_ner.py"), "--shared", str(shared_dir), "--out", str(out),
         "--limit", "2", "--max-steps", "2", "--epochs", "1"],
        check=True, capture_output=True, text=True, timeout=120,
    )
    report = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert set(report["train_docs"]) >= {"voa", "re3d", "meantime", "rehearsal"}
    assert (out / "ner" / "model").is_file()


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp.loader import load_nlp

    return load_nlp()


def test_shipped_weights_load_and_tag(nlp) -> None:
    assert (trained_ner.MODEL_DIR / "ner" / "model").is_file()
    pipe = trained_ner.load(nlp)
    assert {"PERSON", "ORG", "PLACE", "WEAPON"} <= set(pipe.labels)
    doc = nlp("The Pakistani army fired rockets at villages near Quetta, said General Asim Munir.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    found = {(s.text, s.label_) for s in trained_ner.spans(doc, pipe)}
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before  # the Doc is unchanged
    assert ("Quetta", "GPE") in found
    assert any(label == "PERSON" and "Asim Munir" in text for text, label in found)


def test_add_keeps_spacy_and_fills_gaps(nlp) -> None:
    from spacy.tokens import Span

    doc = nlp("Officials in Ankara met envoys from Dushanbe.")
    extra = Span(doc, 0, 1, label="ORG")
    overlapping = [Span(doc, e.start, e.end, label="PERSON") for e in doc.ents]
    combined = trained_ner.combine(doc, [extra, *overlapping], "add")
    assert [(s.start, s.label_) for s in combined if s.start == 0] == [(0, "ORG")]
    assert all(any(c.start == e.start and c.label_ == e.label_ for c in combined) for e in doc.ents)
    assert trained_ner.combine(doc, [extra], "off") == sorted(doc.ents, key=lambda s: (s.start, -s.end))
