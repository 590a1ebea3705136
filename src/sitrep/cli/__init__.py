"""The ``sitrep`` command line: thin commands that call the library and print.

Each command lives in its own module and registers itself on :data:`main`.
"""

from sitrep.cli import extract  # noqa: F401  (registers commands)
from sitrep.cli.app import main

__all__ = ["main"]
