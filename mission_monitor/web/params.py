"""Query parameters shared by the pages and the API, validated before any handler runs.

A value that does not fit is answered 422 with the error shape of :mod:`.errors`, never
passed on to the store. Page sizes are bounded here, once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # longest search text, actor or site name accepted

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


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


def _date_param(description: str) -> Any:
    return Query(description=description, max_length=10, examples=["2024-06-25"])


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
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def text_param(description: str) -> Any:
    return Query(description=description, max_length=MAX_TEXT)


Text = Annotated[str | None, BeforeValidator(_blank_is_none), text_param("Free text.")]


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
