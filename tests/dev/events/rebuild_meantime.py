"""Rebuild MEANTIME documents (English Wikinews, CC BY 2.5) into this dev set.

Uses the layout of tests/heldout/rebuild.py (title, "By Wikinews", dateline, one
paragraph per sentence, "Original url:" footer) and writes ``wikinews-ID.md`` here:

    .venv/bin/python -m tests.dev.events.rebuild_meantime MEANTIME_TARBALL DOC_ID [DOC_ID ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.heldout.rebuild import main

HERE = Path(__file__).parent

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], out_dir=HERE))
