"""Start `sitrep serve` and headless Chromium: shared by the browser tests and
docs/screenshots/make_screenshots.py (so both drive the same server the same way)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SITREP = str(Path(sys.executable).parent / "sitrep")


def chromium_path() -> str | None:
    path = os.environ.get("SITREP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).is_file() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path | str, port: int | None = None, timeout: float = 60.0) -> Iterator[str]:
    """`sitrep serve` over ``db`` on localhost; yields its base URL once it answers."""
    port = port or free_port()
    env = {**os.environ, "SITREP_DB": str(db)}
    proc = subprocess.Popen([SITREP, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("sitrep serve exited early") from None
                if time.monotonic() > deadline:
                    raise RuntimeError(f"sitrep serve did not answer within {timeout:.0f} s") from None
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
