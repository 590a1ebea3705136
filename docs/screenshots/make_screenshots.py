"""Rebuild the screenshots in this folder: the reference article and the Wikinews
examples only (never the BBC evaluation texts: their license is evaluation-only).

    .venv/bin/python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.e2e.serving import CHROMIUM_ARGS, SITREP, chromium_path, serve  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    from playwright.sync_api import sync_playwright

    files = [str(ROOT.parent / "shared" / "examples" / "belarus-arms-deal-2021.md"),
             *sorted(str(p) for p in (ROOT / "examples").glob("wikinews-*.md"))]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.db"
        env = {**os.environ, "SITREP_DB": str(db)}
        subprocess.run([SITREP, "ingest", "-j", "1", "--no-progress", *files], check=True, env=env)
        subprocess.run([SITREP, "kb", "merge"], check=True, env=env)
        with serve(db) as base:
            arts = json.load(urllib.request.urlopen(base + "/api/articles"))
            ref = next(a["id"] for a in arts if "Belarus" in (a["title"] or ""))
            ents = json.load(urllib.request.urlopen(base + "/api/entities?q=Lukashenko"))["items"]
            pages = {
                "articles": "/", "article": f"/articles/{ref}", "entity": f"/entities/{ents[0]['kb_id']}",
                "entities": "/entities", "events": "/events", "events-filtered": "/events?type=arms_transfer",
                "timeline": "/timeline", "map": "/map", "search": "/search?q=Boeing",
            }
            with sync_playwright() as p:
                chromium = chromium_path()
                browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                for name, path in pages.items():
                    page.goto(base + path)
                    page.screenshot(path=str(OUT / f"{name}.png"), full_page=name not in {"article", "map"})
                browser.close()


if __name__ == "__main__":
    main()
