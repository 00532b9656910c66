"""Facts <-> table rows, and the content hash that keys documents."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from mission_monitor.models import Evidence, Fact, Money

MACHINE = "machine"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(content: str) -> str:
    """SHA-256 (hex) of the raw input, newlines normalised: the document's identity."""
    return hashlib.sha256(normalise_newlines(content).encode("utf-8")).hexdigest()


def _canonical(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def fact_key(fact: Fact) -> str:
    """``Fact.key()`` as canonical JSON: equal for the same fact stated by any document."""
    return json.dumps(_canonical(list(fact.key())), separators=(",", ":"), ensure_ascii=False)


def fact_values(fact: Fact, document_id: int, origin: str = MACHINE) -> dict[str, Any]:
    ev = fact.evidence
    return {
        "document_id": document_id,
        "kind": fact.kind,
        "fact_key": fact_key(fact),
        "actor": fact.actor,
        "status": fact.status,
        "count": fact.count,
        "qualifier": fact.qualifier,
        "force": fact.force,
        "amount": None if fact.amount is None else float(fact.amount),
        "currency": fact.currency,
        "original_amount": None if fact.original is None else float(fact.original.amount),
        "original_currency": None if fact.original is None else fact.original.currency,
        "type": fact.type,
        "actors": json.dumps(list(fact.actors), ensure_ascii=False),
        "date": fact.date,
        "sentence": ev.sentence if ev else None,
        "start": ev.start if ev else None,
        "end": ev.end if ev else None,
        "rule": ev.rule if ev else None,
        "origin": origin,
    }


@lru_cache(maxsize=4096)
def _actors(stored: str | None) -> tuple[str, ...]:
    """The ``actors`` column (a JSON list) as a tuple. Cached: a store holds few distinct lists
    (most facts have none), and decoding one per row was a third of loading the facts."""
    return tuple(json.loads(stored or "[]"))


#: The columns of ``facts`` that :func:`fact_from_values` takes, in its order.
FACT_COLUMNS = (
    "kind", "date", "actor", "status", "qualifier", "count", "force", "amount", "currency",
    "original_amount", "original_currency", "type", "actors", "sentence", "start", "end", "rule",
)  # fmt: skip


def fact_from_values(values: Sequence[Any]) -> Fact:
    """A stored fact from the values of :data:`FACT_COLUMNS`, in that order (a tuple rather
    than a mapping: loading a million facts spends its time here)."""
    (kind, date, actor, status, qualifier, count, force, amount, currency, original_amount,
     original_currency, type_, actors, sentence, start, end, rule) = values  # fmt: skip
    return Fact(
        kind=kind,
        date=date,
        actor=actor,
        status=status,
        qualifier=qualifier,
        count=count,
        force=force,
        amount=None if amount is None else float(amount),
        currency=currency,
        original=None
        if original_amount is None
        else Money(float(original_amount), original_currency),
        type=type_,
        actors=_actors(actors),
        evidence=None if sentence is None else Evidence(sentence, int(start), int(end), rule or ""),
    )
