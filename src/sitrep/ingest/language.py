"""Language detection with langdetect, seeded so the same text always gets the same answer."""

from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _factory_ready() -> bool:
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    return True


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (e.g. "en"), None when undecidable."""
    from langdetect import LangDetectException, detect

    _factory_ready()
    try:
        code = detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None
    return code.split("-")[0]
