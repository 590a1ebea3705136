"""Every command is documented in the README; the public API is exactly __all__."""

from __future__ import annotations

import sitrep
from sitrep.cli import main
from tests.conftest import ROOT


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = [name for name in main.commands if f"sitrep {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text().split("\n\n")[1]
    assert "make run" in head and "make test" in head


def test_public_api_is_exactly_all():
    public = {n for n in dir(sitrep) if not n.startswith("_")} - {
        "config", "errors", "model", "pipeline", "registry", "nlp", "extract", "ingest",
        "store", "kb", "export", "eval", "web", "batch", "cli", "annotations", "TYPE_CHECKING", "Any",
        "drive", "filters", "places", "timespan",
    }
    assert public == set(sitrep.__all__) - {"__version__"}
