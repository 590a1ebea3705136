from __future__ import annotations

import gzip
import io
import json
import sys

from sitrep.errors import MalformedRecordError
from sitrep.ingest import read_inputs
from sitrep.model import Article, article_id

from .conftest import ARCHIVE_MD, article, read_all

BODY = ("Rebel fighters shelled the airport on Tuesday, officials said. The army "
        "responded with artillery fire and said it had repelled the attack.")


def test_plain_text_with_title_and_dateline(write):
    art = article(write("report.txt", f"Airport shelled\n\nMay 2, 2019\n\n{BODY}\n"))
    assert art.title == "Airport shelled"
    assert art.published == "2019-05-02"
    assert art.text == BODY
    assert art.id == article_id(BODY)
    assert art.source.endswith("report.txt")


def test_plain_text_wrapped_lines_join_into_one_paragraph(write):
    art = article(write("wrapped.txt", "Rebel fighters shelled the airport\non Tuesday, officials said.\n"))
    assert art.text == "Rebel fighters shelled the airport on Tuesday, officials said."


def test_jsonl_streams_records_with_line_sources(write):
    lines = [
        json.dumps({"title": "One", "text": BODY, "published": "2020-01-02", "url": "https://www.bbc.co.uk/news/1",
                    "authors": ["A. Writer"]}),
        "",
        json.dumps({"title": "Two", "text": BODY + " More.", "outlet": "Kyiv Post",
                    "published": "3 March 2021"}),
    ]
    path = write("batch.jsonl", "\n".join(lines) + "\n")
    one, two = read_all(path)
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.source == f"{path}:1" and two.source == f"{path}:3"
    assert (one.title, one.outlet, one.published) == ("One", "BBC News", "2020-01-02")
    assert one.authors == ["A. Writer"]
    assert (two.outlet, two.published) == ("Kyiv Post", "2021-03-03")


def test_jsonl_record_with_html(write):
    page = (f"<html><head><title>T</title></head><body><article><p>{BODY}</p><p>{BODY}</p>"
            "</article></body></html>")
    rec = {"html": page, "url": "https://www.reuters.com/world/x", "title": "Given title"}
    art = article(write("pages.jsonl", json.dumps(rec) + "\n"))
    assert art.title == "Given title" and art.outlet == "Reuters"
    assert BODY in art.text


def test_json_list_of_records(write):
    path = write("list.json", json.dumps([{"text": BODY}, {"text": BODY + " Again."}]))
    items = read_all(path)
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2"]


def test_gzip_of_markdown_and_jsonl(write):
    md = write("tanker.md.gz", gzip.compress(ARCHIVE_MD.encode()))
    jl = write("batch.jsonl.gz", gzip.compress((json.dumps({"text": BODY}) + "\n").encode()))
    first, second = read_all(md, jl)
    assert first.title == "Navy Seizes Tanker Near Strait"
    assert second.source == f"{jl}:1"


def test_directory_is_walked_recursively_in_order(write, tmp_path):
    write("b/two.txt", BODY + " Two.")
    write("a/one.md", ARCHIVE_MD)
    write("a/deep/three.html", f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    write("a/one.gold.yaml", "entities: []")  # not an article format: passed over
    write("SOURCES.md", "# Sources\n\nNotes, not an article.")
    write(".hidden/x.txt", BODY)
    items = read_all(tmp_path)
    assert [i.source.split("/")[-1] for i in items] == ["three.html", "one.md", "two.txt"]


def test_glob(write, tmp_path):
    write("x1.txt", BODY + " One.")
    write("x2.txt", BODY + " Two.")
    write("y.txt", BODY)
    items = read_all(str(tmp_path / "x*.txt"))
    assert [i.source.split("/")[-1] for i in items] == ["x1.txt", "x2.txt"]


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARCHIVE_MD.encode())))
    (art,) = read_inputs(["-"])
    assert isinstance(art, Article)
    assert art.source == "-" and art.agency == "Reuters"


def test_extensionless_inputs_are_sniffed(write):
    page = f"<!DOCTYPE html><html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    jl = json.dumps({"text": BODY}) + "\n"
    items = read_all(write("page", page), write("lines", jl), write("notes", BODY))
    assert [type(i) for i in items] == [Article, Article, Article]
    assert items[1].source.endswith("lines:1")


def test_non_english_article_is_read_with_its_language(write):
    ru = ("Президент Беларуси заявил в воскресенье, что Минск планирует закупить у России "
          "вооружения на сумму более миллиарда долларов.")
    art = article(write("ru.txt", ru))
    assert art.language == "ru"


def test_the_same_body_from_two_files_has_one_id(write):
    a = article(write("a.txt", BODY))
    b = article(write("b.md", f"Title\n\n{BODY}"))
    assert a.id == b.id


def test_malformed_line_names_path_and_line_and_the_rest_goes_on(write):
    lines = [json.dumps({"text": BODY}), "{not json", json.dumps({"title": "no body"}),
             json.dumps({"text": BODY + " 4."})]
    path = write("bad.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    assert [type(i) for i in items] == [Article, MalformedRecordError, MalformedRecordError, Article]
    assert items[1].location == f"{path}:2" and "not valid JSON" in str(items[1])
    assert items[2].location == f"{path}:3" and '"text" or "html"' in str(items[2])


def test_generic_extension_is_refined_by_content(write):
    page = f"<!DOCTYPE html><html><body><nav>Menu</nav><article><p>{BODY}</p><p>{BODY}</p></article>"
    art = article(write("saved-page.txt", page + "</body></html>"))
    assert "<p>" not in art.text and "Menu" not in art.text


def test_wrapped_or_sentence_first_paragraph_is_not_a_title(write):
    wrapped = article(write("w.txt", 'He said the talks "would go on"\nuntil a deal "is reached"\n\n' + BODY))
    sentence = article(write("s.txt", 'The talks "will go on," he said.\n\n' + BODY))
    assert wrapped.title is None and sentence.title is None
    assert wrapped.text.startswith("He said the talks") and sentence.text.startswith("The talks")


def test_jsonl_is_streamed_not_loaded(monkeypatch):
    line = (json.dumps({"text": BODY + " x" * 400}) + "\n").encode()
    data = line * 2000  # about 2 MB

    class CountingStdin(io.BytesIO):
        taken = 0

        def readinto(self, b):  # type: ignore[override]
            n = super().readinto(b)
            CountingStdin.taken += n
            return n

        def read(self, size=-1):  # type: ignore[override]
            chunk = super().read(size)
            CountingStdin.taken += len(chunk)
            return chunk

    stdin = CountingStdin(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
    items = read_inputs(["-"])
    first = next(items)
    assert isinstance(first, Article) and first.source == "-:1"
    assert CountingStdin.taken < len(data) / 10


def test_input_from_bytes_reads_like_a_file():
    from sitrep.ingest import read_input
    from sitrep.ingest.sources import input_from_bytes

    (art,) = read_input(input_from_bytes("hdfs://x/tanker.md.gz", gzip.compress(ARCHIVE_MD.encode())), None)
    assert art.title == "Navy Seizes Tanker Near Strait" and art.source == "hdfs://x/tanker.md.gz"


def test_line_article_reads_one_line_and_names_its_location():
    import pytest

    from sitrep.config import Settings
    from sitrep.ingest.jsonl import line_article

    line = json.dumps({"title": "T", "text": "Troops crossed the border on Monday, officials said."})
    art = line_article(line, "archive.jsonl:7", Settings())
    assert art.title == "T" and art.source.startswith("archive.jsonl:7")
    with pytest.raises(MalformedRecordError, match="not valid JSON") as err:
        line_article('{"title": ', "archive.jsonl:8", Settings())
    assert err.value.location == "archive.jsonl:8"
