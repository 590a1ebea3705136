"""TempEval-3 task A (TIMEX3 extraction and normalisation) on TimeML ``.tml`` files.

Each file gives the article text (the TEXT element, tags removed), its DCT (the
TIMEX3 inside DCT, used as ``article.published``) and the gold TIMEX3 spans. The
figures are the task's: relaxed span P/R/F1 (any overlap), strict F1 (same span),
value and type accuracy over the relaxed matches, and value F1 = relaxed F1 x value
accuracy. Run without the CLI::

    python -m sitrep.eval.tempeval ../shared/eval/te3-platinum/gold
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError
from sitrep.model import Article, Timex


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex]
    # character ranges not scored (e.g. a DCT that sits inside the text)
    ignore: list[tuple[int, int]] = field(default_factory=list)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TempevalReport:
    """TempEval-3 task A figures, summed over documents."""

    name: str = "TempEval-3"
    docs: int = 0
    gold: int = 0
    system: int = 0
    relaxed: int = 0  # one-to-one overlap matches
    strict: int = 0  # matches with the same span
    value_right: int = 0
    type_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.relaxed / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.relaxed / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def strict_f1(self) -> float:
        p = self.strict / self.system if self.system else 0.0
        r = self.strict / self.gold if self.gold else 0.0
        return _f1(p, r)

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.relaxed if self.relaxed else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.f1 * self.value_accuracy

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("errors")
        for key in ("precision", "recall", "f1", "strict_f1", "value_accuracy", "type_accuracy", "value_f1"):
            d[key] = round(getattr(self, key), 4)
        return d

    def format(self, errors: bool = False) -> str:
        lines = [
            f"{self.name}: {self.docs} documents, {self.gold} gold TIMEX3, {self.system} system",
            f"  relaxed span  P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f}",
            f"  strict span   F1={self.strict_f1:.4f}",
            f"  value accuracy {self.value_accuracy:.4f}   type accuracy {self.type_accuracy:.4f}",
            f"  value F1 (relaxed F1 x value accuracy) = {self.value_f1:.4f}",
        ]
        if errors:
            lines += ["  " + e for e in self.errors]
        return "\n".join(lines)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_doc(report: TempevalReport, doc: GoldDoc, found: list[Timex]) -> None:
    """Add one document to the report: one-to-one matching by largest overlap."""
    system = [t for t in found if not any(_overlap((t.start, t.end), r) for r in doc.ignore)]
    report.docs += 1
    report.gold += len(doc.timexes)
    report.system += len(system)
    pairs = sorted(
        ((_overlap((g.start, g.end), (s.start, s.end)), gi, si)
         for gi, g in enumerate(doc.timexes) for si, s in enumerate(system)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    for ov, gi, si in pairs:
        if ov <= 0 or gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        g, s = doc.timexes[gi], system[si]
        report.relaxed += 1
        report.strict += (g.start, g.end) == (s.start, s.end)
        report.type_right += g.type == s.type
        if g.value == (s.value or ""):
            report.value_right += 1
        else:
            report.errors.append(f"{doc.name}: value {s.text!r} {s.value} != gold {g.text!r} {g.value}")
    report.errors += [f"{doc.name}: missed {g.text!r} {g.type} {g.value}"
                      for gi, g in enumerate(doc.timexes) if gi not in used_g]
    report.errors += [f"{doc.name}: spurious {s.text!r} {s.type} {s.value}"
                      for si, s in enumerate(system) if si not in used_s]


def read_tml(path: Path) -> GoldDoc:
    """Text, DCT and gold TIMEX3 of one TimeML file; raises InputError naming the file."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not a readable TimeML file ({exc})") from exc
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if text_el is None:
        raise InputError(str(path), "no TEXT element: not a TimeML document")
    parts: list[str] = []
    gold: list[GoldTimex] = []

    def walk(el: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if el.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            gold.append(GoldTimex(start, end, text, el.get("type", ""), el.get("value", "")))

    walk(text_el)
    dct = dct_el.get("value") if dct_el is not None else None
    return GoldDoc(path.stem, "".join(parts), dct, gold)


def analyse(docs: Iterable[GoldDoc], settings: Settings) -> Iterable[tuple[GoldDoc, list[Timex]]]:
    """The timexes stage's output for each document (only the stages it needs run)."""
    from sitrep.pipeline import get_pipeline

    settings = settings.with_(stages=("timexes",))
    docs = list(docs)
    articles = (Article(text=d.text, source=d.name, published=d.dct) for d in docs)
    for doc, analysis in zip(docs, get_pipeline(settings).analyze_many(articles), strict=True):
        yield doc, analysis.timexes


def evaluate(docs: Iterable[GoldDoc], settings: Settings, name: str) -> TempevalReport:
    report = TempevalReport(name=name)
    for doc, found in analyse(docs, settings):
        score_doc(report, doc, found)
    return report


def run_tempeval(gold_dir: Path, settings: Settings | None = None) -> TempevalReport:
    """TempEval-3 task A figures for every ``*.tml`` under ``gold_dir``."""
    files = [gold_dir] if gold_dir.is_file() else sorted(gold_dir.rglob("*.tml"))
    if not files:
        raise SitrepError(f"{gold_dir}: no .tml files (expected TimeML gold files)")
    return evaluate((read_tml(f) for f in files), settings or Settings(), f"TempEval-3 task A ({gold_dir})")


def cli(argv: list[str] | None = None, runner: Any = run_tempeval) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", type=Path)
    ap.add_argument("-v", "--errors", action="store_true", help="list every miss, spurious and wrong value")
    args = ap.parse_args(argv)
    try:
        report = runner(args.path, Settings())
    except SitrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.format(errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(cli())
