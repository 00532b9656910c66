"""Partial ISO dates ("2024", "2024-06", "2024-06-25") as day intervals, for ordering facts.

Private to reconcile; :mod:`mission_monitor.resolve.dates` is the shared home of date helpers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=65536)
def interval(d: str | None) -> tuple[dt.date, dt.date, int] | None:
    """``(first day, last day, precision)`` of a partial date; precision 1=year, 2=month, 3=day.
    ``None`` for a missing or malformed date."""
    if not d:
        return None
    parts = d.strip().split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return dt.date(y, 1, 1), dt.date(y, 12, 31), 1
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), 2
        if len(parts) == 3:
            day = dt.date.fromisoformat(d.strip())
            return day, day, 3
    except ValueError:
        return None
    return None


def is_valid(d: str | None) -> bool:
    return interval(d) is not None


@lru_cache(maxsize=65536)
def order_key(d: str | None) -> tuple[int, int]:
    """Sort key: by the first day a date can mean, then by its last day (so "2025-01-01" sorts
    before "2025", which sorts before "2025-01-02"). Missing dates sort first."""
    iv = interval(d)
    if iv is None:
        return (0, 0)
    return (iv[0].toordinal(), iv[1].toordinal())


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two date intervals (0 when they overlap); ``None`` if either is missing."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    return max(0, (ib[0] - ia[1]).days, (ia[0] - ib[1]).days)


def known_by(published: str | None, as_of: dt.date) -> bool:
    """Whether a document was surely published by the end of ``as_of``: a partial publication
    date counts from its last possible day ("2025" is known from 2025-12-31). A missing date is
    always known (the store records the ingestion date where a document gives none)."""
    iv = interval(published)
    if iv is None:
        return True
    return iv[1] <= as_of


def parse_as_of(value: str) -> dt.date:
    """``--as-of`` value: a partial date stands for its last day ("2024-03" -> 2024-03-31)."""
    iv = interval(value)
    if iv is None:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return iv[1]
