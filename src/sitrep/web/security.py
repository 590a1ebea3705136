"""Who may write, and from where.

- Reviews need the review token unless the server listens on localhost only.
- Writes come only from Sitrep's own pages (#16): :class:`CrossSiteGuard` refuses any
  unsafe request (POST, PUT, PATCH, DELETE) that a browser marks as cross-site
  (``Sec-Fetch-Site``) or whose ``Origin`` is not the server's own; the review forms
  carry a CSRF token (:func:`csrf_ok`), and the JSON API needs that token (header
  ``X-Sitrep-CSRF``) or a same-origin ``Origin``. This holds on localhost too: any page
  open in the analyst's browser can post to ``http://127.0.0.1``.
- Requests must name the server by a host it answers to (``Host`` header), so a DNS
  rebinding page cannot read or write through the analyst's browser
  (:func:`allowed_hosts`, enforced by Starlette's ``TrustedHostMiddleware``).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_HEADER = "x-sitrep-csrf"
# what a browser says of a request that a page of the same origin made, or the user typed
SAME_SITE_FETCH = frozenset({"same-origin", "none"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def needs_token(host: str) -> bool:
    return host not in LOCAL_HOSTS


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is required, else a constant-time comparison."""
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


def allowed_hosts(bind: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Host names the server answers to: localhost's, the interface it is bound to and
    ``extra`` (names it is reached by); a wildcard interface (0.0.0.0) takes any name
    unless ``extra`` says which."""
    if bind in ("0.0.0.0", "::", "") and not extra:
        return ["*"]
    names = {"127.0.0.1", "localhost", "[::1]", "::1", *extra}
    if bind not in ("0.0.0.0", "::", ""):
        names.add(f"[{bind}]" if ":" in bind else bind)
    return sorted(names)


def same_origin(origin: str, host: str) -> bool:
    """``Origin`` (scheme://host[:port]) names the same host and port as the ``Host`` header."""
    if not origin or origin == "null":
        return False
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == host.lower()


def cross_site_reason(method: str, headers: dict[str, str]) -> str | None:
    """Why an unsafe request is refused as cross-site, or None."""
    if method.upper() not in UNSAFE_METHODS:
        return None
    fetch_site = headers.get("sec-fetch-site", "")
    if fetch_site and fetch_site not in SAME_SITE_FETCH:
        return f"a {fetch_site} request cannot write (Sec-Fetch-Site)"
    origin = headers.get("origin")
    if origin is not None and not same_origin(origin, headers.get("host", "")):
        return f"a request from {origin!r} cannot write: only Sitrep's own pages can"
    return None


class CrossSiteGuard:
    """ASGI middleware: unsafe cross-site requests get 403 before any route runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
            reason = cross_site_reason(scope["method"], headers)
            if reason:
                from starlette.responses import JSONResponse

                await JSONResponse({"detail": reason}, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)
