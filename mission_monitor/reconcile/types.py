"""What reconciliation returns: typed, immutable values with their provenance (fact ids)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from mission_monitor.mission import Mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile.fx import FxRate

DatedBy = Literal["valid", "known"]


@dataclass(frozen=True, slots=True)
class Override:
    """A fact that an estimate did not follow, and why."""

    fact_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class Estimate:
    """The reconciled value of one measure of one actor (a stock or a pledge).

    ``sources`` are the facts that support ``value`` (the latest date's, plus earlier reports of
    the same figure not contradicted in between); ``stories`` counts their independent stories.
    Money estimates carry the dollar value in ``value`` and the stated figure in ``amount`` /
    ``currency`` (and ``original`` where the text gave a conversion)."""

    actor: str
    measure: str
    value: float | None
    qualifier: str | None
    date: str | None
    dated_by: DatedBy
    since: str | None  # the earliest date of the supporting run of reports
    stories: int
    official: bool
    sources: tuple[int, ...]
    overridden: tuple[Override, ...]
    amount: float | None = None
    currency: str | None = None
    original_amount: float | None = None
    original_currency: str | None = None
    fx: FxRate | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    """One distinct flow (a contingent that arrived, or one payment), however many reports
    describe it. ``duplicates`` are the facts folded into it, with the reason."""

    actor: str
    measure: str
    value: float | None
    qualifier: str | None
    date: str | None
    dated_by: DatedBy
    stories: int
    sources: tuple[int, ...]
    duplicates: tuple[Override, ...]
    # a payment in a currency without a dollar rate: ``value`` is in that currency, and the
    # flow's total (in dollars) leaves it out
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class FlowTotal:
    """The sum of distinct flows of one actor and measure (people, or US dollars: payments in
    a currency without a rate stay apart, see :attr:`Batch.currency`)."""

    actor: str
    measure: str
    total: float
    date: str | None  # the latest batch's date
    stories: int
    batches: tuple[Batch, ...]

    @property
    def sources(self) -> tuple[int, ...]:
        return tuple(sorted(i for b in self.batches for i in b.sources))


@dataclass(frozen=True, slots=True)
class PersonnelRow:
    actor: str
    pledged: Estimate | None
    authorized: Estimate | None
    arrived: FlowTotal | None
    present: Estimate | None
    withdrawn: FlowTotal | None


@dataclass(frozen=True, slots=True)
class FundingRow:
    actor: str
    pledged: Estimate | None
    deposited: Estimate | None
    disbursed: Estimate | None
    deposits: FlowTotal | None  # distinct deposits summed
    disbursements: FlowTotal | None


@dataclass(frozen=True, slots=True)
class EventItem:
    type: str
    actors: tuple[str, ...]
    date: str | None
    dated_by: DatedBy
    stories: int
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: float | None
    qualifier: str | None
    stories: int
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Independent stories that give incompatible values for one actor, measure and date."""

    kind: str  # personnel | funding
    actor: str
    measure: str
    date: str | None
    sides: tuple[ConflictSide, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One point over time: ``present`` as reported at a date, the running total of distinct
    arrivals (``arrived_total``), or the pledge standing at a date (``pledged`` people,
    ``pledged_usd`` money)."""

    actor: str
    measure: str
    date: str
    value: float
    stories: int
    sources: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Record:
    """The reconciled record as known on ``as_of``."""

    as_of: dt.date
    mission: Mission
    personnel: tuple[PersonnelRow, ...]  # one row per contributing state
    mission_level: PersonnelRow | None  # facts about the mission as a whole (actor = its code)
    funding: tuple[FundingRow, ...]
    events: tuple[EventItem, ...]  # newest first
    conflicts: tuple[Conflict, ...]
    series: tuple[SeriesPoint, ...]
    facts: tuple[SourcedFact, ...]  # the facts known on as_of, by id
    _by_id: dict[int, SourcedFact] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._by_id.update((f.fact_id, f) for f in self.facts)

    @property
    def total_present(self) -> int:
        """The sum of the states' present strength."""
        return int(sum(r.present.value or 0 for r in self.personnel if r.present is not None))

    @property
    def total_arrived(self) -> int:
        return int(sum(r.arrived.total for r in self.personnel if r.arrived is not None))

    def fact(self, fact_id: int) -> SourcedFact | None:
        return self._by_id.get(fact_id)
