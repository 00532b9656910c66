"""report stage: the reconciled record of a store as JSON-ready data, DataFrames and files.

For notebooks::

    from mission_monitor import report
    tables = report.frames("mission-monitor.db", as_of="2024-03-05")
    tables["personnel"][["actor", "pledged", "arrived", "present"]]

``db_or_store`` is a :class:`~mission_monitor.store.Store`, a SQLite path or a SQLAlchemy URL;
``mission`` a :class:`~mission_monitor.mission.Mission`, a mission file, or ``None`` (the MSS).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from mission_monitor.reconcile import Record
from mission_monitor.report import status, tables
from mission_monitor.report import tables as _tables
from mission_monitor.report.export import FORMATS, Format, write_frame, write_tables
from mission_monitor.report.load import MissionLike, StoreLike, build_record, mission_of
from mission_monitor.report.status import (
    LATEST_EVENTS,
    MAX_LISTED,
    actor_name,
    record_dict,
    resolve_actor,
    series_dict,
)
from mission_monitor.report.tables import TABLES

__all__ = [
    "FORMATS",
    "TABLES",
    "actor_name",
    "build_record",
    "export",
    "frames",
    "history",
    "record_dict",
    "resolve_actor",
    "series",
    "status",
    "status_dict",
    "tables",
    "timeline",
    "write_frame",
    "write_tables",
]

AsOf = dt.date | str | None


def status_dict(
    db_or_store: StoreLike, as_of: AsOf = None, mission: MissionLike = None,
    events: int | None = LATEST_EVENTS, limit: int | None = MAX_LISTED,
) -> dict[str, Any]:  # fmt: skip
    """The ``status --json`` object (see :func:`~mission_monitor.report.status.record_dict`)."""
    return record_dict(build_record(db_or_store, as_of, mission), events=events, limit=limit)


def series(
    db_or_store: StoreLike, as_of: AsOf = None, mission: MissionLike = None
) -> list[dict[str, Any]]:
    """Strength over time for charts: ``{"actor", "measure", "date", "value", "sources",
    "facts"}`` points, measures ``present``, ``arrived_total``, ``pledged``, ``pledged_usd``."""
    return [series_dict(p) for p in build_record(db_or_store, as_of, mission).series]


def frames(
    db_or_store: StoreLike, as_of: AsOf = None, mission: MissionLike = None
) -> dict[str, pd.DataFrame]:
    """The record's tables as pandas DataFrames: ``facts`` (with evidence, source and what
    reconciliation did with each), ``estimates``, ``personnel``, ``funding``, ``events``,
    ``conflicts``, ``series``."""
    return _tables.frames(build_record(db_or_store, as_of, mission))


def timeline(
    db_or_store: StoreLike | Record, as_of: AsOf = None, mission: MissionLike = None
) -> list[dict[str, Any]]:
    """Events, strength, pledges and arrivals in date order."""
    record = (
        db_or_store if isinstance(db_or_store, Record)
        else build_record(db_or_store, as_of, mission)
    )  # fmt: skip
    return _tables.timeline_rows(record)


def history(
    db_or_store: StoreLike | Record, actor: str, as_of: AsOf = None, mission: MissionLike = None
) -> list[dict[str, Any]]:
    """Every fact about one actor (a code or a name: "Kenya", "KEN"), oldest first, with its
    source and fate."""
    record = (
        db_or_store if isinstance(db_or_store, Record)
        else build_record(db_or_store, as_of, mission)
    )  # fmt: skip
    return _tables.history_rows(record, resolve_actor(actor, mission_of(mission)))


def export(
    db_or_store: StoreLike,
    out: Path | str,
    fmt: Format = "csv",
    as_of: AsOf = None,
    mission: MissionLike = None,
    names: tuple[str, ...] = ("facts", "estimates", "events"),
) -> list[Path]:
    """Write tables (default: facts, estimates, events) to the folder ``out`` as
    ``NAME.FORMAT``; returns the written files."""
    record = build_record(db_or_store, as_of, mission)
    return write_tables(_tables.frames(record), Path(out), fmt, names)
