"""Full-text search: token-exact terms and phrases, AND/OR/NOT, the same on both backends."""

from __future__ import annotations

import pytest

from sitrep import kb
from sitrep.kb.search import fts5_query, parse
from sitrep.model import Analysis, Article
from sitrep.store import Store

TEXTS = {
    "air defence": "Russia delivered S-400 air defence systems to Turkey on Monday.",
    "strike": "The company's 1,400 employees went on strike in Poland, the union said.",
    "jets": "Poland ordered 32 F-35 jets from the United States.",
    "tanks": "Poland signed for 250 Abrams tanks; Russia objected.",
}


@pytest.fixture
def searched(store: Store) -> Store:
    for title, text in TEXTS.items():
        store.add(Analysis(article=Article(text=text, title=title, published="2021-09-13", source=title)))
    kb.merge(store)
    return store


def _titles(store: Store, q: str) -> list[str]:
    return sorted(h["title"] for h in kb.search_articles(store, q))


@pytest.mark.parametrize(("query", "titles"), [
    ("S-400", ["air defence"]),                      # not "the company's 1,400"
    ('"air defence"', ["air defence"]),
    ('"defence air"', []),                            # a phrase is in order
    ("Poland", ["jets", "strike", "tanks"]),
    ("Poland Russia", ["tanks"]),                     # AND
    ("jets OR tanks", ["jets", "tanks"]),
    ("Poland -Russia", ["jets", "strike"]),           # NOT
    ("Poland NOT tanks NOT jets", ["strike"]),
    ("F-35 OR S-400", ["air defence", "jets"]),
    ("-Poland", []),                                  # nothing required: nothing found
])
def test_search_language(searched: Store, query: str, titles: list[str]) -> None:
    assert _titles(searched, query) == titles


def test_hits_carry_a_snippet(searched: Store) -> None:
    (hit,) = kb.search_articles(searched, '"air defence"')
    assert "defence" in hit["snippet"].lower()


def test_the_parse() -> None:
    q = parse('tanks OR "main battle tanks" -Leopard NOT T-72 Poland')
    assert q.any_of == ((("tanks",), ("main", "battle", "tanks")), (("poland",),))
    assert q.none_of == (("leopard",), ("t", "72"))
    assert fts5_query(q) == ('("tanks" OR "main battle tanks") AND ("poland") NOT ("leopard" OR "t 72")')


def test_a_long_query_is_capped() -> None:
    from sitrep.kb.search import MAX_TERMS

    words = [f"w{i}" for i in range(1000)]
    q = parse(" ".join(words))
    assert q.n_terms == MAX_TERMS and q.dropped == 1000 - MAX_TERMS
    assert q.any_of[-1] == ((words[MAX_TERMS - 1],),)
    assert fts5_query(q).count('"') == 2 * MAX_TERMS


def test_exclusions_count_toward_the_cap() -> None:
    from sitrep.kb.search import MAX_TERMS

    q = parse(" ".join(f"-x{i}" for i in range(10)) + " " + " ".join(f"y{i}" for i in range(100)))
    assert len(q.none_of) == 10 and q.n_terms == MAX_TERMS


def test_a_long_phrase_keeps_its_first_words() -> None:
    from sitrep.kb.search import MAX_PHRASE

    q = parse('"' + " ".join(f"p{i}" for i in range(500)) + '"')
    assert q.any_of == ((tuple(f"p{i}" for i in range(MAX_PHRASE)),),)
    assert parse("a-" * 5000).any_of[0][0] == ("a",) * MAX_PHRASE


def test_a_thousand_word_search_answers_with_the_cap(searched: Store) -> None:
    # the first MAX_TERMS words decide: all of them are in "jets", the rest is dropped
    query = "Poland ordered jets " + " ".join(f"nowhere{i}" for i in range(1000))
    assert _titles(searched, query) == []
    query = "Poland ordered jets " * 400
    assert _titles(searched, query) == ["jets"]


def test_repeats_are_used_once() -> None:
    q = parse("the the said the -x -x a OR b a OR b")
    assert q.any_of == ((("the",),), (("said",),), (("a",), ("b",))) and q.none_of == (("x",),)
    assert q.dropped == 0
    # a repeat does not take the OR that follows it away from its own term
    assert parse("a a OR c").any_of == ((("a",),), (("a",), ("c",)))
