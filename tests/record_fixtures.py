"""A real store of the seed reports with their gold facts: the record the reconciliation and
report tests read (shared by test_report.py and test_record_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

from mission_monitor.clean import clean_document
from mission_monitor.models import Fact
from mission_monitor.pipeline import Processed
from mission_monitor.read import iter_inputs
from mission_monitor.store import Store


def gold_store(seeds_dir: Path, path: Path) -> Path:
    """The seeds in a real store at ``path``, with the gold facts in place of extraction's."""
    gold = {
        (d := json.loads(line))["doc"]: d
        for line in (seeds_dir / "gold.jsonl").read_text().splitlines()
    }
    with Store.open(path) as store:
        for raw in iter_inputs(sorted(seeds_dir.glob("0*.txt"))):
            assert not isinstance(raw, Exception)
            g = gold[raw.doc]
            facts = [Fact.from_dict(f) for f in g["facts"]]
            processed = Processed(raw, clean_document(raw), facts, g["published"])
            store.add(processed, published=g["published"])
    return path
