"""Document splits of gold corpora (dev / test), recorded once in ``splits/*.yaml``.

A split file names its corpus folder (``corpus: voa-gold``) and lists the file stems of
each part. ``sitrep eval DIR --split dev`` scores only the documents of that part.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from sitrep.errors import SitrepError


def split_file(corpus: str) -> Path | None:
    cand = resources.files("sitrep.eval") / "splits" / f"{corpus}.yaml"
    return Path(str(cand)) if cand.is_file() else None


def members(folder: Path, part: str) -> set[str]:
    """The file stems of ``part`` (``dev``/``test``) of the corpus in ``folder``."""
    corpus = Path(folder).resolve().name
    path = split_file(corpus)
    if path is None:
        raise SitrepError(f"{folder}: no split is recorded for corpus {corpus!r} "
                          f"(sitrep/eval/splits/{corpus}.yaml)")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if part not in data or not isinstance(data[part], list):
        parts = ", ".join(k for k, v in data.items() if isinstance(v, list)) or "none"
        raise SitrepError(f"{path}: no part named {part!r} (parts: {parts})")
    return {str(n) for n in data[part]}
