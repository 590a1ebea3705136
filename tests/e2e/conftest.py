"""A real `sitrep serve` over a store holding the reference article (real pipeline run),
driven by headless Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REFERENCE, ROOT, require
from tests.e2e.serving import CHROMIUM_ARGS, SITREP, chromium_path, serve


@pytest.fixture(scope="session")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(REFERENCE.is_file(), f"reference article {REFERENCE}")
    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    files = [str(REFERENCE), *sorted(str(p) for p in (ROOT / "examples").glob("wikinews-*.md"))[:1]]
    env = {**os.environ, "SITREP_DB": str(db)}
    subprocess.run([SITREP, "ingest", "-j", "1", "--no-progress", *files], check=True, env=env)
    import sitrep.kb  # noqa: F401
    from sitrep.store import open_store
    from tests.web.conftest import hostile_report

    with open_store(str(db)) as store:
        store.add(hostile_report())
    subprocess.run([SITREP, "kb", "merge"], check=True, env=env)
    return db


@pytest.fixture(scope="session")
def server(served_store: Path) -> Iterator[str]:
    try:
        with serve(served_store) as base:
            yield base
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    require(path is not None, "Chromium (SITREP_CHROMIUM or /usr/bin/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright (pip install playwright)")
        raise
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = ctx.new_page()
    yield pg
    ctx.close()
