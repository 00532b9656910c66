"""Runs of the article-extraction benchmark: our cleaning against trafilatura with its defaults.

Used by ``benchmarks/bench_clean.py`` (all pages, with timings) and by the tests (a subset).
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from mission_monitor.clean import clean_document
from mission_monitor.clean.scoring import Score, score
from mission_monitor.models import RawInput


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    score: Score
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.score.pages / self.seconds if self.seconds > 0 else float("inf")


def load_benchmark(
    root: Path, limit: int | None = None
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(truth bodies, pages' HTML, urls) by page id, in id order, the first ``limit`` pages."""
    truth_raw = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth_raw)[:limit] if limit else sorted(truth_raw)
    truth = {k: truth_raw[k]["articleBody"] for k in ids}
    urls = {k: truth_raw[k].get("url") or "" for k in ids}
    html = {
        k: gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8")
        for k in ids
    }
    return truth, html, urls


def ours(page: str, url: str) -> str:
    return clean_document(RawInput(doc="page", source="bench", content=page, format="html")).text


def trafilatura_default(page: str, url: str) -> str:
    return trafilatura.extract(page) or ""


def run(
    name: str,
    extractor: Callable[[str, str], str],
    truth: Mapping[str, str],
    html: Mapping[str, str],
    urls: Mapping[str, str],
    repeat: int = 1,
) -> Run:
    """Score ``extractor`` on the pages; its time is the best of ``repeat`` passes (the
    machine is shared, so the fastest pass is the least disturbed one)."""
    best = float("inf")
    predicted: dict[str, str] = {}
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        predicted = {k: extractor(html[k], urls[k]) for k in truth}
        best = min(best, time.perf_counter() - start)
    return Run(name, score(truth, predicted), best)


def full_page_dumps(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(truth bodies, full-page text dumps) by page id: the benchmark's stored ``html-text``
    output, every visible text of the page with all its clutter, is a set of real scraped text
    dumps that nobody tuned the line classifier on."""
    truth_raw = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    stored = json.loads((root / "reference-output" / "html-text.json").read_text(encoding="utf-8"))
    dumps = {k: v["articleBody"] for k, v in stored["output"].items() if k in truth_raw}
    return {k: truth_raw[k]["articleBody"] for k in dumps}, dumps
