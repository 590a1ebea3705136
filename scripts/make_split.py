"""Rebuild src/sitrep/eval/splits/voa-gold.yaml: the seeded dev/test split of the VOA gold.

    python scripts/make_split.py [../shared/eval/voa-gold]

The 40 file stems are sorted, shuffled with ``random.Random(13)``, the first 30 are dev
and the last 10 test. The split is made once; this script exists so that it can be checked.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEED = 13
N_DEV = 30
OUT = Path(__file__).resolve().parent.parent / "src/sitrep/eval/splits/voa-gold.yaml"


def split(folder: Path) -> tuple[list[str], list[str]]:
    names = sorted(p.name[: -len(".gold.yaml")] for p in folder.glob("*.gold.yaml"))
    random.Random(SEED).shuffle(names)
    return sorted(names[:N_DEV]), sorted(names[N_DEV:])


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/voa-gold")
    dev, test = split(folder)
    head = OUT.read_text(encoding="utf-8").split("corpus:")[0]
    body = ["corpus: voa-gold", f"seed: {SEED}", "dev:", *(f"  - {n}" for n in dev),
            "test:", *(f"  - {n}" for n in test)]
    OUT.write_text(head + "\n".join(body) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(dev)} dev, {len(test)} test")


if __name__ == "__main__":
    main()
