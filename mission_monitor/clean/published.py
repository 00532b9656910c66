"""The publication date of a text dump, from what the text or its address shows.

Pages get theirs from htmldate (:mod:`.html`); a plain-text dump has no metadata, so this
module looks where news text usually states it, strongest signal first:

1. a labelled line near the top or the bottom: ``Published: 17 July 2024``, ``Posted on
   March 4, 2024``, ``Date: 2024-03-04``;
2. a line that is only a date (``Wednesday, 21 February 2024``);
3. a dateline opening the first paragraphs: ``NAIROBI, May 23, 2024 (Wire) -``;
4. an ``Updated``/``Last updated`` line;
5. a date in the address: ``.../2024/07/17/...`` in the URL, or ``2024-07-17`` in a file name.

A candidate counts only when it writes a year: dateparser would otherwise fill in the current
one. Precision is kept (a month-only label gives ``YYYY-MM``). dateparser runs only on the
short candidate spans (through :func:`mission_monitor.resolve.dates.resolve_date`, the
extractor's own date resolver), never on the whole text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from mission_monitor.resolve.dates import resolve_date

# How far from each end of the dump a labelled or bare date line is looked for. Bylines and
# datelines sit in the first lines of scraped text; some sites print them after the article.
HEAD_LINES = 15
TAIL_LINES = 8
MAX_DATE_LINE_WORDS = 8

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DATE_TEXT = (
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})"
)
_LABEL = re.compile(
    r"^\s*(?:first\s+)?(?P<label>published|posted|date|dated|last\s+updated|updated|modified)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_BARE_DATE = re.compile(rf"^\s*{_DATE_TEXT}\s*(?:[,|·\-–—]\s*\d{{1,2}}[:.]\d{{2}}.*)?$", re.I)
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z\-\.' ]{{1,40}}(?:,\s*[A-Z][A-Za-z\-\. ]{{1,30}})?,?\s+(?P<date>{_DATE_TEXT})"
    r"\s*(?:\([^)]{1,30}\))?\s*[-–—:]",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"(?<!\d)(20\d\d|19[89]\d)([/_.\-])(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)"
)


def parse_date_span(span: str) -> str | None:
    """``"17 July 2024"`` -> ``"2024-07-17"``, ``"July 2024"`` -> ``"2024-07"``; a span that
    writes no year gives ``None``."""
    span = span.strip(" \t,.;|·-–—")
    if not span or not _YEAR.search(span) or len(span) > 60:
        return None
    # no publication date to resolve against: only an absolute date comes back
    return resolve_date(span, None)


def _edge_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) <= HEAD_LINES + TAIL_LINES:
        return lines
    return lines[:HEAD_LINES] + lines[-TAIL_LINES:]


def date_from_address(*addresses: str | None) -> str | None:
    """A date written in a URL path or a file name: ``/2024/07/17/``, ``2024-07-17_x.txt``."""
    for address in addresses:
        if not address:
            continue
        name = PurePath(address).name if "://" not in address else address
        m = _URL_DATE.search(name)
        if m:
            year, _, month, day = m.groups()
            return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    return None


def text_published(text: str, *addresses: str | None) -> str | None:
    """The publication date that a text dump states, or its address shows, else ``None``."""
    lines = _edge_lines(text)
    updated: str | None = None
    for line in lines:
        m = _LABEL.match(line)
        if m is None:
            continue
        date = parse_date_span(m.group("rest"))
        if date is None:
            continue
        if "updat" in m.group("label").lower() or "modif" in m.group("label").lower():
            updated = updated or date
            continue
        return date
    for line in lines:
        if len(line.split()) <= MAX_DATE_LINE_WORDS and _BARE_DATE.match(line):
            date = parse_date_span(re.split(r"\s*[|·]\s*|\s+[-–—]\s+", line)[0])
            if date:
                return date
    for line in lines[:HEAD_LINES]:
        m = _DATELINE.match(line)
        if m:
            date = parse_date_span(m.group("date"))
            if date:
                return date
    return updated or date_from_address(*addresses)
