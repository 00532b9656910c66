"""``status`` and ``export`` on a generated database of 1M facts: time and peak memory of each
stage, against a baseline (a bare ``SELECT count(*)`` and a plain load of the same rows with the
same join, no objects) measured in the same run.

Each stage runs in a fresh child process of this script, so its peak memory (``ru_maxrss``) is
its own; "+MB" is the peak minus the child's resident size right after its imports.

The database is made through the store's own schema (``Store.open`` migrates it), documents with
SQLAlchemy Core and facts with the driver's ``executemany`` in batches: 20 facts a document on
average, one document in five a syndicated copy (sharing a story), publication dates over
2023-10..2025-12; fact dates mostly to the day, some to the month or year, some missing; 20
states, 8 donors. The facts describe a generated truth (see ``World``) with one figure in ten
wrong, so the record has agreeing sources, superseded pledges, repeated arrivals and conflicts.

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


def _date(rng: random.Random, day: dt.date) -> str | None:
    """A fact's date as reports give it: mostly to the day, some to the month or year, some
    missing (the story's publication then dates it)."""
    r = rng.random()
    if r < 0.15:
        return None
    if r < 0.25:
        return day.isoformat()[:7]
    if r < 0.30:
        return day.isoformat()[:4]
    return day.isoformat()


class World:
    """The truth that the generated reports describe, with noise: per state a pledge that is
    revised now and then, contingents that arrive every three to six weeks, and the strength
    they add up to; per donor pledges and deposits. One report in ten gets a figure wrong."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pledges: dict[str, list[tuple[int, int]]] = {}
        self.batches: dict[str, list[tuple[int, int]]] = {}
        for st in STATES:
            p = rng.choice([20, 50, 150, 200, 400, 1000, 2500])
            self.pledges[st] = [(0, p), (rng.randint(100, 500), int(p * rng.choice([1, 1.5, 2])))]
            day, out = rng.randint(250, 400), []
            while day < SPAN:
                out.append((day, rng.choice([2, 6, 23, 50, 78, 150, 200, 400])))
                day += rng.randint(21, 42)
            self.batches[st] = out
        self.money = {d: [(0, rng.choice([10, 20, 60, 200])), (rng.randint(100, 600), 360)]
                      for d, _ in DONORS}  # fmt: skip

    @staticmethod
    def _at(schedule: list[tuple[int, int]], day: int) -> int | None:
        val = None
        for start, v in schedule:
            if start <= day:
                val = v
        return val

    def noisy(self, value: int) -> int:
        return value if self.rng.random() < 0.9 else int(value * self.rng.choice([0.5, 0.8, 1.3]))

    def personnel(self, actor: str, status: str, day: int) -> tuple[int, int] | None:
        """``(count, day it holds)`` a report published on ``day`` may state, or None."""
        if status == "pledged":
            v = self._at(self.pledges[actor], day)
            return (self.noisy(v), day) if v else None
        past = [b for b in self.batches[actor] if b[0] <= day]
        if not past:
            return None
        if status == "arrived":
            bday, n = self.rng.choice(past[-3:])
            return self.noisy(n), bday + self.rng.randint(-2, 2)
        return self.noisy(sum(n for _, n in past)), day - self.rng.randint(0, 5)


def generate(path: Path, n_facts: int, seed: int = 11) -> None:
    from sqlalchemy import insert

    from mission_monitor.store import Store
    from mission_monitor.store.schema import documents, stories

    rng = random.Random(seed)
    world = World(rng)
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
        cols = ("document_id", "kind", "fact_key", "actor", "status", "count", "qualifier",
                "force", "amount", "currency", "original_amount", "original_currency", "type",
                "actors", "date", "sentence", "start", "end", "rule", "origin")  # fmt: skip
        quoted = ", ".join('"' + c + '"' for c in cols)
        sql = f"INSERT INTO facts ({quoted}) VALUES ({', '.join('?' for _ in cols)})"
        raw = conn.connection.driver_connection
        assert raw is not None
        batch: list[tuple[Any, ...]] = []
        made = 0
        while made < n_facts:
            d = rng.randrange(n_docs)
            pub = pub_of[d]
            day = (pub - DAY0).days
            row: dict[str, Any] = {
                "document_id": d + 1, "actor": None, "status": None, "count": None,
                "qualifier": "exact", "force": None, "amount": None, "currency": None,
                "original_amount": None, "original_currency": None, "type": None,
                "actors": "[]", "sentence": f"Sentence {made}.", "start": 0, "end": 12,
                "rule": "bench", "origin": "machine",
            }  # fmt: skip
            r = rng.random()
            if r < 0.6:
                actor = rng.choice(STATES)
                status = rng.choice(["pledged", "arrived", "present", "present"])
                said = world.personnel(actor, status, day)
                if said is None:
                    continue
                count, holds = said
                row.update(kind="personnel", actor=actor, status=status, count=count,
                           qualifier=rng.choice(["exact", "exact", "exact", "approx"]),
                           date=_date(rng, DAY0 + dt.timedelta(days=holds)))  # fmt: skip
                row["fact_key"] = json.dumps(["personnel", actor, status, count])
            elif r < 0.7:
                actor, cur = rng.choice(DONORS)
                usd = World._at(world.money[actor], day) or 10
                amount = float(world.noisy(usd) * 1_000_000)
                status = rng.choice(["pledged", "pledged", "deposited"])
                row.update(kind="funding", actor=actor, amount=amount, currency="USD",
                           status=status, date=_date(rng, pub))  # fmt: skip
                row["fact_key"] = json.dumps(["funding", actor, status, "USD", amount])
            else:
                etype = rng.choice(EVENTS)
                actors = sorted(rng.sample(STATES[:10], 2))
                when = pub - dt.timedelta(days=rng.randint(0, 30))
                row.update(kind="event", type=etype, actors=json.dumps(actors), qualifier=None,
                           date=_date(rng, when))  # fmt: skip
                row["fact_key"] = json.dumps(["event", etype, actors])
            batch.append(tuple(row[c] for c in cols))
            made += 1
            if len(batch) == 100_000:
                raw.executemany(sql, batch)
                batch = []
        if batch:
            raw.executemany(sql, batch)


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
