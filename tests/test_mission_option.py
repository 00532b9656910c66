"""The mission as an explicit value: ``extract_facts(..., mission=...)`` and ``--mission`` on
``extract``, ``eval``, ``ingest`` and ``reextract``; the default mission knows its successor."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mission_monitor.cli import app
from mission_monitor.extract import extract_facts
from mission_monitor.mission import load_mission
from mission_monitor.store import Store

runner = CliRunner()

# Another mission, written for this test: the UN force in Cyprus (real names, our own sentences)
CYPRUS = """\
key: unficyp
code: UNFICYP
name: United Nations Peacekeeping Force in Cyprus
aliases: [UNFICYP, UN Peacekeeping Force in Cyprus]
host: CYP
lead: null
ceiling:
  personnel: 860
  source: written for a test
mandates: []
"""
REPORT = (
    "UNFICYP at sixty\n\n"
    "UNFICYP now has about 800 troops on the island, drawn from a dozen countries. "
    "Argentina sent 240 soldiers to Cyprus in March 2024.\n"
)


def _mission(tmp_path: Path) -> Path:
    path = tmp_path / "unficyp.yaml"
    path.write_text(CYPRUS, encoding="utf-8")
    return path


def test_extract_facts_reads_the_mission_it_is_given(tmp_path: Path) -> None:
    cyprus = load_mission(_mission(tmp_path))
    got = {(f.actor, f.status, f.count) for f in extract_facts(REPORT, "2024-06-01", cyprus)}
    assert got == {("UNFICYP", "present", 800), ("ARG", "arrived", 240)}
    # the same text says nothing about the default mission (the MSS in Haiti)
    assert extract_facts(REPORT, "2024-06-01") == []


def test_the_default_mission_knows_its_successor() -> None:
    text = "Haiti update\n\nThe Gang Suppression Force now has about 1,000 personnel in Haiti."
    (f,) = extract_facts(text, "2025-12-01")
    assert (f.actor, f.status, f.count, f.date) == ("MSS", "present", 1000, "2025-12-01")


def test_extract_and_eval_take_mission(tmp_path: Path) -> None:
    mission = _mission(tmp_path)
    report = tmp_path / "cyprus.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = runner.invoke(app, ["extract", str(report), "--published", "2024-06-01"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["facts"] == []
    out = runner.invoke(
        app, ["extract", str(report), "--published", "2024-06-01", "--mission", str(mission)]
    )
    assert out.exit_code == 0, out.output
    facts = json.loads(out.stdout)["facts"]
    assert {(f["actor"], f["count"]) for f in facts} == {("UNFICYP", 800), ("ARG", 240)}
    gold = tmp_path / "gold.jsonl"
    line = {"doc": "cyprus.txt", "published": "2024-06-01", "facts": facts}
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["eval", "--gold", str(gold), str(report), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["overall"]["f1"] == 0.0
    out = runner.invoke(
        app, ["eval", "--gold", str(gold), str(report), "--json", "--mission", str(mission)]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["overall"]["f1"] == 1.0


def test_ingest_and_reextract_take_mission(tmp_path: Path) -> None:
    mission = _mission(tmp_path)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "cyprus.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "cyprus.db"
    out = runner.invoke(
        app, ["ingest", str(folder), "--db", str(db), "--mission", str(mission), "-q"]
    )
    assert out.exit_code == 0, out.output
    with Store.open(db) as store:
        assert {(sf.fact.actor, sf.fact.count) for sf in store.sourced_facts()} == {
            ("UNFICYP", 800),
            ("ARG", 240),
        }
    # re-extracted for the default mission, the same document states nothing
    out = runner.invoke(app, ["reextract", "--db", str(db)])
    assert out.exit_code == 0, out.output
    with Store.open(db) as store:
        assert list(store.sourced_facts()) == []


def test_a_bad_mission_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("key: [unclosed\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = runner.invoke(app, ["extract", str(report), "--mission", str(bad)])
    assert out.exit_code == 2
    assert "bad.yaml" in out.output
