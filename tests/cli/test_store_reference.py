"""The reference article through `sitrep ingest`: stored exactly as the pipeline made it,
and found by the speaker and actor searches exactly where the pipeline's records say."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitrep.batch import analyze_many
from sitrep.cli import main
from sitrep.config import Settings
from sitrep.ingest import read_inputs
from sitrep.store import open_store


def _names(entity) -> set[str]:  # type: ignore[no-untyped-def]
    return {entity.name.lower(), *(m.text.lower() for m in entity.mentions)}


def _refers(entity, name: str) -> bool:  # type: ignore[no-untyped-def]
    words = name.lower().split()
    return any(words == n.split()[i:i + len(words)] for n in _names(entity) for i in range(len(n.split())))


def test_reference_article_round_trip_and_searches(reference_article: Path, tmp_path: Path, pipeline) -> None:
    db = str(tmp_path / "ref.db")
    args = ["--db", db, "ingest", "--no-progress", "-j", "1", str(reference_article)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    [article] = [a for a in read_inputs([str(reference_article)], Settings()) if not isinstance(a, Exception)]
    [expected] = list(analyze_many([article], Settings(n_process=1)))
    with open_store(db) as store:
        got = store.get(expected.article.id)
        assert got is not None
        for s in got.article.sources:
            s.first_seen = None
        assert got.to_dict() == expected.to_dict()

        by_id = {e.id: e for e in expected.entities}
        for name in ("Lukashenko", "Putin"):
            want = [q.text for q in expected.quotes if q.speaker and _refers(by_id[q.speaker], name)]
            assert [h.quote.text for h in store.quotes(speaker=name)] == want
        for name in ("Russia", "Belarus"):
            want = [v.id for v in expected.events
                    if any(_refers(by_id[i], name) for a in v.args.values() for i in _entity_ids(a)
                           if i in by_id)]
            assert [h.event.id for h in store.events(actor=name)] == want


def _entity_ids(value) -> list[str]:  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [i for v in value for i in _entity_ids(v)]
    if isinstance(value, dict) and isinstance(value.get("entity"), str):
        return [value["entity"]]
    return []
