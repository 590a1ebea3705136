"""A time limit on every request (#18): the database work of a request ends with
:class:`~sitrep.store.deadline.QueryTimeout` once the limit has passed (answered 503
with a message), and a request still running a grace period later is answered 503
without waiting for it.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.store.deadline import QueryTimeout, time_limit

REQUEST_SECONDS = 10.0
# after the limit, how long the server waits for a request's own 503 before sending one
GRACE_SECONDS = 2.0


def _late(seconds: float) -> str:
    return f"the request took longer than the server's limit of {seconds:g} s and was ended"


class TimeLimit:
    """ASGI middleware: each HTTP request runs under ``time_limit(seconds)``."""

    def __init__(self, app: ASGIApp, seconds: float = REQUEST_SECONDS) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        with time_limit(self.seconds):
            try:
                async with asyncio.timeout(self.seconds + GRACE_SECONDS):
                    await self.app(scope, receive, sending)
            except TimeoutError:
                if not started:
                    await unavailable(scope["path"], _late(self.seconds))(scope, receive, send)


def unavailable(path: str, detail: str) -> Response:
    """503 with ``detail``: JSON under /api, else a plain page."""
    headers = {"Retry-After": "5"}
    if path.startswith("/api"):
        return JSONResponse({"detail": detail}, status_code=503, headers=headers)
    return HTMLResponse(f"<!doctype html><title>Unavailable</title><p>{detail}</p>", status_code=503,
                        headers=headers)


async def timed_out(request: Request, exc: Exception) -> Response:
    """The exception handler of :class:`QueryTimeout`."""
    assert isinstance(exc, QueryTimeout)
    return unavailable(request.url.path, str(exc))
