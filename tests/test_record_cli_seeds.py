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


def counts_of(s: dict) -> dict:  # type: ignore[type-arg]
    """The numbers of a status object, without ids (they depend on ingestion order)."""
    keys = ("pledged", "pledged_sources", "arrived", "present", "present_sources")
    return {
        "personnel": {r["actor"]: [r[k] for k in keys] for r in s["personnel"]},
        "funding": {r["actor"]: [r["pledged_usd"], r["pledged_sources"]] for r in s["funding"]},
        "totals": s["totals"],
        "conflicts": len(s["conflicts"]),
    }


def test_seeds_in_reverse_order_and_a_syndicated_copy_change_no_count(
    seeds_dir: Path, tmp_path: Path
) -> None:
    forward, backward = tmp_path / "f.db", tmp_path / "b.db"
    ingest_seeds(seeds_dir, forward)
    published = {
        (d := json.loads(line))["doc"]: d["published"]
        for line in (seeds_dir / "gold.jsonl").read_text().splitlines()
    }
    with Store.open(backward) as store:
        for path in sorted(seeds_dir.glob("0*.txt"), reverse=True):
            assert not ingest([path], store, published=published[path.name]).failed
    assert counts_of(status(forward)) == counts_of(status(backward))

    # a syndicated copy of 004: another headline and footer, published a day later
    original = next(seeds_dir.glob("004_*.txt"))
    copy = tmp_path / "copy_of_004.txt"
    copy.write_text(
        "Kenya backs review of Haiti mission, says envoy\n\n"
        + original.read_text(encoding="utf-8")
        + "\n\nFirst published by Nation.Africa, republished with permission.\n",
        encoding="utf-8",
    )
    before = counts_of(status(forward))
    with Store.open(forward) as store:
        result = ingest([copy], store, published="2025-08-02")
        assert not result.failed
        stories = {d.doc: d.story_id for d in store.documents()}
    assert stories[copy.name] == stories[original.name]  # the store saw it as the same story
    assert counts_of(status(forward)) == before
