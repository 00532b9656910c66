"""status, timeline, conflicts, history and export through the command line, on a real SQLite
store of the seeds with their gold facts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from record_fixtures import gold_store
from typer.testing import CliRunner

from mission_monitor.cli import app

runner = CliRunner()


GSF = Path(__file__).parent.parent / "mission_monitor" / "missions" / "gsf_haiti.yaml"


@pytest.fixture
def db(seeds_dir: Path, db_path: Path) -> Path:
    return gold_store(seeds_dir, db_path)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_status_json_object(db: Path) -> None:
    s = json.loads(run("status", "--db", str(db), "--json"))
    assert list(s)[:3] == ["as_of", "mission", "totals"]
    people = {r["actor"]: r for r in s["personnel"]}
    assert {a: people[a]["present"] for a in ("KEN", "GTM", "SLV", "JAM", "BHS", "BLZ")} == {
        "KEN": 700, "GTM": 150, "SLV": 78, "JAM": 23, "BHS": 6, "BLZ": 2
    }  # fmt: skip
    assert s["funding"][0]["pledged_usd"] == 360_000_000


def test_status_table_as_of(db: Path) -> None:
    out = run("status", "--db", str(db), "--as-of", "2024-03-05")
    assert "as known on 2024-03-05" in out and "Kenya (KEN)" in out and "1,000" in out
    assert "211 days to expiry" in out and "0 of the ceiling of 2,500" in out
    out = run("status", "--db", str(db))
    assert "959" in out and "supersedes" in out and "200,000,000" in out


def test_status_with_another_mission(db: Path) -> None:
    s = json.loads(run("status", "--db", str(db), "--json", "--mission", str(GSF),
                       "--as-of", "2025-11-01"))  # fmt: skip
    assert s["mission"]["ceiling"] == 5550 and s["mission"]["mandate_end"] == "2026-09-30"
    assert s["mission"]["days_to_expiry"] == 333


def test_timeline_conflicts_history(db: Path) -> None:
    t = json.loads(run("timeline", "--db", str(db), "--json"))
    assert t["timeline"][0]["date"] == "2024-01"
    assert "Timeline" in run("timeline", "--db", str(db))
    c = json.loads(run("conflicts", "--db", str(db), "--json"))
    assert c["conflicts"] == []
    assert "No conflicts" in run("conflicts", "--db", str(db))
    h = json.loads(run("history", "Kenya", "--db", str(db), "--json"))
    assert h["actor"] == "KEN" and any(f["status"] == "present" for f in h["facts"])
    assert "History of Kenya (KEN)" in run("history", "KEN", "--db", str(db))


def test_export_formats(db: Path, tmp_path: Path) -> None:
    out = run("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "x"),
              "--table", "facts", "--table", "series")  # fmt: skip
    files = out.split()
    assert [Path(f).name for f in files] == ["facts.parquet", "series.parquet"]
    assert len(pd.read_parquet(files[0])) == 33


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--as-of", "March"], "not a date"),
        (["export", "--format", "xlsx"], "use one of csv, json, parquet"),
        (["history", "Narnia"], "no facts about 'Narnia'"),
    ],
)
def test_bad_options_are_clear_errors(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code != 0 and message in result.output


def test_missing_database_and_bad_mission_file(tmp_path: Path, db: Path) -> None:
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output
    bad = tmp_path / "m.yaml"
    bad.write_text("name: only a name\n")
    result = runner.invoke(app, ["status", "--db", str(db), "--mission", str(bad)])
    assert result.exit_code == 1 and "missing required key 'code'" in result.output
