"""Where the time of ``sitrep extract`` goes: spaCy's parse vs each stage, plus a profile.

    python bench/breakdown.py [--articles 300] [--pyinstrument out.html]

Runs the single-process pipeline over the first N articles of the benchmark corpus
and prints the seconds spent in ``nlp.pipe`` (the parse), in each stage, in the
warm-up and memory zones and in turning the results into extract-format JSON. With
``--pyinstrument`` it also writes a pyinstrument profile of the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_path, read_corpus
from sitrep.config import Settings
from sitrep.model import Article


def _timed(name: str, func: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        t = time.perf_counter()
        try:
            return func(*args)
        finally:
            spent[name] += time.perf_counter() - t

    return wrapper


def run(n: int) -> dict[str, float]:
    from sitrep.pipeline import Pipeline

    spent: dict[str, float] = defaultdict(float)
    pipe = Pipeline(Settings())
    for st in pipe.stages:  # each stage's __call__ timed, on the instance the pipeline calls
        st.__class__ = type(f"Timed{type(st).__name__}", (type(st),),
                            {"__call__": _timed(f"stage {st.name}", type(st).__call__, spent)})
    arts = [Article(text=r["text"], title=r.get("title") or None, source=r["source"])
            for r in read_corpus(corpus_path(max(n, 2000)), limit=n)]
    start = last = time.perf_counter()
    slowest: list[tuple[float, str, int]] = []
    for a in pipe.analyze_many(arts):
        t = time.perf_counter()
        json.dumps(a.to_dict(), ensure_ascii=False)
        spent["to_dict + json"] += time.perf_counter() - t
        now = time.perf_counter()
        slowest = sorted([*slowest, (now - last, a.article.source, len(a.article.text))], reverse=True)[:5]
        last = now
    for sec, source, chars in slowest:
        print(f"slow article: {sec:6.2f} s  {chars:>7,} chars  {source}")
    total = time.perf_counter() - start
    stages = sum(v for k, v in spent.items() if k.startswith("stage"))
    spent["spaCy parse, warm-up, zones (the rest)"] = total - stages - spent["to_dict + json"]
    spent["total"] = total
    return dict(spent)


def main() -> None:
    ap = argparse.ArgumentParser(description="Sitrep extract time by part")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--pyinstrument", metavar="HTML", help="also write a pyinstrument profile here")
    args = ap.parse_args()
    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    spent = run(args.articles)
    if profiler is not None:
        profiler.stop()
        Path(args.pyinstrument).write_text(profiler.output_html())
        print(profiler.output_text(unicode=False, color=False, show_all=False)[:6000])
    total = spent["total"]
    for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:<42}{sec:>9.2f} s{100 * sec / total:>7.1f}%")


if __name__ == "__main__":
    main()
