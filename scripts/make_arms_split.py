"""Rebuild src/sitrep/eval/splits/arms-transfers.yaml: the split of the arms-transfer set.

    python scripts/make_arms_split.py [tests/dev/arms-transfers]

A text is test when ``int(sha256(stem), 16) % 10 < 3`` (about 30%), else dev. The rule was
fixed before any text was scored for development, and it keeps a text's part when texts
are added later; this script exists so that the recorded lists can be checked.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/sitrep/eval/splits/arms-transfers.yaml"
HEAD = """# The arms-transfer set (tests/dev/arms-transfers, issue 15) split once by document with
# a hash rule: a text is test when int(sha256(file stem), 16) % 10 < 3, else dev
# (scripts/make_arms_split.py rebuilds it). Develop on dev only; measure test rarely
# (docs/accuracy.md counts the test runs).
"""


def is_test(stem: str) -> bool:
    return int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16) % 10 < 3


def split(folder: Path) -> tuple[list[str], list[str]]:
    names = sorted(p.name[: -len(".gold.yaml")] for p in folder.glob("*.gold.yaml"))
    return [n for n in names if not is_test(n)], [n for n in names if is_test(n)]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/dev/arms-transfers")
    dev, test = split(folder)
    body = ["corpus: arms-transfers", "rule: sha256(stem) % 10 < 3 is test", "dev:",
            *(f"  - {n}" for n in dev), "test:", *(f"  - {n}" for n in test)]
    OUT.write_text(HEAD + "\n".join(body) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(dev)} dev, {len(test)} test")


if __name__ == "__main__":
    main()
