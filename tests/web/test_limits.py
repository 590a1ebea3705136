"""Every request has a time limit, and the server stops on SIGTERM with a query in flight (#18)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from sitrep.store import Store
from tests.web.conftest import local_client

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def _endless_search(store: Store, *_a: object, **_k: object) -> list[object]:
    with store.engine.connect() as conn:
        conn.execute(text(ENDLESS))
    return []


@pytest.mark.parametrize("path", ["/api/search?q=tanks", "/search?q=tanks"])
def test_a_request_past_its_limit_is_a_503(web_store: Store, monkeypatch: pytest.MonkeyPatch,
                                           path: str) -> None:
    import sitrep.kb.queries as queries
    from sitrep.web.app import create_app

    monkeypatch.setattr(queries, "search_articles", _endless_search)
    client = local_client(create_app("unused", store=web_store, request_seconds=0.5))
    r = client.get(path)
    assert r.status_code == 503
    assert "time limit of 0.5 s" in r.text
    assert client.get("/api/articles").status_code == 200  # the next request is served


def test_search_page_says_when_terms_were_dropped(web_store: Store) -> None:
    from sitrep.web.app import create_app

    client = local_client(create_app("unused", store=web_store))
    r = client.get("/search", params={"q": " ".join(f"w{i}" for i in range(100))})
    assert r.status_code == 200
    assert "only the first 32 terms" in r.text


SERVER = """
import sys
from sqlalchemy import text
from sitrep.cli.serve import _server
from sitrep.web.app import create_app
import uvicorn

app = create_app(sys.argv[1], request_seconds=600)

@app.get("/slow")
def slow() -> dict:
    print("slow started", flush=True)
    with app.state.store.engine.connect() as conn:
        conn.execute(text({endless!r}))
    return {{}}

_server(uvicorn, uvicorn.Config(app, port=int(sys.argv[2]), log_level="warning",
                                timeout_graceful_shutdown=3)).run()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_stops_the_server_with_a_query_in_flight(tmp_path: Path) -> None:
    script = tmp_path / "server.py"
    script.write_text(SERVER.format(endless=ENDLESS))
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "s.db"), str(port)], env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(200):
            try:
                client = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        client.sendall(b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert proc.stdout is not None and proc.stdout.readline().strip() == "slow started"
        proc.send_signal(signal.SIGTERM)
        # without the fix the server waits for the query, which runs for minutes
        proc.wait(timeout=60)
        assert proc.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
