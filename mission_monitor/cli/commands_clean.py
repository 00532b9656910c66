"""``clean``: the article text of each document, out of its clutter."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from mission_monitor.clean import clean_document
from mission_monitor.cli.app import PATHS, app, read_inputs
from mission_monitor.models import CleanDocument


def _as_json(doc: CleanDocument, is_text: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "doc": doc.doc,
        "text": doc.text,
        "title": doc.title,
        "published": doc.published,
        "site": doc.site,
        "url": doc.url,
        "language": doc.language,
    }
    if is_text:
        out["dropped"] = [{"line": d.line, "text": d.text, "reason": d.reason} for d in doc.dropped]
    return out


@app.command()
def clean(
    paths: list[Path] = PATHS,
    as_json: bool = typer.Option(
        False,
        "--json",
        help="One JSON object a line: doc, text, title, published, site, url, language, "
        "and for text input the dropped lines with their reasons.",
    ),
) -> None:
    """Print each document's cleaned article text (captions, credits, notices, prompts removed).

    Example: mission-monitor clean ../shared/data/seeds/004_de6dd166a4080cc0.txt
    """
    failed: list[str] = []
    first = True
    for item in read_inputs(paths, failed):
        try:
            doc = clean_document(item)
        except Exception as exc:  # one bad document never stops the others
            typer.echo(f"error: {item.source}: cleaning failed: {exc}", err=True)
            failed.append(item.source)
            continue
        if doc.language not in (None, "en"):
            typer.echo(
                f"note: {item.source}: language {doc.language!r} is not English "
                "(stored and flagged; extraction skips it)",
                err=True,
            )
        if as_json:
            line = _as_json(doc, item.format == "text")
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            if not first:
                sys.stdout.write("\n")
            sys.stdout.write(doc.text.rstrip("\n") + "\n")
        first = False
    if failed:
        raise typer.Exit(1)
