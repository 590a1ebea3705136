"""The event types' rules (``data/event_types.yaml``): one frozen record per type, read
once and checked at load, so that the stage asks ``spec.takes_value`` instead of
comparing type names. A table naming an unknown type, role, entity type, key or check
is refused with an error naming the file and the key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from sitrep.errors import SitrepError
from sitrep.model import ENTITY_TYPES, EVENT_TYPES

# the roles of shared/spec/extract-format.md's table by event type
ROLES = frozenset({
    "actor", "target", "supplier", "recipient", "contractor", "participants", "items", "value",
    "date", "start", "end", "delivery_by", "duration", "place", "personnel", "name", "weapon",
    "killed", "injured", "topic",
})
SLOTS = frozenset({"agent", "patient"})  # besides prepositions (lower-case words)
VERB_CHECKS = frozenset({"transfer", "forces", "territory", "signed_object"})
NOUN_CHECKS = frozenset({"transfer", "signed", "military"})
PLACE_FALLBACKS = frozenset({"nearest_or_main_country", "actor", "next_sentence", "sentence"})
CONTEXT_CUES = frozenset({"electoral", "labour"})
DEADLINE_ROLES = frozenset({"end", "delivery_by"})

Slots = Mapping[str, str | None]


def _frozen(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


@dataclass(frozen=True, slots=True)
class EventTypeSpec:
    """What the events stage does differently for one event type (keys of the table)."""

    type: str
    roles: tuple[str, ...]
    triggers: str = ""
    slots: Slots = field(default_factory=lambda: _frozen({}))
    slots_by_lemma: Mapping[str, Slots] = field(default_factory=lambda: _frozen({}))
    accepts: Mapping[str, frozenset[str]] = field(default_factory=lambda: _frozen({}))
    labelled: bool = False
    named: bool = False
    sides: bool = False
    no_proper_noun: bool = False
    no_gerund_pcomp: bool = False
    gerund_needs_place: bool = False
    verb_check: str | None = None
    noun_check: str | None = None
    context_cue: str | None = None
    weapon_target: bool = False
    addressee_target: bool = False
    target_from_claim_owner: bool = False
    target_from_clause_subject: bool = False
    target_from_patient_owner: bool = False
    person_target: bool = False
    co_participants: bool = False
    takes_value: bool = False
    takes_casualties: bool = False
    takes_personnel: bool = False
    takes_duration: bool = False
    deadline_role: str = "end"
    place_fallback: str | None = None
    absorbs_targets: bool = False
    one_off: bool = False
    tense_splits: bool = False
    participants_distinguish: bool = False
    light_verb_status: bool = False
    person_centred: bool = False
    speech_act: bool = False


_KEYS = {f.name for f in fields(EventTypeSpec)} - {"type"}
_FLAGS = {f.name for f in fields(EventTypeSpec) if f.type == "bool"}
_CHOICES: dict[str, frozenset[str]] = {
    "verb_check": VERB_CHECKS, "noun_check": NOUN_CHECKS, "place_fallback": PLACE_FALLBACKS,
    "context_cue": CONTEXT_CUES, "deadline_role": DEADLINE_ROLES,
}


class TableError(SitrepError):
    """The event-type table is malformed (the message names the file and the key)."""


class _Checker:
    def __init__(self, source: str, groups: Mapping[str, list[str]], lexicons: set[str]) -> None:
        self.source = source
        self.groups = groups
        self.lexicons = lexicons

    def fail(self, key: str, why: str) -> TableError:
        return TableError(f"event-type table {self.source}: {key}: {why}")

    def role(self, key: str, role: Any) -> str:
        if role not in ROLES:
            raise self.fail(key, f"unknown role {role!r} (known: {', '.join(sorted(ROLES))})")
        return str(role)

    def slots(self, key: str, raw: Any) -> Slots:
        if not isinstance(raw, dict):
            raise self.fail(key, "expected a mapping of slot -> role")
        out: dict[str, str | None] = {}
        for slot, role in raw.items():
            if slot not in SLOTS and not (isinstance(slot, str) and slot.isalpha() and slot.islower()):
                raise self.fail(f"{key}.{slot}", "a slot is agent, patient or a preposition")
            out[slot] = None if role is None else self.role(f"{key}.{slot}", role)
        return _frozen(out)

    def entity_types(self, key: str, raw: Any) -> frozenset[str]:
        if isinstance(raw, str):
            if raw not in self.groups:
                raise self.fail(key, f"unknown entity-type group {raw!r} (roles.yaml accepts.groups)")
            raw = self.groups[raw]
        if not isinstance(raw, list):
            raise self.fail(key, "expected a group name or a list of entity types")
        for t in raw:
            if t not in ENTITY_TYPES:
                raise self.fail(key, f"unknown entity type {t!r} (known: {', '.join(ENTITY_TYPES)})")
        return frozenset(raw)

    def record(self, etype: str, raw: Any) -> EventTypeSpec:
        if etype not in EVENT_TYPES:
            raise self.fail(str(etype), f"unknown event type (known: {', '.join(EVENT_TYPES)})")
        if not isinstance(raw, dict) or "roles" not in raw:
            raise self.fail(etype, "expected a mapping with `roles`")
        kwargs: dict[str, Any] = {"type": etype, "triggers": etype}
        for key, val in raw.items():
            where = f"{etype}.{key}"
            if key not in _KEYS:
                raise self.fail(where, f"unknown key (known: {', '.join(sorted(_KEYS))})")
            kwargs[key] = self.value(where, key, val)
        if kwargs["triggers"] not in self.lexicons:
            raise self.fail(f"{etype}.triggers", f"no lexicon {kwargs['triggers']!r} in triggers.yaml")
        return EventTypeSpec(**kwargs)

    def value(self, where: str, key: str, val: Any) -> Any:
        if key == "roles":
            if not isinstance(val, list):
                raise self.fail(where, "expected a list of roles")
            return tuple(self.role(where, r) for r in val)
        if key == "slots":
            return self.slots(where, val)
        if key == "slots_by_lemma":
            if not isinstance(val, dict):
                raise self.fail(where, "expected a mapping of lemma -> slots")
            return _frozen({lemma: self.slots(f"{where}.{lemma}", s) for lemma, s in val.items()})
        if key == "accepts":
            if not isinstance(val, dict):
                raise self.fail(where, "expected a mapping of role -> entity types")
            return _frozen({self.role(f"{where}.{r}", r): self.entity_types(f"{where}.{r}", t)
                            for r, t in val.items()})
        if key in _FLAGS:
            if not isinstance(val, bool):
                raise self.fail(where, "expected true or false")
            return val
        if key in _CHOICES and val not in _CHOICES[key]:
            raise self.fail(where, f"unknown value {val!r} (known: {', '.join(sorted(_CHOICES[key]))})")
        return val


def load_table(text: str, source: str, groups: Mapping[str, list[str]],
               lexicons: set[str]) -> dict[str, EventTypeSpec]:
    """Parse and check a table: every event type once, every key, role and type known."""
    checker = _Checker(source, groups, lexicons)
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TableError(f"event-type table {source} cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise checker.fail("(top)", "expected a mapping of event type -> record")
    table = {etype: checker.record(etype, rec) for etype, rec in raw.items()}
    missing = [t for t in EVENT_TYPES if t not in table]
    if missing:
        raise checker.fail(missing[0], "event type has no record")
    return table


def _data(name: str) -> Path:
    return Path(str(resources.files("sitrep.extract.events") / "data" / name))


@lru_cache(maxsize=1)
def table() -> Mapping[str, EventTypeSpec]:
    """The shipped table, read once."""
    path = _data("event_types.yaml")
    roles = yaml.safe_load(_data("roles.yaml").read_text(encoding="utf-8"))
    triggers = yaml.safe_load(_data("triggers.yaml").read_text(encoding="utf-8"))
    return MappingProxyType(load_table(path.read_text(encoding="utf-8"), str(path),
                                       roles["accepts"]["groups"], set(triggers)))


def spec_of(etype: str) -> EventTypeSpec:
    """The record of ``etype`` (every type of sitrep.model.EVENT_TYPES has one)."""
    return table()[etype]


def labelled_lexicon() -> str:
    """The triggers.yaml key of the type whose events carry labels (``other``)."""
    return next(s.triggers for s in table().values() if s.labelled)
