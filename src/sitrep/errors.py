"""One exception tree for Sitrep. Each message says what went wrong and what to do.

    SitrepError
    ├── InputError          a file or line that cannot be read as an article
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingError
    │   ├── TooLargeError
    │   ├── UnknownFormatError
    │   ├── NoArticleError
    │   └── MalformedRecordError
    ├── StoreError          the database cannot be opened, migrated or written
    │   └── StoreUnavailableError  no write can succeed now (locked, disk full, read-only)
    ├── ModelError          the spaCy model package is missing
    ├── PipelineError       the extract stages do not fit together
    ├── RegistryError       a declared list of readers, exporters or modes holds a name twice
    ├── UnknownNameError    no reader, exporter or mode has the name asked for (also a KeyError)
    └── MissingExtraError   an optional backend is not installed
"""

from __future__ import annotations

import re

# what a location must not hold raw: control characters (a newline splits an error
# line), line separators and surrogates (a file name that is not UTF-8, a broken
# JSON escape): each is shown as a Python-style escape
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(location: str) -> str:
    """``location`` safe to print and store: a byte of a non-UTF-8 file name as ``\\xe9``,
    a newline as ``\\n``, other control characters and lone surrogates escaped."""
    return _UNPRINTABLE.sub(_escape, location)


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if "\udc80" <= ch <= "\udcff":  # a byte os.fsdecode could not decode
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return ch.encode("unicode_escape", errors="backslashreplace").decode("ascii")


class SitrepError(Exception):
    """Base of every error Sitrep raises on purpose."""


class InputError(SitrepError):
    """An input cannot be read as an article. ``location`` names the file (and line),
    ``input`` the file alone (set by the reader loop; the location until then)."""

    def __init__(self, location: str, reason: str) -> None:
        self.location = printable(location)
        self.reason = printable(reason)
        self.input = self.location
        super().__init__(f"{self.location}: {self.reason}")


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLargeError(InputError):
    pass


class UnknownFormatError(InputError):
    pass


class NoArticleError(InputError):
    pass


class MalformedRecordError(InputError):
    pass


class StoreError(SitrepError):
    pass


class StoreUnavailableError(StoreError):
    """The store as a whole cannot be written now (another writer holds it past every
    retry, the disk is full, the file is read-only): a batch stops rather than failing
    each article in turn. Everything written before is complete."""


class ModelError(SitrepError):
    pass


class PipelineError(SitrepError):
    """A stage is unknown, or needs records no stage before it assigns."""


class RegistryError(SitrepError):
    """A declared list (readers, exporters, evaluation modes) gives one name, or one
    file extension, twice."""


class UnknownNameError(SitrepError, KeyError):
    """No declared reader, exporter or evaluation mode has this name; the message lists
    the known ones. A KeyError too, for callers that look names up like a dict."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class MissingExtraError(SitrepError):
    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs optional packages: install them with "
            f"`pip install 'sitrep[{extra}]'`"
        )
