"""The FACTS.md scoring rules, on facts written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mission_monitor.errors import InputError
from mission_monitor.evaluate import date_matches, facts_match, load_gold, score
from mission_monitor.models import Fact


def personnel(actor: str, status: str, count: int, date: str | None = None) -> Fact:
    return Fact(kind="personnel", actor=actor, status=status, count=count, date=date)


def test_date_matches_at_gold_precision() -> None:
    assert date_matches("2024-06-25", "2024-06")
    assert not date_matches("2024-06", "2024-06-25")
    assert not date_matches(None, "2024")
    assert date_matches(None, None)
    assert not date_matches("2024-07-01", "2024-06")


def test_funding_amount_within_one_percent() -> None:
    gold = Fact(kind="funding", actor="USA", status="pledged", amount=200e6, currency="USD")
    near = Fact(kind="funding", actor="USA", status="pledged", amount=201e6, currency="USD")
    far = Fact(kind="funding", actor="USA", status="pledged", amount=203e6, currency="USD")
    assert facts_match(near, gold)
    assert not facts_match(far, gold)


def test_event_actors_compared_as_sets() -> None:
    a = Fact(kind="event", type="agreement", actors=("KEN", "HTI"))
    b = Fact(kind="event", type="agreement", actors=("HTI", "KEN"))
    assert facts_match(a, b)


def test_one_to_one_matching_and_micro_average(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_line = {
        "doc": "a.txt",
        "published": "2024-06-26",
        "facts": [
            {
                "kind": "personnel",
                "actor": "KEN",
                "status": "arrived",
                "count": 400,
                "qualifier": "exact",
                "force": "police",
                "date": "2024-06-25",
            },
            {"kind": "event", "type": "court_ruling", "actors": ["KEN"], "date": "2024-01"},
        ],
    }
    gold_file.write_text(json.dumps(gold_line) + "\n", encoding="utf-8")
    gold = load_gold(gold_file)
    predicted = {
        "a.txt": [
            personnel("KEN", "arrived", 400, "2024-06"),  # right fact, date too coarse
            personnel("KEN", "arrived", 400, "2024-06-25"),  # the same fact: one match only
            personnel("JAM", "present", 24),
        ]
    }
    report = score(predicted, gold)
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (1, 2, 1)
    assert overall.precision == pytest.approx(1 / 3)
    assert overall.recall == pytest.approx(1 / 2)
    # the prediction whose date matches is the one paired with the gold fact
    assert (report.dates_scored, report.dates_correct) == (1, 1)
    assert report.by_kind["event"].fn == 1


def test_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"doc": "a", "facts": []}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        load_gold(gold_file)


WRONG_SHAPES = [
    '{"doc": "a", "facts": [1]}',
    '["a"]',
    '{"doc": "a", "facts": [{"kind": "event", "evidence": "x"}]}',
]


@pytest.mark.parametrize("line", WRONG_SHAPES)
def test_gold_line_of_the_wrong_shape_is_an_input_error(tmp_path: Path, line: str) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:1: not a gold line"):
        load_gold(gold_file)
