"""Each distinct fact once per document: merge on ``Fact.key()``, keeping the first evidence and
the most precise date that agrees with the others."""

from __future__ import annotations

from dataclasses import replace

from mission_monitor.models import Fact
from mission_monitor.resolve.dates import precision

_ORDER = {"year": 0, "month": 1, "day": 2}


def _better_date(kept: str | None, new: str | None, published: str | None = None) -> str | None:
    if kept is None:
        return new
    if new is None:
        return kept
    if published is not None and kept == published and new != published:
        return new  # a time the text gives beats the publication date given for want of one
    if new.startswith(kept) and _ORDER[precision(new)] > _ORDER[precision(kept)]:
        return new
    return kept


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _same_year(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a[:4] == b[:4]


def merge_facts(facts: list[Fact], published: str | None = None) -> list[Fact]:
    """Facts deduplicated on their key, in first-seen order; of two dates, a time the text
    gives is kept over ``published`` (the date of a fact with no time of its own).

    Events of one type whose actors are a subset of another's, with compatible dates, are the
    same event told twice ("Kenya designated as ally" after "Biden designated Kenya as ally"):
    they merge into the one with more actors.
    """
    merged: dict[tuple[object, ...], Fact] = {}
    for f in facts:
        k = f.key()
        if f.kind == "event":
            # one type and actors in two different years are two steps (two votes, two
            # rulings): "renewed the mission on ... 2024; first authorised it in 2023"
            same = [key for key, g in merged.items() if key[:3] == k and _same_year(g.date, f.date)]
            if not same:
                years = sum(1 for key in merged if key[:3] == k)
                k = k if years == 0 else (*k, years)
            else:
                k = same[0]
        if k in merged:
            old = merged[k]
            merged[k] = replace(old, date=_better_date(old.date, f.date, published))
        else:
            merged[k] = f
    out = list(merged.values())
    events = [f for f in out if f.kind == "event"]
    drop: set[int] = set()
    for i, small in enumerate(events):
        for j, big in enumerate(events):
            if i == j or j in drop or small.type != big.type:
                continue
            if set(small.actors) < set(big.actors) and _compatible(small.date, big.date):
                drop.add(i)
                idx = out.index(big)
                out[idx] = replace(big, date=_better_date(big.date, small.date))
                events[j] = out[idx]
                break
    dropped = {id(events[i]) for i in drop}
    arrivals = [f for f in out if f.kind == "personnel" and f.status == "arrived"]
    for f in out:
        if (
            f.kind == "event"
            and f.type == "deployment"
            and any(a.actor in f.actors and _compatible(a.date, f.date) for a in arrivals)
        ):
            dropped.add(id(f))  # the same arrival, told with its head-count elsewhere
    return [f for f in out if id(f) not in dropped]
