from __future__ import annotations

import pytest

from sitrep.ingest.byline import match_byline, parse_byline
from sitrep.ingest.layout import is_caption
from sitrep.ingest.markdown import render_inline

from .conftest import ARCHIVE_MD, article


def test_reference_article_metadata(reference_article):
    art = article(reference_article)
    assert art.title == "Belarus Leader Eyes $1Bln Russian Arms Deal"
    assert art.authors == ["Anna Smolchenko"]
    assert art.agency == "AFP"
    assert art.outlet == "The Moscow Times"
    assert art.published == "2021-09-13"
    assert art.url == "https://www.themoscowtimes.com/2021/09/13/belarus-leader-eyes-1bln-russian-arms-deal-a75031"
    assert art.language == "en"
    assert art.warnings == []


def test_reference_body_has_no_caption_related_line_or_footer(reference_article):
    text = article(reference_article).text
    assert text.startswith("Belarus leader Alexander Lukashenko on Sunday said")
    for leak in ("president.gov.by", "Related article", "Original url", "themoscowtimes.com", "\\$", "](#)"):
        assert leak not in text
    assert "$1 billion worth of Russian arms" in text
    assert "\n\n" in text  # paragraphs kept apart


def test_archive_markdown_layout(write):
    art = article(write("tanker.md", ARCHIVE_MD))
    assert art.title == "Navy Seizes Tanker Near Strait"
    assert (art.authors, art.agency) == (["Maria Ortiz"], "Reuters")
    assert art.published == "2023-03-03"
    assert art.url == "https://www.aljazeera.com/news/2023/3/3/navy-seizes-tanker"
    assert art.outlet == "Al Jazeera"
    assert art.text.startswith("The navy said on Friday")
    assert "$2 million of fuel near the strait" in art.text  # escape undone, soft break joined
    assert "crew of 24 was detained for questioning" in art.text  # link syntax removed
    assert "Photo:" not in art.text and "Earlier seizure" not in art.text


@pytest.mark.parametrize(("line", "authors", "agency", "outlet"), [
    ("By [Anna Smolchenko for AFP](#)", ["Anna Smolchenko"], "AFP", None),
    ("By BBC News", [], None, "BBC News"),
    ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"], None, None),
    ("By John Smith, Reuters", ["John Smith"], "Reuters", None),
    ("By Mary Jones | The Guardian", ["Mary Jones"], None, "The Guardian"),
    ("By Staff Reporter", [], None, None),
    ("By AFP", [], "AFP", None),
    ("By Tom O'Brien in Kyiv and Ann Li", ["Tom O'Brien", "Ann Li"], None, None),
    ("By ANNA SMOLCHENKO, AFP", ["Anna Smolchenko"], "AFP", None),
    ("By Jane Doe of the Associated Press", ["Jane Doe"], "The Associated Press", None),
    ("By Reuters and AFP", [], "Reuters", None),
])
def test_byline(line, authors, agency, outlet):
    rest = match_byline(render_inline(line))
    assert rest is not None
    got = parse_byline(rest)
    assert (got.authors, got.agency, got.outlet) == (authors, agency, outlet)


@pytest.mark.parametrize("line", [
    "Byelorussian troops moved west.",
    "By the end of the week, talks had stalled.",
    "By Friday, troops had left the town.",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert match_byline(line) is None


@pytest.mark.parametrize(("block", "caption"), [
    ("Soldiers at the test range on Sunday. president.gov.by", True),
    ("Tanks parade through the capital. Sergei Ivanov / TASS", True),
    ("Photo: the frigate in port", True),
    ("The minister arrives for talks (Getty Images)", True),
    ("The army said it had shelled the village on Friday.", False),
    ('"We are ready," he said.', False),
    ("Key points", False),
])
def test_caption_rule(block, caption):
    assert is_caption(block) is caption


def test_markdown_inline_rendering():
    assert render_inline("## A *big* [deal](http://x.org) for \\$5 ![pic](a.png)") == "A big deal for $5"


CLIPPED = """---
title: "Ceasefire holds in the north"
author: [Lena Park]
published: 2024-05-06
source: https://www.theguardian.com/world/2024/may/06/ceasefire
---

# Ceasefire holds in the north

**By Lena Park | May 6, 2024**

Advertisement

KYIV, Ukraine (AP) — A ceasefire in the north held for a second day on Monday, officials said.

Share this article
"""


def test_front_matter_and_page_furniture(write):
    art = article(write("clip.md", CLIPPED))
    assert art.title == "Ceasefire holds in the north"
    assert art.authors == ["Lena Park"] and art.agency == "AP"
    assert art.published == "2024-05-06"
    assert art.url == "https://www.theguardian.com/world/2024/may/06/ceasefire"
    assert art.outlet == "The Guardian"
    assert art.text.startswith("KYIV, Ukraine (AP) — A ceasefire in the north held")
    assert art.text.endswith("officials said.")


@pytest.mark.parametrize(("line", "date"), [
    ("By Anna Smolchenko, AFP | September 13, 2021", "September 13, 2021"),
    ("By John Smith - 13 Sep 2021 10:05 GMT", "13 Sep 2021 10:05 GMT"),
])
def test_byline_with_a_date(line, date):
    got = parse_byline(match_byline(line))
    assert got.date == date and len(got.authors) == 1


def test_caption_after_an_image_is_dropped_anywhere(write):
    md = (
        "Shelling hits port city\n\nBy Ann Lee\n\nJune 1, 2022\n\n"
        "Artillery fire hit the port on Wednesday, the regional governor said.\n\n"
        "Rescue teams worked through the night to reach people under the rubble.\n\n"
        "![Rescuers](https://example.org/img.jpg)\n\n"
        "Rescuers search the ruins of a warehouse. Ivan Petrov / Reuters\n\n"
        "The governor said at least 12 people had been killed.\n"
    )
    art = article(write("port.md", md))
    assert "Rescuers search" not in art.text and "Ivan Petrov" not in art.text
    assert art.text.endswith("at least 12 people had been killed.")
