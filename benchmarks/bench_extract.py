"""Extraction speed: documents and words per second of ``extract_facts`` (one process, so the
figures are per core), against a baseline measured in the same run on the same texts: the bare
spaCy pipeline alone (``spacy.blank("en")`` + sentencizer), tokenising and splitting sentences.

Texts: the cleaned seed reports (../shared/data/seeds) and the team's examples
(examples/reports), repeated until the corpus reaches ``--words`` words. Each copy gets a short
distinct first line, so that no two documents are identical.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_extract.py [--words N] [--rounds R]
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import spacy

from mission_monitor.clean import clean_document
from mission_monitor.errors import InputError
from mission_monitor.extract import extract_facts
from mission_monitor.extract.annotate import nlp
from mission_monitor.read import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "data" / "seeds"
EXAMPLES = ROOT / "examples" / "reports"


def load_texts() -> list[tuple[str, str | None]]:
    """(cleaned text, published) of every English seed and example document."""
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if EXAMPLES.is_dir():
        paths += sorted(
            p
            for p in EXAMPLES.iterdir()
            if p.suffix in (".txt", ".html", ".jsonl") and p.name != "gold.jsonl"
        )
    out: list[tuple[str, str | None]] = []
    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            continue
        clean = clean_document(item)
        if clean.language in (None, "en") and clean.text.strip():
            out.append((clean.text, clean.published or item.published))
    return out


def corpus(base: list[tuple[str, str | None]], words: int) -> list[tuple[str, str | None]]:
    docs: list[tuple[str, str | None]] = []
    total = 0
    i = 0
    while total < words:
        text, pub = base[i % len(base)]
        text = f"Report {i} of the benchmark\n\n{text}"
        docs.append((text, pub))
        total += len(text.split())
        i += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000, help="corpus size in words")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds; the best is kept")
    args = ap.parse_args()

    base = load_texts()
    if not base:
        raise SystemExit("no texts found (seeds or examples)")
    docs = corpus(base, args.words)
    n_words = sum(len(t.split()) for t, _ in docs)
    n_chars = sum(len(t) for t, _ in docs)

    t0 = time.perf_counter()
    extract_facts(docs[0][0], docs[0][1])  # build the pipeline, matchers and tables once
    warmup = time.perf_counter() - t0

    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")

    def run_baseline() -> float:
        t = time.perf_counter()
        for d in bare.pipe(t for t, _ in docs):
            sum(1 for _ in d.sents)
        return time.perf_counter() - t

    def run_pipeline_only() -> float:
        t = time.perf_counter()
        for d in nlp().pipe(t for t, _ in docs):
            sum(1 for _ in d.sents)
        return time.perf_counter() - t

    facts = 0

    def run_extract() -> float:
        nonlocal facts
        facts = 0
        t = time.perf_counter()
        for text, pub in docs:
            facts += len(extract_facts(text, pub))
        return time.perf_counter() - t

    base_s = min(run_baseline() for _ in range(args.rounds))
    ours_pipe_s = min(run_pipeline_only() for _ in range(args.rounds))
    extract_s = min(run_extract() for _ in range(args.rounds))

    print(f"python {platform.python_version()}, spaCy {spacy.__version__}, {platform.machine()}")
    print(
        f"corpus: {len(docs)} documents, {n_words:,} words, {n_chars / 1e6:.2f} MB "
        f"({len(base)} distinct texts repeated); best of {args.rounds} rounds; one process"
    )
    print(f"first call (pipeline, matchers, tables built): {warmup:.2f} s")
    rows = [
        ("baseline: spacy.blank('en') + sentencizer", base_s),
        ("our pipeline only (hard breaks + sentencizer)", ours_pipe_s),
        ("extract_facts (all rules, dates, merge)", extract_s),
    ]
    print(f"{'':48} {'docs/s':>9} {'words/s':>10} {'x baseline':>11}")
    for name, secs in rows:
        print(f"{name:48} {len(docs) / secs:9.1f} {n_words / secs:10,.0f} {secs / base_s:11.2f}")
    print(f"facts extracted per round: {facts}")


if __name__ == "__main__":
    main()
