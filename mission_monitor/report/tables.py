"""The record as rows: facts (with evidence, source and what reconciliation did with each),
estimates, events, conflicts, series, timeline and one actor's history; and as pandas
DataFrames (:func:`frames`)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pandas as pd

from mission_monitor.reconcile import Estimate, FlowTotal, Record, date_order
from mission_monitor.report.status import (
    MAX_LISTED,
    actor_name,
    batch_dict,
    cap_lists,
    conflict_dict,
    event_dict,
    json_number,
    series_dict,
)

TABLES = ("facts", "estimates", "personnel", "funding", "events", "conflicts", "series")


def fates(record: Record) -> dict[int, list[str]]:
    """For each fact id, what reconciliation did with it (supports an estimate, was overridden
    and why, was counted once in a batch...)."""
    out: dict[int, list[str]] = defaultdict(list)

    def estimate(e: Estimate | None) -> None:
        if e is None:
            return
        what = f"{e.actor} {e.measure}"
        for i in e.sources:
            out[i].append(f"supports {what}")
        for o in e.overridden:
            out[o.fact_id].append(f"overridden in {what}: {o.reason}")

    def flow(t: FlowTotal | None) -> None:
        if t is None:
            return
        for b in t.batches:
            dup = {o.fact_id: o.reason for o in b.duplicates}
            for i in b.sources:
                value = f"{json_number(b.value)}" + (f" {b.currency}" if b.currency else "")
                label = f"{t.actor} {t.measure} batch of {value} ({b.date or 'undated'})"
                out[i].append(f"{label}: {dup[i]}" if i in dup else f"counted in {label}")

    for row in (*record.personnel, *([record.mission_level] if record.mission_level else [])):
        for e in (row.pledged, row.authorized, row.present):
            estimate(e)
        flow(row.arrived)
        flow(row.withdrawn)
    for f in record.funding:
        for e in (f.pledged, f.deposited, f.disbursed):
            estimate(e)
        flow(f.deposits)
        flow(f.disbursements)
    for ev in record.events:
        for i in ev.sources:
            out[i].append(f"event {ev.type} {'/'.join(ev.actors)} ({ev.date or 'undated'})")
    for c in record.conflicts:
        for s in c.sides:
            for i in s.sources:
                out[i].append(f"in conflict: {c.actor} {c.measure} {c.date or 'undated'}")
    return out


FACT_COLUMNS = (
    "fact_id", "kind", "actor", "status", "count", "qualifier", "force", "amount", "currency",
    "original_amount", "original_currency", "type", "actors", "date", "published", "doc",
    "doc_id", "story", "source_kind", "site", "url", "title", "sentence", "start", "end", "rule",
    "fate",
)  # fmt: skip


def fact_columns(record: Record) -> dict[str, list[Any]]:
    """The known facts as columns (fast for a million rows), with evidence and source."""
    fate = fates(record)
    cols: dict[str, list[Any]] = {c: [] for c in FACT_COLUMNS}
    for sf in record.facts:
        f = sf.fact
        ev = f.evidence
        values = (
            sf.fact_id, f.kind, f.actor, f.status, f.count, f.qualifier, f.force, f.amount,
            f.currency, f.original.amount if f.original else None,
            f.original.currency if f.original else None, f.type, ";".join(f.actors) or None,
            f.date, sf.published, sf.doc, sf.doc_id, sf.story, sf.source_kind, sf.site, sf.url,
            sf.title, ev.sentence if ev else None, ev.start if ev else None,
            ev.end if ev else None, ev.rule if ev else None, " | ".join(fate.get(sf.fact_id, ())),
        )  # fmt: skip
        for c, v in zip(FACT_COLUMNS, values, strict=True):
            cols[c].append(v)
    return cols


def _estimate_row(kind: str, e: Estimate) -> dict[str, Any]:
    return {
        "kind": kind,
        "actor": e.actor,
        "measure": e.measure,
        "value": e.value,
        "qualifier": e.qualifier,
        "date": e.date,
        "dated_by": e.dated_by,
        "since": e.since,
        "sources": e.stories,
        "official": e.official,
        "facts": ";".join(map(str, e.sources)),
        "overridden": json.dumps(
            [{"fact_id": o.fact_id, "reason": o.reason} for o in e.overridden[:MAX_LISTED]]
        ),
        "overridden_total": len(e.overridden),
        "amount": e.amount,
        "currency": e.currency,
        "original_amount": e.original_amount,
        "original_currency": e.original_currency,
        "fx_per_usd": e.fx.rate if e.fx else None,
        "fx_year": e.fx.year if e.fx else None,
    }


def _flow_row(kind: str, t: FlowTotal, measure: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "actor": t.actor,
        "measure": measure,
        "value": t.total,
        "qualifier": None,
        "date": t.date,
        "dated_by": None,
        "since": t.batches[0].date if t.batches else None,
        "sources": t.stories,
        "official": False,
        "facts": ";".join(map(str, t.sources)),
        "overridden": json.dumps(cap_lists([batch_dict(b) for b in t.batches[:MAX_LISTED]])),
        "overridden_total": len(t.batches),
        "amount": None,
        "currency": None,
        "original_amount": None,
        "original_currency": None,
        "fx_per_usd": None,
        "fx_year": None,
    }


def estimate_rows(record: Record) -> list[dict[str, Any]]:
    """One row per actor and measure; flows (``arrived``, ``withdrawn``, ``deposits_sum``) give
    the sum of distinct batches, their batches in ``overridden`` as JSON."""
    rows: list[dict[str, Any]] = []
    for row in (*record.personnel, *([record.mission_level] if record.mission_level else [])):
        for e in (row.pledged, row.authorized, row.present):
            if e is not None:
                rows.append(_estimate_row("personnel", e))
        for t in (row.arrived, row.withdrawn):
            if t is not None:
                rows.append(_flow_row("personnel", t, t.measure))
    for f in record.funding:
        for e in (f.pledged, f.deposited, f.disbursed):
            if e is not None:
                rows.append(_estimate_row("funding", e))
        for t in (f.deposits, f.disbursements):
            if t is not None:
                rows.append(_flow_row("funding", t, f"{t.measure}_sum"))
    return rows


def conflict_rows(record: Record) -> list[dict[str, Any]]:
    """One row per side of each conflict, with the documents behind it."""
    rows = []
    for n, c in enumerate(record.conflicts, 1):
        d = conflict_dict(c)
        for side in d["sides"]:
            docs = sorted({sf.doc for i in side["facts"] if (sf := record.fact(i))})
            rows.append(
                {
                    "conflict": n, "kind": c.kind, "actor": c.actor, "measure": c.measure,
                    "date": c.date, "value": side["value"], "qualifier": side["qualifier"],
                    "sources": side["sources"], "facts": ";".join(map(str, side["facts"])),
                    "docs": ";".join(docs), "note": c.note,
                }
            )  # fmt: skip
    return rows


def timeline_rows(record: Record) -> list[dict[str, Any]]:
    """Events, present strength, pledges and distinct arrivals in date order (oldest first)."""
    rows: list[dict[str, Any]] = []
    m = record.mission
    for e in record.events:
        rows.append({"date": e.date, "what": "event", "actor": "/".join(e.actors),
                     "detail": e.type.replace("_", " "), "value": None, "sources": e.stories,
                     "facts": list(e.sources), "dated_by": e.dated_by})  # fmt: skip
    for p in record.series:
        if p.measure == "arrived_total":
            continue
        rows.append({"date": p.date, "what": p.measure, "actor": p.actor,
                     "detail": actor_name(p.actor, m), "value": json_number(p.value),
                     "sources": p.stories, "facts": list(p.sources), "dated_by": None})  # fmt: skip
    for r in record.personnel:
        for t in (r.arrived, r.withdrawn):
            for b in t.batches if t else ():
                rows.append({"date": b.date, "what": t.measure if t else "", "actor": r.actor,
                             "detail": actor_name(r.actor, m), "value": json_number(b.value),
                             "sources": b.stories, "facts": list(b.sources),
                             "dated_by": b.dated_by})  # fmt: skip
    rows.sort(key=lambda r: (date_order(r["date"]), r["date"] or "", r["what"], r["actor"]))
    return rows


def history_rows(record: Record, actor: str) -> list[dict[str, Any]]:
    """Every known fact about ``actor`` (as the fact's actor or an event's), oldest first, with
    its source and what reconciliation did with it: the pledge history stays visible."""
    fate = fates(record)
    rows = []
    for sf in record.facts:
        f = sf.fact
        if f.actor != actor and actor not in f.actors:
            continue
        if f.kind == "personnel":
            value: Any = f.count
        elif f.kind == "funding":
            value = f"{f.currency} {json_number(f.amount):,}" if f.amount is not None else None
        else:
            value = "/".join(f.actors)
        rows.append(
            {
                "fact_id": sf.fact_id, "kind": f.kind, "status": f.status or f.type,
                "value": value, "qualifier": f.qualifier, "date": f.date,
                "published": sf.published, "doc": sf.doc, "site": sf.site, "url": sf.url,
                "story": sf.story, "source_kind": sf.source_kind,
                "sentence": f.evidence.sentence if f.evidence else None,
                "fate": fate.get(sf.fact_id, []),
            }
        )  # fmt: skip
    rows.sort(
        key=lambda r: (
            date_order(r["date"] or r["published"]),
            date_order(r["published"]),
            r["fact_id"],
        )
    )
    return rows


def _lists_to_text(df: pd.DataFrame) -> pd.DataFrame:
    for col in df.columns:
        if df[col].map(lambda v: isinstance(v, list | dict)).any():
            df[col] = df[col].map(lambda v: json.dumps(v) if isinstance(v, list | dict) else v)
    return df


def frames(record: Record) -> dict[str, pd.DataFrame]:
    """The record's tables as DataFrames: facts, estimates, personnel, funding, events,
    conflicts, series. Lists of ids are ``;``-joined strings and nested values JSON, so every
    table writes to CSV, JSON and Parquet alike."""
    from mission_monitor.report.status import (
        cap_lists,
        funding_dict,
        personnel_dict,
        series_index,
    )

    m = record.mission
    by_key = series_index(record)
    personnel = [personnel_dict(r, m, by_key) for r in record.personnel]
    if record.mission_level is not None:
        personnel.append(personnel_dict(record.mission_level, m, by_key))
    cap_lists(personnel)
    funding = cap_lists([funding_dict(r, m, by_key) for r in record.funding])
    out = {
        "facts": pd.DataFrame(fact_columns(record), columns=list(FACT_COLUMNS)),
        "estimates": pd.DataFrame(estimate_rows(record)),
        "personnel": _lists_to_text(pd.DataFrame(personnel)),
        "funding": _lists_to_text(pd.DataFrame(funding)),
        "events": _lists_to_text(pd.DataFrame([event_dict(e) for e in record.events])),
        "conflicts": pd.DataFrame(conflict_rows(record)),
        "series": _lists_to_text(pd.DataFrame([series_dict(p) for p in record.series])),
    }
    return out
