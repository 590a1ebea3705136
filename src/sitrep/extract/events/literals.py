"""Amounts in text: money ({amount, currency, mod}) and counts ({amount, mod}).

"€2.5bn", "$300 million", "more than a million euros", "about 40", "5,000 troops",
"at least 7", "dozens" (no number: kept as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.extract.events.lexicon import Lexicon, lexicon


@dataclass(slots=True, frozen=True)
class Amount:
    start: int
    end: int
    amount: float | None
    mod: str | None = None
    currency: str | None = None
    text: str = ""

    def as_money(self) -> dict[str, object]:
        return {"amount": _num(self.amount), "currency": self.currency, "mod": self.mod}

    def as_count(self) -> dict[str, object]:
        return {"amount": _num(self.amount), "mod": self.mod}


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(slots=True, frozen=True)
class _Patterns:
    money_symbol: re.Pattern[str]
    money_word: re.Pattern[str]
    count: re.Pattern[str]
    vague: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    q = lexicon().quantities
    mods = _alt(list(q["mods"]))
    scales = _alt(list(q["scales"]))
    words = _alt(list(q["number_words"]))
    syms = _alt(list(q["currency_symbols"]))
    curw = _alt(list(q["currency_words"]))
    num = rf"(?:\d[\d,]*(?:\.\d+)?|(?:{words})(?:-(?:{words}))?)"
    mod = rf"(?:(?P<mod>{mods})\s+)?"
    money_symbol = re.compile(
        rf"(?<!\w){mod}(?P<sym>{syms})\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<scale>{scales})\b)?", re.I)
    money_word = re.compile(
        rf"(?<!\w){mod}(?P<num>{num})(?:[\s-]+(?P<scale>{scales}))?\s+(?:(?:us|u\.s\.)\s+)?(?P<cur>{curw})s?\b",
        re.I)
    count = re.compile(rf"^\s*{mod}(?P<num>{num})(?!\w)(?:[\s-]+(?P<scale>{scales})\b)?", re.I)
    vague = re.compile(rf"^\s*(?:{mod})?(?P<vague>{_alt(q['vague'])})\b", re.I)
    return _Patterns(money_symbol, money_word, count, vague)


def _value(num: str, scale: str | None, lex: Lexicon) -> float | None:
    q = lex.quantities
    num_l = num.lower()
    parts = num_l.split("-")
    if all(p in q["number_words"] for p in parts):
        base = float(sum(q["number_words"][p] for p in parts))
    else:
        try:
            base = float(num.replace(",", ""))
        except ValueError:
            return None
    if scale:
        base *= q["scales"].get(scale.lower(), 1)
    return base


def _mod(text: str | None, lex: Lexicon) -> str | None:
    return lex.quantities["mods"].get(text.lower()) if text else None


def find_money(text: str, offset: int = 0) -> list[Amount]:
    """Money amounts in ``text``; offsets shifted by ``offset``."""
    lex = lexicon()
    pats = _patterns()
    out: list[Amount] = []
    for m in pats.money_symbol.finditer(text):
        cur = lex.quantities["currency_symbols"][m["sym"]] if m["sym"] in lex.quantities[
            "currency_symbols"] else lex.quantities["currency_symbols"].get(m["sym"].upper())
        out.append(Amount(offset + m.start(), offset + m.end(), _value(m["num"], m["scale"], lex),
                          _mod(m["mod"], lex), cur, m.group(0)))
    for m in pats.money_word.finditer(text):
        if any(a.start <= offset + m.start() < a.end for a in out):
            continue
        cur = lex.quantities["currency_words"][m["cur"].lower()]
        out.append(Amount(offset + m.start(), offset + m.end(), _value(m["num"], m["scale"], lex),
                          _mod(m["mod"], lex), cur, m.group(0)))
    return sorted(out, key=lambda a: a.start)


def parse_count(text: str, offset: int = 0) -> Amount | None:
    """The amount at the start of a noun phrase's left part: "about 40", "dozens",
    "a" (one). Vague amounts come back with ``amount`` None and their text."""
    lex = lexicon()
    pats = _patterns()
    m = pats.vague.match(text)
    if m:
        return Amount(offset + m.start("vague"), offset + m.end(), None, _mod(m["mod"], lex), None,
                      m.group(0).strip())
    m = pats.count.match(text)
    if not m:
        return None
    value = _value(m["num"], m["scale"], lex)
    if value is None:
        return None
    return Amount(offset + m.start(), offset + m.end(), value, _mod(m["mod"], lex), None, m.group(0).strip())
