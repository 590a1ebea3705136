"""Inputs built to break a reader: each gives one InputError naming it, the files after
it are still read (issue #18, points 1 and 8)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from sitrep.errors import InputError, printable
from sitrep.ingest import read_inputs
from sitrep.model import Article

GOOD = "The harbour authority said on Tuesday that two cargo ships had collided near the pier.\n"
LINES = b"".join(json.dumps({"text": f"Report {n}: {GOOD}"}).encode() + b"\n" for n in range(40))


def _corrupt_gzip() -> bytes:
    data = bytearray(gzip.compress(LINES))
    data[20:40] = b"\xff" * 20
    return bytes(data)


CRASHERS: dict[str, tuple[str, bytes, str]] = {
    "truncated gzip": ("a.jsonl.gz", gzip.compress(LINES)[:200], "ended before"),
    "corrupt gzip": ("a.jsonl.gz", _corrupt_gzip(), "decompressing"),
    "corrupt gzipped text": ("a.txt.gz", _corrupt_gzip(), "decompressing"),
    "deep JSON": ("a.json", b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
    "deep JSON line": ("a.jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested too deep"),
    "lone surrogate": ("a.jsonl", b'{"text": "The mayor \\ud800 said so on Monday."}\n', "surrogate"),
    "lone low surrogate": ("a.json", b'{"title": "x\\udc00", "text": "The mayor said so."}', "surrogate"),
    "zero-width only": ("a.txt", "\u200b\u200c\ufeff\u2060\n\u200b".encode(), "no text"),
    "zero-width record": ("a.jsonl", json.dumps({"text": "\u200b\u200d \u200b"}).encode(), "no text"),
    "stray bytes": ("a.txt", b"x#~", "no text"),
}


def _run(tmp_path: Path, name: str, data: bytes) -> list[Article | InputError]:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz-good.txt").write_text(GOOD)
    return list(read_inputs([str(tmp_path)]))


@pytest.mark.parametrize("case", sorted(CRASHERS))
def test_a_crasher_is_one_error_and_the_batch_goes_on(tmp_path: Path, case: str) -> None:
    name, data, reason = CRASHERS[case]
    items = _run(tmp_path, name, data)
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1, items
    assert errors[0].input == str(tmp_path / name) and reason in errors[0].reason
    assert [i.source for i in items if isinstance(i, Article)] == [str(tmp_path / "zz-good.txt")]


@pytest.mark.parametrize("size", range(1, 8))
def test_a_few_random_bytes_are_no_article(tmp_path: Path, size: int) -> None:
    for seed in range(20):
        data = bytes((seed * 37 + k * 101 + size) % 256 for k in range(size))
        items = _run(tmp_path, "a.txt", data)
        assert [type(i) for i in items][-1] is Article
        assert len(items) == 2 and isinstance(items[0], InputError), (data, items)


def test_nul_and_control_characters_are_removed_from_every_field(tmp_path: Path) -> None:
    record = {"title": "Ships\u0000 collide", "text": "The harbour\u0000 said\u0007 so.\u0000\n\tOn Monday.",
              "authors": ["Ann\u0000 Lee"]}
    items = _run(tmp_path, "a.jsonl", json.dumps(record).encode())
    art = items[0]
    assert isinstance(art, Article)
    assert art.text == "The harbour said so.\n\tOn Monday." and art.title == "Ships collide"
    assert art.authors == ["Ann Lee"]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(GOOD.encode())
    (art,) = read_inputs([str(tmp_path)])
    assert isinstance(art, Article) and art.source == f"{tmp_path}/caf\\xe9.txt"
    art.source.encode("utf-8")  # storable


def test_a_newline_in_a_file_name_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "a\nb.txt").write_bytes(b"")
    (err,) = read_inputs([str(tmp_path)])
    assert isinstance(err, InputError) and "\n" not in str(err)
    assert err.location == f"{tmp_path}/a\\nb.txt"


def test_printable_escapes_controls_and_surrogates_only() -> None:
    assert printable("Çavuşoğlu – ok.txt") == "Çavuşoğlu – ok.txt"
    assert printable("a\tb\x00\u2028\ud800") == "a\\tb\\x00\\u2028\\ud800"


def test_a_reader_bug_is_one_error_for_its_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.ingest import jsonl

    def broken(*_: object) -> Article:
        raise ValueError("boom")

    monkeypatch.setattr(jsonl, "record_article", broken)
    (tmp_path / "a.json").write_text('{"text": "x"}')
    items = _run(tmp_path, "b.jsonl", b'{"text": "y"}\n{"text": "z"}\n')
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{tmp_path}/a.json: cannot read it: ValueError: boom",
        f"{tmp_path}/b.jsonl:1: cannot read the line: ValueError: boom",
        f"{tmp_path}/b.jsonl:2: cannot read the line: ValueError: boom",
    ]
    assert isinstance(items[-1], Article)


def test_an_article_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    from sitrep.config import Settings

    (tmp_path / "a.txt").write_text("The mayor spoke. " * 100)
    (err,) = read_inputs([str(tmp_path / "a.txt")], Settings(max_article_chars=1000))
    assert isinstance(err, InputError) and "over the 1,000-character limit" in err.reason


def test_a_symlink_loop_or_dangling_link_gets_its_own_reason(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "dangling").symlink_to("nowhere")
    reasons = [i.reason for i in read_inputs([str(tmp_path / n) for n in ("a", "dangling", "none")])]
    assert reasons == ["a loop of symbolic links: it leads to no file",
                       "a symbolic link to a missing file (nowhere)", "no such file or directory"]


def test_markdown_far_over_the_article_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    import time

    from sitrep.config import Settings

    path = tmp_path / "a.md"
    path.write_text("# Title\n\nThe mayor said so.\n\n" + "[" * 50_000)
    began = time.monotonic()
    (err,) = read_inputs([str(path)], Settings(max_article_chars=10_000))
    assert time.monotonic() - began < 1  # markdown-it alone takes seconds on these brackets
    assert isinstance(err, InputError) and "far over the 10,000-character limit" in err.reason
