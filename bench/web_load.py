"""Load bench of the web server (#18.6): a bounded number of requests over a fixed mix
of every read endpoint and page, at several concurrencies, against 127.0.0.1.

    .venv/bin/python bench/web_load.py --store /tmp/s1000.db            # starts `sitrep serve`
    .venv/bin/python bench/web_load.py --url http://127.0.0.1:8000       # a running server

Before timing, it reads the ids to ask for (articles, the most reported KB entities,
KB events, entity names and event types) from the API. Then, per concurrency level,
``--requests`` requests go round the mix in a fixed order (ids drawn with a seed
fixed per level, so each level asks for other ids than the one before), each client
thread on its own keep-alive connection (stdlib ``http.client``).
Printed: requests/s, errors, and p50/p95/p99/max per endpoint and overall; ``--json``
writes the same figures to a file. The clients run on the same machine as the server.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("said", "government", "police", "minister", "president", "killed", "contract",
         "military", "company", "election")


@dataclass(slots=True)
class Ids:
    articles: list[str]
    entities: list[str]
    names: list[str]
    events: list[str]
    types: list[str]


# the mix: (endpoint name, path template); {a} article id, {e} KB entity id, {n} an
# entity name, {v} KB event id, {t} event type, {w} a search word, {p} a page number
MIX: tuple[tuple[str, str], ...] = (
    ("api articles", "/api/articles?page={p}"),
    ("api articles q", "/api/articles?q={w}"),
    ("api article", "/api/articles/{a}"),
    ("api gold.yaml", "/api/articles/{a}/gold.yaml"),
    ("api entities", "/api/entities?page={p}"),
    ("api entities q", "/api/entities?q={n}"),
    ("api entity", "/api/entities/{e}"),
    ("api events", "/api/events?page={p}"),
    ("api events type", "/api/events?type={t}"),
    ("api events actor", "/api/events?actor={n}"),
    ("api event", "/api/events/{v}"),
    ("api events.csv", "/api/events.csv?type={t}"),
    ("api search", "/api/search?q={w}"),
    ("api quotes", "/api/quotes?speaker={n}"),
    ("api corrections", "/api/corrections?article_id={a}"),
    ("page index", "/?page={p}"),
    ("page search", "/search?q={w}"),
    ("page article", "/articles/{a}"),
    ("page entities", "/entities?page={p}"),
    ("page entity", "/entities/{e}"),
    ("page events", "/events?page={p}"),
    ("page events filtered", "/events?type={t}&actor={n}"),
    ("page event", "/events/{v}"),
    ("page timeline", "/timeline?type={t}"),
    ("page map", "/map"),
)


def _get(host: str, port: int, path: str) -> Any:
    conn = http.client.HTTPConnection(host, port, timeout=120)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    if resp.status != 200:
        raise RuntimeError(f"GET {path}: {resp.status} {body[:200]!r}")
    return json.loads(body)


def discover(host: str, port: int) -> Ids:
    arts = [a["id"] for p in (1, 2, 3) for a in _get(host, port, f"/api/articles?page={p}&size=200")]
    ents = _get(host, port, "/api/entities?size=100")["items"]
    # a KB event id with a "/" (an event no merge grouped) has no page of its own: left out
    evs = [v for v in _get(host, port, "/api/events?size=200")["items"] if "/" not in v["kb_event_id"]]
    return Ids(articles=arts, entities=[e["kb_id"] for e in ents[:50]],
               names=[e["name"] for e in ents[:50]], events=[v["kb_event_id"] for v in evs],
               types=sorted({v["type"] for v in evs}) or ["attack"])


def plan(ids: Ids, n: int, seed: int = 18) -> list[tuple[str, str]]:
    """``n`` requests: the mix in order, again and again, ids drawn with ``seed``."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name, tpl = MIX[i % len(MIX)]
        values = {"a": rng.choice(ids.articles), "e": rng.choice(ids.entities),
                  "n": rng.choice(ids.names), "v": rng.choice(ids.events), "t": rng.choice(ids.types),
                  "w": rng.choice(WORDS), "p": rng.randint(1, 3)}
        out.append((name, tpl.format(**{k: urllib.parse.quote(str(v)) for k, v in values.items()})))
    return out


@dataclass(slots=True)
class Result:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0


def run(host: str, port: int, requests: list[tuple[str, str]], concurrency: int) -> Result:
    result = Result()
    lock = threading.Lock()
    queue = iter(enumerate(requests))

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        while True:
            with lock:
                item = next(queue, None)
            if item is None:
                break
            _, (name, path) = item
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=120)
            took = time.perf_counter() - t0
            with lock:
                result.times.setdefault(name, []).append(took)
                if not ok:
                    result.errors[name] = result.errors.get(name, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.wall = time.perf_counter() - t0
    return result


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] if s else 0.0


def summary(result: Result) -> dict[str, Any]:
    every = [t for ts in result.times.values() for t in ts]

    def figures(ts: list[float]) -> dict[str, float]:
        return {"n": len(ts), "p50": pct(ts, 0.5), "p95": pct(ts, 0.95), "p99": pct(ts, 0.99), "max": max(ts)}

    return {"requests": len(every), "wall_s": result.wall, "req_per_s": len(every) / result.wall,
            "errors": sum(result.errors.values()), "errors_by_endpoint": result.errors,
            "all": figures(every), "endpoints": {k: figures(v) for k, v in result.times.items()}}


def show(concurrency: int, s: dict[str, Any]) -> None:
    a = s["all"]
    print(f"\nconcurrency {concurrency}: {s['requests']} requests in {s['wall_s']:.1f} s = "
          f"{s['req_per_s']:.1f} req/s, errors {s['errors']}; "
          f"p50 {a['p50'] * 1000:.0f} ms  p95 {a['p95'] * 1000:.0f} ms  p99 {a['p99'] * 1000:.0f} ms  "
          f"max {a['max'] * 1000:.0f} ms")
    print(f"  {'endpoint':22s} {'n':>4s} {'p50 ms':>8s} {'p95 ms':>8s} {'p99 ms':>8s} {'max ms':>8s}")
    for name, _ in MIX:
        f = s["endpoints"].get(name)
        if f:
            print(f"  {name:22s} {f['n']:4d} {f['p50'] * 1000:8.0f} {f['p95'] * 1000:8.0f} "
                  f"{f['p99'] * 1000:8.0f} {f['max'] * 1000:8.0f}")


def start_server(store: str, port: int, src: str | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = src or str(ROOT / "src")
    sitrep = Path(sys.executable).with_name("sitrep")
    proc = subprocess.Popen([str(sitrep), "--db", store, "serve", "--port", str(port)], env=env)
    for _ in range(300):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/csrf")
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running server (default: start one over --store)")
    ap.add_argument("--store", help="the store to serve (SQLite path or postgresql:// URL)")
    ap.add_argument("--src", help="PYTHONPATH of the server started (default: this checkout's src)")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--concurrency", default="1,20")
    ap.add_argument("--requests", type=int, default=460, help="requests per concurrency level")
    ap.add_argument("--warmup", type=int, default=len(MIX))
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args()
    proc = None
    if args.url:
        u = urllib.parse.urlsplit(args.url)
        host, port = u.hostname or "127.0.0.1", u.port or 80
    elif args.store:
        host, port = "127.0.0.1", args.port
        proc = start_server(args.store, port, args.src)
    else:
        ap.error("give --url or --store")
    try:
        ids = discover(host, port)
        print(f"{len(ids.articles)} articles, {len(ids.entities)} entities, {len(ids.events)} events "
              f"sampled; mix of {len(MIX)} endpoints")
        run(host, port, plan(ids, args.warmup, seed=1), 2)
        out = {}
        for c in (int(x) for x in args.concurrency.split(",")):
            # each level draws its own ids: a level does not only ask what the last one cached
            s = summary(run(host, port, plan(ids, args.requests, seed=18 + c), c))
            show(c, s)
            out[str(c)] = s
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=1))
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)


if __name__ == "__main__":
    main()
