"""The Typer application and the options that several commands share."""

from __future__ import annotations

import os
from pathlib import Path

import typer

app = typer.Typer(
    name="mission-monitor",
    help="A sourced, time-aware record of multinational security missions, read from reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "mission-monitor.db"


def resolve_db(db: Path | None) -> Path:
    """``--db``, else ``$MISSION_MONITOR_DB``, else ``./mission-monitor.db``."""
    if db is not None:
        return db
    return Path(os.environ.get("MISSION_MONITOR_DB") or DEFAULT_DB)


DB_OPTION = typer.Option(
    None,
    "--db",
    help="SQLite file (default: $MISSION_MONITOR_DB or ./mission-monitor.db).",
    show_default=False,
)
