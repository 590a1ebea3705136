"""Sentence lengths of the unlabelled VOA stories: the figure behind
``extract/events/clauses.LONG_SPAN`` (an evidence clause longer than almost any news
sentence is cut).

    python scripts/sentence_lengths.py [../shared/eval/voa/voa_stories.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[A-Z\"“])")


def main(path: Path) -> None:
    lengths = sorted(
        len(s)
        for line in path.read_text(encoding="utf-8").splitlines()
        for para in (json.loads(line).get("text") or "").split("\n")
        for s in SENTENCE_END.split(para)
        if len(s) > 20
    )
    for q in (0.5, 0.9, 0.95, 0.99, 0.999):
        at_most = lengths[int(q * len(lengths)) - 1]
        print(f"{q:>6.1%} of {len(lengths)} sentences are at most {at_most} characters")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/voa/voa_stories.jsonl"))
