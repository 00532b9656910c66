"""Extraction on real reporting (``../shared/data/real``, read in place, never copied): floors
under the F1 each set scores now, by kind and for dates, so that no change loses ground.

Issue 8's targets are higher (check overall 0.80, every kind 0.70, dates 0.85; dev 0.85):
``REAL_TARGETS`` records them next to the floors, and benchmarks/RESULTS.md where they stand.
``check.jsonl`` is for measurement only: this test scores it, nobody tunes on its misses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mission_monitor.evaluate import EvalReport, load_gold, score
from mission_monitor.pipeline import process
from mission_monitor.read import iter_inputs

# (overall, personnel, funding, event, dates), a little under the scores of 2026-12-04
FLOORS = {
    "dev": (0.84, 0.85, 0.72, 0.87, 0.85),
    "check": (0.58, 0.50, 0.50, 0.65, 0.80),
}
REAL_TARGETS = {"dev": 0.85, "check": 0.80}


def _score(path: Path) -> EvalReport:
    gold = load_gold(path)
    predicted = {}
    for raw in iter_inputs([path]):
        assert not isinstance(raw, Exception), raw
        predicted[raw.doc] = process(raw, default_published=gold[raw.doc].published).facts
    assert predicted.keys() == gold.keys()
    return score(predicted, gold)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_passages_hold_their_floors(shared_dir: Path, name: str) -> None:
    path = shared_dir / "data" / "real" / f"{name}.jsonl"
    if not path.is_file():
        pytest.skip(f"no real passages at {path}")
    report = _score(path)
    overall, personnel, funding, event, dates = FLOORS[name]
    got = {kind: c.f1 for kind, c in report.by_kind.items()}
    assert report.overall.f1 >= overall, ("overall", report.overall)
    assert got["personnel"] >= personnel, ("personnel", got)
    assert got["funding"] >= funding, ("funding", got)
    assert got["event"] >= event, ("event", got)
    assert report.date_accuracy >= dates, ("dates", report.date_accuracy)
