"""A generated batch of hostile files across every reader (issue #18): read in one run,
every bad file named on one printable line, every good file an Article, nothing stored
with a NUL or without text, no exception out of ``read_inputs``.

500 files by default (as #18 asks; under a minute); ``SITREP_FUZZ_FILES=2000`` runs a longer batch.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import read_inputs
from sitrep.ingest.sanitize import has_text
from sitrep.model import Article

BODY = ("The port authority of Valdoria said on Tuesday that two freighters collided near "
        "the northern pier, and that nobody was hurt. Divers will inspect the hulls on Wednesday.")
MD = f"Freighters Collide Off Valdoria\n\nBy Lena Ortiz\n\nMarch 3, 2023\n\n{BODY}\n"
HTML = (f"<html><head><title>Freighters collide</title></head><body><article><p>{BODY}</p>"
        "</article></body></html>")
RECORD = json.dumps({"title": "Freighters collide", "text": BODY, "published": "2023-03-03"})

Mutation = Callable[[random.Random, bytes], bytes]


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randrange(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert(rng: random.Random, data: bytes) -> bytes:
    piece = rng.choice([b"\x00", b"\\u0000", b"\\ud800", b"\\udfff", b"\xe2\x80\x8b" * 50, b"\x07\x1b",
                        b"[" * 500, b"{" * 5000, b'"', b"\n", b"\xff\xfe"])
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _replace(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"", b" \n\t", "\u200b\ufeff\u2060".encode(), bytes(rng.randrange(256) for _ in
                       range(rng.randrange(1, 8))), b"[" * 5_000 + b"]" * 5_000, b"{not json\n" * 50])


ODD_NAMES = ["", "", "\n", " x", "\u2028"]
MUTATIONS: list[Mutation] = [_truncate, _flip, _insert, _replace]
FORMATS = {".md": MD.encode(), ".txt": MD.encode(), ".html": HTML.encode(),
           ".jsonl": (RECORD + "\n").encode() * 3, ".json": RECORD.encode()}


FILES = int(os.environ.get("SITREP_FUZZ_FILES", "500"))


def _batch(folder: Path, n: int = FILES) -> tuple[list[Path], list[Path]]:
    rng = random.Random(18)
    goods, bads = [], []
    for i in range(n):
        ext = rng.choice(sorted(FORMATS))
        data = rng.choice(MUTATIONS)(rng, FORMATS[ext])
        if rng.random() < 0.3:  # gzipped, perhaps then broken as a stream
            data = gzip.compress(data)
            data = rng.choice([data, data[: len(data) // 2], _flip(rng, data)])
            ext += ".gz"
        name = f"f{i:03d}{rng.choice(ODD_NAMES)}{ext}"
        (folder / name).write_bytes(data)
        bads.append(folder / name)
        if i % 20 == 0:
            good = folder / f"f{i:03d}~good.txt"
            good.write_text(MD.replace("Tuesday", f"Tuesday (report {i})"))
            goods.append(good)
    return goods, bads


def test_a_hostile_batch_is_read_to_the_end(tmp_path: Path) -> None:
    goods, bads = _batch(tmp_path)
    began = time.monotonic()
    items = list(read_inputs([str(tmp_path)]))
    assert time.monotonic() - began < FILES / 5
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert {str(p) for p in goods} <= {a.source for a in articles}
    assert len(errors) > FILES // 5
    for err in errors:
        assert "\n" not in str(err) and "\u2028" not in str(err)
        str(err).encode("utf-8")
    for art in articles:
        assert "\x00" not in art.text and has_text(art.text)
        art.source.encode("utf-8")
    inputs = {e.input for e in errors} | {a.source.rsplit(":", 1)[0] if ".json" in a.source else a.source
                                          for a in articles}
    assert len(inputs) >= len(goods) + len(bads) - 5  # at most a few json files hold only a list
