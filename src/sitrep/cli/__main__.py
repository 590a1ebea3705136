"""``python -m sitrep.cli``: the ``sitrep`` command line, also as a file for
``spark-submit`` (which needs one to run; see docs/benchmarks.md)::

    spark-submit .../sitrep/cli/__main__.py [--db URL] spark INPUT... OUT [--store]
"""

from sitrep.cli import main

if __name__ == "__main__":
    main(prog_name="sitrep")
