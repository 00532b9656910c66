"""Cleaning of pages: our clean stage against trafilatura alone (default settings), side by
side on the article-extraction benchmark, in one run.

Quality: token-shingle precision, recall and F1 as the benchmark scores them
(:mod:`mission_monitor.clean.scoring`). Speed: pages per second of each, and their ratio
(our pages/s divided by trafilatura's). After a warm-up page, the two run over every page in
turn, ``--repeat`` times (interleaved); each one's fastest pass counts.

Also printed: precision and recall of the line classifier of text dumps (seeds and our own
dumps), and of the near-duplicate threshold on the calibration set.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_clean.py [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
from collections import Counter
from pathlib import Path

import trafilatura

from mission_monitor.clean import clean_text
from mission_monitor.clean.benchmark import (
    full_page_dumps,
    load_benchmark,
    ours,
    run,
    trafilatura_default,
)
from mission_monitor.clean.dedup import SAME_STORY_THRESHOLD
from mission_monitor.clean.dedup_calibration import build_pairs, report
from mission_monitor.clean.html import EXTRACT_SETTINGS
from mission_monitor.clean.lines import classify_lines
from mission_monitor.clean.scoring import score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "clean"


VARIANTS: dict[str, dict[str, bool]] = {
    "defaults": {},
    "include_comments=False": {"include_comments": False},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "include_comments=False, favor_recall": {"include_comments": False, "favor_recall": True},
    "include_comments=False, include_tables=False": {
        "include_comments": False,
        "include_tables": False,
    },
    "include_comments=False, deduplicate": {"include_comments": False, "deduplicate": True},
    "include_comments=False, favor_precision": {"include_comments": False, "favor_precision": True},
    "include_comments=False, favor_precision, no tables": {
        "include_comments": False,
        "favor_precision": True,
        "include_tables": False,
    },
}


def line_scores(folder: Path, labels: Path) -> str:
    """Precision and recall of dropped lines against a labels file (occurrences counted)."""
    gold = json.loads(labels.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for name, lines in gold.items():
        text = (folder / name).read_text(encoding="utf-8")
        dropped = Counter(v.text.strip() for v in classify_lines(text) if not v.keep)
        want = Counter(line.strip() for line in lines)
        tp += sum((dropped & want).values())
        fp += sum((dropped - want).values())
        fn += sum((want - dropped).values())
    return (
        f"{len(gold)} dumps, {tp + fn} clutter lines: precision {tp / (tp + fp):.3f}, "
        f"recall {tp / (tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts")
    parser.add_argument(
        "--variants",
        action="store_true",
        help="also score the trafilatura settings that were tried when choosing ours",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=Path(os.environ.get("MISSION_MONITOR_SHARED", ROOT.parent / "shared")),
    )
    args = parser.parse_args()
    bench = args.shared / "data" / "article-extraction-benchmark"
    truth, html, urls = load_benchmark(bench, args.limit)
    first = next(iter(truth))
    ours(html[first], urls[first])  # warm-up: imports, models, caches
    trafilatura_default(html[first], urls[first])

    base = mine = None
    for _ in range(args.repeat):  # interleaved, so both see the same load on the machine
        b = run("trafilatura (defaults)", trafilatura_default, truth, html, urls)
        m = run("mission-monitor clean", ours, truth, html, urls)
        base = b if base is None or b.seconds < base.seconds else base
        mine = m if mine is None or m.seconds < mine.seconds else mine
    assert base is not None and mine is not None

    print(
        f"article-extraction-benchmark: {len(truth)} pages; trafilatura "
        f"{trafilatura.__version__}; Python {platform.python_version()}"
    )
    print(f"our settings: {EXTRACT_SETTINGS}")
    print(f"{'':24s} {'F1':>7s} {'prec':>7s} {'recall':>7s} {'pages/s':>8s}")
    for r in (base, mine):
        s = r.score
        print(
            f"{r.name:24s} {s.f1:7.4f} {s.precision:7.4f} {s.recall:7.4f} {r.pages_per_second:8.1f}"
        )
    print(f"F1 difference (ours - trafilatura): {mine.score.f1 - base.score.f1:+.4f}")
    print(
        f"speed ratio (our pages/s / trafilatura pages/s): "
        f"{mine.pages_per_second / base.pages_per_second:.2f}"
    )

    if args.variants:
        print()
        print("trafilatura settings tried (text only, no metadata):")
        for label, settings in VARIANTS.items():

            def extract(page: str, url: str, kw: dict[str, bool] = settings) -> str:
                return trafilatura.extract(page, **kw) or ""

            r = run(label, extract, truth, html, urls)
            print(
                f"  {label:44s} F1 {r.score.f1:.4f}  P {r.score.precision:.4f}  "
                f"R {r.score.recall:.4f}"
            )

    seeds = args.shared / "data" / "seeds"
    print()
    print("text dumps, clutter lines dropped by the line classifier:")
    print(f"  seeds (development set): {line_scores(seeds, seeds / 'boilerplate.json')}")
    print(
        f"  own dumps (tests/data/clean/dumps): "
        f"{line_scores(DATA / 'dumps', DATA / 'dumps' / 'labels.json')}"
    )
    truth_bodies, dumps = full_page_dumps(bench)
    raw_score = score(truth_bodies, dumps)
    cleaned = score(truth_bodies, {k: clean_text(v)[0] for k, v in dumps.items()})
    print(
        f"  {len(dumps)} full-page text dumps (benchmark's html-text output), token F1 "
        f"against the article bodies:"
    )
    for label, sc in (("raw dump", raw_score), ("line classifier", cleaned)):
        print(f"    {label:16s} F1 {sc.f1:.4f}  P {sc.precision:.4f}  R {sc.recall:.4f}")

    stories = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / "dedup").glob("*.txt"))
    }
    for folder in (DATA / "dumps", seeds):
        for p in sorted(folder.glob("*.txt")):
            stories[p.name] = clean_text(p.read_text(encoding="utf-8"))[0]
    pairs = build_pairs(stories)
    print()
    print(f"near-duplicates, {len(stories)} stories with edited copies: {report(pairs)}")
    for t in (0.2, SAME_STORY_THRESHOLD, 0.4, 0.5, 0.6):
        p, r = pairs.precision_recall(t)
        print(f"  threshold {t:.2f}: precision {p:.3f} recall {r:.3f}")


if __name__ == "__main__":
    main()
