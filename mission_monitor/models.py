"""The shared vocabulary: plain, typed values that every stage passes on.

Nothing here does I/O, so every module may import it.

Data flow::

    RawInput --clean--> CleanDocument --extract--> [Fact, ...] --store--> SourcedFact --reconcile-->

Dates are ISO strings at the precision the text supports: ``"2024"``, ``"2024-06"`` or
``"2024-06-25"`` (see :mod:`mission_monitor.resolve.dates` for comparisons).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

FactKind = Literal["personnel", "funding", "event"]
InputFormat = Literal["text", "html"]

PERSONNEL_STATUSES = ("pledged", "authorized", "arrived", "present", "withdrawn")
FUNDING_STATUSES = ("pledged", "deposited", "disbursed")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
FORCES = ("police", "military")
EVENT_TYPES = (
    "agreement",
    "court_ruling",
    "deployment",
    "un_resolution",
    "mandate",
    "diplomatic_relations",
    "meeting",
    "state_of_emergency",
    "designation",
    "other",
)


@dataclass(frozen=True, slots=True)
class RawInput:
    """One document as read from a file or a dump line, before cleaning.

    ``content`` is the decoded text (plain text or HTML, as ``format`` says); it is what the
    store keeps so that extraction can be re-run later.
    """

    doc: str  # the JSONL ``id``, or the file's name
    source: str  # where it came from: a path, or ``path:line`` for dump lines
    content: str
    format: InputFormat
    url: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line that cleaning removed from a text dump, and why."""

    line: int  # 1-based line number in the input text
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """The article text out of its clutter, with the page's metadata."""

    doc: str
    text: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    dropped: tuple[DroppedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the sentence, its character offsets in the cleaned text
    (``text[start:end] == sentence``) and the rule that produced the fact."""

    sentence: str
    start: int
    end: int
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["sentence"], int(d["start"]), int(d["end"]), d["rule"])


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str  # ISO 4217


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact in the format of FACTS.md, with its evidence.

    A single class for the three kinds keeps storage and comparison simple; the fields that do
    not belong to a kind stay ``None`` (or empty).
    """

    kind: FactKind
    date: str | None = None
    # personnel and funding
    actor: str | None = None
    status: str | None = None
    qualifier: str | None = None
    # personnel
    count: int | None = None
    force: str | None = None
    # funding
    amount: float | None = None
    currency: str | None = None
    original: Money | None = None
    # event
    type: str | None = None
    actors: tuple[str, ...] = ()
    evidence: Evidence | None = field(default=None, compare=False)

    def key(self) -> tuple[Any, ...]:
        """What makes two facts of one document the same fact (FACTS.md matching fields)."""
        if self.kind == "personnel":
            return ("personnel", self.actor, self.status, self.count)
        if self.kind == "funding":
            return ("funding", self.actor, self.status, self.currency, self.amount)
        return ("event", self.type, self.actors)

    def to_dict(self, evidence: bool = True) -> dict[str, Any]:
        """The FACTS.md JSON object, plus ``evidence`` when asked."""
        d: dict[str, Any] = {"kind": self.kind}
        if self.kind == "personnel":
            d.update(
                actor=self.actor,
                status=self.status,
                count=self.count,
                qualifier=self.qualifier,
                force=self.force,
            )
        elif self.kind == "funding":
            amount: float | int | None = self.amount
            if amount is not None and float(amount).is_integer():
                amount = int(amount)
            d.update(actor=self.actor, status=self.status, amount=amount, currency=self.currency)
            if self.original is not None:
                orig = self.original.amount
                d["original"] = {
                    "amount": int(orig) if float(orig).is_integer() else orig,
                    "currency": self.original.currency,
                }
            d["qualifier"] = self.qualifier
        else:
            d.update(type=self.type, actors=list(self.actors))
        d["date"] = self.date
        if evidence and self.evidence is not None:
            d["evidence"] = self.evidence.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        orig = d.get("original")
        ev = d.get("evidence")
        return cls(
            kind=d["kind"],
            date=d.get("date"),
            actor=d.get("actor"),
            status=d.get("status"),
            qualifier=d.get("qualifier"),
            count=d.get("count"),
            force=d.get("force"),
            amount=d.get("amount"),
            currency=d.get("currency"),
            original=Money(float(orig["amount"]), orig["currency"]) if orig else None,
            type=d.get("type"),
            actors=tuple(d.get("actors") or ()),
            evidence=Evidence.from_dict(ev) if ev else None,
        )

    def with_date(self, date: str | None) -> Fact:
        return replace(self, date=date)


@dataclass(frozen=True, slots=True)
class SourcedFact:
    """A stored fact with what reconciliation needs to know of its source.

    ``valid`` time is ``fact.date``; ``known`` time is ``published`` (the document's
    publication date, or its ingestion date where the document gives none).
    """

    fact: Fact
    fact_id: int
    doc_id: int
    doc: str
    published: str | None
    story: int  # near-duplicate documents share a story: one independent source
    source_kind: Literal["official", "press"] = "press"
    site: str | None = None
    url: str | None = None
    title: str | None = None
