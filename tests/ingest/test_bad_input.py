"""Issue 2 item 8: each bad input gives a clear error naming the file and the reason,
and the other inputs of the batch go on."""

from __future__ import annotations

import gzip
import json

import pytest

from sitrep.config import Settings
from sitrep.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    NoArticleError,
    TooLargeError,
    UnknownFormatError,
)
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.draft import NO_DATE_WARNING
from sitrep.model import Article

from .conftest import article, read_all

BODY = "Government forces retook the town on Monday after a week of fighting, officials said."


def _error(items: list, cls: type[InputError], path) -> InputError:
    assert isinstance(items[0], cls), items[0]
    assert items[0].location == str(path)
    assert str(path) in str(items[0])
    assert isinstance(items[-1], Article), "the batch goes on after the bad input"
    return items[0]


@pytest.mark.parametrize("content", [b"", b"   \n\n  \n"])
@pytest.mark.parametrize("name", ["empty.md", "empty.jsonl", "empty.html"])
def test_empty_file(write, content, name):
    bad, good = write(name, content), write("good.txt", BODY)
    err = _error(read_all(bad, good), EmptyInputError, bad)
    assert "empty" in err.reason


@pytest.mark.parametrize("name", ["photo.txt", "photo.jsonl", "photo.md.gz"])
def test_binary_file(write, name):
    bad, good = write(name, bytes(range(256)) * 40), write("good.txt", BODY)
    err = _error(read_all(bad, good), BinaryInputError, bad)
    assert "binary" in err.reason


def test_invalid_utf8_is_decoded_with_a_detected_encoding(write):
    text = "Le ministre a déclaré que l'armée française quitterait la région après l'été. " * 4
    art = article(write("latin1.txt", text.encode("cp1252")))
    assert "déclaré" in art.text
    assert any("not valid UTF-8" in w for w in art.warnings)


def test_undecodable_text_is_an_encoding_error(monkeypatch):
    class NoMatch:
        def best(self):
            return None

    monkeypatch.setattr("charset_normalizer.from_bytes", lambda data: NoMatch())
    with pytest.raises(EncodingError, match=r"bad\.txt: the text is not valid UTF-8"):
        decode_bytes(b"caf\xe9 au lait", "bad.txt")


def test_html_with_no_article(write):
    page = ("<html><head><title>Index</title></head><body>"
            "<nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>")
    bad, good = write("index.html", page), write("good.txt", BODY)
    err = _error(read_all(bad, good), NoArticleError, bad)
    assert "no article" in err.reason


def test_single_file_over_the_limit_is_refused(write, tmp_path):
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as f:  # 50 MB, sparse
        f.truncate(50 * 1024 * 1024)
    good = write("good.txt", BODY)
    err = _error(read_all(bad, good), TooLargeError, bad)
    assert "10,485,760-byte limit" in err.reason


def test_gzipped_file_over_the_limit_when_unpacked_is_refused(write):
    bad = write("big.txt.gz", gzip.compress(b"word " * 5000))
    good = write("good.txt", BODY)
    _error(read_all(bad, good, settings=Settings(max_file_bytes=10_000)), TooLargeError, bad)


def test_jsonl_archives_over_the_limit_are_streamed(write):
    lines = [json.dumps({"text": f"{BODY} Item {i}."}) for i in range(100)]
    path = write("archive.jsonl", "\n".join(lines))
    items = read_all(path, settings=Settings(max_file_bytes=1000))
    assert len(items) == 100 and all(isinstance(i, Article) for i in items)


def test_jsonl_line_over_the_limit_is_refused_alone(write):
    lines = [json.dumps({"text": BODY}), json.dumps({"text": BODY * 50}), json.dumps({"text": BODY + " 3."})]
    path = write("archive.jsonl", "\n".join(lines) + "\n")
    items = read_all(path, settings=Settings(max_file_bytes=1000))
    assert [type(i) for i in items] == [Article, TooLargeError, Article]
    assert items[1].location == f"{path}:2"


def test_unknown_format(write):
    bad, good = write("report.pdf", b"%PDF-1.7\n\x00\x01\x02\xff" * 100), write("good.txt", BODY)
    err = _error(read_all(bad, good), UnknownFormatError, bad)
    assert '".pdf"' in err.reason and ".jsonl" in err.reason


def test_missing_file_unmatched_glob_and_url(tmp_path):
    items = read_all(tmp_path / "nope.md", tmp_path / "*.nothing", "https://www.bbc.co.uk/news/1")
    assert [type(i) for i in items] == [InputError, InputError, InputError]
    assert "no such file" in items[0].reason and "no file matches" in items[1].reason
    assert "not URLs" in items[2].reason


def test_missing_date_is_a_warning_not_an_error(write):
    art = article(write("undated.md", f"Town retaken\n\n{BODY}\n"))
    assert art.published is None
    assert NO_DATE_WARNING in art.warnings


def test_corrupt_gzip(write):
    bad = write("broken.md.gz", gzip.compress(BODY.encode())[:30])
    good = write("good.txt", BODY)
    _error(read_all(bad, good), InputError, bad)


def test_html_in_a_declared_legacy_charset(write):
    body = "<p>Le ministre a déclaré que l'armée quitterait la région après l'été, selon des sources.</p>" * 3
    page = f'<html><head><meta charset="windows-1252"><title>t</title></head><body><article>{body}</article>'
    art = article(write("legacy.html", (page + "</body></html>").encode("cp1252")))
    assert "déclaré" in art.text
    assert any("windows-1252" in w for w in art.warnings)


def test_path_objects_are_accepted(write):
    from sitrep.ingest import read_inputs

    (art,) = read_inputs([write("p.txt", BODY)])
    assert isinstance(art, Article)


def test_folder_without_articles_is_named(tmp_path):
    from sitrep.errors import InputError
    from sitrep.ingest import read_inputs

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "README.md").write_text("notes, not an article")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items = list(read_inputs([str(folder)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].location == str(folder) and "no article files in this folder" in items[0].reason
