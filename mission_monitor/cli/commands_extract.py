"""``extract`` and ``eval``: facts out of reports with no database, and their score against gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from mission_monitor.cli.app import (
    MISSION_OPTION,
    PATHS,
    app,
    mission_value,
    parse_date_option,
    read_inputs,
)
from mission_monitor.errors import InputError
from mission_monitor.evaluate import format_report, load_gold, score
from mission_monitor.mission import Mission
from mission_monitor.models import Fact, RawInput
from mission_monitor.pipeline import Processed, process


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def _processed(
    item: RawInput, failed: list[str], mission: Mission, *, published: str | None = None,
    default_published: str | None = None,
) -> Processed | None:  # fmt: skip
    """``item`` cleaned and extracted, or ``None`` (named on stderr, added to ``failed``) where
    a stage fails on it: one bad document never stops the others."""
    try:
        return process(
            item, published=published, default_published=default_published, mission=mission
        )
    except Exception as exc:
        _error(f"{item.source}: extraction failed: {type(exc).__name__}: {exc}")
        failed.append(item.source)
        return None


@app.command()
def extract(
    paths: list[Path] = PATHS,
    published: str | None = typer.Option(
        None, "--published", help="Publication date to use for every document (YYYY[-MM[-DD]])."
    ),
    mission: Path | None = MISSION_OPTION,
) -> None:
    """Print the facts of each document as one JSON line: {"doc", "published", "facts"}.

    No database is used. Each fact carries its evidence: the sentence, its character offsets
    in the cleaned text and the rule that produced it. ``--mission`` names the mission the
    facts are about (its names, host and successor); the default is the MSS in Haiti.

    Example: mission-monitor extract report.txt --published 2024-06-26
    """
    pub = parse_date_option(published, "--published")
    m = mission_value(mission)
    failed: list[str] = []
    for item in read_inputs(paths, failed):
        result = _processed(item, failed, m, published=pub)
        if result is None:
            continue
        if result.note:
            typer.echo(f"note: {item.source}: {result.note}", err=True)
        line = {
            "doc": item.doc,
            "published": result.published,
            "facts": [f.to_dict() for f in result.facts],
        }
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    paths: list[Path] = PATHS,
    gold: Path = typer.Option(..., "--gold", help="Gold facts, JSON Lines as in FACTS.md."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="List misses and false positives."),
    mission: Path | None = MISSION_OPTION,
) -> None:
    """Score extraction against gold facts: P/R/F1 per kind and overall, and date accuracy.

    Where a document carries no publication date, the gold line's ``published`` is used.

    Example: mission-monitor eval --gold ../shared/data/seeds/gold.jsonl ../shared/data/seeds/*.txt
    """
    m = mission_value(mission)
    try:
        gold_docs = load_gold(gold)
    except InputError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    predicted: dict[str, list[Fact]] = {}
    failed: list[str] = []
    for item in read_inputs(paths, failed):
        g = gold_docs.get(item.doc)
        if g is None:
            typer.echo(f"note: {item.source}: no gold line for {item.doc!r}; not scored", err=True)
            continue
        result = _processed(item, failed, m, default_published=g.published)
        if result is not None:
            predicted[item.doc] = result.facts
    for doc in gold_docs.keys() - predicted.keys():
        typer.echo(f"note: gold document {doc!r} was not among the inputs; not scored", err=True)
    report = score(predicted, gold_docs)
    if as_json:
        typer.echo(json.dumps(report.to_dict(verbose=verbose), ensure_ascii=False))
    else:
        for line in format_report(report, verbose=verbose):
            typer.echo(line)
    if failed:
        raise typer.Exit(1)
