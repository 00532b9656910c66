"""Dates at the precision the text supports: ``"2024"``, ``"2024-06"`` or ``"2024-06-25"``.

``resolve_date`` turns a candidate span found by the extractor ("on Wednesday", "last week",
"Friday, March 1", "since June 2024") into such a string, relative to the publication date.
dateparser does the parsing of explicit dates and month names (only ever on a short candidate
span, never on whole texts); weekdays and "last/this/next week|month|year" follow small rules of
our own, because dateparser makes "last week" an instant and moves same-day weekdays a week back.

The helpers ``precision``, ``date_start`` and ``at_or_before`` compare such strings for the
other stages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Precision = Literal["year", "month", "day"]
Prefer = Literal["past", "future"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

# Words that may lead or trail a date span without changing it.
_LEAD = re.compile(
    r"^(?:on|in|since|by|until|till|from|of|during|before|after|as of|starting|early|late|"
    r"mid|the|around|about|through|throughout)\b[\s-]*",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"[\s,]*\b(?:night|morning|evening|afternoon)$", re.IGNORECASE)
_RELATIVE_PERIOD = re.compile(
    r"^(?:(?P<earlier>earlier|later)\s+)?(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)$",
    re.IGNORECASE,
)
_WEEKDAY_SPAN = re.compile(
    r"^(?:(?P<which>last|this|next|on|past)\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?P<week>last|this|next)\s+week)?$",
    re.IGNORECASE,
)
_WHICH_MONTH = re.compile(r"^(?P<which>last|this|next)\s+(?P<month>[a-z]+\.?)$", re.IGNORECASE)
_MONTH_WHICH_YEAR = re.compile(r"^(?P<head>.+?)\s+(?P<which>last|this|next)\s+year$", re.IGNORECASE)
_THIS_PART = re.compile(r"^(?:earlier\s+)?this\s+(?:morning|afternoon|evening)$", re.IGNORECASE)
_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago$",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"^(?:(?:over|during|in|this|last|since|by)\s+)?(?:the\s+)?(?:summer|winter|spring|autumn|fall)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_HAS_DAYNUM = re.compile(r"(?<![\d,.])\b\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d)")


def precision(d: str) -> Precision:
    """The precision of an ISO date string: ``"year"``, ``"month"`` or ``"day"``."""
    m = _ISO.match(d)
    if m is None:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {d!r}")
    if m[3]:
        return "day"
    return "month" if m[2] else "year"


def date_start(d: str) -> dt.date:
    """The first day of the period a date string names ("2024-06" -> 2024-06-01)."""
    m = _ISO.match(d)
    if m is None:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {d!r}")
    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def date_end(d: str) -> dt.date:
    """The last day of the period a date string names ("2024-06" -> 2024-06-30)."""
    start = date_start(d)
    p = precision(d)
    if p == "day":
        return start
    if p == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start.replace(month=12, day=31)


def at_or_before(a: str, b: str) -> bool:
    """Whether ``a`` starts no later than ``b`` does (by the first day of each period)."""
    return date_start(a) <= date_start(b)


def truncate(d: str, to: Precision) -> str:
    """``d`` cut to a coarser precision (never made finer)."""
    order = {"year": 0, "month": 1, "day": 2}
    if order[precision(d)] <= order[to]:
        return d
    return d[:4] if to == "year" else d[:7]


def _fmt(day: dt.date, p: Precision) -> str:
    if p == "year":
        return f"{day.year:04d}"
    if p == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _base(published: str | None) -> tuple[dt.date, Precision] | None:
    if not published:
        return None
    try:
        return date_start(published), precision(published)
    except ValueError:
        return None


@lru_cache(maxsize=128)
def _parser(prefer: Prefer, base: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            # relative spans are resolved by the rules above; only absolute parsing here
            "PARSERS": ["custom-formats", "absolute-time"],
            "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
        },
    )


def _normalise(span: str) -> str:
    s = " ".join(span.replace("\u2019", "'").split()).strip(" ,.;:")
    s = _TRAIL.sub("", s)
    return s


def _strip_lead(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s, count=1) if not _RELATIVE_PERIOD.match(s) else s
    return s.strip(" ,")


def _relative(s: str, base: dt.date, bprec: Precision, prefer: Prefer) -> str | None | bool:
    """Weekdays, "last week", "3 days ago"...; ``False`` when ``s`` is not such a span."""
    m = _RELATIVE_PERIOD.match(s)
    if m:
        unit, which = m["unit"].lower(), m["which"].lower()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return f"{base.year + shift:04d}"
        if bprec == "year":
            return _fmt(base, "year")
        if unit == "month":
            month = base.month + shift
            year = base.year + (month - 1) // 12
            return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
        if bprec == "month":
            return _fmt(base, "month")
        return _fmt(base + dt.timedelta(days=7 * shift), "month")
    m = _WEEKDAY_SPAN.match(s)
    if m:
        if bprec != "day":
            return _fmt(base, bprec)
        want = _WEEKDAYS[m["day"].lower()]
        which = (m["which"] or "").lower()
        week = (m["week"] or "").lower()
        if week:
            monday = base - dt.timedelta(days=base.weekday())
            monday += dt.timedelta(days=7 * {"last": -1, "this": 0, "next": 1}[week])
            return (monday + dt.timedelta(days=want)).isoformat()
        back = (base.weekday() - want) % 7
        fwd = (want - base.weekday()) % 7
        if which in ("last", "past"):
            return (base - dt.timedelta(days=back or 7)).isoformat()
        if which == "next" or prefer == "future":
            return (base + dt.timedelta(days=fwd or (7 if which == "next" else 0))).isoformat()
        return (base - dt.timedelta(days=back)).isoformat()
    m = _WHICH_MONTH.match(s)
    if m and m["month"].lower().rstrip(".") in _MONTHS:
        if bprec == "year":
            return _fmt(base, "year")
        month = _MONTHS[m["month"].lower().rstrip(".")]
        which = m["which"].lower()
        year = base.year
        if which == "last" and month >= base.month:
            year -= 1
        elif which == "next" and month <= base.month:
            year += 1
        return f"{year:04d}-{month:02d}"
    m = _AGO.match(s)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
        unit = m["unit"].lower()
        if unit == "year":
            return f"{base.year - n:04d}"
        if bprec == "year":
            return _fmt(base, "year")
        if unit == "month":
            month = base.month - n
            year = base.year + (month - 1) // 12
            return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
        if bprec == "month":
            return _fmt(base, "month")
        days = n * (7 if unit == "week" else 1)
        return (base - dt.timedelta(days=days)).isoformat()
    low = s.lower()
    season = _SEASON.match(low)
    if season:
        return str(season["year"]) if season["year"] else _fmt(base, "year")
    if low in ("today", "tonight", "now", "currently", "yesterday", "tomorrow"):
        if bprec != "day":
            return _fmt(base, bprec)
        delta = {"yesterday": -1, "tomorrow": 1}.get(low, 0)
        return (base + dt.timedelta(days=delta)).isoformat()
    return False


@lru_cache(maxsize=4096)
def resolve_date(span: str, published: str | None = None, prefer: Prefer = "past") -> str | None:
    """The date a candidate span names, at the precision it supports, or ``None``.

    Relative spans ("on Wednesday", "last week", "in January") are resolved against
    ``published`` ("YYYY", "YYYY-MM", "YYYY-MM-DD" or ``None``). They can be no more precise
    than the publication date, and give ``None`` where it is unknown. ``prefer`` says which
    way an incomplete date leans ("past" for reports of what happened, "future" for plans).
    """
    s = _normalise(span)
    if not s:
        return None
    based = _base(published)
    which_year = _MONTH_WHICH_YEAR.match(s)
    if which_year and not any(w in _MONTHS for w in which_year["head"].lower().split()):
        which_year = None  # "earlier this year" is a relative period, not "<month> this year"
    if which_year:  # "late July last year": that month of the year before publication
        if based is None:
            return None
        shift = {"last": -1, "this": 0, "next": 1}[which_year["which"].lower()]
        s = f"{which_year['head']} {based[0].year + shift}"
    if _THIS_PART.match(" ".join(span.split()).strip(" ,.;:")):
        s = "today"  # "this morning", "earlier this afternoon"
    core = _strip_lead(s)
    season = _SEASON.match(s.lower())
    if season and season["year"]:
        return season["year"]
    if based is not None:
        rel = _relative(core, based[0], based[1], prefer)
        if rel is not False:
            return rel if isinstance(rel, str) else None
    elif _relative(core, dt.date(2000, 1, 1), "day", prefer) is not False:
        return None  # relative, and nothing to anchor it
    has_year = bool(_HAS_YEAR.search(core))
    if not has_year and based is None:
        return None  # "in January" with no publication date: which January?
    if not has_year and based is not None and based[1] == "year":
        # Only the year is known: a month or a day within that year.
        core = f"{core} {based[0].year}"
        has_year = True
    settings_base = based[0] if based is not None else dt.date.today()
    data = _parser(prefer, settings_base).get_date_data(core)
    if data.date_obj is None:
        return None
    got = data.date_obj.date()
    period = data.period or "day"
    p: Precision = "day" if period in ("day", "time") else "month" if period == "month" else "year"
    if p == "day" and not _HAS_DAYNUM.search(core.replace(str(got.year), "")):
        # dateparser fills in a day for "June 2024"; keep the month.
        p = "month" if any(w in core.lower() for w in _MONTHS) else "year"
    if not has_year and based is not None and p == "day" and prefer == "past":
        got = _days_ahead(got, based[0])
    return _fmt(got, p)


def _days_ahead(got: dt.date, base: dt.date, window: int = 7) -> dt.date:
    """A day without a year a few days after publication ("due to run out on 2 October" in
    a report of 1 October) is that coming day, not the same day a year before, which is
    where dateparser's lean to the past puts it."""
    try:
        same = got.replace(year=base.year)
    except ValueError:  # 29 February
        return got
    return same if 0 < (same - base).days <= window else got
