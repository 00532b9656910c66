"""Shared fixtures. Services that a test needs (PostgreSQL, Chromium) skip the test with a
reason where they are missing, except under CI=true, where a missing service is a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MISSION_MONITOR_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "data" / "seeds"
EXAMPLES = ROOT / "examples" / "reports"
CHROMIUM = "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(condition: bool, reason: str) -> None:
    """Skip with ``reason`` where ``condition`` fails; under CI=true, fail instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    need(SEEDS.is_dir(), f"the seed reports are not at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    need(SHARED.is_dir(), f"../shared is not at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a real SQLite file in a temporary folder."""
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A SQLAlchemy URL of a real PostgreSQL server, from DATABASE_URL (.ci/run starts one)."""
    url = os.environ.get("DATABASE_URL", "")
    need(url.startswith("postgresql"), "no PostgreSQL server: DATABASE_URL is not set")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    need(
        Path(CHROMIUM).exists(),
        f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)",
    )
    return CHROMIUM
