"""The event stage's language data (``data/*.yaml``), loaded once and indexed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from sitrep.errors import SitrepError
from sitrep.extract.events.typetable import labelled_lexicon, spec_of

_FILES = ("triggers", "context", "status", "quantities", "items", "roles", "cameo")


def _load(name: str) -> Any:
    path = resources.files("sitrep.extract.events") / "data" / f"{name}.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SitrepError(f"event lexicon {path} cannot be read: {exc}; reinstall sitrep") from exc


@dataclass(slots=True)
class Lexicon:
    """Indexed views of the data files: lemma -> event types, cue sets, tables."""

    triggers: dict[str, Any]
    context: dict[str, set[str]]
    status: dict[str, Any]
    quantities: dict[str, Any]
    categories: dict[str, str]
    roles: dict[str, Any]
    cameo: dict[str, Any]
    verb_types: dict[str, list[str]] = field(default_factory=dict)
    noun_types: dict[str, list[str]] = field(default_factory=dict)
    phrases: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    governor_status: dict[str, str] = field(default_factory=dict)
    bare_anaphors: dict[str, str] = field(default_factory=dict)  # lemma -> what it refers to

    def __post_init__(self) -> None:
        for etype, spec in self.triggers.items():
            verbs = [v for key in ("verbs", "recipient_verbs", "supplier_verbs", "goods_subject_verbs",
                                   "licensed_verbs")
                     for v in spec.get(key, [])]
            for lemma in verbs:
                self.verb_types.setdefault(lemma, []).append(etype)
            for lemma in [*spec.get("phrasal", {}), *spec.get("labels", {})]:
                self.verb_types.setdefault(lemma, []).append(etype)
            for noun in spec.get("nouns", []):
                if " " in noun:
                    self.phrases.append((tuple(noun.split()), etype))
                else:
                    self.noun_types.setdefault(noun, []).append(etype)
            for phrase in spec.get("phrases", []):
                self.phrases.append((tuple(phrase.split()), etype))
        self.phrases.sort(key=lambda p: -len(p[0]))
        for status, cues in self.status["governors"].items():
            for cue in cues:
                self.governor_status.setdefault(cue, status)

    def spec(self, etype: str) -> dict[str, Any]:
        """The trigger lexicon of ``etype`` (its ``triggers`` key in ``event_types.yaml``)."""
        return self.triggers.get(spec_of(etype).triggers, {})

    def label_spec(self, lemma: str, nominal: bool) -> dict[str, Any]:
        """How a labelled type's trigger is labelled and checked (``triggers.yaml``, key
        ``other``, the type marked ``labelled`` in ``event_types.yaml``)."""
        other = self.triggers.get(labelled_lexicon(), {})
        return dict((other.get("nouns") if nominal else other.get("labels")).get(lemma) or {})

    def cues(self, name: str) -> set[str]:
        return self.context.get(name, set())

    def role_map(self, etype: str, lemma: str | None = None,
                 label: str | None = None) -> dict[str, str | None]:
        spec = spec_of(etype)
        out = dict(self.roles["default"])
        out.update(spec.slots)
        out.update(spec.slots_by_lemma.get(lemma or "", {}))
        out.update(self.roles.get("by_label", {}).get(label or "", {}))
        return out

    def accepts(self, etype: str, role: str) -> frozenset[str] | None:
        """The entity types ``role`` of an ``etype`` event accepts (``event_types.yaml``,
        ``accepts``, over ``roles.yaml`` ``accepts.default``); None when the role takes
        anything (literals, items, dates)."""
        own = spec_of(etype).accepts.get(role)
        if own is not None:
            return own
        table = self.roles.get("accepts", {})
        spec = table.get("default", {}).get(role)
        if spec is None:
            return None
        if isinstance(spec, str):
            spec = table.get("groups", {})[spec]
        return frozenset(spec)

    def category(self, words: list[str]) -> str | None:
        """The item category named by the longest known phrase in ``words`` (lemmas)."""
        text = " " + " ".join(words) + " "
        best: tuple[int, str] | None = None
        for key, cat in self.categories.items():
            if f" {key} " in text and (best is None or len(key) > best[0]):
                best = (len(key), cat)
        return best[1] if best else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = {name: _load(name) for name in _FILES}
    anaphors = data["context"].pop("bare_anaphors", {})
    context = {k: set(v) for k, v in data["context"].items()}
    return Lexicon(
        bare_anaphors={lemma: kind for kind, lemmas in anaphors.items() for lemma in lemmas},
        triggers=data["triggers"], context=context, status=data["status"],
        quantities=data["quantities"], categories=data["items"]["categories"],
        roles=data["roles"], cameo=data["cameo"],
    )
