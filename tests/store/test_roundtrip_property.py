"""Property: whatever records the pipeline makes, the store gives them back exactly."""

from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import Analysis, Article, Entity, Event, Evidence, Mention, Quote, Source, Span, Timex
from sitrep.store import Store, open_store

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
offset = st.integers(min_value=0, max_value=10_000)
maybe_offset = st.none() | offset
json_leaf = st.none() | st.booleans() | st.integers(-10**20, 10**20) | text | st.floats(allow_nan=False,
                                                                                          allow_infinity=False)
json_value = st.recursive(json_leaf, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(text, kids,
                                                                                                max_size=3),
                          max_leaves=8)
span = st.builds(Span, maybe_offset, maybe_offset, text)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    body = draw(text) + uuid.uuid4().hex  # distinct texts, distinct ids
    art = Article(text=body, source=draw(text), title=draw(st.none() | text), authors=draw(st.lists(text,
                                                                                                    max_size=2)),
                  published=draw(st.none() | st.just("2021-09-13")), language=draw(st.none() | st.just("en")),
                  analysis=draw(st.none() | text), warnings=draw(st.lists(text, max_size=2)),
                  sources=[Source(location=draw(text) + str(i)) for i in range(draw(st.integers(0, 2)))])
    ids = [f"e{i}" for i in range(draw(st.integers(0, 3)))]
    ents = [Entity(i, draw(text), draw(st.sampled_from(["PERSON", "COUNTRY"])), draw(st.none() | text),
                   draw(st.dictionaries(text, json_value, max_size=2)),
                   draw(st.lists(st.builds(Mention, maybe_offset, maybe_offset, text,
                                           st.sampled_from(["body", "byline", "url"])), max_size=3)))
            for i in ids]
    ref = st.sampled_from(ids) if ids else text
    arg_span = st.fixed_dictionaries({"start": offset, "end": offset})
    arg = (ref | json_value | st.lists(ref | json_value, max_size=3)
           | st.fixed_dictionaries({"entity": ref, "span": arg_span})
           | st.fixed_dictionaries({"span": arg_span, "entity": ref}))
    events = [Event(f"v{i}", draw(text), draw(text), draw(st.dictionaries(text, arg, max_size=4)),
                    draw(st.lists(st.builds(Evidence, offset, offset, text, st.none() | text), max_size=2)),
                    draw(st.floats(0, 1)), draw(st.none() | text), draw(st.none() | span))
              for i in range(draw(st.integers(0, 3)))]
    quotes = draw(st.lists(st.builds(Quote, offset, offset, text, text, st.none() | ref, st.none() | text,
                                     st.none() | span, st.none() | span), max_size=3))
    timexes = draw(st.lists(st.builds(Timex, offset, offset, text, text, st.none() | text, st.none() | text,
                                      st.none() | text), max_size=3))
    version = draw(st.sampled_from(["0.1.0", "x"]))
    return Analysis(art, ents, timexes, quotes, events, pipeline_version=version)


def _check(store, a: Analysis) -> None:  # type: ignore[no-untyped-def]
    assert store.add(a)
    got = store.get(a.article.id)
    assert json.dumps(got.to_dict()) == json.dumps(a.to_dict())


def _run_property(store: Store, examples: int) -> None:
    """Every generated analysis written to ``store`` reads back equal (store closed after)."""

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(analyses())
    def prop(a: Analysis) -> None:
        _check(store, a)

    try:
        prop()
    finally:
        store.close()


def test_round_trip_property_sqlite(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    _run_property(open_store(str(tmp_path_factory.mktemp("prop") / "p.db")), 150)


def test_round_trip_property_postgresql(pg_url: str) -> None:
    from tests.store.conftest import pg_schema_url

    urls = pg_schema_url(pg_url)
    try:
        _run_property(open_store(next(urls)), 60)
    finally:
        urls.close()
