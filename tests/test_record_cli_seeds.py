"""The issue's must-show on the seeds: ingested through the real pipeline (read, clean, extract,
store) into a real SQLite file with their gold publication dates (null stays null: the store
then uses the ingestion date), then ``status`` as of 2024-03-05 and today.

This depends on extraction quality: it passes once extraction finds the seeds' facts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mission_monitor.cli import app
from mission_monitor.pipeline import ingest
from mission_monitor.store import Store

runner = CliRunner()


def ingest_seeds(seeds_dir: Path, db_path: Path) -> None:
    published = {
        (d := json.loads(line))["doc"]: d["published"]
        for line in (seeds_dir / "gold.jsonl").read_text().splitlines()
    }
    with Store.open(db_path) as store:
        for path in sorted(seeds_dir.glob("0*.txt")):
            summary = ingest([path], store, published=published[path.name])
            assert not summary.failed, summary.failed


def status(db_path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["status", "--db", str(db_path), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_seeds_status_as_of_and_latest(seeds_dir: Path, db_path: Path) -> None:
    ingest_seeds(seeds_dir, db_path)

    early = status(db_path, "--as-of", "2024-03-05")
    ken = {r["actor"]: r for r in early["personnel"]}["KEN"]
    assert ken["pledged"] == 1000
    assert ken["present"] is None and early["totals"]["present"] == 0

    now = status(db_path)
    present = {r["actor"]: r["present"] for r in now["personnel"]}
    expected = {"KEN": 700, "GTM": 150, "SLV": 78, "JAM": 23, "BHS": 6, "BLZ": 2}
    assert {a: present.get(a) for a in expected} == expected
    assert now["totals"]["present"] == sum(expected.values())
    assert now["mission"]["ceiling"] == 2500
    usa = {r["actor"]: r for r in now["funding"]}["USA"]
    assert usa["pledged_usd"] == 360_000_000
    assert [h["value"] for h in usa["pledged_history"]] == [200_000_000]
