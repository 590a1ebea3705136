"""Rebuild MEANTIME documents (English Wikinews, CC BY 2.5) into this dev set.

Uses the layout of tests/heldout/rebuild.py (title, "By Wikinews", dateline, one
paragraph per sentence, "Original url:" footer) and writes ``wikinews-ID.md`` here:

    .venv/bin/python tests/dev/events/rebuild_meantime.py MEANTIME_TARBALL DOC_ID [DOC_ID ...]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent
REBUILD = HERE.parent.parent / "heldout" / "rebuild.py"


def main(argv: list[str]) -> int:
    spec = importlib.util.spec_from_file_location("meantime_rebuild", REBUILD)
    if spec is None or spec.loader is None:
        sys.stderr.write(f"{REBUILD}: cannot load the rebuild script\n")
        return 2
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.HERE = HERE  # write next to this script, not into the held-out folder
    return int(mod.main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
