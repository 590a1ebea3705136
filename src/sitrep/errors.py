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
    ├── ModelError          the spaCy model package is missing
    ├── PipelineError       the extract stages do not fit together
    └── MissingExtraError   an optional backend is not installed
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error Sitrep raises on purpose."""


class InputError(SitrepError):
    """An input cannot be read as an article. ``location`` names the file (and line)."""

    def __init__(self, location: str, reason: str) -> None:
        self.location = location
        self.reason = reason
        super().__init__(f"{location}: {reason}")


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


class ModelError(SitrepError):
    pass


class PipelineError(SitrepError):
    """A stage is unknown, or needs records no stage before it assigns."""


class MissingExtraError(SitrepError):
    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs optional packages: install them with "
            f"`pip install 'sitrep[{extra}]'`"
        )
