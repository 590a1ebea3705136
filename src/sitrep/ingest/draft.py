"""An article as a reader found it (:class:`Draft`), finished into a typed Article.

Finishing is the same for every format: the date as ISO 8601 (or the url's date, or a
warning), the outlet from the url's domain when no reader found one, the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.config import Settings
from sitrep.errors import NoArticleError, TooLargeError
from sitrep.ingest import dates
from sitrep.ingest.language import detect_language
from sitrep.ingest.outlets import outlet_for_url
from sitrep.ingest.sanitize import MIN_LETTERS, has_text, without_controls
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
    """The typed Article; NoArticleError when there is no body text, TooLargeError when
    the body is over ``Settings.max_article_chars``. Control characters are removed."""
    settings = settings or Settings()
    text = without_controls(draft.text).strip()
    if not text:
        raise NoArticleError(draft.source, "no article body found in it (only boilerplate or metadata)")
    if not has_text(text):
        raise NoArticleError(draft.source, f"no text: the body has fewer than {MIN_LETTERS} letters or "
                                           "digits (only spaces, zero-width or stray characters)")
    if len(text) > settings.max_article_chars:
        raise TooLargeError(draft.source, f"the article text is {len(text):,} characters, over the "
                                          f"{settings.max_article_chars:,}-character limit for one "
                                          "article (Settings.max_article_chars): split it")
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
        language=_clean(draft.language) or detect_language(text),
        warnings=warnings,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(without_controls(str(value)).split())
    return value or None
