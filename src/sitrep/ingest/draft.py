"""An article as a reader found it (:class:`Draft`), finished into a typed Article.

Finishing is the same for every format: the date as ISO 8601 (or the url's date, or a
warning), the outlet from the url's domain when no reader found one, the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.config import Settings
from sitrep.errors import NoArticleError
from sitrep.ingest import dates
from sitrep.ingest.language import detect_language
from sitrep.ingest.outlets import outlet_for_url
from sitrep.model import Article

NO_DATE_WARNING = "no publication date found: relative time expressions stay unresolved"


@dataclass(slots=True)
class Draft:
    text: str
    source: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    outlet: str | None = None
    published: object = None  # anything dates.normalize reads
    url: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def finish(draft: Draft, settings: Settings | None = None) -> Article:
    """The typed Article; NoArticleError when there is no body text."""
    text = draft.text.strip()
    if not text:
        raise NoArticleError(draft.source, "no article body found in it (only boilerplate or metadata)")
    warnings = list(draft.warnings)
    published = dates.normalize(draft.published) or dates.from_url(draft.url)
    if published is None:
        warnings.append(NO_DATE_WARNING)
    return Article(
        text=text,
        source=draft.source,
        title=_clean(draft.title),
        authors=[a for a in (_clean(a) for a in draft.authors) if a],
        agency=_clean(draft.agency),
        outlet=_clean(draft.outlet) or outlet_for_url(draft.url),
        published=published,
        url=_clean(draft.url),
        language=draft.language or detect_language(text),
        warnings=warnings,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
