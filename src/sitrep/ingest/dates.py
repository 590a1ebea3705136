"""Publication dates as ISO 8601: from a dateline, metadata or the url."""

from __future__ import annotations

import re
from datetime import date, datetime

from sitrep.ingest.lexicon import lexicon

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_DATELINE_MAX = 80
_PARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
}


def parse_date(text: str) -> str | None:
    """An ISO date (or date-time, when a time is given) from a date string, else None."""
    label = lexicon().date_label.match(text.strip())
    text = text.strip()[label.end():] if label else text.strip()
    if not text or len(text) > _DATELINE_MAX or not lexicon().date_shape.search(text):
        return None
    if _ISO_DATE.match(text):
        return text if _valid(text) else None
    parsed = _dateparser(text)
    if parsed is None:
        return None
    if _HAS_TIME.search(text):
        return parsed.replace(microsecond=0).isoformat()
    return parsed.date().isoformat()


def _dateparser(text: str) -> datetime | None:
    import dateparser

    try:
        return dateparser.parse(text, languages=["en"], settings=_PARSER_SETTINGS)
    except (ValueError, OverflowError):
        return None


def _valid(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def normalize(value: object) -> str | None:
    """Any given date value (ISO string, datetime, free text) as ISO 8601, else None."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _ISO_DATE.match(value[:10]):
        try:
            if len(value) > 10:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    return parse_date(value)


def from_url(url: str | None) -> str | None:
    """The date in a url path such as /2021/09/13/ or /2021-09-13-, else None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    iso = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return iso if _valid(iso) else None
