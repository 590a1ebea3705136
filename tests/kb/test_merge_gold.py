"""The cross-article merge scorer (sitrep.eval.kbmerge) on a synthetic three-article case
with a known answer, and the gold file of tests/dev/kb-merge loads and names real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import kb
from sitrep.eval.kbmerge import find_span, kb_ids, load_gold, score
from sitrep.model import Analysis, Article
from sitrep.store import Store
from tests.kb.conftest import entity, event

GOLD = """
articles:
  a: a.md
  b: b.md
  c: c.md
entities:
  - id: nordavia
    members: [[a, Nordavia Aerospace], [b, Nordavia]]
  - id: kestrel
    members: [[a, Kestrel], [c, Kestrel]]
events:
  - id: deal
    type: arms_transfer
    members:
      - [a, Nordavia Aerospace will sell twelve Kestrel jets to Velmar]
      - [b, Nordavia sold a dozen Kestrel fighters to Velmar]
must_not_merge:
  - kind: event
    why: same type and day, another buyer
    a: [a, Nordavia Aerospace will sell twelve Kestrel jets to Velmar]
    b: [c, Kestrel jets bought by Ostrava]
"""

TEXTS = {
    "a": "Nordavia Aerospace will sell twelve Kestrel jets to Velmar, the ministry said on Monday.",
    "b": "Nordavia sold a dozen Kestrel fighters to Velmar on Monday, officials said.",
    "c": "Ten Kestrel jets bought by Ostrava arrived on Monday.",
}


def _analysis(key: str) -> Analysis:
    text = TEXTS[key]
    art = Article(text=text, title=f"Report {key}", outlet=key, published="2030-05-06", source=f"{key}.md")
    names = {"a": [("Nordavia Aerospace", "ORG"), ("Kestrel", "WEAPON_SYSTEM"), ("Velmar", "COUNTRY")],
             "b": [("Nordavia", "ORG"), ("Kestrel", "WEAPON_SYSTEM"), ("Velmar", "COUNTRY")],
             "c": [("Kestrel", "WEAPON_SYSTEM"), ("Ostrava", "COUNTRY")]}[key]
    ents = [entity(f"e{i}", n, t, text) for i, (n, t) in enumerate(names, 1)]
    sentence = text.split(",")[0] if key != "c" else text[:-len(" arrived on Monday.")]
    trigger = {"a": "sell", "b": "sold", "c": "bought"}[key]
    ev = event("v1", "arms_transfer", "asserted", text, sentence, trigger, date="2030-05-06")
    return Analysis(article=art, entities=ents, events=[ev])


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "merge.gold.yaml").write_text(GOLD, encoding="utf-8")
    for key, text in TEXTS.items():
        (tmp_path / f"{key}.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_known_answer(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    analyses = {k: _analysis(k) for k in TEXTS}
    ids = {k: a.article.id for k, a in analyses.items()}
    # the KB joined the Kestrels, left Nordavia split, and wrongly joined all three deals
    kb_of = {("entity", ids["a"], "e1"): "K1", ("entity", ids["b"], "e1"): "K2",
             ("entity", ids["a"], "e2"): "K3", ("entity", ids["c"], "e1"): "K3",
             ("event", ids["a"], "v1"): "V", ("event", ids["b"], "v1"): "V", ("event", ids["c"], "v1"): "V"}
    report = score(gold, analyses, kb_of)
    ents, evs = report.scores["entity"], report.scores["event"]
    assert (ents.clusters, ents.members, ents.mapped) == (2, 4, 4)
    assert (ents.pairwise.p, ents.pairwise.r) == (1.0, 0.5)
    assert ents.split == ["entities:nordavia"]
    assert (evs.clusters, evs.members, evs.mapped) == (1, 3, 3)
    assert evs.pairwise.p == pytest.approx(1 / 3) and evs.pairwise.r == 1.0
    assert evs.b3.r == 1.0 and evs.b3.p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert len(evs.violations) == 1 and "Ostrava" in evs.violations[0]
    assert "must-not-merge violated 1/1" in report.format()


def test_unmapped_member_counts_as_a_miss(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    analyses = {k: _analysis(k) for k in TEXTS}
    analyses["b"].events = []  # the extractor missed the second report's deal
    report = score(gold, analyses, {})
    assert report.scores["event"].mapped == 0
    assert report.scores["event"].pairwise.r == 0.0


def test_end_to_end_through_the_kb(store: Store, gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    analyses = {k: _analysis(k) for k in TEXTS}
    for a in analyses.values():
        assert store.add(a)
    kb.merge(store)
    report = score(gold, analyses, kb_ids(store, [a.article.id for a in analyses.values()]))
    assert report.scores["entity"].mapped == 4 and report.scores["event"].mapped == 3
    assert "entities:kestrel" not in report.scores["entity"].split  # same name, same KB entity


def test_the_dev_gold_loads_and_its_members_are_in_the_texts() -> None:
    gold = load_gold(Path(__file__).parents[1] / "dev" / "kb-merge")
    assert len(gold.entities) + len(gold.events) >= 30 and len(gold.events) >= 8
    clusters = [*gold.entities.values(), *gold.events.values()]
    assert all(len({a for a, _ in m}) == len(m) >= 2 for m in clusters)
    texts: dict[str, str] = {}
    for k, p in gold.articles.items():
        if not p.is_file():
            pytest.skip(f"shared texts not present ({p})")
        texts[k] = p.read_text(encoding="utf-8")
    members = [m for ms in [*gold.entities.values(), *gold.events.values()] for m in ms]
    members += [x for _, a, b, _ in gold.must_not for x in (a, b)]
    assert [m for m in members if find_span(texts[m[0]], m[1]) is None] == []
