"""Score extract-format records against gold YAML files (../shared/spec/gold-format.md).

The matching rules are those the spec fixes and the shared reference scorer
(``shared/eval/score.py``) follows; ``tests/eval/test_gold_agrees.py`` checks the two
agree number for number. Sections are scored in order (article, entities, timexes,
quotes, events) because speakers and event arguments are checked through the
gold-entity -> system-entity map the entity section builds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sitrep.eval.speaker_kinds import by_kind, format_kinds
from sitrep.eval.textmatch import locate, norm

FAMILIES = {
    "PLACE": {"COUNTRY", "CITY", "REGION", "GPE", "LOC", "LOCATION", "PLACE"},
    "ORG": {"ORG", "MILITARY_UNIT", "BLOC", "ORGANIZATION"},
    "WEAPON": {"WEAPON_SYSTEM", "PRODUCT", "WEAPON"},
}
MAX_EVIDENCE = 400  # an evidence span longer than this matches nothing
LITERAL_RE = re.compile(r"^\d{4}|^PT?\d")  # a date or duration value, not an entity name


def family(entity_type: str | None) -> str:
    t = (entity_type or "").upper()
    for name, members in FAMILIES.items():
        if t in members:
            return name
    return t


def same_family(a: str | None, b: str | None) -> bool:
    fa, fb = family(a), family(b)
    if "FACILITY" in (fa, fb):
        return fa == fb or bool({fa, fb} & {"PLACE", "ORG"})
    return fa == fb


def prf(n_match_sys: int, n_sys: int, n_found: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match_sys / n_sys if n_sys else 0.0
    r = n_found / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Section:
    """Counts for one section; P/R/F1 derive from them."""

    gold: int = 0  # required gold items
    system: int = 0
    found: int = 0  # gold items found (capped at `gold`)
    matched: int = 0  # system items that matched a gold item
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (right, total)
    misses: list[str] = field(default_factory=list)

    @property
    def p(self) -> float:
        return prf(self.matched, self.system, self.found, self.gold)[0]

    @property
    def r(self) -> float:
        return prf(self.matched, self.system, self.found, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.matched, self.system, self.found, self.gold)[2]

    def acc(self, name: str) -> float:
        right, total = self.extra.get(name, (0, 0))
        return right / total if total else 0.0

    def add(self, other: Section) -> None:
        self.gold += other.gold
        self.system += other.system
        self.found += other.found
        self.matched += other.matched
        for k, (a, b) in other.extra.items():
            x, y = self.extra.get(k, (0, 0))
            self.extra[k] = (x + a, y + b)
        self.misses += other.misses


@dataclass
class GoldReport:
    name: str
    sections: dict[str, Section]
    article_fields: tuple[int, int] = (0, 0)
    article_wrong: list[str] = field(default_factory=list)
    boilerplate_in_body: list[str] = field(default_factory=list)
    # speaker accuracy by kind of speaker (sitrep.eval.speaker_kinds): kind -> (right, total)
    speaker_kinds: dict[str, tuple[int, int]] = field(default_factory=dict)
    # the events section split by event type (gold type for gold counts, system type for
    # system counts): type -> Section
    event_types: dict[str, Section] = field(default_factory=dict)

    def format(self, misses: bool = True) -> str:
        right, total = self.article_fields
        lines = [f"{self.name}", f"  article   fields {right}/{total}"
                 + (f"  wrong: {', '.join(self.article_wrong)}" if self.article_wrong else "")
                 + (f"  boilerplate in body: {self.boilerplate_in_body}" if self.boilerplate_in_body else "")]
        for key, sec in self.sections.items():
            accs = "".join(f" {k}={sec.acc(k):.2f}" for k in sec.extra)
            lines.append(f"  {key:9} P={sec.p:.2f} R={sec.r:.2f} F1={sec.f1:.2f} "
                         f"(gold {sec.gold}, system {sec.system}, found {sec.found}){accs}")
            if key == "quotes" and self.speaker_kinds:
                lines.append(f"  {'':9} {format_kinds(self.speaker_kinds)}")
            if key == "events" and self.event_types and not misses:
                lines += format_types(self.event_types)
            if misses:
                lines += [f"            - {m}" for m in sec.misses[:40]]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "article_fields": list(self.article_fields)}
        for key, sec in self.sections.items():
            out[key] = {"P": sec.p, "R": sec.r, "F1": sec.f1, "gold": sec.gold, "system": sec.system,
                        "found": sec.found, "matched": sec.matched,
                        **{k: sec.acc(k) for k in sec.extra}}
        if self.speaker_kinds:
            out["speaker_by_kind"] = {k: {"right": a, "total": b, "acc": a / b if b else 0.0}
                                      for k, (a, b) in self.speaker_kinds.items()}
        if self.event_types:
            out["events_by_type"] = {t: {"P": sec.p, "R": sec.r, "F1": sec.f1, "gold": sec.gold,
                                         "system": sec.system, "found": sec.found,
                                         "matched": sec.matched, "arg_acc": sec.acc("arg_acc")}
                                     for t, sec in sorted(self.event_types.items())}
        return out


def format_types(types: dict[str, Section]) -> list[str]:
    """One line per event type: P/R/F1 and argument accuracy."""
    return [f"  {'':9} {t:22} P={sec.p:.2f} R={sec.r:.2f} F1={sec.f1:.2f} args={sec.acc('arg_acc'):.2f}"
            f" (gold {sec.gold}, system {sec.system}, found {sec.found})"
            for t, sec in sorted(types.items())]


class GoldScorer:
    def __init__(self, gold: dict[str, Any], record: dict[str, Any]) -> None:
        self.gold = gold
        self.rec = record
        self.text: str = record.get("article", {}).get("text", "")
        self.entities: list[dict[str, Any]] = record.get("entities") or []
        self.by_id = {e["id"]: e for e in self.entities}
        owners: dict[tuple[Any, Any], set[str]] = {}
        for e in self.entities:
            for m in e.get("mentions", []):
                if m.get("start") is not None:
                    owners.setdefault((m["start"], m.get("end")), set()).add(e["id"])
        self.shared_spans = {k for k, v in owners.items() if len(v) > 1}
        self.gold_to_sys: dict[str, str] = {}
        # each gold quote with the index of the system quote it matched (None: missed)
        self.quote_hits: list[tuple[dict[str, Any], int | None]] = []
        self.event_types: dict[str, Section] = {}

    def score(self, name: str = "") -> GoldReport:
        report = GoldReport(name=name, sections={})
        self.score_article(report)
        report.sections["entities"] = self.score_entities()
        report.sections["timexes"] = self.score_timexes()
        report.sections["quotes"] = self.score_quotes()
        report.sections["events"] = self.score_events()
        report.speaker_kinds = by_kind(self)
        report.event_types = self.event_types
        return report

    # -- article
    def score_article(self, report: GoldReport) -> None:
        ga, sa = self.gold.get("article") or {}, self.rec.get("article") or {}
        wrong = []
        fields = ["title", "authors", "agency", "outlet", "published", "url"]
        for f in fields:
            gv, sv = ga.get(f), sa.get(f)
            if isinstance(gv, list):
                ok = [norm(x) for x in gv] == [norm(x) for x in sv or []]
            else:
                ok = gv is not None and sv is not None and norm(gv) == norm(sv)
            if not ok:
                wrong.append(f)
        report.article_fields = (len(fields) - len(wrong), len(fields))
        report.article_wrong = wrong
        report.boilerplate_in_body = [s for s in ga.get("not_body", []) if s in self.text]

    # -- entities
    def match_entity(self, ge: dict[str, Any]) -> dict[str, Any] | None:
        keys = {norm(ge["name"])} | {norm(m) for m in ge.get("mentions", [])}
        candidate = None
        for se in self.entities:
            if not same_family(se.get("type"), ge["type"]):
                continue
            if norm(se.get("name", "")) == norm(ge["name"]):
                return se
            forms = {norm(se.get("name", ""))} | {norm(m.get("text", "")) for m in se.get("mentions", [])}
            if candidate is None and forms & keys:
                candidate = se
        return candidate

    def score_entities(self) -> Section:
        sec = Section(system=len(self.entities))
        used: set[str] = set()
        hits = total = found = 0
        for ge in self.gold.get("entities") or []:
            sec.gold += 0 if ge.get("optional") else 1
            gold_mentions = ge.get("mentions", [])
            total += len(gold_mentions)
            se = self.match_entity(ge)
            if se is None:
                if not ge.get("optional"):
                    sec.misses.append(f"not found: {ge['name']} ({ge['type']})")
                continue
            found += 1
            used.add(se["id"])
            self.gold_to_sys[ge["name"]] = se["id"]
            own = {norm(m.get("text", "")) for m in se.get("mentions", [])
                   if (m.get("start"), m.get("end")) not in self.shared_spans}
            missing = [m for m in gold_mentions if norm(m) not in own]
            hits += len(gold_mentions) - len(missing)
            sec.misses += [f"mention of {ge['name']} not attached: {m}" for m in missing]
        sec.found = min(found, sec.gold)
        sec.matched = len(used)
        sec.extra["mention_recall"] = (hits, total)
        return sec

    def same_entity(self, gold_name: str, ref: Any) -> bool:
        if ref is None:
            return False
        if isinstance(ref, dict):
            ref = ref.get("entity") or ref.get("id") or ref.get("name")
        if self.gold_to_sys.get(gold_name) is not None and ref == self.gold_to_sys[gold_name]:
            return True
        se = self.by_id.get(ref) if isinstance(ref, str) else None
        return norm(se["name"] if se else str(ref)) == norm(gold_name)

    # -- timexes
    def score_timexes(self) -> Section:
        sys_t = self.rec.get("timexes") or []
        sec = Section(system=len(sys_t))
        taken: set[int] = set()
        found = right = type_ok = 0
        for gt in self.gold.get("timexes") or []:
            optional = bool(gt.get("optional"))
            sec.gold += 0 if optional else 1
            spans = locate(self.text, gt["text"], gt.get("context"))
            hit = next((i for i, st in enumerate(sys_t) if i not in taken
                        and any(overlap((st["start"], st["end"]), sp) > 0 for sp in spans)), None)
            if hit is None:
                if not optional:
                    sec.misses.append(f"{gt['text']}: not found")
                continue
            taken.add(hit)
            found += 1
            st = sys_t[hit]
            type_ok += str(st.get("type", "")).upper() == gt.get("type", "DATE")
            if str(st.get("value")) in [str(v) for v in gt["values"]]:
                right += 0 if optional else 1
            else:
                sec.misses.append(f"{gt['text']}: {st.get('value')} != {gt['values'][0]}")
        sec.found = min(found, sec.gold)
        sec.matched = len(taken)
        sec.extra["value_acc"] = (right, sec.gold)
        sec.extra["type_acc"] = (type_ok, found)
        return sec

    # -- quotes
    def score_quotes(self) -> Section:
        sys_q = self.rec.get("quotes") or []
        gold_q = self.gold.get("quotes") or []
        sec = Section(system=len(sys_q), gold=len(gold_q))
        taken: set[int] = set()
        spk = kind_ok = 0
        for gq in gold_q:
            spans = locate(self.text, gq["text"], gq.get("context"))
            hit = next((i for i, sq in enumerate(sys_q) if i not in taken
                        and any(overlap((sq["start"], sq["end"]), sp) >= 0.5 * (sp[1] - sp[0])
                                for sp in spans)), None)
            self.quote_hits.append((gq, hit))
            if hit is None:
                sec.misses.append(f"not found: {gq['text'][:50]}")
                continue
            taken.add(hit)
            sec.found += 1
            kind_ok += sys_q[hit].get("kind") == gq.get("kind")
            if gq.get("speaker") is None:
                continue
            names = gq["speaker"] if isinstance(gq["speaker"], list) else [gq["speaker"]]
            if any(self.same_entity(n, sys_q[hit].get("speaker")) for n in names):
                spk += 1
            else:
                got = sys_q[hit].get("speaker")
                sec.misses.append(f"speaker {got} != {gq['speaker']}: {gq['text'][:40]}")
        sec.matched = len(taken)
        sec.extra["speaker_acc"] = (spk, sum(1 for q in gold_q if q.get("speaker")))
        sec.extra["kind_acc"] = (kind_ok, sec.found)
        return sec

    # -- events
    def score_events(self) -> Section:
        sys_v = self.rec.get("events") or []
        sec = Section(system=len(sys_v))
        for sv in sys_v:
            self.type_section(sv.get("type")).system += 1
        taken: set[int] = set()
        found = ok_args = n_args = 0
        for gv in self.gold.get("events") or []:
            optional = bool(gv.get("optional"))
            by_type = self.type_section(gv["type"])
            sec.gold += 0 if optional else 1
            by_type.gold += 0 if optional else 1
            spans = [sp for ev in gv["evidence"] for sp in locate(self.text, ev)]
            hit = next((i for i, sv in enumerate(sys_v) if i not in taken and sv.get("type") == gv["type"]
                        and any(overlap(a, b) > 0 for a in self.evidence_spans(sv) for b in spans)), None)
            if hit is None:
                if not optional:
                    sec.misses.append(f"not found: {gv.get('id')} ({gv['type']})")
                continue
            taken.add(hit)
            found += 1
            by_type.found += 1
            by_type.matched += 1
            checks = self.event_checks(gv, sys_v[hit])
            right = sum(ok for _, ok in checks)
            a, b = by_type.extra.get("arg_acc", (0, 0))
            by_type.extra["arg_acc"] = (a + right, b + len(checks))
            n_args += len(checks)
            ok_args += right
            sec.misses += [f"{gv.get('id')}.{role} wrong" for role, ok in checks if not ok]
        sec.found = min(found, sec.gold)
        sec.matched = len(taken)
        sec.extra["arg_acc"] = (ok_args, n_args)
        for part in self.event_types.values():  # capped like the whole section
            part.found = min(part.found, part.gold)
        return sec

    def type_section(self, etype: Any) -> Section:
        return self.event_types.setdefault(str(etype), Section())

    @staticmethod
    def evidence_spans(sv: dict[str, Any]) -> list[tuple[int, int]]:
        return [(e["start"], e["end"]) for e in sv.get("evidence", [])
                if e["end"] - e["start"] <= MAX_EVIDENCE]

    def event_checks(self, gv: dict[str, Any], sv: dict[str, Any]) -> list[tuple[str, bool]]:
        status = gv.get("status")
        ok_status = sv.get("status") in status if isinstance(status, list) else sv.get("status") == status
        checks = [("status", bool(ok_status))]
        args = sv.get("args") or {}
        for role, gval in gv.items():
            if role in {"id", "type", "status", "evidence", "optional"}:
                continue
            checks.append((role, self.arg_ok(role, gval, args.get(role))))
        return checks

    def arg_ok(self, role: str, gval: Any, sval: Any) -> bool:
        if isinstance(gval, dict) and "any" in gval:
            refs = sval if isinstance(sval, list) else [sval]
            return any(self.same_entity(g, r) for g in gval["any"] for r in refs)
        if role == "value":
            return self.money_ok(gval, sval)
        if role == "items":
            return all(self.item_found(gi, sval or []) for gi in gval)
        if isinstance(gval, list):
            if all(isinstance(x, str) and not LITERAL_RE.match(x) for x in gval):
                refs = sval if isinstance(sval, list) else [sval]
                return all(any(self.same_entity(g, s) for s in refs) for g in gval)
            return str(scalar(sval)) in [str(x) for x in gval]
        if isinstance(gval, int | float):
            return within(scalar(sval), gval)
        if LITERAL_RE.match(str(gval)):
            return str(scalar(sval)) == str(gval)
        if isinstance(sval, list):
            return any(self.same_entity(gval, s) for s in sval)
        return self.same_entity(gval, sval) or norm(str(scalar(sval))) == norm(gval)

    @staticmethod
    def money_ok(gval: dict[str, Any], sval: Any) -> bool:
        amount = sval.get("amount") if isinstance(sval, dict) else sval
        if amount is None or not within(amount, gval["amount"]):
            return False
        if gval.get("currency"):
            return isinstance(sval, dict) and str(sval.get("currency", "")).upper() == gval["currency"]
        return True

    def item_found(self, gi: dict[str, Any], items: Iterable[Any]) -> bool:
        """A gold item is found when a system item names it or its category (the system
        item's name, category or entity name contains it) and, where the gold gives a
        number, has that quantity within 1%."""
        want = [norm(gi["name"]), norm(gi.get("category", "-"))]
        for it in items:
            if not isinstance(it, dict):
                continue
            ent = self.by_id.get(it.get("entity")) or {} if isinstance(it.get("entity"), str) else {}
            names = [n for n in (norm(it.get("name") or ""), norm(it.get("category") or ""),
                                 norm(ent.get("name", ""))) if n]
            if not any(w in n for w in want for n in names):
                continue
            q = gi.get("quantity")
            if isinstance(q, int | float):
                sq = it.get("quantity")
                if not within(sq.get("amount") if isinstance(sq, dict) else sq, q):
                    continue
            return True
        return False


def scalar(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("value", value.get("amount", value.get("entity", value.get("name"))))
    return value


def within(value: Any, target: float, tolerance: float = 0.01) -> bool:
    try:
        return abs(float(value) - target) <= tolerance * target
    except (TypeError, ValueError):
        return False


def score_record(gold: dict[str, Any], record: dict[str, Any], name: str = "") -> GoldReport:
    return GoldScorer(gold, record).score(name)
