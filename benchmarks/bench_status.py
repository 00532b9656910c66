"""``status`` and ``export`` on a generated database of 1M facts: time and peak memory of each
stage, against a baseline (a bare ``SELECT count(*)`` and a plain load of the same rows with the
same join, no objects) measured in the same run.

Each stage runs in a fresh child process of this script, so its peak memory (``ru_maxrss``) is
its own; "+MB" is the peak minus the child's resident size right after its imports.

The database is made through the store's own schema (``Store.open`` migrates it) and filled with
SQLAlchemy Core ``executemany`` in batches: 20 facts a document, one document in five a
syndicated copy (sharing a story), publication dates over 2023-10..2025-12, fact dates mostly
to the day, some to the month or year, some missing; 20 states, 8 donors, 4 currencies.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_status.py [--facts 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FACTS_PER_DOC = 20
STATES = ["KEN", "JAM", "BHS", "BLZ", "GTM", "SLV", "BEN", "TCD", "BGD", "BRB", "ATG", "GRD",
          "PRY", "BDI", "NGA", "MUS", "CHL", "SUR", "TTO", "MSS"]  # fmt: skip
DONORS = [("USA", "USD"), ("CAN", "CAD"), ("KEN", "KES"), ("FRA", "EUR"), ("DEU", "EUR"),
          ("GBR", "GBP"), ("JAM", "JMD"), ("UN", "USD")]  # fmt: skip
EVENTS = ["agreement", "court_ruling", "deployment", "un_resolution", "mandate", "meeting"]
DAY0 = dt.date(2023, 10, 1)
SPAN = (dt.date(2025, 12, 31) - DAY0).days


def _date(rng: random.Random, around: dt.date) -> str | None:
    r = rng.random()
    day = around - dt.timedelta(days=rng.randint(0, 10))
    if r < 0.15:
        return None
    if r < 0.25:
        return day.isoformat()[:7]
    if r < 0.30:
        return day.isoformat()[:4]
    return day.isoformat()


def generate(path: Path, n_facts: int, seed: int = 11) -> None:
    from sqlalchemy import insert

    from mission_monitor.store import Store
    from mission_monitor.store.schema import documents, facts, stories

    rng = random.Random(seed)
    n_docs = max(1, n_facts // FACTS_PER_DOC)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with Store.open(path) as store, store.engine.begin() as conn:
        story_rows, doc_rows = [], []
        story_of: list[int] = []
        pub_of: list[dt.date] = []
        n_stories = 0
        for i in range(n_docs):
            if i > 10 and rng.random() < 0.2:  # a syndicated copy of an earlier document
                j = rng.randrange(max(0, i - 200), i)
                story, pub = story_of[j], pub_of[j] + dt.timedelta(days=rng.randint(0, 3))
            else:
                n_stories += 1
                story, pub = n_stories, DAY0 + dt.timedelta(days=rng.randint(0, SPAN))
                story_rows.append({"id": story, "created_at": now})
            story_of.append(story)
            pub_of.append(pub)
            site = f"outlet{rng.randint(1, 300)}.example" if rng.random() < 0.9 else "un.org"
            doc_rows.append(
                {"id": i + 1, "content_hash": f"{i:064x}", "doc": f"doc{i}.txt",
                 "source": f"gen/doc{i}.txt", "format": "text", "content": "", "text": "",
                 "url": f"https://{site}/a/{i}", "title": f"Report {i}", "site": site,
                 "published": pub.isoformat(), "published_from": "input", "story_id": story,
                 "ingested_at": now}
            )  # fmt: skip
        conn.execute(insert(stories), story_rows)
        for k in range(0, len(doc_rows), 20_000):
            conn.execute(insert(documents), doc_rows[k : k + 20_000])
        batch: list[dict[str, Any]] = []
        for i in range(n_facts):
            d = i // FACTS_PER_DOC if i // FACTS_PER_DOC < n_docs else n_docs - 1
            pub = pub_of[d]
            row: dict[str, Any] = {
                "document_id": d + 1, "actor": None, "status": None, "count": None,
                "qualifier": "exact", "force": None, "amount": None, "currency": None,
                "original_amount": None, "original_currency": None, "type": None,
                "actors": "[]", "date": _date(rng, pub), "sentence": f"Sentence {i}.",
                "start": 0, "end": 12, "rule": "bench", "origin": "machine",
            }  # fmt: skip
            r = rng.random()
            if r < 0.6:
                actor = rng.choice(STATES)
                count = rng.choice([2, 6, 23, 78, 150, 200, 400, 700, 1000, 2500])
                row.update(kind="personnel", actor=actor, count=count,
                           status=rng.choice(["pledged", "arrived", "present", "present"]),
                           qualifier=rng.choice(["exact", "exact", "approx"]))  # fmt: skip
                row["fact_key"] = json.dumps(["personnel", actor, row["status"], count])
            elif r < 0.7:
                actor, cur = rng.choice(DONORS)
                amount = float(rng.choice([10, 20, 60, 200, 360]) * 1_000_000)
                row.update(kind="funding", actor=actor, amount=amount, currency=cur,
                           status=rng.choice(["pledged", "deposited"]))  # fmt: skip
                row["fact_key"] = json.dumps(["funding", actor, row["status"], cur, amount])
            else:
                etype = rng.choice(EVENTS)
                actors = sorted(rng.sample(STATES[:10], 2))
                row.update(kind="event", type=etype, actors=json.dumps(actors), qualifier=None)
                row["fact_key"] = json.dumps(["event", etype, actors])
            batch.append(row)
            if len(batch) == 50_000:
                conn.execute(insert(facts), batch)
                batch = []
        if batch:
            conn.execute(insert(facts), batch)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def stage(name: str, db: Path, out: Path) -> dict[str, Any]:
    """Run one stage here (in the child) and return its figures."""
    import sqlalchemy

    from mission_monitor import report
    from mission_monitor.mission import default_mission
    from mission_monitor.reconcile import reconcile
    from mission_monitor.store import Store

    base = _rss_mb()
    extra: dict[str, Any] = {}
    t0 = time.perf_counter()
    if name == "count":
        engine = sqlalchemy.create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            extra["rows"] = conn.exec_driver_sql("SELECT count(*) FROM facts").scalar_one()
    elif name == "load_rows":
        engine = sqlalchemy.create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT f.*, d.doc, d.published, d.site, d.url, d.title, d.story_id "
                "FROM facts f JOIN documents d ON f.document_id = d.id "
                "ORDER BY d.published, f.id"
            ).fetchall()
        extra["rows"] = len(rows)
    elif name == "status":
        with Store.open(db) as store:
            facts = store.sourced_facts()
        t1 = time.perf_counter()
        record = reconcile(facts, default_mission())
        t2 = time.perf_counter()
        status = report.record_dict(record)
        t3 = time.perf_counter()
        text = json.dumps(status)
        extra.update(
            load_s=round(t1 - t0, 2), reconcile_s=round(t2 - t1, 2),
            to_dict_s=round(t3 - t2, 2), json_bytes=len(text),
            personnel_rows=len(status["personnel"]), conflicts=len(status["conflicts"]),
        )  # fmt: skip
    elif name == "status_as_of":
        extra["present"] = report.status_dict(db, as_of="2024-06-30")["totals"]["present"]
    elif name.startswith("export_"):
        fmt = name.removeprefix("export_")
        files = report.export(db, out / fmt, fmt)  # type: ignore[arg-type]
        extra["bytes"] = sum(f.stat().st_size for f in files)
    else:
        raise SystemExit(f"unknown stage {name}")
    seconds = time.perf_counter() - t0
    peak = _rss_mb()
    return {"stage": name, "seconds": round(seconds, 2), "peak_mb": round(peak),
            "delta_mb": round(peak - base), **extra}  # fmt: skip


STAGES = ["count", "load_rows", "status", "status_as_of", "export_csv", "export_parquet"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None, help="reuse or create this SQLite file")
    ap.add_argument("--stage", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:  # child
        print(json.dumps(stage(args.stage, args.db, args.out)))
        return

    tmp = Path(tempfile.mkdtemp(prefix="bench_status_"))
    db = args.db or tmp / "bench.db"
    if not db.exists():
        t0 = time.perf_counter()
        generate(db, args.facts)
        print(f"generated {args.facts:,} facts in {time.perf_counter() - t0:.1f} s "
              f"({db.stat().st_size / 2**20:.0f} MB): {db}")  # fmt: skip
    print(f"python {platform.python_version()}, {platform.machine()}, SQLite file {db}")
    results = []
    for name in STAGES:
        cmd = [sys.executable, __file__, "--stage", name, "--db", str(db), "--out", str(tmp)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"stage {name} failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = next(r for r in results if r["stage"] == "load_rows")
    print(f"\n{'stage':<16}{'seconds':>9}{'x load':>8}{'peak MB':>9}{'+MB':>7}{'x load':>8}  notes")
    for r in results:
        notes = {k: v for k, v in r.items() if k not in ("stage", "seconds", "peak_mb", "delta_mb")}
        t_ratio = r["seconds"] / base["seconds"] if base["seconds"] else 0
        m_ratio = r["delta_mb"] / base["delta_mb"] if base["delta_mb"] else 0
        print(f"{r['stage']:<16}{r['seconds']:>9.2f}{t_ratio:>8.2f}{r['peak_mb']:>9}"
              f"{r['delta_mb']:>7}{m_ratio:>8.2f}  {notes}")  # fmt: skip


if __name__ == "__main__":
    main()
