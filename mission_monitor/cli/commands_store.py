"""``ingest``, ``reextract`` and ``facts``: the commands that write and read the store.

``--db`` takes a SQLite file or a SQLAlchemy URL (``postgresql+psycopg://user@host/db``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from mission_monitor import report
from mission_monitor.cli.app import (
    DB_OPTION,
    MISSION_OPTION,
    PATHS,
    app,
    mission_value,
    parse_date_option,
    resolve_db,
    stdout_console,
)
from mission_monitor.errors import InputError, StoreError
from mission_monitor.mission import load_mission
from mission_monitor.models import SourcedFact
from mission_monitor.pipeline import IngestEvent, IngestSummary, ingest, reextract
from mission_monitor.read import SUPPORTED, find_files, is_dump
from mission_monitor.store import Store

KINDS = ("personnel", "funding", "event")
#: From this many input files (or any dump) on, ``ingest`` shows a progress bar.
PROGRESS_FROM = 20


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _open(db: str | None, *, must_exist: bool = False) -> Store:
    try:
        return Store.open(resolve_db(db), must_exist=must_exist)
    except StoreError as exc:
        _stderr().print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None


@contextmanager
def _progress(total: int | None, show: bool) -> Iterator[Progress | None]:
    if not show:
        yield None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn() if total else TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=_stderr(),
        transient=True,
    )
    with progress:
        yield progress


def _count_files(paths: list[Path]) -> tuple[int, bool]:
    n, dumps = 0, False
    for found in find_files(paths):
        if not isinstance(found, InputError):
            n += 1
            dumps = dumps or is_dump(found)
    return n, dumps


def _summary_table(summary: IngestSummary, title: str) -> Table:
    table = Table(title=title, show_header=True, title_justify="left")
    table.add_column("documents", justify="left")
    table.add_column("count", justify="right")
    for label, value in (
        ("new", summary.new),
        ("unchanged", summary.unchanged),
        ("failed", len(summary.failed)),
    ):
        table.add_row(label, str(value))
    for kind in KINDS:
        table.add_row(f"{kind} facts", str(summary.facts_by_kind.get(kind, 0)))
    return table


@app.command("ingest")
def ingest_command(
    paths: list[Path] = PATHS,
    db: str | None = DB_OPTION,
    published: str | None = typer.Option(
        None,
        "--published",
        help="Publication date for every document of this run (YYYY[-MM[-DD]]).",
    ),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar, no summary."),
    mission: Path | None = MISSION_OPTION,
) -> None:
    """Read reports, extract their facts and store both; each document in one transaction.

    ``--mission`` names the mission the facts are about (default: the MSS in Haiti).

    Re-ingesting the same content adds nothing. Each input that cannot be used is named on
    stderr with its problem; the exit status is 1 if any failed (after all others are stored).

    Example: mission-monitor ingest reports/ dump.jsonl.gz --db monitor.db
    """
    pub = parse_date_option(published, "--published")
    m = mission_value(mission)
    err = _stderr()
    n_files, dumps = _count_files(paths)
    store = _open(db)
    try:
        with _progress(
            None if dumps else n_files, not quiet and (dumps or n_files >= PROGRESS_FROM)
        ) as bar:
            task = bar.add_task("ingesting", total=None if dumps else n_files) if bar else None

            def on_event(event: IngestEvent) -> None:
                if event.status == "failed":  # above the bar, if there is one
                    out = bar.console if bar is not None else err
                    out.print(f"error: {event.source}: {event.problem}", markup=False)
                if bar is not None and task is not None:
                    bar.advance(task)

            summary = ingest(paths, store, published=pub, progress=on_event, mission=m)
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()
    for source, note in summary.notes:
        err.print(f"note: {source}: {note}", markup=False)
    if not (summary.new or summary.unchanged or summary.failed):
        err.print(
            f"error: no reports found in {', '.join(map(str, paths))} "
            f"(read: {', '.join(SUPPORTED)})",
            markup=False,
        )
        raise typer.Exit(1)
    if not quiet:
        stdout_console().print(_summary_table(summary, f"ingest into {store.target}"))
    if summary.failed:
        raise typer.Exit(1)


@app.command("reextract")
def reextract_command(db: str | None = DB_OPTION, mission: Path | None = MISSION_OPTION) -> None:
    """Re-run cleaning and extraction on every stored document, from its kept raw input, and
    replace its machine-made facts (one transaction per document). Use after the rules change.

    Example: mission-monitor reextract --db monitor.db
    """
    m = mission_value(mission)
    err = _stderr()
    store = _open(db, must_exist=True)
    try:

        def on_event(event: IngestEvent) -> None:
            if event.status == "failed":
                err.print(f"error: {event.source}: {event.problem}", markup=False)

        summary = reextract(store, progress=on_event, mission=m)
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()
    table = Table(title=f"reextract in {store.target}", title_justify="left")
    table.add_column("", justify="left")
    table.add_column("count", justify="right")
    table.add_row("documents re-extracted", str(summary.unchanged))
    table.add_row("documents failed (facts kept)", str(len(summary.failed)))
    table.add_row("facts removed", str(summary.replaced_facts))
    for kind in KINDS:
        table.add_row(f"{kind} facts now", str(summary.facts_by_kind.get(kind, 0)))
    stdout_console().print(table)
    if summary.failed:
        raise typer.Exit(1)


def fact_json(sf: SourcedFact, stories: int) -> dict[str, object]:
    """One line of ``facts --json``: the document, the FACTS.md fields, the evidence and the
    source."""
    line: dict[str, object] = {"id": sf.fact_id, "doc": sf.doc}
    line.update(sf.fact.to_dict(evidence=False))
    line["evidence"] = sf.fact.evidence.to_dict() if sf.fact.evidence else None
    line.update(
        published=sf.published,
        url=sf.url,
        site=sf.site,
        source_kind=sf.source_kind,
        story=sf.story,
        stories=stories,
    )
    return line


def _figure(sf: SourcedFact) -> str:
    f = sf.fact
    if f.kind == "personnel" and f.count is not None:
        return f"{f.count:,}" + (f" {f.force}" if f.force else "")
    if f.kind == "funding" and f.amount is not None:
        return f"{f.amount:,.0f} {f.currency or ''}".strip()
    return ""


@app.command("facts")
def facts_command(
    db: str | None = DB_OPTION,
    actor: str | None = typer.Option(
        None, "--actor", help="A code (KEN, MSS, UN...) or a name (Kenya)."
    ),
    kind: str | None = typer.Option(None, "--kind", help="personnel, funding or event."),
    status: str | None = typer.Option(None, "--status", help="pledged, arrived, present..."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Only facts known by this date (YYYY[-MM[-DD]])."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
) -> None:
    """The stored facts with their sources, in order of known date.

    With --json, each line holds "doc", the FACTS.md fields, "evidence", "published", "url"
    and "stories" (the number of independent stories that state the same fact).

    Example: mission-monitor facts --actor KEN --kind personnel --json
    """
    if kind is not None and kind not in KINDS:
        raise typer.BadParameter(f"{kind!r}: use one of {', '.join(KINDS)}", param_hint="--kind")
    cutoff = parse_date_option(as_of, "--as-of")
    store = _open(db, must_exist=True)
    try:
        code = report.resolve_actor(actor, load_mission(None)) if actor else None
        found = store.sourced_facts(kind=kind, actor=code, status=status, as_of=cutoff)
        counts = store.story_counts([sf.fact_id for sf in found], as_of=cutoff) if found else {}
    finally:
        store.close()
    if as_json:
        for sf in found:
            sys.stdout.write(
                json.dumps(fact_json(sf, counts.get(sf.fact_id, 1)), ensure_ascii=False) + "\n"
            )
        return
    if not found:
        filtered = actor or kind or status or cutoff
        _stderr().print(
            "No stored facts match these filters."
            if filtered
            else "No facts stored yet. Run: mission-monitor ingest PATH",
            markup=False,
        )
        return
    table = Table(show_lines=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("doc")
    for col in ("known", "kind", "actor(s)", "status/type", "figure", "date"):
        table.add_column(col, no_wrap=True)
    table.add_column("stories", justify="right", no_wrap=True)
    table.add_column("evidence", overflow="fold")
    for sf in found:
        f = sf.fact
        who = f.actor or ", ".join(f.actors)
        what = f.status or f.type or ""
        sentence = f.evidence.sentence if f.evidence else ""
        if len(sentence) > 120:
            sentence = sentence[:117] + "..."
        table.add_row(
            str(sf.fact_id),
            sf.doc,
            sf.published or "",
            f.kind,
            who,
            what,
            _figure(sf),
            f.date or "",
            str(counts.get(sf.fact_id, 1)),
            sentence,
        )
    stdout_console().print(table)
