"""Query parameters shared by the pages and the API, validated before any handler runs.

A value that does not fit is answered 422 with the error shape of :mod:`.errors`, never
passed on to the store. Page sizes are bounded here, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # longest search text, actor or site name accepted

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The date shape, for the OpenAPI document: YYYY, YYYY-MM or YYYY-MM-DD with each month's days
# (an empty value, as a blank form field sends it, is allowed and means "not given"). February
# stops at 28 here so that a date matching the pattern is always a real one; check_date, which
# decides, also takes 29 February in leap years.
_DAY = (
    r"(0[13578]|1[02])(-(0[1-9]|[12]\d|3[01]))?"
    r"|(0[469]|11)(-(0[1-9]|[12]\d|30))?"
    r"|02(-(0[1-9]|1\d|2[0-8]))?"
)
DATE_PATTERN = rf"^([1-9]\d{{3}}(-({_DAY}))?)?$"


def _blank_is_none(value: Any) -> Any:
    """An empty form field (``?as_of=``) means "not given"."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value


def check_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real day (2024-02-30 is refused)."""
    if value is None:
        return None
    m = _DATE.match(value)
    if m is None:
        raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    return value


def documented(most: int, pattern: str | None = None) -> dict[str, Any]:
    """The constraints a validator enforces, for the OpenAPI document only (as Query
    constraints they would also apply to the None that an empty field becomes)."""
    extra: dict[str, Any] = {"maxLength": most}
    if pattern is not None:
        extra["pattern"] = pattern
    return extra


def _date_param(description: str) -> Any:
    return Query(
        description=description,
        examples=["2024-06-25"],
        json_schema_extra=documented(10, DATE_PATTERN),
    )


AsOf = Annotated[
    str | None,
    BeforeValidator(_blank_is_none),
    AfterValidator(check_date),
    _date_param("Show the record as known on this date: reports published later are left out."),
]
Since = Annotated[
    str | None,
    BeforeValidator(_blank_is_none),
    AfterValidator(check_date),
    _date_param("Earliest date (inclusive)."),
]
Until = Annotated[
    str | None,
    BeforeValidator(_blank_is_none),
    AfterValidator(check_date),
    _date_param("Latest date (inclusive, at the precision given: 2024-06 ends on June 30)."),
]


def _whole_number(value: Any) -> Any:
    """Digits only: pydantic alone would take "0.0" or "1e3" for an integer, which the
    OpenAPI document says is not one (schemathesis' negative cases found it)."""
    if isinstance(value, str) and not value.strip().isdigit():
        raise ValueError("must be a whole number")
    return value


whole = BeforeValidator(_whole_number)

Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}."), whole
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip."), whole]


def text_check(most: int = MAX_TEXT, pattern: str | None = None) -> Callable[[Any], Any]:
    """A check for an optional text parameter: longer than ``most`` characters, or not
    matching ``pattern``, is a 422. (It runs after the empty-to-None step, :func:`blank`; a
    Query length constraint would be applied to that None.)"""
    shape = re.compile(pattern) if pattern else None

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        if len(value) > most:
            raise ValueError(f"at most {most} characters")
        if shape is not None and not shape.fullmatch(value):
            raise ValueError(f"must match {pattern}")
        return value

    return check


blank = BeforeValidator(_blank_is_none)

Text = Annotated[
    str | None,
    blank,
    AfterValidator(text_check()),
    Query(
        description=f"Free text, at most {MAX_TEXT} characters.",
        json_schema_extra=documented(MAX_TEXT),
    ),
]


def date_end(value: str) -> str:
    """The last day an ISO date of any precision covers, as ``YYYY-MM-DD``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return value
    if len(parts) == 1:
        return f"{parts[0]:04d}-12-31"
    year, month = parts
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1).isoformat()
