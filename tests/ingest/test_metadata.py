from __future__ import annotations

import pytest

from sitrep.ingest import dates
from sitrep.ingest.html import extract_page
from sitrep.ingest.outlets import domain_table, outlet_for_url

from .conftest import article


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.themoscowtimes.com/2021/09/13/x-a75031", "The Moscow Times"),
    ("http://www.bbc.co.uk/news/world-middle-east-37751613", "BBC News"),
    ("https://edition.cnn.com/2022/01/01/world/x", "CNN"),
    ("http://en.wikinews.org/wiki/Some_story", "Wikinews"),
    ("https://www.example.com/news/1", None),
    ("not a url", None),
    (None, None),
])
def test_outlet_from_domain(url, outlet):
    assert outlet_for_url(url) == outlet


def test_domain_table_is_large_and_well_formed():
    table = domain_table()
    assert len(table) >= 300
    assert all(d == d.lower() and "." in d and " " not in d and name for d, name in table.items())


@pytest.mark.parametrize(("text", "iso"), [
    ("September 13, 2021", "2021-09-13"),
    ("Oct. 4, 2016", "2016-10-04"),
    ("13 Sep 2021 14:05", "2021-09-13T14:05:00"),
    ("Updated: 2 March 2020", "2020-03-02"),
    ("2021-09-13", "2021-09-13"),
    ("Sporting green military uniform", None),
    ("Monday", None),
    ("2021-02-30", None),
])
def test_dateline(text, iso):
    assert dates.parse_date(text) == iso


@pytest.mark.parametrize(("value", "iso"), [
    ("2021-09-13T10:00:00Z", "2021-09-13T10:00:00+00:00"),
    ("2021-09-13", "2021-09-13"),
    ("3 March 2021", "2021-03-03"),
    ("", None),
    (None, None),
])
def test_normalize(value, iso):
    assert dates.normalize(value) == iso


@pytest.mark.parametrize(("url", "iso"), [
    ("https://www.themoscowtimes.com/2021/09/13/belarus-a75031", "2021-09-13"),
    ("https://www.aljazeera.com/news/2023/3/3/navy", "2023-03-03"),
    ("https://example.com/2021-13-45/x", None),
    ("https://example.com/news/12345", None),
])
def test_date_from_url(url, iso):
    assert dates.from_url(url) == iso


PAGE = """<!DOCTYPE html><html><head>
<title>Troops withdraw from border town | Example Daily</title>
<meta property="og:title" content="Troops withdraw from border town">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2022-03-04T10:15:00Z">
<meta property="og:site_name" content="Example Daily">
<link rel="canonical" href="https://www.example-daily.test/world/troops-withdraw">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Troops withdraw from border town</h1>
<p>Government troops withdrew from the border town on Friday after three days of heavy fighting,
local officials said, as talks on a ceasefire resumed in the capital.</p>
<p>The defence ministry said the withdrawal was "a temporary regrouping" and that units would
return once reinforcements arrived. Residents reported that shelling had stopped by midday.</p>
</article>
<footer>Copyright 2022 Example Daily. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_body_and_metadata(write):
    art = article(write("page.html", PAGE))
    assert art.title == "Troops withdraw from border town"
    assert art.authors == ["Jane Smith"]
    assert art.published == "2022-03-04"
    assert art.url == "https://www.example-daily.test/world/troops-withdraw"
    assert art.outlet == "Example Daily"  # the site name, as the domain is not in the table
    assert art.text.startswith("Government troops withdrew")  # the repeated headline is out
    assert "Copyright" not in art.text and "Home" not in art.text
    assert "\n\n" in art.text


def test_html_outlet_prefers_the_domain_table():
    page = PAGE.replace("https://www.example-daily.test/", "https://www.reuters.com/")
    assert extract_page(page).url.startswith("https://www.reuters.com/")


def test_html_title_loses_a_site_suffix_and_site_name_its_tagline(write):
    page = (PAGE.replace("<title>Troops withdraw from border town | Example Daily</title>",
                         "<title>Troops withdraw from border town | Example Daily</title>")
                .replace('<meta property="og:title" content="Troops withdraw from border town">', "")
                .replace('content="Example Daily"', 'content="Example Daily | World | Sport"'))
    art = article(write("page.html", page))
    assert art.outlet == "Example Daily"
    assert art.title == "Troops withdraw from border town"


@pytest.mark.parametrize(("title", "sites", "expected"), [
    ("Troops withdraw | Example Daily", {"Example Daily"}, "Troops withdraw"),
    ("Troops withdraw - example daily", {"Example Daily", None}, "Troops withdraw"),
    ("Troops withdraw - Army says", {"Example Daily"}, "Troops withdraw - Army says"),
    (None, {"Example Daily"}, None),
])
def test_site_suffix(title, sites, expected):
    from sitrep.ingest.html import _without_site

    assert _without_site(title, sites) == expected
