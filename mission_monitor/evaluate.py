"""Scoring of extracted facts against gold annotations, as ``shared/data/FACTS.md`` defines it.

A predicted fact matches a gold fact of the same document when the kind and these fields agree:
personnel: actor, status, count; funding: actor, status, amount within 1 %; event: type and
actors. Matching is one-to-one. Precision, recall and F1 are micro-averaged over all facts.
Dates are scored apart, on matched facts whose gold date is not null: the predicted date must
equal the gold date at the gold date's precision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mission_monitor.errors import InputError
from mission_monitor.models import Fact

KINDS = ("personnel", "funding", "event")
AMOUNT_TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc: str
    published: str | None
    facts: tuple[Fact, ...]


def load_gold(path: Path) -> dict[str, GoldDoc]:
    """Read a gold JSON Lines file; a malformed line is an ``InputError`` naming ``path:line``."""
    gold: dict[str, GoldDoc] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            facts = tuple(Fact.from_dict(f) for f in obj["facts"])
            gold[obj["doc"]] = GoldDoc(obj["doc"], obj.get("published"), facts)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # AttributeError: a fact that is not an object ({"facts": [1]})
            raise InputError(f"{path}:{n}", f"not a gold line: {exc}") from exc
    return gold


def facts_match(pred: Fact, gold: Fact) -> bool:
    """Whether ``pred`` matches ``gold`` on the fields that FACTS.md scores."""
    if pred.kind != gold.kind:
        return False
    if gold.kind == "personnel":
        return (pred.actor, pred.status, pred.count) == (gold.actor, gold.status, gold.count)
    if gold.kind == "funding":
        if (pred.actor, pred.status) != (gold.actor, gold.status):
            return False
        if pred.amount is None or gold.amount is None:
            return False
        return abs(pred.amount - gold.amount) <= AMOUNT_TOLERANCE * abs(gold.amount)
    return pred.type == gold.type and sorted(pred.actors) == sorted(gold.actors)


def date_matches(pred: str | None, gold: str | None) -> bool:
    """A predicted date matches at the gold date's precision, never at a coarser one."""
    if gold is None:
        return True
    if pred is None or len(pred) < len(gold):
        return False
    return pred[: len(gold)] == gold


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class EvalReport:
    """Scores per kind and overall, date accuracy, and the facts that did not match."""

    by_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    dates_scored: int = 0
    dates_correct: int = 0
    misses: list[tuple[str, Fact]] = field(default_factory=list)
    false_positives: list[tuple[str, Fact]] = field(default_factory=list)
    wrong_dates: list[tuple[str, Fact, Fact]] = field(default_factory=list)  # doc, pred, gold
    docs: int = 0

    @property
    def overall(self) -> Counts:
        c = Counts()
        for k in self.by_kind.values():
            c.tp, c.fp, c.fn = c.tp + k.tp, c.fp + k.fp, c.fn + k.fn
        return c

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.dates_scored if self.dates_scored else 0.0

    def to_dict(self, verbose: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "documents": self.docs,
            "overall": self.overall.to_dict(),
            "by_kind": {k: c.to_dict() for k, c in self.by_kind.items()},
            "dates": {
                "scored": self.dates_scored,
                "correct": self.dates_correct,
                "accuracy": round(self.date_accuracy, 4),
            },
        }
        if verbose:
            d["misses"] = [{"doc": doc, **f.to_dict(evidence=False)} for doc, f in self.misses]
            d["false_positives"] = [{"doc": doc, **f.to_dict()} for doc, f in self.false_positives]
            d["wrong_dates"] = [
                {"doc": doc, "predicted": p.date, "gold": g.date, **g.to_dict(evidence=False)}
                for doc, p, g in self.wrong_dates
            ]
        return d


def score_document(
    report: EvalReport, doc: str, pred: Sequence[Fact], gold: Sequence[Fact]
) -> None:
    """Match one document's facts one-to-one and add the outcome to ``report``.

    A gold fact takes a matching prediction whose date also matches when there is one, so that
    date accuracy does not depend on the order of the predictions.
    """
    report.docs += 1
    free = list(pred)
    for g in gold:
        candidates = [p for p in free if facts_match(p, g)]
        counts = report.by_kind[g.kind]
        if not candidates:
            counts.fn += 1
            report.misses.append((doc, g))
            continue
        best = next((p for p in candidates if date_matches(p.date, g.date)), candidates[0])
        free.remove(best)
        counts.tp += 1
        if g.date is not None:
            report.dates_scored += 1
            if date_matches(best.date, g.date):
                report.dates_correct += 1
            else:
                report.wrong_dates.append((doc, best, g))
    for p in free:
        report.by_kind[p.kind].fp += 1
        report.false_positives.append((doc, p))


def score(predicted: Mapping[str, Sequence[Fact]], gold: Mapping[str, GoldDoc]) -> EvalReport:
    """Score every document present in both ``predicted`` and ``gold``."""
    report = EvalReport()
    for doc, facts in predicted.items():
        if doc in gold:
            score_document(report, doc, facts, gold[doc].facts)
    return report


def format_report(report: EvalReport, verbose: bool = False) -> Iterable[str]:
    """Plain-text lines for the terminal."""
    yield f"documents: {report.docs}"
    yield f"{'kind':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>7} {'R':>7} {'F1':>7}"
    rows = [*report.by_kind.items(), ("overall", report.overall)]
    for name, c in rows:
        yield (
            f"{name:<10} {c.tp:>4} {c.fp:>4} {c.fn:>4} "
            f"{c.precision:>7.3f} {c.recall:>7.3f} {c.f1:>7.3f}"
        )
    yield (
        f"dates: {report.dates_correct}/{report.dates_scored} correct ({report.date_accuracy:.3f})"
    )
    if verbose:
        for doc, f in report.misses:
            yield f"MISS  {doc}: {json.dumps(f.to_dict(evidence=False))}"
        for doc, f in report.false_positives:
            sentence = f.evidence.sentence if f.evidence else ""
            yield f"FALSE {doc}: {json.dumps(f.to_dict(evidence=False))}  <- {sentence!r}"
        for doc, p, g in report.wrong_dates:
            yield f"DATE  {doc}: {g.kind} predicted {p.date} gold {g.date}"
