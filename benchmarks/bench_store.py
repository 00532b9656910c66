"""The store: documents per second through ``Store.add`` (fingerprint, story matching, one
transaction per document, facts) against a baseline of the same rows written with plain
``sqlite3`` (one transaction per document, no fingerprint, no story lookup), in one run; then the
read queries the reconcile and web layers use, on the filled store.

Documents are synthetic (seeded random words, 300 a document, five facts each) and one in ten is
a near-duplicate of an earlier one with another headline and footer, so story matching has work.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_store.py [--docs N] [--db-url URL]
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import tempfile
import time
from pathlib import Path

import sqlalchemy

from mission_monitor.models import CleanDocument, Evidence, Fact, RawInput
from mission_monitor.pipeline import Processed
from mission_monitor.store import Store
from mission_monitor.store.records import content_hash, fact_values

ACTORS = ["KEN", "BEN", "BHS", "JAM", "BLZ", "GTM", "SLV", "USA", "CAN"]


def make_docs(n: int, seed: int = 7) -> list[Processed]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    docs: list[Processed] = []
    bodies: list[str] = []
    for i in range(n):
        if i >= 10 and i % 10 == 0:
            body = f"Headline {i}\n\n" + rng.choice(bodies) + f"\n\nFooter of outlet {i}."
        else:
            body = " ".join(rng.choice(vocab) for _ in range(300))
            bodies.append(body)
        facts = [
            Fact(
                kind="personnel",
                actor=rng.choice(ACTORS),
                status=rng.choice(["pledged", "arrived", "present"]),
                count=rng.randrange(50, 3000, 50),
                qualifier="exact",
                date=f"2024-{rng.randint(1, 12):02}",
                evidence=Evidence(body[:40], 0, 40, "bench"),
            )
            for _ in range(5)
        ]
        raw = RawInput(doc=f"d{i}.txt", source=f"d{i}.txt", content=body, format="text")
        published = f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        clean = CleanDocument(doc=raw.doc, text=body, published=published)
        docs.append(Processed(raw, clean, facts, published))
    return docs


def baseline(path: Path, docs: list[Processed]) -> float:
    """Same rows, plain sqlite3, one transaction per document, the same journal mode (WAL, set
    by Store.open): the floor of the store's cost."""
    with Store.open(path):  # the schema, created by the migrations
        pass
    conn = sqlite3.connect(path)
    cols = list(fact_values(docs[0].facts[0], 0))
    names = ", ".join('"' + c + '"' for c in cols)
    marks = ", ".join("?" * len(cols))
    fact_sql = f"INSERT INTO facts ({names}) VALUES ({marks})"
    start = time.perf_counter()
    for i, d in enumerate(docs):
        with conn:
            story = conn.execute("INSERT INTO stories (created_at) VALUES ('x')").lastrowid
            doc_id = conn.execute(
                "INSERT INTO documents (content_hash, doc, source, format, content, text, "
                "published, published_from, story_id, ingested_at) "
                "VALUES (?, ?, ?, 'text', ?, ?, ?, 'input', ?, 'x')",
                (
                    content_hash(d.raw.content),
                    d.raw.doc,
                    d.raw.source,
                    d.raw.content,
                    d.clean.text,
                    d.published,
                    story,
                ),
            ).lastrowid
            conn.executemany(
                fact_sql, [tuple(fact_values(f, int(doc_id or i)).values()) for f in d.facts]
            )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def timed(label: str, fn: object, repeat: int = 5) -> float:
    assert callable(fn)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:44s} {best * 1000:9.1f} ms (best of {repeat})")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--db-url", default=None, help="also a PostgreSQL URL (empty database)")
    args = parser.parse_args()
    docs = make_docs(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline(Path(tmp) / "base.db", docs)
        target: str | Path = args.db_url or Path(tmp) / "store.db"
        with Store.open(target) as store:
            start = time.perf_counter()
            for d in docs:
                store.add(d)
            ours = time.perf_counter() - start
            again = time.perf_counter()
            for d in docs:
                store.add(d)
            unchanged = time.perf_counter() - again
            stats = store.stats()
            print(
                f"store: {store.dialect} (SQLAlchemy {sqlalchemy.__version__}, SQLite "
                f"{sqlite3.sqlite_version}), Python {platform.python_version()}; {len(docs)} "
                f"documents, {stats.facts} facts, {stats.stories} stories"
            )
            print(f"  baseline plain sqlite3 inserts              {len(docs) / base:9.1f} docs/s")
            print(f"  Store.add (new)                             {len(docs) / ours:9.1f} docs/s")
            print(
                f"  Store.add (unchanged, same content again)   {len(docs) / unchanged:9.1f} docs/s"
            )
            print(f"  ratio Store.add / baseline                  {base / ours:9.2f}")
            timed("sourced_facts() all", store.sourced_facts)
            timed(
                "sourced_facts(actor=KEN, as_of=2024-06-30)",
                lambda: store.sourced_facts(actor="KEN", as_of="2024-06-30"),
            )
            timed("story_counts() all", store.story_counts)
            timed("documents() all", store.documents)
            timed("stats()", store.stats)


if __name__ == "__main__":
    main()
