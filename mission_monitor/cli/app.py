"""The Typer application and the options that several commands share."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from mission_monitor.errors import ConfigError, InputError
from mission_monitor.mission import Mission, load_mission
from mission_monitor.models import RawInput
from mission_monitor.read import iter_inputs

app = typer.Typer(
    name="mission-monitor",
    help="A sourced, time-aware record of multinational security missions, read from reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "mission-monitor.db"
#: Width of tables printed to a file or a pipe (a terminal gives its own).
WIDE = 200


def stdout_console() -> Console:
    """Rich output to stdout; wide where it is not a terminal, so that tables written to files
    and pipes keep their values whole instead of eliding them to 80 columns."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else WIDE)


def resolve_db(db: str | None) -> str:
    """``--db``, else ``$MISSION_MONITOR_DB``, else ``./mission-monitor.db``: a SQLite file
    path or a SQLAlchemy URL (``postgresql+psycopg://user@host/db``)."""
    if db:
        return db
    return os.environ.get("MISSION_MONITOR_DB") or DEFAULT_DB


DB_OPTION = typer.Option(
    None,
    "--db",
    help="SQLite file or SQLAlchemy URL (default: $MISSION_MONITOR_DB or ./mission-monitor.db).",
    show_default=False,
)


PATHS = typer.Argument(..., help="Files or folders: .txt .md .html .htm .jsonl .jsonl.gz")


def read_inputs(paths: list[Path], failed: list[str]) -> Iterator[RawInput]:
    """The documents of ``paths``; each input that cannot be read is named on stderr (``error:
    SOURCE: PROBLEM``) and added to ``failed``, and the others go on."""
    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            typer.echo(f"error: {item}", err=True)
            failed.append(item.source)
        else:
            yield item


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_option(value: str | None, option: str) -> str | None:
    """Check a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` option value; ``None`` passes through."""
    if value is None:
        return None
    m = _DATE.match(value.strip())
    try:
        if m is None:
            raise ValueError
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=option
        ) from None
    return value.strip()


MISSION_OPTION = typer.Option(
    None,
    "--mission",
    help="A mission definition (YAML or TOML). Default: the bundled MSS in Haiti.",
    show_default=False,
    exists=True,
    dir_okay=False,
)


def mission_value(path: Path | None) -> Mission:
    """The mission of ``--mission`` (the default mission without one); a file that is not a
    mission definition is an error that names it (exit status 2)."""
    try:
        return load_mission(path)
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
