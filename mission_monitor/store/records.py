"""Facts <-> table rows, and the content hash that keys documents."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
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


def fact_from_row(row: Mapping[str, Any]) -> Fact:
    evidence = None
    if row["sentence"] is not None:
        evidence = Evidence(row["sentence"], int(row["start"]), int(row["end"]), row["rule"] or "")
    original = None
    if row["original_amount"] is not None:
        original = Money(float(row["original_amount"]), row["original_currency"])
    return Fact(
        kind=row["kind"],
        date=row["date"],
        actor=row["actor"],
        status=row["status"],
        qualifier=row["qualifier"],
        count=row["count"],
        force=row["force"],
        amount=None if row["amount"] is None else float(row["amount"]),
        currency=row["currency"],
        original=original,
        type=row["type"],
        actors=tuple(json.loads(row["actors"] or "[]")),
        evidence=evidence,
    )
