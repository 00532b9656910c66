"""From the reconciled record to what a page shows: chart inputs and table rows.

Presentation only: which figure goes in which column. The figures themselves, and the facts
behind each, come from :func:`mission_monitor.reconcile.reconcile` unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mission_monitor.reconcile import (
    Conflict,
    Estimate,
    FlowTotal,
    FundingRow,
    PersonnelRow,
    Record,
)
from mission_monitor.web.charts import BarGroup, Point, number

FORCE_SERIES = ("pledged", "arrived", "present")
FUNDING_SERIES = ("pledged", "deposited")
MAX_LINES = 6  # strength over time: the states with the largest figures, the rest in the table


@dataclass(frozen=True, slots=True)
class Figure:
    """One reconciled figure, with a fact that supports it (the page links to it) and the
    number of independent stories behind it."""

    value: float | None
    date: str | None
    fact: int | None
    stories: int

    @property
    def known(self) -> bool:
        return self.value is not None


NONE = Figure(None, None, None, 0)


def of_estimate(e: Estimate | None) -> Figure:
    if e is None:
        return NONE
    return Figure(e.value, e.date, e.sources[0] if e.sources else None, e.stories)


def of_flow(f: FlowTotal | None) -> Figure:
    """A flow's total, linked to a report of its latest batch (``FlowTotal.sources`` sorts every
    batch's facts on each call: too slow for a page on a large database)."""
    if f is None:
        return NONE
    latest = next((b for b in reversed(f.batches) if b.sources), None)
    return Figure(f.total, f.date, latest.sources[0] if latest else None, f.stories)


def personnel_figures(row: PersonnelRow) -> dict[str, Figure]:
    """Pledged (latest pledge), arrived (distinct contingents summed), present (latest stock)."""
    return {
        "pledged": of_estimate(row.pledged),
        "arrived": of_flow(row.arrived),
        "present": of_estimate(row.present),
    }


def funding_figures(row: FundingRow) -> dict[str, Figure]:
    """Pledged, and deposited: the latest stated total, or else the distinct deposits summed."""
    deposited = of_estimate(row.deposited)
    if not deposited.known:
        deposited = of_flow(row.deposits)
    return {"pledged": of_estimate(row.pledged), "deposited": deposited}


def force_groups(record: Record) -> list[BarGroup]:
    return [
        BarGroup(row.actor, {k: f.value for k, f in personnel_figures(row).items()})
        for row in record.personnel
    ]


def funding_groups(record: Record) -> list[BarGroup]:
    return [
        BarGroup(row.actor, {k: f.value for k, f in funding_figures(row).items()})
        for row in record.funding
    ]


def series_label(actor: str, measure: str) -> str:
    return f"{actor} {'arrived (total)' if measure == 'arrived_total' else measure}"


def mission_series_label(record: Record, actor: str, measure: str) -> str:
    """A label for the strength chart; the mission's own figures are said to be mission-wide."""
    if record.mission.is_mission_actor(actor):
        return f"{actor} (mission-wide) {measure}"
    return series_label(actor, measure)


def strength_series(record: Record, actors: Sequence[str] | None = None) -> dict[str, list[Point]]:
    """Strength over time per state: its reported presence where known, else the running total
    of its distinct arrivals. At most :data:`MAX_LINES` states (the largest), unless ``actors``
    names them."""
    by_actor: dict[str, dict[str, list[Point]]] = {}
    for p in record.series:
        if actors is not None and p.actor not in actors:
            continue
        by_actor.setdefault(p.actor, {}).setdefault(p.measure, []).append(Point(p.date, p.value))
    chosen: list[tuple[float, str, str, list[Point]]] = []
    for actor, measures in by_actor.items():
        measure = "present" if measures.get("present") else "arrived_total"
        points = measures.get(measure) or []
        if points:
            chosen.append((max(p.value for p in points), actor, measure, points))
    chosen.sort(key=lambda c: (-c[0], c[1]))
    limit = len(chosen) if actors is not None else MAX_LINES
    return {mission_series_label(record, actor, m): pts for _, actor, m, pts in chosen[:limit]}


STATE_MEASURES = ("pledged", "arrived_total", "present")


def state_series(record: Record, actor: str) -> dict[str, list[Point]]:
    """One state's personnel over time: its pledges, arrivals (running total) and presence."""
    out: dict[str, list[Point]] = {series_label(actor, m): [] for m in STATE_MEASURES}
    for p in record.series:
        if p.actor == actor and p.measure in STATE_MEASURES:
            out[series_label(actor, p.measure)].append(Point(p.date, p.value))
    return {name: points for name, points in out.items() if points}


def conflict_csv_row(c: Conflict) -> dict[str, object]:
    """One conflict on one line: each side's figure, its number of stories and its facts."""
    return {
        "kind": c.kind,
        "actor": c.actor,
        "measure": c.measure,
        "date": c.date,
        "values": " | ".join(
            f"{'?' if s.value is None else number(s.value)} ({s.stories} stories: "
            + " ".join(str(i) for i in s.sources)
            + ")"
            for s in c.sides
        ),
        "note": c.note,
    }


CONFLICT_CSV_COLUMNS = ("kind", "actor", "measure", "date", "values", "note")
TIMELINE_CSV_COLUMNS = ("date", "what", "actor", "detail", "value", "sources", "facts", "dated_by")


def timeline_csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "facts": " ".join(str(i) for i in row.get("facts") or ())}
