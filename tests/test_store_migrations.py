"""Alembic migrations and schema.py agree, and migrations run on open (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from test_postgres import pg_database

from mission_monitor.store import Store, migrate
from mission_monitor.store.schema import metadata


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    with pg_database(request.getfixturevalue("pg_url")) as url:
        yield url


def test_migrated_database_matches_schema_py(db_url: str) -> None:
    Store.open(db_url).close()
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
            assert diff == [], diff
            assert migrate.current(conn) == migrate.head()
    finally:
        engine.dispose()


def test_downgrade_to_nothing_and_up_again(db_url: str) -> None:
    Store.open(db_url).close()
    engine = create_engine(db_url)
    try:
        migrate.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine)
        assert {"stories", "documents", "facts"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_open_without_migrating_an_empty_file_leaves_it_empty(db_path: Path) -> None:
    with Store.open(db_path, migrate_schema=False) as store:
        assert store.schema_revision() is None


def test_a_database_from_a_newer_version_is_refused_by_name(db_url: str) -> None:
    from sqlalchemy import text

    from mission_monitor.errors import StoreError

    Store.open(db_url).close()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match=r"revision 9999_future\) is newer than this"):
        Store.open(db_url)
