"""What the accuracy gate measures: one function per corpus, each returning flat figures.

Each entry names the files it reads (``files``: paths under ``../shared`` or the checkout)
so the gate can hash them: a floor in ``baseline.yaml`` belongs to one version of its
corpus, and a changed corpus fails the gate until it is measured again (as trafilatura's
evaluation baseline keys its figures to its data).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from tests.conftest import EVAL, REFERENCE, REFERENCE_GOLD, ROOT, SHARED

Figures = dict[str, float]


@dataclass(frozen=True)
class Corpus:
    name: str
    files: Callable[[], list[Path]]
    measure: Callable[[], Figures]


SECTIONS = ("entities", "timexes", "quotes", "events")


def _flat(sections: dict[str, Any], keys: tuple[str, ...] = SECTIONS) -> Figures:
    out: Figures = {}
    for sec in keys:
        for fig, val in (sections.get(sec) or {}).items():
            if isinstance(val, float | int) and not isinstance(val, bool):
                out[f"{sec}.{fig}"] = float(val)
    return out


def _glob(folder: Path, *patterns: str) -> Callable[[], list[Path]]:
    return lambda: sorted(p for pat in patterns for p in folder.glob(pat))


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- the measurements --------------------------------------------------------------


def reference() -> Figures:
    from sitrep.eval.gold import score_record
    from sitrep.ingest import read_inputs
    from sitrep.pipeline import get_pipeline

    article = next(iter(read_inputs([str(REFERENCE)])))
    gold = yaml.safe_load(REFERENCE_GOLD.read_text(encoding="utf-8"))
    rep = score_record(gold, get_pipeline().analyze(article).to_dict()).to_dict()
    out = _flat(rep)
    out["article.fields_right"] = float(rep["article_fields"][0])
    return out


def voa_split(part: str) -> Callable[[], Figures]:
    def run() -> Figures:
        from sitrep.eval.golddir import evaluate_gold

        return _flat(evaluate_gold(EVAL / "voa-gold", split=part).to_dict()["total"])

    run.__doc__ = f"the VOA gold's {part} split, whole pipeline"

    return run


def voa_files(part: str) -> Callable[[], list[Path]]:
    def files() -> list[Path]:
        from sitrep.eval.splits import members, split_file

        keep = members(EVAL / "voa-gold", part)
        docs = [p for p in (EVAL / "voa-gold").iterdir()
                if p.name.split(".")[0] in keep and p.suffix in (".md", ".yaml")]
        return [*sorted(docs), Path(str(split_file("voa-gold")))]

    return files


ARMS = ROOT / "tests" / "dev" / "arms-transfers"


def arms_dev() -> Figures:
    """The arms-transfer set's dev split: every section, and arms transfers on their own."""
    from sitrep.eval.golddir import evaluate_gold

    total = evaluate_gold(ARMS, split="dev").to_dict()["total"]
    out = _flat(total)
    for key, value in total["events_by_type"].get("arms_transfer", {}).items():
        out[f"arms_transfer.{key}"] = float(value)
    return out


def arms_files() -> list[Path]:
    from sitrep.eval.splits import members, split_file

    keep = members(ARMS, "dev")
    docs = [p for p in ARMS.iterdir() if p.name.split(".")[0] in keep and p.suffix in (".md", ".yaml")]
    return [*sorted(docs), Path(str(split_file("arms-transfers")))]


def heldout() -> Figures:
    from tests.heldout.report import measure

    return _flat(measure(ROOT / "tests" / "heldout")["total"])


def entity_corpus(corpus: str) -> Callable[[], Figures]:
    def run() -> Figures:
        from sitrep.eval.entity_corpora import run_entity_eval

        path = EVAL / "re3d" if corpus == "re3d" else _MEANTIME[0]
        rep = run_entity_eval(corpus, path)
        out = {"F1": rep.overall("sitrep").prf()[2], "spacy_F1": rep.overall("spacy").prf()[2]}
        # 1.0 when Sitrep's F1 is at least plain spaCy's for every entity family with gold
        beats = all(rep.systems["spacy"].get(fam) is None
                    or counts.prf()[2] >= rep.systems["spacy"][fam].prf()[2]
                    for fam, counts in rep.systems["sitrep"].items() if counts.gold)
        out["beats_spacy_every_family"] = float(beats and out["F1"] > out["spacy_F1"])
        if corpus == "meantime":
            for kind in ("pronouns", "descriptions", "it_pronouns"):
                p, r, _f = getattr(rep, kind).prf()
                out[f"coref_{kind}.P"], out[f"coref_{kind}.R"] = p, r
        return out

    return run


def meantime_quotes() -> Figures:
    from sitrep.eval.meantime_quotes import evaluate

    res = evaluate(EVAL / "meantime-en" / "meantime_newsreader_english_oct15.tar.gz")
    return {"docs": float(res.docs), "speaker_acc": res.speaker_accuracy, "cue_recall": res.cue_recall}


def tempeval() -> Figures:
    from sitrep.eval.tempeval import run_tempeval

    rep = run_tempeval(EVAL / "te3-platinum" / "gold")
    return {"docs": float(rep.docs), "gold": float(rep.gold), "relaxed_F1": rep.f1, "value_F1": rep.value_f1}


def meantime_timex() -> Figures:
    from sitrep.eval.meantime_timex import run_meantime_timex

    rep = run_meantime_timex(EVAL / "meantime-en")
    return {"docs": float(rep.docs), "relaxed_F1": rep.f1, "value_F1": rep.value_f1}


def events_dev() -> Figures:
    dev = ROOT / "tests" / "dev" / "events"
    sys.path.insert(0, str(dev))
    runner = _load(dev / "run_dev.py", "run_dev")
    oracle = _load(dev / "oracle.py", "oracle")
    out: Figures = {}
    for e2e, tag in ((False, "oracle"), (True, "e2e")):
        res = runner.score(runner.dev_docs(), e2e=e2e)
        out[f"{tag}.F1"], out[f"{tag}.arg_acc"] = res["F1"], res["arg_acc"]
    gold = yaml.safe_load(REFERENCE_GOLD.read_text(encoding="utf-8"))
    row = runner.load_scorer().Scorer(gold, oracle.run(REFERENCE, REFERENCE_GOLD).to_dict()).run()["events"]
    out["reference_oracle.F1"], out["reference_oracle.arg_acc"] = row["F1"], row["arg_acc"]
    return out


def quotes_dev() -> Figures:
    from tests.dev.quotes import harness

    ref = harness.score(REFERENCE_GOLD)
    total = harness.totals([harness.score(p) for p in harness.dev_golds()])
    out = {f"dev.{k}": float(v) for k, v in total.items() if k in ("F1", "speaker_acc", "kind_acc")}
    out.update({f"reference_rules.{k}": float(v) for k, v in ref.items()
                if k in ("F1", "speaker_acc", "kind_acc")})
    return out


def meantime_false_alarms() -> Figures:
    """Conflict-type events found in MEANTIME's business news (almost all false alarms)."""
    from collections import Counter

    from sitrep.batch import analyze_many
    from sitrep.model import Article

    mod = _load(ROOT / "tests" / "eval_gate" / "false_alarms.py", "false_alarms")
    texts = mod.texts()
    counts: Counter[str] = Counter()
    for a in analyze_many(Article(text=t) for t in texts):
        counts.update(v.type for v in a.events)
    return {"docs": float(len(texts)),
            "conflict_events": float(sum(n for t, n in counts.items() if t in mod.CONFLICT))}


def html_bodies() -> Figures:
    score, _ = _load(ROOT / "bench" / "html_extraction.py", "html_extraction").run(
        EVAL / "article-extraction-benchmark")
    return {"pages": float(score.pages), "F1": score.f1, "P": score.precision, "R": score.recall}


def ecbplus() -> Figures:
    from sitrep.kb.ecb.run import run_eval

    res = run_eval(EVAL / "ecbplus")
    out = {"mentions": float(res.mentions)}
    for metric, score in res.scores.items():
        out[metric] = score if isinstance(score, float) else score.f1
    return out


_MEANTIME = [EVAL / "meantime-en" / "meantime_newsreader_english_oct15.tar.gz"]

CORPORA = {c.name: c for c in (
    Corpus("reference", lambda: [REFERENCE, REFERENCE_GOLD], reference),
    Corpus("voa-dev", voa_files("dev"), voa_split("dev")),
    Corpus("heldout", _glob(ROOT / "tests" / "heldout", "*.md", "*.gold.yaml"), heldout),
    Corpus("re3d", _glob(EVAL / "re3d", "**/*.json", "**/*.txt"), entity_corpus("re3d")),
    Corpus("meantime-entities", lambda: _MEANTIME, entity_corpus("meantime")),
    Corpus("meantime-quotes", lambda: _MEANTIME, meantime_quotes),
    Corpus("meantime-timex", lambda: _MEANTIME, meantime_timex),
    Corpus("meantime-false-alarms", lambda: _MEANTIME, meantime_false_alarms),
    Corpus("te3-platinum", _glob(EVAL / "te3-platinum" / "gold", "*.tml"), tempeval),
    Corpus("events-dev", _glob(ROOT / "tests" / "dev" / "events", "*.md", "*.gold.yaml"), events_dev),
    Corpus("quotes-dev", _glob(ROOT / "tests" / "dev" / "quotes", "*.md", "*.gold.yaml"), quotes_dev),
    Corpus("arms-dev", arms_files, arms_dev),
    Corpus("html-bodies", _glob(EVAL / "article-extraction-benchmark", "ground-truth.json.gz", "html/*"),
           html_bodies),
    Corpus("ecbplus", lambda: [EVAL / "ecbplus" / "ECB+.tar.gz"], ecbplus),
)}


def corpus_hash(corpus: Corpus) -> str:
    """sha256 over the corpus files' names (relative to shared/ or the checkout) and bytes."""
    h = hashlib.sha256()
    for path in corpus.files():
        base = SHARED if path.is_relative_to(SHARED) else ROOT
        h.update(str(path.relative_to(base)).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def available(corpus: Corpus) -> bool:
    files = corpus.files()
    return bool(files) and all(p.is_file() for p in files)


if __name__ == "__main__":  # python -m tests.eval_gate.measures [NAME ...]: hashes and figures
    import json

    for name in sys.argv[1:] or list(CORPORA):
        corpus = CORPORA[name]
        print(json.dumps({"corpus": name, "sha256": corpus_hash(corpus), "figures": corpus.measure()}))
