"""Property tests (hypothesis) of reconciliation:

- the order of ingestion does not change the record;
- a fact published after D never changes the record as of D;
- adding a syndicated copy of a report (same story, same facts) changes no count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_monitor.models import Fact, SourcedFact
from mission_monitor.reconcile import Record, reconcile

ACTORS = ("KEN", "JAM", "MSS", "USA")
DAY0 = dt.date(2024, 1, 1)


@st.composite
def partial_date(draw: st.DrawFn, nullable: bool = True) -> str | None:
    if nullable and draw(st.booleans()) and draw(st.booleans()):
        return None
    day = DAY0 + dt.timedelta(days=draw(st.integers(0, 120)))
    precision = draw(st.sampled_from([3, 3, 3, 2, 1]))
    return day.isoformat()[: {3: 10, 2: 7, 1: 4}[precision]]


@st.composite
def a_fact(draw: st.DrawFn) -> Fact:
    kind = draw(st.sampled_from(["personnel", "personnel", "funding", "event"]))
    date = draw(partial_date())
    qualifier = draw(st.sampled_from(["exact", "exact", "approx", "at_least", "at_most"]))
    if kind == "personnel":
        return Fact(
            "personnel", date=date, actor=draw(st.sampled_from(ACTORS)),
            status=draw(st.sampled_from(["pledged", "arrived", "present", "withdrawn"])),
            count=draw(st.sampled_from([6, 23, 200, 210, 400, 700, 1000])), qualifier=qualifier,
        )  # fmt: skip
    if kind == "funding":
        return Fact(
            "funding", date=date, actor=draw(st.sampled_from(ACTORS)),
            status=draw(st.sampled_from(["pledged", "deposited"])),
            amount=float(draw(st.sampled_from([10, 200, 360]))) * 1e6,
            currency=draw(st.sampled_from(["USD", "KES", "CAD", "XOF"])), qualifier=qualifier,
        )  # fmt: skip
    return Fact(
        "event", date=date, type=draw(st.sampled_from(["agreement", "meeting", "deployment"])),
        actors=tuple(sorted(draw(st.sets(st.sampled_from(ACTORS), min_size=1, max_size=2)))),
    )  # fmt: skip


@st.composite
def fact_lists(draw: st.DrawFn, min_size: int = 0) -> list[SourcedFact]:
    n = draw(st.integers(min_size, 25))
    out = []
    for i in range(n):
        story = draw(st.integers(1, 5))
        published = draw(partial_date(nullable=False))
        out.append(
            SourcedFact(
                draw(a_fact()),
                i + 1,
                1000 + i,
                f"doc{i}",
                published,
                story,
                draw(st.sampled_from(["press", "press", "official"])),
            )  # fmt: skip
        )
    return out


AS_OF = "2024-12-31"


@settings(max_examples=150, deadline=None)
@given(facts=fact_lists(), data=st.data())
def test_ingestion_order_does_not_change_the_record(facts: list[SourcedFact], data: Any) -> None:
    shuffled = data.draw(st.permutations(facts))
    as_of = data.draw(st.sampled_from(["2024-02-15", "2024-03", AS_OF]))
    assert reconcile(shuffled, as_of=as_of) == reconcile(facts, as_of=as_of)


@settings(max_examples=150, deadline=None)
@given(facts=fact_lists(), extra=fact_lists(min_size=1), cut=st.integers(0, 120))
def test_a_fact_published_after_d_never_changes_the_record_as_of_d(
    facts: list[SourcedFact], extra: list[SourcedFact], cut: int
) -> None:
    d = DAY0 + dt.timedelta(days=cut)
    later = [
        dataclasses.replace(
            f, fact_id=10_000 + i, published=(d + dt.timedelta(days=1 + i)).isoformat()
        )
        for i, f in enumerate(extra)
    ]
    assert reconcile(facts + later, as_of=d) == reconcile(facts, as_of=d)


def counts(r: Record) -> dict[str, Any]:
    """Every count of a record: values, numbers of sources, batches, conflicts, events."""

    def est(e: Any) -> Any:
        return None if e is None else (e.value, e.qualifier, e.stories)

    def flow(t: Any) -> Any:
        return None if t is None else (t.total, len(t.batches), t.stories)

    rows = (*r.personnel, *([r.mission_level] if r.mission_level else []))
    return {
        "personnel": sorted(
            (
                p.actor,
                est(p.pledged),
                est(p.present),
                est(p.authorized),
                flow(p.arrived),
                flow(p.withdrawn),
            )
            for p in rows
        ),  # fmt: skip
        "funding": sorted(
            (f.actor, est(f.pledged), est(f.deposited), flow(f.deposits)) for f in r.funding
        ),
        "events": sorted((e.type, e.actors, e.stories) for e in r.events),
        "conflicts": sorted(
            (c.actor, c.measure, tuple(sorted((s.value or 0, s.stories) for s in c.sides)))
            for c in r.conflicts
        ),
        "total_present": r.total_present,
        "total_arrived": r.total_arrived,
    }


@settings(max_examples=150, deadline=None)
@given(facts=fact_lists(min_size=1), data=st.data())
def test_a_syndicated_copy_changes_no_count(facts: list[SourcedFact], data: Any) -> None:
    doc_id = data.draw(st.sampled_from(sorted({f.doc_id for f in facts})))
    original = [f for f in facts if f.doc_id == doc_id]
    delay = data.draw(st.integers(0, 30))
    first = min(dt.date.fromisoformat(_last_day(f.published)) for f in original)
    copy = [
        dataclasses.replace(
            f,
            fact_id=50_000 + i,
            doc_id=99_999,
            doc="copy",
            published=(first + dt.timedelta(days=delay)).isoformat(),
            site="syndicator.example",
        )
        for i, f in enumerate(original)
    ]
    assert counts(reconcile(facts + copy, as_of=AS_OF)) == counts(reconcile(facts, as_of=AS_OF))


def _last_day(d: str | None) -> str:
    assert d is not None
    if len(d) == 4:
        return f"{d}-12-31"
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return d
