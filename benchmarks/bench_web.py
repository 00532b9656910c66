"""Web latency on a large generated database: the overview page and /api/v1/facts.

    .venv/bin/python benchmarks/bench_web.py                      # 100k documents, 1M facts
    .venv/bin/python benchmarks/bench_web.py --docs 2000 --requests 50   # a quick run

The database is generated once (reused if the file exists with the same size) by bulk inserts
through the store's schema: documents with a short text of ten sentences, each sentence the
evidence of one fact (personnel, funding or event, over 16 states and two years), stories
shared by about three documents each. Requests run in-process through FastAPI's TestClient;
the baseline is ``/api/v1/health`` (no database), timed in the same run. The overview is timed
cold (first request: reconciliation of every fact) and warm (cached per database state).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mission_monitor.models import Evidence, Fact  # noqa: E402
from mission_monitor.store import Store  # noqa: E402
from mission_monitor.store.records import fact_values  # noqa: E402
from mission_monitor.store.schema import documents, facts, stories  # noqa: E402

STATES = [
    ("KEN", "Kenyan", 1000),
    ("JAM", "Jamaican", 200),
    ("BHS", "Bahamian", 150),
    ("BLZ", "Belizean", 50),
    ("GTM", "Guatemalan", 150),
    ("SLV", "Salvadoran", 80),
    ("BEN", "Beninese", 1500),
    ("TCD", "Chadian", 300),
    ("BGD", "Bangladeshi", 200),
    ("BRB", "Barbadian", 50),
    ("ATG", "Antiguan", 30),
    ("MEX", "Mexican", 100),
    ("PER", "Peruvian", 100),
    ("CHL", "Chilean", 100),
    ("ESP", "Spanish", 80),
    ("ITA", "Italian", 60),
]
DONORS = [("USA", 300e6), ("CAN", 80e6), ("FRA", 20e6), ("DEU", 15e6), ("GBR", 10e6)]
SITES = ["example-news.com", "wire.example.org", "caribbean.example.net", "un.org", "gov.example"]
START = dt.date(2023, 7, 1)
DAYS = 820


def _sentence(rng: random.Random, day: dt.date) -> tuple[str, Fact]:
    kind = rng.random()
    date = day.isoformat()
    if kind < 0.7:
        code, adj, size = rng.choice(STATES)
        status = rng.choice(("pledged", "arrived", "present", "arrived", "present"))
        count = max(5, int(rng.gauss(size * 0.6, size * 0.1)) // 5 * 5)
        text = f"On {date}, {count} {adj} police officers were {status} in Haiti, officials said."
        return text, Fact("personnel", date, code, status, "exact", count, "police")
    if kind < 0.9:
        code, size = rng.choice(DONORS)
        status = rng.choice(("pledged", "deposited"))
        amount = float(int(rng.uniform(0.2, 1.0) * size) // 1_000_000 * 1_000_000 or 1_000_000)
        text = f"On {date}, {code} {status} ${amount:,.0f} for the mission's trust fund."
        return text, Fact("funding", date, code, status, "exact", amount=amount, currency="USD")
    code = rng.choice(STATES)[0]
    text = f"On {date}, Haiti and {code} signed an agreement on the mission."
    return text, Fact("event", date, type="agreement", actors=("HTI", code))


def generate(path: Path, n_docs: int, facts_per_doc: int = 10, seed: int = 7) -> None:
    """A database of ``n_docs`` documents and ``n_docs * facts_per_doc`` facts at ``path``."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    store = Store.open(str(path))
    now = dt.datetime(2025, 11, 1, tzinfo=dt.UTC).isoformat(timespec="seconds")
    chunk = 5_000
    try:
        with store.engine.begin() as conn:
            n_stories = max(1, n_docs // 3)
            conn.execute(insert(stories), [{"created_at": now} for _ in range(n_stories)])
            for first in range(0, n_docs, chunk):
                doc_rows, fact_rows = [], []
                for doc_id in range(first + 1, min(n_docs, first + chunk) + 1):
                    day = START + dt.timedelta(days=rng.randrange(DAYS))
                    parts, offset = [], 0
                    for _ in range(facts_per_doc):
                        sentence, fact = _sentence(rng, day - dt.timedelta(days=rng.randrange(3)))
                        values = _fact_row(fact, doc_id, sentence, offset)
                        fact_rows.append(values)
                        parts.append(sentence)
                        offset += len(sentence) + 1
                    text = " ".join(parts)
                    site = rng.choice(SITES)
                    doc_rows.append(
                        {
                            "id": doc_id,
                            "content_hash": f"{doc_id:064x}",
                            "doc": f"generated-{doc_id}",
                            "source": f"generated/{doc_id}.txt",
                            "format": "text",
                            "encoding": "utf-8",
                            "content": text,
                            "text": text,
                            "url": f"https://{site}/story/{doc_id}",
                            "title": f"Mission update {doc_id}",
                            "site": site,
                            "outlet": site,
                            "published": day.isoformat(),
                            "published_from": "input",
                            "language": "en",
                            "story_id": rng.randrange(1, n_stories + 1),
                            "ingested_at": now,
                        }
                    )
                conn.execute(insert(documents), doc_rows)
                conn.execute(insert(facts), fact_rows)
    finally:
        store.close()


def _fact_row(fact: Fact, doc_id: int, sentence: str, start: int) -> dict[str, object]:
    """The row the store itself would write for ``fact`` stated by ``sentence`` at ``start``."""
    evidence = Evidence(sentence, start, start + len(sentence), "generated")
    return fact_values(replace(fact, evidence=evidence), doc_id)


def _size(path: Path) -> tuple[int, int]:
    store = Store.open(str(path))
    try:
        with store.engine.connect() as conn:
            n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            n_facts = conn.execute(select(func.count()).select_from(facts)).scalar_one()
    finally:
        store.close()
    return int(n_docs), int(n_facts)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(call: Callable[[], object], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return {
        "p50": statistics.median(samples),
        "p95": _percentile(samples, 0.95),
        "max": max(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("out/bench-web.db"))
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--facts-per-doc", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from mission_monitor.web.app import create_app

    args.db.parent.mkdir(parents=True, exist_ok=True)
    want = (args.docs, args.docs * args.facts_per_doc)
    if not args.db.exists() or _size(args.db) != want:
        t0 = time.perf_counter()
        generate(args.db, args.docs, args.facts_per_doc)
        print(
            f"generated {want[0]:,} documents, {want[1]:,} facts in "
            f"{time.perf_counter() - t0:.1f} s -> {args.db}"
        )
    else:
        print(f"reusing {args.db}: {want[0]:,} documents, {want[1]:,} facts")

    client = TestClient(create_app(args.db))

    def get(url: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
            return response

        return call

    n = args.requests
    timed(get("/api/v1/health"), 20)  # warm the client and the app up
    results: dict[str, dict[str, float]] = {}
    results["baseline /api/v1/health"] = timed(get("/api/v1/health"), n)
    t0 = time.perf_counter()
    get("/")()
    cold = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    get("/api/v1/status")()
    status_cold = (time.perf_counter() - t0) * 1000
    results["overview / (warm)"] = timed(get("/"), n)
    results["/api/v1/status (warm)"] = timed(get("/api/v1/status"), max(5, n // 10))
    results["/api/v1/facts"] = timed(get("/api/v1/facts"), n)
    results["/api/v1/facts?actor=KEN&status=arrived"] = timed(
        get("/api/v1/facts?actor=KEN&status=arrived&limit=100"), n
    )
    results["/api/v1/facts?after=500000 (next link)"] = timed(get("/api/v1/facts?after=500000"), n)
    results["/api/v1/facts?offset=500000"] = timed(
        get("/api/v1/facts?offset=500000"), max(5, n // 10)
    )
    results["/api/v1/facts?as_of=2024-06-30&kind=funding"] = timed(
        get("/api/v1/facts?as_of=2024-06-30&kind=funding"), n
    )
    results["/documents?q=Kenyan"] = timed(get("/documents?q=Kenyan"), max(5, n // 10))

    base = results["baseline /api/v1/health"]["p50"]
    print(f"\noverview cold (first request, reconciles every fact): {cold:,.0f} ms")
    print(
        f"/api/v1/status cold (record already reconciled; builds the status object): "
        f"{status_cold:,.0f} ms"
    )
    print(f"{'request':48} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'p50/baseline':>13}")
    for name, r in results.items():
        print(f"{name:48} {r['p50']:9.1f} {r['p95']:9.1f} {r['max']:9.1f} {r['p50'] / base:13.1f}")


if __name__ == "__main__":
    main()
