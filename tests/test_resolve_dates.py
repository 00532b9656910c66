"""Dates: precision helpers, explicit dates, and relative dates against the publication."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mission_monitor.resolve.dates import (
    Prefer,
    at_or_before,
    date_end,
    date_start,
    precision,
    resolve_date,
    truncate,
)


def test_precision_and_bounds() -> None:
    assert precision("2024") == "year"
    assert precision("2024-06") == "month"
    assert precision("2024-06-25") == "day"
    assert date_start("2024-06") == dt.date(2024, 6, 1)
    assert date_end("2024-02") == dt.date(2024, 2, 29)
    assert date_end("2024") == dt.date(2024, 12, 31)
    assert at_or_before("2024-06", "2024-06-25")
    assert not at_or_before("2024-07", "2024-06-25")
    assert truncate("2024-06-25", "month") == "2024-06"
    with pytest.raises(ValueError):
        precision("June 2024")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_iso_round_trip(d: dt.date) -> None:
    s = d.isoformat()
    assert date_start(s) == d
    assert precision(s) == "day"
    assert date_start(truncate(s, "month")) == d.replace(day=1)
    assert at_or_before(truncate(s, "year"), s)


@pytest.mark.parametrize(
    ("span", "published", "prefer", "expected"),
    [
        # explicit dates keep their own precision
        ("June 25, 2024", None, "past", "2024-06-25"),
        ("25 June 2024", None, "past", "2024-06-25"),
        ("since June 2024", "2025", "past", "2024-06"),
        ("October 2025", None, "past", "2025-10"),
        ("in 2021", None, "past", "2021"),
        # relative to a full publication date (Wednesday 2024-02-21)
        ("on Wednesday", "2024-02-21", "past", "2024-02-21"),
        ("on Monday", "2024-02-21", "past", "2024-02-19"),
        ("Thursday", "2024-02-21", "future", "2024-02-22"),
        ("Wednesday last week", "2024-02-21", "past", "2024-02-14"),
        ("last Wednesday", "2024-02-21", "past", "2024-02-14"),
        ("In January", "2024-02-21", "past", "2024-01"),
        ("Friday, March 1", "2024-03-04", "past", "2024-03-01"),
        ("last week", "2024-03-04", "past", "2024-02"),
        ("three days ago", "2024-03-04", "past", "2024-03-01"),
        ("last month", "2024-01-10", "past", "2023-12"),
        ("yesterday", "2024-01-01", "past", "2023-12-31"),
        ("last October", "2024-07-17", "past", "2023-10"),
        ("last July", "2024-07-17", "past", "2023-07"),
        ("next March", "2024-07-01", "past", "2025-03"),
        ("on 2 October", "2025-10-01", "past", "2025-10-02"),
        ("in October", "2024-02-21", "past", "2023-10"),
        # a publication year only: relative dates can only be that year
        ("on Tuesday", "2025", "past", "2025"),
        ("this week", "2025", "past", "2025"),
        ("in October", "2025", "past", "2025-10"),
        ("over the summer", "2025-10-01", "past", "2025"),
        # no publication date: relative dates give nothing
        ("on Wednesday", None, "past", None),
        ("In January", None, "past", None),
        ("last week", None, "past", None),
    ],
)
def test_resolve_date(
    span: str, published: str | None, prefer: Prefer, expected: str | None
) -> None:
    assert resolve_date(span, published, prefer) == expected


def test_month_only_dates_keep_month_precision() -> None:
    # dateparser fills in a day for "October 2023"; the precision must stay "month"
    got = resolve_date("October 2023", "2024-05-01")
    assert got == "2023-10"
    assert got is not None and precision(got) == "month"


def test_month_of_last_or_this_year_and_parts_of_today() -> None:
    assert resolve_date("late March last year", "2025-02-10") == "2024-03"
    assert resolve_date("in May this year", "2025-08-01") == "2025-05"
    assert resolve_date("October next year", "2025-08-01") == "2026-10"
    assert resolve_date("May last year", None) is None
    assert resolve_date("this morning", "2025-08-01") == "2025-08-01"
    assert resolve_date("earlier this afternoon", "2025-08") == "2025-08"
