"""The store on a real PostgreSQL server (DATABASE_URL; .ci/run starts one).

Each test gets a database of its own, created for it and dropped after, so tests never see each
other's rows. The store tests of test_store.py also run here through their ``store`` fixture;
this module adds what only a server shows: the CLI with a URL, and two writers at once.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from mission_monitor.cli import app
from mission_monitor.models import Fact, RawInput
from mission_monitor.pipeline import Processed, process
from mission_monitor.store import Store

pytestmark = pytest.mark.postgres


@contextmanager
def pg_database(server_url: str) -> Iterator[str]:
    """A fresh, empty database on the server of ``server_url``; dropped on exit."""
    name = f"mm_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[str]:
    with pg_database(pg_url) as url:
        yield url


def _doc(i: int, words: str) -> Processed:
    body = f"Report {i}. " + words
    return Processed(
        raw=RawInput(doc=f"d{i}.txt", source=f"d{i}.txt", content=body, format="text"),
        clean=process(
            RawInput(doc=f"d{i}.txt", source=f"d{i}.txt", content=body, format="text")
        ).clean,
        facts=[Fact(kind="personnel", actor="KEN", status="pledged", count=1000 + i)],
        published="2024-03-0" + str(1 + i % 9),
    )


def test_migrates_a_fresh_database_to_head(pg_db: str) -> None:
    with Store.open(pg_db) as store:
        assert store.dialect == "postgresql"
        assert store.schema_revision() is not None
    with Store.open(pg_db) as store:  # a second open finds it at head
        assert store.stats().documents == 0


def test_cli_ingest_and_facts_with_a_url(pg_db: str, seeds_dir: Path) -> None:
    runner = CliRunner()
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    first = runner.invoke(app, ["ingest", "--db", pg_db, "-q", *seeds])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", "--db", pg_db, "-q", *seeds])
    assert second.exit_code == 0, second.output
    with Store.open(pg_db) as store:
        stats = store.stats()
    assert stats.documents == 5
    out = runner.invoke(app, ["facts", "--db", pg_db, "--json"])
    assert out.exit_code == 0
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert len(lines) == stats.facts


def test_two_writers_store_each_document_once(pg_db: str) -> None:
    docs = [_doc(i, f"unique words number {i} " * 30) for i in range(12)]
    # no migration beforehand: both writers open a new database at once (advisory lock)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with Store.open(pg_db) as store:
                for d in docs:
                    store.add(d)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Store.open(pg_db) as store:
        assert store.stats().documents == len(docs)
        assert store.stats().facts == len(docs)
        assert store.check() == []


def test_nul_in_a_dump_is_stored_and_a_refused_document_leaves_nothing(
    pg_db: str, tmp_path: Path
) -> None:
    from mission_monitor.errors import StoreError
    from mission_monitor.pipeline import ingest

    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "nul", "text": "Kenya sent\u0000 police " * 20}) + "\n")
    with Store.open(pg_db) as store:
        summary = ingest([dump], store)
        assert summary.new == 1 and summary.failed == []
        bad = _doc(1, "text with a NUL \x00 that PostgreSQL refuses " * 10)
        bad = Processed(bad.raw, replace(bad.clean, text="a \x00 b"), bad.facts, bad.published)
        with pytest.raises(StoreError):
            store.add(bad)
        stats = store.stats()
        assert (stats.documents, stats.stories, stats.facts) == (1, 1, 0)
