"""jsonl exporter: one extract-format record per line (with its pipeline_version)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from sitrep.model import Analysis


def export_jsonl(analyses: Iterable[Analysis], out: BinaryIO) -> None:
    for a in analyses:
        out.write(json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
