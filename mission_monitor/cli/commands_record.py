"""``status``, ``timeline``, ``conflicts``, ``history`` and ``export``: the reconciled record.

Each command opens the store, reconciles its facts as known on ``--as-of`` (default: today) for
the mission of ``--mission FILE`` (default: the MSS in Haiti) and prints a table, or JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from mission_monitor import report
from mission_monitor.cli.app import (
    DB_OPTION,
    MISSION_OPTION,
    app,
    parse_date_option,
    resolve_db,
    stdout_console,
)
from mission_monitor.errors import MissionMonitorError
from mission_monitor.mission import Mission, load_mission
from mission_monitor.reconcile import Record
from mission_monitor.report import render
from mission_monitor.report.export import FORMATS

AS_OF_OPTION = typer.Option(
    None,
    "--as-of",
    help="The record as known on this date (YYYY, YYYY-MM or YYYY-MM-DD): only facts "
    "published by then. Default: today.",
    show_default=False,
)
JSON_OPTION = typer.Option(False, "--json", help="Print one JSON object instead of tables.")


def _fail(exc: Exception) -> typer.Exit:
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"error: {exc}", markup=False)
    return typer.Exit(1)


def _load(db: str | None, as_of: str | None, mission: Path | None) -> tuple[Record, Mission]:
    day = parse_date_option(as_of, "--as-of")
    try:
        m = load_mission(mission)
        return report.build_record(resolve_db(db), day, m), m
    except MissionMonitorError as exc:
        raise _fail(exc) from None


def _print_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@app.command()
def status(
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF_OPTION,
    mission: Path | None = MISSION_OPTION,
    as_json: bool = JSON_OPTION,
    events: int = typer.Option(
        report.status.LATEST_EVENTS, "--events", min=0, help="How many latest events to list."
    ),
) -> None:
    """Force generation per state, the total against the ceiling, funding, mandate, events.

    Per state: pledged, arrived (distinct contingents) and present, each with its date and
    number of independent sources; per donor: pledged and deposited in USD and as stated.

    Example: mission-monitor status --as-of 2024-03-05
    """
    record, _ = _load(db, as_of, mission)
    data = report.record_dict(record, events=events)
    if as_json:
        _print_json(data)
    else:
        stdout_console().print(render.status_view(data))


@app.command()
def timeline(
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF_OPTION,
    mission: Path | None = MISSION_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Events, strength, pledges and distinct arrivals in date order.

    Example: mission-monitor timeline --json
    """
    record, _ = _load(db, as_of, mission)
    rows = report.timeline(record)
    if as_json:
        _print_json({"as_of": record.as_of.isoformat(), "timeline": rows})
    else:
        stdout_console().print(render.timeline_table(rows))


@app.command()
def conflicts(
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF_OPTION,
    mission: Path | None = MISSION_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Independent reports that disagree, each side with its sources.

    A conflict is the same actor, measure and date with incompatible values from independent
    stories.

    Example: mission-monitor conflicts --as-of 2025-01-01
    """
    record, _ = _load(db, as_of, mission)
    data = report.record_dict(record, events=0, limit=None)
    out = {"as_of": data["as_of"], "conflicts": data["conflicts"], "sources": data["sources"]}
    if as_json:
        _print_json(out)
    elif not out["conflicts"]:
        stdout_console().print(f"No conflicts between sources as known on {data['as_of']}.")
    else:
        stdout_console().print(render.conflicts_table(out["conflicts"], out["sources"]))


@app.command()
def history(
    actor: str = typer.Argument(..., help="A state or donor: a code (KEN) or a name (Kenya)."),
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF_OPTION,
    mission: Path | None = MISSION_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Every fact about one actor, oldest first, with its source and what became of it.

    What became of it: supported an estimate, was superseded (and why), was counted once...

    Example: mission-monitor history Kenya
    """
    record, m = _load(db, as_of, mission)
    code = report.resolve_actor(actor, m)
    rows = report.history(record, code, mission=m)
    if as_json:
        _print_json({"as_of": record.as_of.isoformat(), "actor": code, "facts": rows})
    elif not rows:
        raise _fail(Exception(f"no facts about {actor!r} ({code}) as known on {record.as_of}"))
    else:
        stdout_console().print(render.history_table(f"{report.actor_name(code, m)} ({code})", rows))


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", help="csv, json or parquet."),
    output: Path = typer.Option(
        Path("export"), "--output", "-o", help="Folder for the files (created if missing)."
    ),
    tables: list[str] = typer.Option(
        ["facts", "estimates", "events"],
        "--table",
        help=f"Tables to write (repeatable): {', '.join(report.TABLES)}.",
    ),
    db: str | None = DB_OPTION,
    as_of: str | None = AS_OF_OPTION,
    mission: Path | None = MISSION_OPTION,
) -> None:
    """Write facts (with evidence and source), estimates and events as NAME.FORMAT files.

    Example: mission-monitor export --format parquet -o out/
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use one of {', '.join(FORMATS)}", param_hint="--format")
    record, _ = _load(db, as_of, mission)
    try:
        written = report.write_tables(
            report.tables.frames(record),
            output,
            fmt,
            tables,
        )
    except (MissionMonitorError, OSError) as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(str(path))
