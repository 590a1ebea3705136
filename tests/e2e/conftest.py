"""A real `sitrep serve` over a store holding the reference article (real pipeline run),
driven by headless Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REFERENCE, ROOT, require

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SITREP = [str(Path(sys.executable).parent / "sitrep")]


def chromium_path() -> str | None:
    path = os.environ.get("SITREP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).is_file() else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(REFERENCE.is_file(), f"reference article {REFERENCE}")
    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    files = [str(REFERENCE), *sorted(str(p) for p in (ROOT / "examples").glob("wikinews-*.md"))[:1]]
    env = {**os.environ, "SITREP_DB": str(db)}
    subprocess.run([*SITREP, "ingest", "-j", "1", "--no-progress", *files], check=True, env=env)
    import sitrep.kb  # noqa: F401
    from sitrep.store import open_store
    from tests.web.conftest import hostile_report

    with open_store(str(db)) as store:
        store.add(hostile_report())
    subprocess.run([*SITREP, "kb", "merge"], check=True, env=env)
    return db


@pytest.fixture(scope="session")
def server(served_store: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "SITREP_DB": str(served_store)}
    proc = subprocess.Popen([*SITREP, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("sitrep serve exited early")
                time.sleep(0.5)
        else:
            pytest.fail("sitrep serve did not answer within 60 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


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
