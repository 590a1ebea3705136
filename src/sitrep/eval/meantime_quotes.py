"""Speaker attribution for reported speech, checked on MEANTIME's reporting events.

MEANTIME (English Wikinews, ``../shared/eval/meantime-en``) marks events of class
SPEECH_COGNITIVE ("said", "announced", "expects") and their PropBank Arg0, the one
who speaks or thinks. For each such event mention with an Arg0 this check asks:
- cue recall: does the quotes stage report a quote whose cue is that word?
- speaker accuracy (of those found): is the quote's speaker mention the Arg0 mention,
  or its speaker entity the Arg0's entity?
Entities come from MEANTIME's own mentions (named and nominal ones; pronoun mentions
are withheld, so pronouns are resolved by the quote stage itself), so the figure
measures the quote rules, not the entity stage. MEANTIME annotates the title, the
dateline and the first four sentences; the whole text is analysed. Documents 100911
and 102977 are test data (``news-articles``) and are always skipped. Run::

    python -m sitrep.eval.meantime_quotes ../shared/eval/meantime-en [--json]
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sitrep.errors import InputError
from sitrep.eval.meantime_xml import is_test_doc, xml_sources
from sitrep.extract.quotes import extract_quotes
from sitrep.extract.quotes.lexicon import lexicon
from sitrep.model import Entity, Mention, Quote

TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "REGION"}
PRONOUNS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our",
    "who", "which", "that",
})
_NO_SPACE_BEFORE = frozenset({
    ",", ".", ";", ":", "!", "?", "%", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
})
_QUOTES = frozenset({'"', "``", "''", "“", "”"})
_NO_SPACE_AFTER = frozenset({"(", "$"})


@dataclass(slots=True)
class Report:
    """One reporting event with its speaker (Arg0) in the gold."""

    doc: str
    cue: tuple[int, int]
    cue_text: str
    speaker: tuple[int, int]
    speaker_text: str
    speaker_entity: str | None


@dataclass(slots=True)
class MeantimeDoc:
    doc_id: str
    text: str
    entities: list[Entity]
    reports: list[Report]


@dataclass(slots=True)
class Result:
    docs: int = 0
    events: int = 0  # SPEECH_COGNITIVE event mentions with an Arg0
    speech_verb_events: int = 0  # of those, events whose word is in the reporting-verb lexicon
    found: int = 0
    found_speech_verb: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def cue_recall(self) -> float:
        return self.found / self.events if self.events else 0.0

    @property
    def speech_verb_recall(self) -> float:
        return self.found_speech_verb / self.speech_verb_events if self.speech_verb_events else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found if self.found else 0.0

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d.update(cue_recall=self.cue_recall, speech_verb_recall=self.speech_verb_recall,
                 speaker_accuracy=self.speaker_accuracy)
        return d

    def format(self) -> str:
        return (f"MEANTIME reporting events (dev docs: {self.docs}): events with Arg0={self.events}\n"
                f"  cue recall {self.cue_recall:.3f} ({self.found}/{self.events}); speech verbs only "
                f"{self.speech_verb_recall:.3f} ({self.found_speech_verb}/{self.speech_verb_events})\n"
                f"  speaker accuracy of found {self.speaker_accuracy:.3f} "
                f"({self.speaker_right}/{self.found})")


def detokenize(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text and each token's character span: one paragraph per sentence, except
    inside an open quotation (a quote of several sentences stays one paragraph)."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, glue, prev_sent, in_quote = 0, True, None, False
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        quote = word in _QUOTES
        # a new sentence opens a paragraph, unless a quote is open or it goes on in lower
        # case ('... collapse." | said Stephen Harper': MEANTIME split the attribution off)
        if prev_sent is not None and sent != prev_sent and not in_quote and not word[:1].islower():
            sep = "\n\n"
        elif glue or word in _NO_SPACE_BEFORE or (quote and in_quote):
            sep = ""
        else:
            sep = " "
        word = '"' if quote else word
        parts.append(sep + word)
        pos += len(sep)
        spans[tok.get("t_id", "")] = (pos, pos + len(word))
        pos += len(word)
        glue = word in _NO_SPACE_AFTER or (quote and not in_quote)
        in_quote = in_quote != quote
        prev_sent = sent
    return "".join(parts), spans


def _anchor_span(el: ET.Element, spans: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    got = [spans[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in spans]
    return (min(s for s, _ in got), max(e for _, e in got)) if got else None


def read_doc(name: str, data: bytes) -> MeantimeDoc:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(name, f"not valid MEANTIME XML: {exc}") from exc
    text, spans = detokenize(root)
    marks = root.find("Markables")
    rels = root.find("Relations")
    if marks is None or rels is None:
        raise InputError(name, "no Markables or Relations: not a MEANTIME CAT file")
    mention_span = {m.get("m_id"): _anchor_span(m, spans) for m in marks if m.iter("token_anchor")}
    refers = {r.find("source").get("m_id"): r.find("target").get("m_id")  # type: ignore[union-attr]
              for r in rels.iter("REFERS_TO")}
    speech = {e.get("m_id") for e in marks.iter("EVENT") if e.get("class") == "SPEECH_COGNITIVE"}
    entities = _entities(marks, mention_span, refers, text)
    reports = []
    for hp in rels.iter("HAS_PARTICIPANT"):
        src, tgt = hp.find("source").get("m_id"), hp.find("target").get("m_id")  # type: ignore[union-attr]
        cue, spk = mention_span.get(src), mention_span.get(tgt)
        if hp.get("sem_role") != "Arg0" or refers.get(src) not in speech or not cue or not spk:
            continue
        reports.append(Report(name, cue, text[cue[0]:cue[1]], spk, text[spk[0]:spk[1]],
                              f"m{refers[tgt]}" if tgt in refers else None))
    return MeantimeDoc(root.get("doc_id", name), text, entities, reports)


def _entities(
    marks: ET.Element, mention_span: dict[str | None, tuple[int, int] | None],
    refers: dict[str | None, str | None], text: str,
) -> list[Entity]:
    """MEANTIME's entity instances with their named and nominal mentions (no pronouns)."""
    by_instance: dict[str, Entity] = {}
    for inst in marks.iter("ENTITY"):
        mid = inst.get("m_id", "")
        by_instance[mid] = Entity(f"m{mid}", inst.get("TAG_DESCRIPTOR", "").strip(),
                                  TYPES.get(inst.get("ent_type", ""), "OTHER"))
    for em in marks.iter("ENTITY_MENTION"):
        span = mention_span.get(em.get("m_id"))
        ent = by_instance.get(refers.get(em.get("m_id")) or "")
        if span and ent and text[span[0]:span[1]].lower() not in PRONOUNS:
            ent.mentions.append(Mention(span[0], span[1], text[span[0]:span[1]]))
    return [e for e in by_instance.values() if e.mentions]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: MeantimeDoc, quotes: list[Quote], res: Result) -> None:
    verbs = lexicon().speech_verbs
    for rep in doc.reports:
        res.events += 1
        is_verb = rep.cue_text.lower() in verbs or any(rep.cue_text.lower().startswith(v) for v in verbs)
        res.speech_verb_events += is_verb
        hits = [q for q in quotes if q.cue_span and _overlaps((q.cue_span.start or 0, q.cue_span.end or 0),
                                                              rep.cue)]
        if not hits:
            res.misses.append(f"{doc.doc_id}: no quote for cue {rep.cue_text!r}")
            continue
        res.found += 1
        res.found_speech_verb += is_verb
        if any(_right_speaker(q, rep) for q in hits):
            res.speaker_right += 1
        else:
            q = hits[0]
            got = q.speaker_mention.text if q.speaker_mention else None
            res.misses.append(f"{doc.doc_id}: {rep.cue_text!r} speaker {got!r} (entity {q.speaker}) "
                              f"!= {rep.speaker_text!r}")


def _right_speaker(q: Quote, rep: Report) -> bool:
    if rep.speaker_entity is not None and q.speaker == rep.speaker_entity:
        return True
    sm = q.speaker_mention
    return sm is not None and sm.start is not None and _overlaps((sm.start, sm.end or sm.start), rep.speaker)


def evaluate(path: Path) -> Result:
    from sitrep.nlp import load_nlp

    nlp = load_nlp()
    res = Result()
    docs = [read_doc(name, data) for name, data in xml_sources(path) if not is_test_doc(name)]
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        res.docs += 1
        score_doc(doc, extract_quotes(parsed, doc.entities), res)
    return res


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print("usage: python -m sitrep.eval.meantime_quotes PATH [--json] [--misses]", file=sys.stderr)
        return 2
    res = evaluate(Path(args[0]))
    if "--json" in argv:
        print(json.dumps(res.to_dict(), indent=1))
    else:
        print(res.format())
        if "--misses" in argv:
            print("\n".join("  - " + m for m in res.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
