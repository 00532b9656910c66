"""The report layer on a real SQLite store holding the seeds with their gold facts (extraction
replaced by the annotations, so these tests pin reconciliation and rendering, not extraction)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from record_fixtures import gold_store

from mission_monitor import report
from mission_monitor.errors import StoreError
from mission_monitor.models import Fact


@pytest.fixture
def db(seeds_dir: Path, db_path: Path) -> Path:
    return gold_store(seeds_dir, db_path)


def by_actor(rows: list[dict]) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r["actor"]: r for r in rows}


def test_status_latest(db: Path) -> None:
    s = report.status_dict(db)
    people = by_actor(s["personnel"])
    present = {a: r["present"] for a, r in people.items() if r["present"] is not None}
    assert present == {"KEN": 700, "GTM": 150, "SLV": 78, "JAM": 23, "BHS": 6, "BLZ": 2}
    assert s["totals"]["present"] == 959 and s["mission"]["ceiling"] == 2500
    assert people["KEN"]["present_date"] == "2025" and people["KEN"]["present_sources"] == 1
    usa = by_actor(s["funding"])["USA"]
    assert usa["pledged_usd"] == 360_000_000
    assert [h["value"] for h in usa["pledged_history"]] == [200_000_000]
    assert any("older" in o["reason"] for o in usa["pledged_overridden"])
    assert set(s) >= {"as_of", "mission", "personnel", "funding", "events", "conflicts"}
    assert {"name", "ceiling", "mandate_end"} <= set(s["mission"])
    cited = {int(k) for k in s["sources"]}
    assert set(people["KEN"]["present_facts"]) <= cited
    json.dumps(s)  # JSON-ready


def test_status_as_of_before_arrival(db: Path) -> None:
    s = report.status_dict(db, as_of="2024-03-05")
    ken = by_actor(s["personnel"])["KEN"]
    assert (ken["pledged"], ken["present"], ken["arrived"]) == (1000, None, None)
    assert s["totals"]["present"] == 0
    usa = by_actor(s["funding"])["USA"]
    assert usa["pledged_usd"] == 200_000_000
    assert usa["pledged_original"] == {"amount": 28_700_000_000, "currency": "KES"}
    assert s["mission"]["days_to_expiry"] == 211


def test_frames_and_series(db: Path) -> None:
    t = report.frames(db)
    assert set(t) == set(report.TABLES)
    assert isinstance(t["personnel"], pd.DataFrame)
    p = t["personnel"].set_index("actor")
    assert p.loc["KEN", "present"] == 700 and p.loc["KEN", "pledged"] == 1000
    facts = t["facts"]
    assert len(facts) == 33 and facts["fate"].str.contains("supports KEN present").any()
    assert (t["estimates"]["measure"] == "present").sum() == 6
    points = report.series(db)
    assert {"actor": "KEN", "measure": "present", "date": "2025", "value": 700}.items() <= next(
        p for p in points if p["actor"] == "KEN" and p["measure"] == "present"
    ).items()


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_round_trips(db: Path, tmp_path: Path, fmt: str) -> None:
    files = report.export(db, tmp_path / "out", fmt, names=("facts", "estimates", "events"))  # type: ignore[arg-type]
    assert [f.name for f in files] == [f"facts.{fmt}", f"estimates.{fmt}", f"events.{fmt}"]
    read = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[fmt]
    facts = read(files[0])
    assert len(facts) == 33 and {"sentence", "doc", "published", "fate"} <= set(facts.columns)
    est = read(files[1])
    ken = est[(est["actor"] == "KEN") & (est["measure"] == "present")]
    assert ken["value"].tolist() == [700]
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left
    umask = os.umask(0)
    os.umask(umask)
    assert all(f.stat().st_mode & 0o777 == 0o666 & ~umask for f in files)  # not private 0600


def test_history_keeps_superseded_pledges_visible(db: Path) -> None:
    rows = report.history(db, "United States")
    pledges = [r for r in rows if r["kind"] == "funding"]
    assert [r["value"] for r in pledges] == ["USD 200,000,000", "USD 360,000,000"]
    assert "overridden" in pledges[0]["fate"][0] and "supports" in pledges[1]["fate"][0]


def test_timeline_is_in_date_order(db: Path) -> None:
    rows = report.timeline(db)
    assert rows[0]["what"] == "event" and rows[0]["date"] == "2024-01"
    assert any(r["what"] == "present" and r["actor"] == "KEN" for r in rows)


def test_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        report.status_dict(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_long_provenance_lists_are_cut_with_their_total(db: Path) -> None:
    full = by_actor(report.status_dict(db, limit=None)["personnel"])["KEN"]
    cut_status = report.status_dict(db, limit=1, events=0)
    cut = by_actor(cut_status["personnel"])["KEN"]
    assert len(full["pledged_facts"]) == 4 and "pledged_facts_total" not in full
    assert cut["pledged_facts"] == full["pledged_facts"][:1] and cut["pledged_facts_total"] == 4
    assert cut_status["events"] == []


def test_status_lists_the_newest_conflicts_and_counts_all() -> None:
    from mission_monitor.models import SourcedFact
    from mission_monitor.reconcile import reconcile

    def fact(i: int, count: int, date: str, story: int) -> SourcedFact:
        f = Fact("personnel", date=date, actor="KEN", status="present", count=count,
                 qualifier="exact")  # fmt: skip
        return SourcedFact(f, i, i, f"d{i}", "2025-06-01", story, site=f"s{story}.example")

    facts = [fact(1, 700, "2025-01", 1), fact(2, 900, "2025-01", 2),
             fact(3, 750, "2025-03", 1), fact(4, 950, "2025-03", 2)]  # fmt: skip
    s = report.record_dict(reconcile(facts, as_of="2025-12-31"), limit=1)
    assert s["conflicts_total"] == 2 and [c["date"] for c in s["conflicts"]] == ["2025-03"]
    assert {side["value"] for side in s["conflicts"][0]["sides"]} == {750, 950}
    assert {"3", "4"} <= set(s["sources"])
