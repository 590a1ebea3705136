"""The quotes stage's language data (``data/cues.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from sitrep.model import Entity


@dataclass(frozen=True, slots=True)
class BodyKind:
    """Which bodies a kind noun ("army", "ministry", "company") can name."""

    types: frozenset[str]
    names: frozenset[str]  # words of a fitting name ("navy", "naval")
    categories: frozenset[str]  # fitting ``attributes.category`` values ("" none)
    unlike: frozenset[str] = frozenset()  # words of a name that rule it out ("party")

    def fits(self, ent: Entity, word: str, name_words: set[str]) -> bool:
        if ent.type not in self.types or bool(name_words & self.unlike):
            return False
        if word in name_words or bool(name_words & self.names):
            return True
        return str(ent.attributes.get("category", "")) in self.categories


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]
    fragment_verbs: frozenset[str]
    phrase_cues: tuple[tuple[str, ...], ...]
    naming_words: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    role_nouns: frozenset[str]
    org_nouns: frozenset[str]
    saying_nouns: frozenset[str]
    direct_only_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    time_words: frozenset[str]
    narrative_participles: frozenset[str]
    voice_nouns: frozenset[str]
    generic_org_nouns: frozenset[str]
    generic_role_nouns: frozenset[str]
    narrative_marks: frozenset[str]
    non_report_heads: frozenset[str]
    question_words: frozenset[str]
    asking_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    document_nouns: frozenset[str]
    object_frames: dict[str, frozenset[str]]
    prep_frames: dict[str, frozenset[str]]
    gerund_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    passive_infinitive_verbs: frozenset[str]
    body_kinds: dict[str, BodyKind]
    issuing_verbs: frozenset[str]
    state_nouns: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.speech_verbs or lemma in self.fragment_verbs


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files(__package__).joinpath("data/cues.yaml").read_text("utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw[key])

    return Lexicon(
        speech_verbs=words("speech_verbs"),
        fragment_verbs=words("fragment_verbs"),
        phrase_cues=tuple(tuple(p.lower().split()) for p in raw["phrase_cues"]),
        naming_words=words("naming_words"),
        person_pronouns=words("person_pronouns"),
        group_pronouns=words("group_pronouns"),
        role_nouns=words("role_nouns"),
        org_nouns=words("org_nouns"),
        saying_nouns=words("saying_nouns"),
        direct_only_verbs=words("direct_only_verbs"),
        relative_pronouns=words("relative_pronouns"),
        complementizers=words("complementizers"),
        determiners=words("determiners"),
        time_words=words("time_words"),
        narrative_participles=words("narrative_participles"),
        voice_nouns=words("voice_nouns"),
        generic_org_nouns=words("generic_org_nouns"),
        generic_role_nouns=words("generic_role_nouns"),
        narrative_marks=words("narrative_marks"),
        non_report_heads=words("non_report_heads"),
        question_words=words("question_words"),
        asking_verbs=words("asking_verbs"),
        agent_nouns=words("agent_nouns"),
        document_nouns=words("document_nouns"),
        object_frames={str(k).lower(): frozenset(str(w).lower() for w in v)
                       for k, v in raw["object_frames"].items()},
        gerund_verbs=words("gerund_verbs"),
        prep_frames={str(k).lower(): frozenset(str(w).lower() for w in v)
                     for k, v in raw["prep_frames"].items()},
        belief_verbs=words("belief_verbs"),
        infinitive_verbs=words("infinitive_verbs"),
        passive_infinitive_verbs=words("passive_infinitive_verbs"),
        body_kinds=_body_kinds(raw["body_kinds"]),
        issuing_verbs=words("issuing_verbs"),
        state_nouns=words("state_nouns"),
    )


def _body_kinds(raw: dict[str, dict[str, list[str]]]) -> dict[str, BodyKind]:
    out = {}
    for nouns, spec in raw.items():
        kind = BodyKind(*(frozenset(str(w).lower() for w in spec.get(k) or [])
                          for k in ("types", "names", "categories", "unlike")))
        kind = BodyKind(frozenset(t.upper() for t in kind.types), kind.names, kind.categories, kind.unlike)
        for noun in str(nouns).split():
            out[noun.lower()] = kind
    return out
