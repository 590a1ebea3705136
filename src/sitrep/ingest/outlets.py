"""Outlet names from a url's domain through the shipped table of news domains."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit


@lru_cache(maxsize=1)
def domain_table() -> dict[str, str]:
    """domain -> outlet name, from data/news_domains.tsv (see data/SOURCES.md)."""
    text = resources.files("sitrep.ingest").joinpath("data/news_domains.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, outlet = line.split("\t")[:2]
        table[domain.strip().lower()] = outlet.strip()
    return table


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def outlet_for_url(url: str | None) -> str | None:
    """The outlet whose domain (or a parent domain) serves ``url``, else None."""
    host = host_of(url)
    if not host:
        return None
    table = domain_table()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        outlet = table.get(".".join(labels[i:]))
        if outlet:
            return outlet
    return None
