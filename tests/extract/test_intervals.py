"""The offset indexes of the stages answer as the scans they replace (random spans)."""

from __future__ import annotations

import random

from sitrep.extract.intervals import Intervals
from sitrep.extract.spans import MentionIndex
from sitrep.model import Entity, Mention


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randint(0, 300)
        out.append((s, s + rng.randint(1, 25)))
    return out


def test_intervals_overlap_as_a_scan_does() -> None:
    rng = random.Random(3)
    for _ in range(50):
        spans = _spans(rng, rng.randint(0, 40))
        ix = Intervals(spans[:10])
        for s, e in spans[10:]:
            ix.add(s, e)
        for qs, qe in _spans(rng, 60):
            assert ix.overlaps(qs, qe) == any(s < qe and qs < e for s, e in spans)


def test_mention_index_answers_as_a_scan_does() -> None:
    rng = random.Random(5)
    for _ in range(30):
        ents = [Entity(id=f"e{k}", name=f"E{k}", type=rng.choice(["PERSON", "ORG"]),
                       mentions=[Mention(s, e, "x") for s, e in _spans(rng, rng.randint(1, 6))])
                for k in range(rng.randint(0, 8))]
        index = MentionIndex(ents)
        rows = sorted(((m.start, m.end, e) for e in ents for m in e.mentions),
                      key=lambda r: (r[0], -r[1]))
        for qs, qe in _spans(rng, 40):
            assert index.overlapping(qs, qe) == [r for r in rows if r[0] < qe and r[1] > qs]
            people = [r for r in rows if r[0] < qe and r[1] > 0 and r[2].type == "PERSON"]
            want = max(people, key=lambda r: r[0])[2] if people else None
            assert index.last_before(qe, lambda ent: ent.type == "PERSON") is want


def test_the_actors_taken_spans_overlap_as_a_scan_does() -> None:
    from sitrep.extract.entities.actors import _Taken
    from sitrep.extract.entities.clusters import Cluster

    rng = random.Random(11)
    cl = Cluster("ORG:x", "X", "ORG")
    for _ in range(30):
        rows = [(s * 7, e * 7, cl) for s, e in _spans(rng, rng.randint(0, 40))]
        taken = _Taken(rows[:5])
        for r in rows[5:]:
            taken.append(r)
        for r in rows[::3]:
            taken.remove(r)
            rows.remove(r)
        for qs, qe in _spans(rng, 40):
            qs, qe = qs * 7, qe * 7
            got = sorted(taken.overlapping(qs, qe), key=lambda r: (r[0], r[1]))
            assert got == sorted((r for r in rows if r[0] < qe and r[1] > qs), key=lambda r: (r[0], r[1]))
