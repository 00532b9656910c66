"""Extraction speed on real reporting: documents and words per second of ``extract_facts`` in
one process (so per core), against parsing every sentence with the same pipeline, measured in
the same run on the same documents.

Texts: the real passages of ../shared/data/real (dev and check, read in place), cleaned as
``ingest`` cleans them and repeated until the corpus holds ``--docs`` documents; each copy gets
a short distinct first line, so that no two are identical.

Three timings, each the best of ``--rounds``:

- ``extract_facts``: the whole of extraction (surface annotation, the parse of the candidate
  sentences only, every rule, dates, merge);
- baseline: the same tokenizer and sentence splitter, then the same pipeline (tagger, parser,
  attribute ruler, lemmatizer: ``extract.model.parse_docs``) over *every* sentence of each
  document, and nothing else; the ratio is extract_facts' documents per second over this one's;
- for reference, the parse of every sentence batched across all documents at once (what a
  parse costs at best, with no per-document work).

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_extract.py [--docs N] [--rounds R]
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc

from mission_monitor.clean import clean_document
from mission_monitor.errors import InputError
from mission_monitor.extract import extract_facts
from mission_monitor.extract.annotate import nlp
from mission_monitor.extract.model import model, parse_docs
from mission_monitor.read import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "data" / "real"


def load_texts() -> list[tuple[str, str | None]]:
    """(cleaned text, published) of every real passage."""
    out: list[tuple[str, str | None]] = []
    for item in iter_inputs([REAL / "dev.jsonl", REAL / "check.jsonl"]):
        if isinstance(item, InputError):
            continue
        clean = clean_document(item)
        if clean.text.strip():
            out.append((clean.text, clean.published or item.published))
    return out


def corpus(base: list[tuple[str, str | None]], n: int) -> list[tuple[str, str | None]]:
    return [(f"Report {i} of the benchmark\n\n{base[i % len(base)][0]}", base[i % len(base)][1])
            for i in range(n)]  # fmt: skip


def best(rounds: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(rounds))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000, help="corpus size in documents")
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds; the best is kept")
    args = ap.parse_args()

    base = load_texts()
    if not base:
        raise SystemExit(f"no real passages at {REAL}")
    docs = corpus(base, args.docs)
    n_words = sum(len(t.split()) for t, _ in docs)

    t0 = time.perf_counter()
    extract_facts(docs[0][0], docs[0][1])  # load the pipeline, compile the rules, once
    warmup = time.perf_counter() - t0
    splitter = nlp()
    vocab = model().vocab

    def sentences(text: str) -> list[Doc]:
        return [
            Doc(vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
            for s in splitter(text).sents
            if s.text.strip()
        ]

    stats = {"facts": 0, "sentences": 0}

    def run_extract() -> float:
        t = time.perf_counter()
        stats["facts"] = sum(len(extract_facts(text, pub)) for text, pub in docs)
        return time.perf_counter() - t

    def run_parse_all() -> float:
        t = time.perf_counter()
        n = 0
        for text, _ in docs:
            for _parsed in parse_docs(sentences(text)):
                n += 1
        stats["sentences"] = n
        return time.perf_counter() - t

    def run_parse_batched() -> float:
        every = [d for text, _ in docs for d in sentences(text)]
        t = time.perf_counter()
        for _parsed in parse_docs(every, batch_size=256):
            pass
        return time.perf_counter() - t

    extract_s = best(args.rounds, run_extract)
    parse_s = best(args.rounds, run_parse_all)
    batched_s = best(args.rounds, run_parse_batched)

    print(f"python {platform.python_version()}, spaCy {spacy.__version__}, {platform.machine()}")
    print(
        f"corpus: {len(docs)} documents ({len(base)} real passages repeated), {n_words:,} words, "
        f"{stats['sentences']:,} sentences; best of {args.rounds} rounds; one process"
    )
    print(f"first call (pipeline loaded, rules compiled): {warmup:.2f} s")
    rows = [
        ("extract_facts (candidates parsed, all rules)", extract_s),
        ("baseline: every sentence parsed, per document", parse_s),
        ("reference: every sentence parsed, one batch", batched_s),
    ]
    print(f"{'':50} {'docs/s':>8} {'words/s':>9} {'seconds':>8} {'ratio':>6}")
    for name, secs in rows:
        ratio = parse_s / secs
        print(f"{name:50} {len(docs) / secs:8.1f} {n_words / secs:9,.0f} {secs:8.2f} {ratio:5.2f}x")
    print(f"facts per round: {stats['facts']}")


if __name__ == "__main__":
    main()
