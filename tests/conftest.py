"""Shared fixtures. Paths to the shared corpora, the reference article and services."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
REFERENCE = SHARED / "examples" / "belarus-arms-deal-2021.md"
REFERENCE_GOLD = SHARED / "examples" / "belarus-arms-deal-2021.gold.yaml"
EVAL = SHARED / "eval"


def require(condition: bool, what: str) -> None:
    """Skip when a service is missing, but fail under CI=true (never skip silently there)."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI but missing")
    pytest.skip(f"{what} not available")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    require(SHARED.is_dir(), f"shared corpora at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def reference_article() -> Path:
    require(REFERENCE.is_file(), f"reference article {REFERENCE}")
    return REFERENCE


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("SITREP_TEST_PG", "")
    require(bool(url), "PostgreSQL (SITREP_TEST_PG)")
    return url
