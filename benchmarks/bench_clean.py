"""Cleaning of pages: our clean stage against trafilatura alone (default settings), side by
side on the article-extraction benchmark, in one run.

Quality: token-shingle precision, recall and F1 as the benchmark scores them
(:mod:`mission_monitor.clean.scoring`). Speed: pages per second of each, and their ratio
(our pages/s divided by trafilatura's). Each extractor runs once over every page, in turn,
after a warm-up page.

Usage: PYTHONPATH=. .venv/bin/python benchmarks/bench_clean.py [--limit N] [--shared PATH]
"""

from __future__ import annotations

import argparse
import os
import platform
from pathlib import Path

import trafilatura

from mission_monitor.clean.benchmark import load_benchmark, ours, run, trafilatura_default
from mission_monitor.clean.html import EXTRACT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages only")
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

    base = run("trafilatura (defaults)", trafilatura_default, truth, html, urls)
    mine = run("mission-monitor clean", ours, truth, html, urls)

    print(f"article-extraction-benchmark: {len(truth)} pages; trafilatura "
          f"{trafilatura.__version__}; Python {platform.python_version()}")
    print(f"our settings: {EXTRACT_SETTINGS}")
    print(f"{'':24s} {'F1':>7s} {'prec':>7s} {'recall':>7s} {'pages/s':>8s}")
    for r in (base, mine):
        s = r.score
        print(f"{r.name:24s} {s.f1:7.4f} {s.precision:7.4f} {s.recall:7.4f} "
              f"{r.pages_per_second:8.1f}")
    print(f"F1 difference (ours - trafilatura): {mine.score.f1 - base.score.f1:+.4f}")
    print(f"speed ratio (our pages/s / trafilatura pages/s): "
          f"{mine.pages_per_second / base.pages_per_second:.2f}")


if __name__ == "__main__":
    main()
