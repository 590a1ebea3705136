"""Who may write: reviews need a token unless the server listens on localhost only."""

from __future__ import annotations

import hmac
import secrets

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def needs_token(host: str) -> bool:
    return host not in LOCAL_HOSTS


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is required, else a constant-time comparison."""
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
