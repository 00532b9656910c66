"""Quality gate: FACTS.md F1 floors on annotated collections, through the full pipeline
(read -> clean -> extract), scored by :mod:`mission_monitor.evaluate`.

The floors are issue 8's: seeds 0.95, the team's own examples 0.90, and at most 3 facts from
181 articles about other things.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mission_monitor.evaluate import load_gold, score
from mission_monitor.extract import extract_facts
from mission_monitor.models import Fact
from mission_monitor.pipeline import process
from mission_monitor.read import iter_inputs


def _f1(inputs: list[Path], gold_path: Path) -> tuple[float, int]:
    gold = load_gold(gold_path)
    predicted: dict[str, list[Fact]] = {}
    for item in iter_inputs(inputs):
        assert not isinstance(item, Exception), item
        g = gold.get(item.doc)
        if g is None:
            continue
        predicted[item.doc] = process(item, default_published=g.published).facts
    report = score(predicted, gold)
    return report.overall.f1, report.docs


def test_seed_f1_floor(seeds_dir: Path) -> None:
    f1, docs = _f1(sorted(seeds_dir.glob("*.txt")), seeds_dir / "gold.jsonl")
    assert docs == 5
    assert f1 >= 0.95, f"seed F1 {f1:.3f} fell below 0.95"


def test_examples_f1_floor(examples_dir: Path) -> None:
    gold = examples_dir / "gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"no gold file at {gold}")
    inputs = sorted(
        p
        for p in examples_dir.iterdir()
        if p.suffix in (".txt", ".html", ".htm", ".jsonl") and p.name != "gold.jsonl"
    )
    f1, docs = _f1(inputs, gold)
    assert docs >= 10
    assert f1 >= 0.90, f"examples F1 {f1:.3f} fell below 0.90"


def test_unrelated_news_gives_no_facts(shared_dir: Path) -> None:
    """181 news articles about other things (the article-extraction benchmark's gold bodies):
    troop numbers, money and meetings abound there, but none of it is about the mission."""
    path = shared_dir / "data" / "article-extraction-benchmark" / "ground-truth.json"
    if not path.is_file():
        pytest.skip(f"no benchmark texts at {path}")
    bodies = [v.get("articleBody") or "" for v in json.loads(path.read_text()).values()]
    assert len(bodies) > 100
    found = [f for body in bodies for f in extract_facts(body, "2020-01-01")]
    assert len(found) <= 3, [f.evidence.sentence if f.evidence else f for f in found]
