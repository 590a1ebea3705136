"""The ``sitrep`` command line: thin commands that call the library and print.

Each command lives in its own module and registers itself on :data:`main`.
"""

from sitrep.cli import (  # noqa: F401  (each module registers its commands)
    eval,
    export,
    extract,
    ingest,
    kb,
    query,
    reanalyze,
    serve,
    spark,
)
from sitrep.cli.app import main

__all__ = ["main"]
