"""Alembic, run programmatically: :func:`upgrade` brings a database to the newest schema.

The migration scripts live in ``migrations/`` inside the package, so an installed copy can
migrate any database it opens. For developers, ``python -m mission_monitor.store.migrate
revision MESSAGE`` autogenerates a new script from the difference between the database and
:mod:`mission_monitor.store.schema`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str | None:
    """The newest revision among the migration scripts."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(connection: Connection) -> str | None:
    """The revision a database is at (``None`` for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


#: Key of the PostgreSQL advisory lock held while migrating, so that two processes opening a
#: new database at once do not both create its tables.
LOCK_KEY = 0x4D4D_5354  # "MMST"


class NewerSchemaError(RuntimeError):
    """The database was migrated by a newer Mission Monitor than this one."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision``, in one transaction, if it is not there already."""
    with engine.connect() as conn:
        if current(conn) == head() and revision == "head":
            return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
        at = current(conn)
        known = {
            rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()
        }
        if at is not None and at not in known:
            raise NewerSchemaError(
                f"its schema (revision {at}) is newer than this Mission Monitor knows "
                f"(head {head()}): upgrade Mission Monitor"
            )
        if at == head() and revision == "head":
            return  # another process migrated it while we waited for the lock
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def _main() -> None:
    from sqlalchemy import create_engine

    from mission_monitor.store.url import database_url

    parser = argparse.ArgumentParser(prog="python -m mission_monitor.store.migrate")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision", help="autogenerate a migration script from schema.py")
    rev.add_argument("message")
    rev.add_argument("--db", default="migrations-dev.db", help="scratch database at head")
    args = parser.parse_args()
    engine = create_engine(database_url(args.db))
    upgrade(engine)
    with engine.begin() as conn:
        command.revision(alembic_config(conn), message=args.message, autogenerate=True)


if __name__ == "__main__":
    _main()
