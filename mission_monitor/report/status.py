"""The record as plain data: the ``status --json`` object, and the rows the tables and
DataFrames are made of. Everything here is JSON-ready (str, int, float, bool, None, list, dict).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pycountry

from mission_monitor.mission import Mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile import (
    Batch,
    Conflict,
    Estimate,
    EventItem,
    FlowTotal,
    FundingRow,
    PersonnelRow,
    Record,
    SeriesPoint,
    date_order,
)
from mission_monitor.resolve import actors

LATEST_EVENTS = 10
#: Lists of fact ids and overrides longer than this are cut in status objects, with the full
#: length in ``KEY_total``; every fact's full fate is in the ``facts`` table (export, history).
MAX_LISTED = 100
_CAPPED = ("facts", "overridden", "counted_once", "batches")


def cap_lists(obj: Any, limit: int | None = MAX_LISTED) -> Any:
    """Cut the long provenance lists of a status object in place (see ``MAX_LISTED``)."""
    if limit is None:
        return obj
    if isinstance(obj, dict):
        for key in list(obj):
            value = obj[key]
            if isinstance(value, list) and key.endswith(_CAPPED) and len(value) > limit:
                obj[key] = value[:limit]
                obj[f"{key}_total"] = len(value)
            cap_lists(obj[key], limit)
    elif isinstance(obj, list):
        for item in obj:
            cap_lists(item, limit)
    return obj


def actor_name(code: str, mission: Mission | None = None) -> str:
    """A readable name for an actor code (ISO 3166 alpha-3, an organisation, the mission)."""
    if mission is not None and mission.is_mission_actor(code):
        return mission.name
    return actors.actor_name(code)


def resolve_actor(name: str, mission: Mission | None = None) -> str:
    """An actor code from a code or a name ("Kenya" -> KEN, "MMAS" -> MSS, "Britain" -> GBR,
    "kenya" -> KEN): the mission's own names first, then the alias tables extraction reads
    reports with, then ISO 3166 names and codes; the input, upper-cased, when nothing matches."""
    if mission is not None:
        code = mission.resolve(name)
        if code is not None:
            return code
    code = actors.lookup(name)
    if code is not None:
        return code
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return name.strip().upper()


def json_number(v: float | None) -> int | float | None:
    """A figure as the JSON output gives it: whole (and any figure of 1,000 or more) as an
    integer, else rounded to two decimals."""
    if v is None:
        return None
    return int(round(v)) if float(v).is_integer() or abs(v) >= 1000 else round(v, 2)


def _overrides(e: Estimate | Batch) -> list[dict[str, Any]]:
    items = e.overridden if isinstance(e, Estimate) else e.duplicates
    return [{"fact_id": o.fact_id, "reason": o.reason} for o in items]


def estimate_fields(prefix: str, e: Estimate | None) -> dict[str, Any]:
    """``{prefix}`` value plus its qualifier, date, number of independent sources, facts and the
    facts it overrode."""
    if e is None:
        return {
            prefix: None,
            f"{prefix}_qualifier": None,
            f"{prefix}_date": None,
            f"{prefix}_dated_by": None,
            f"{prefix}_sources": 0,
            f"{prefix}_official": False,
            f"{prefix}_facts": [],
            f"{prefix}_overridden": [],
        }
    return {
        prefix: json_number(e.value),
        f"{prefix}_qualifier": e.qualifier,
        f"{prefix}_date": e.date,
        f"{prefix}_dated_by": e.dated_by,
        f"{prefix}_sources": e.stories,
        f"{prefix}_official": e.official,
        f"{prefix}_facts": list(e.sources),
        f"{prefix}_overridden": _overrides(e),
    }


def flow_fields(prefix: str, t: FlowTotal | None) -> dict[str, Any]:
    if t is None:
        return {
            prefix: None,
            f"{prefix}_date": None,
            f"{prefix}_sources": 0,
            f"{prefix}_batches": [],
            f"{prefix}_facts": [],
        }
    return {
        prefix: json_number(t.total),
        f"{prefix}_date": t.date,
        f"{prefix}_sources": t.stories,
        f"{prefix}_batches": [batch_dict(b) for b in t.batches],
        f"{prefix}_facts": list(t.sources),
    }


def batch_dict(b: Batch) -> dict[str, Any]:
    return {
        "value": json_number(b.value),
        "currency": b.currency,  # None: people, or US dollars
        "qualifier": b.qualifier,
        "date": b.date,
        "sources": b.stories,
        "facts": list(b.sources),
        "counted_once": _overrides(b),
    }


def pledge_history(points: list[SeriesPoint], e: Estimate | None) -> list[dict[str, Any]]:
    """The earlier pledges that the current one superseded: each date's figure, oldest first,
    where it differs from the one before."""
    out: list[dict[str, Any]] = []
    for p in points:
        if e is not None and p.date == e.date:
            break
        if not out or out[-1]["value"] != json_number(p.value):
            out.append({"date": p.date, "value": json_number(p.value), "sources": p.stories,
                        "facts": list(p.sources)})  # fmt: skip
    if e is not None and out and out[-1]["value"] == json_number(e.value):
        out.pop()
    return out


def personnel_dict(
    row: PersonnelRow,
    mission: Mission,
    series: dict[tuple[str, str], list[SeriesPoint]] | None = None,
) -> dict[str, Any]:
    d: dict[str, Any] = {"actor": row.actor, "name": actor_name(row.actor, mission)}
    d.update(estimate_fields("pledged", row.pledged))
    d["pledged_history"] = pledge_history(
        (series or {}).get((row.actor, "pledged"), []), row.pledged
    )
    d.update(flow_fields("arrived", row.arrived))
    d.update(estimate_fields("present", row.present))
    d.update(flow_fields("withdrawn", row.withdrawn))
    if row.authorized is not None:
        d.update(estimate_fields("authorized", row.authorized))
    return d


def money_fields(prefix: str, e: Estimate | None) -> dict[str, Any]:
    d = estimate_fields(prefix, e)
    value = d.pop(prefix)
    d[f"{prefix}_usd"] = value
    if e is None:
        d.update(
            {
                f"{prefix}_amount": None,
                f"{prefix}_currency": None,
                f"{prefix}_original": None,
                f"{prefix}_fx": None,
            }
        )
        return d
    d[f"{prefix}_amount"] = json_number(e.amount)
    d[f"{prefix}_currency"] = e.currency
    d[f"{prefix}_original"] = (
        {"amount": json_number(e.original_amount), "currency": e.original_currency}
        if e.original_currency
        else None
    )
    d[f"{prefix}_fx"] = (
        {
            "currency": e.fx.currency,
            "year": e.fx.year,
            "per_usd": e.fx.rate,
            "provisional": e.fx.provisional,
            "source": e.fx.source,
        }
        if e.fx is not None and e.fx.currency != "USD"
        else None
    )
    return d


def funding_dict(
    row: FundingRow,
    mission: Mission,
    series: dict[tuple[str, str], list[SeriesPoint]] | None = None,
) -> dict[str, Any]:
    d: dict[str, Any] = {"actor": row.actor, "name": actor_name(row.actor, mission)}
    d.update(money_fields("pledged", row.pledged))
    d["pledged_history"] = pledge_history(
        (series or {}).get((row.actor, "pledged_usd"), []), row.pledged
    )
    d.update(money_fields("deposited", row.deposited))
    d.update(money_fields("disbursed", row.disbursed))
    d["deposits_sum_usd"] = json_number(row.deposits.total) if row.deposits else None
    d["deposits"] = [batch_dict(b) for b in row.deposits.batches] if row.deposits else []
    d["disbursements_sum_usd"] = json_number(row.disbursements.total) if row.disbursements else None
    return d


def event_dict(e: EventItem) -> dict[str, Any]:
    return {
        "type": e.type,
        "actors": list(e.actors),
        "date": e.date,
        "dated_by": e.dated_by,
        "sources": e.stories,
        "facts": list(e.sources),
    }


def conflict_dict(c: Conflict) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "actor": c.actor,
        "measure": c.measure,
        "date": c.date,
        "note": c.note,
        "sides": [
            {
                "value": json_number(s.value),
                "qualifier": s.qualifier,
                "sources": s.stories,
                "facts": list(s.sources),
            }
            for s in c.sides
        ],
    }


def series_dict(p: SeriesPoint) -> dict[str, Any]:
    return {
        "actor": p.actor,
        "measure": p.measure,
        "date": p.date,
        "value": json_number(p.value),
        "sources": p.stories,
        "facts": list(p.sources),
    }


def source_dict(sf: SourcedFact) -> dict[str, Any]:
    ev = sf.fact.evidence
    return {
        "fact_id": sf.fact_id,
        "doc": sf.doc,
        "doc_id": sf.doc_id,
        "story": sf.story,
        "published": sf.published,
        "source_kind": sf.source_kind,
        "site": sf.site,
        "url": sf.url,
        "title": sf.title,
        "sentence": ev.sentence if ev else None,
    }


def mission_dict(record: Record) -> dict[str, Any]:
    m = record.mission
    mandate = m.mandate_on(record.as_of)
    return {
        "name": m.name,
        "code": m.code,
        "host": m.host,
        "lead": m.lead,
        "ceiling": m.ceiling,
        "ceiling_source": m.ceiling_source,
        "mandate_resolution": mandate.resolution,
        "mandate_end": mandate.end,
        "days_to_expiry": mandate.days_to_expiry,
        "mandate_active": mandate.active,
    }


def _referenced(d: Any, out: set[int]) -> None:
    if isinstance(d, dict):
        for k, v in d.items():
            if k == "fact_id" and isinstance(v, int):
                out.add(v)
            elif k == "facts" or k.endswith("_facts"):
                out.update(i for i in v if isinstance(i, int))
            else:
                _referenced(v, out)
    elif isinstance(d, list):
        for v in d:
            _referenced(v, out)


def newest_first(conflicts: tuple[Conflict, ...], limit: int | None) -> list[Conflict]:
    """The conflicts, newest date first, at most ``limit`` of them (``None``: all)."""
    ordered = sorted(conflicts, key=lambda c: date_order(c.date), reverse=True)
    return ordered if limit is None else ordered[:limit]


def series_index(record: Record) -> dict[tuple[str, str], list[SeriesPoint]]:
    out: dict[tuple[str, str], list[SeriesPoint]] = {}
    for p in record.series:
        out.setdefault((p.actor, p.measure), []).append(p)
    return out


def record_dict(
    record: Record, events: int | None = LATEST_EVENTS, limit: int | None = MAX_LISTED
) -> dict[str, Any]:
    """The ``status --json`` object: ``as_of``, ``mission``, ``totals``, ``personnel``,
    ``mission_level``, ``funding``, ``events`` (the latest ``events``; all with ``None``),
    ``conflicts`` (newest first, at most ``limit``; ``conflicts_total`` counts them all) and
    ``sources`` (every fact the object cites, by id: who says so). Lists of
    facts longer than ``limit`` are cut (``None``: never), their length in ``KEY_total``."""
    m = record.mission
    by_key = series_index(record)
    personnel = [personnel_dict(r, m, by_key) for r in record.personnel]
    total = record.total_present
    level = record.mission_level
    reported = level.present if level else None
    funding = [funding_dict(r, m, by_key) for r in record.funding]
    out: dict[str, Any] = {
        "as_of": record.as_of.isoformat(),
        "mission": mission_dict(record),
        "totals": {
            "present": total,
            "arrived": record.total_arrived,
            "ceiling": m.ceiling,
            "share_of_ceiling": round(total / m.ceiling, 4) if m.ceiling else None,
            "present_reported": json_number(reported.value) if reported else None,
            "present_reported_date": reported.date if reported else None,
            "pledged_usd": json_number(sum(r["pledged_usd"] or 0 for r in funding)),
            "deposited_usd": json_number(sum(r["deposited_usd"] or 0 for r in funding)),
        },
        "personnel": personnel,
        "mission_level": personnel_dict(level, m, by_key) if level else None,
        "funding": funding,
        "events": [
            event_dict(e) for e in (record.events if events is None else record.events[:events])
        ],
        "conflicts": [conflict_dict(c) for c in newest_first(record.conflicts, limit)],
        "conflicts_total": len(record.conflicts),
    }
    cap_lists(out, limit)
    cited: set[int] = set()
    _referenced(out, cited)
    out["sources"] = {
        str(i): source_dict(sf) for i in sorted(cited) if (sf := record.fact(i)) is not None
    }
    return out


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
