"""clean stage: the article text out of its clutter, with the page's metadata.

- pages (HTML): :mod:`.html` (trafilatura, htmldate);
- text dumps: :mod:`.lines`, a classifier of clutter lines on general signals;
- language: :mod:`.language` (py3langid);
- near-duplicates (syndicated copies of one story): :mod:`.dedup` (datasketch MinHash).

``clean_document(raw)`` is the stage's one entry point. Metadata that the input carries (a
dump's ``url``, ``published``, ``title``, ``outlet``) wins over what the page says.
"""

from __future__ import annotations

import re

from mission_monitor.clean.html import extract_page
from mission_monitor.clean.language import detect_language
from mission_monitor.clean.lines import classify_lines, join_kept
from mission_monitor.clean.published import date_from_address, text_published
from mission_monitor.models import CleanDocument, DroppedLine, RawInput

__all__ = ["clean_document", "clean_text"]

_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_TERMINAL = re.compile(r"[.!?:;…][\"”’')\]]*$")


def _date(value: str | None) -> str | None:
    """A date at day precision where a timestamp is given; other values unchanged."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_DAY.match(value)
    return m.group(1) if m else (value or None)


# "date 2024-07-17 Two hundred Kenyan police officers left ...": a search index's date stamped
# in front of a dump's text; metadata, not a sentence of the article
_INDEX_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")


def clean_text(text: str) -> tuple[str, tuple[DroppedLine, ...]]:
    """The article text of a text dump and the lines dropped from it, with their reasons."""
    stamp = _INDEX_DATE.match(text)
    lead: tuple[DroppedLine, ...] = ()
    if stamp is not None:
        lead = (DroppedLine(1, stamp.group(0).strip(), "index date stamp"),)
        text = text[stamp.end() :]
    verdicts = classify_lines(text)
    dropped = lead + tuple(DroppedLine(v.line, v.text, v.reason) for v in verdicts if v.reason)
    return join_kept(verdicts), dropped


def _headline(text: str) -> str | None:
    """The first paragraph of a cleaned dump when it is shaped like a headline."""
    first = text.split("\n\n", 1)[0].strip()
    if first and "\n" not in first and len(first.split()) <= 25 and not _TERMINAL.search(first):
        return first
    return None


def clean_document(raw: RawInput) -> CleanDocument:
    """Clean one input: HTML through trafilatura, text dumps through the line classifier."""
    if raw.format == "html":
        page = extract_page(raw.content, url=raw.url)
        text = page.text
        return CleanDocument(
            doc=raw.doc,
            text=text,
            title=raw.title or page.title,
            published=_date(raw.published)
            or _date(page.published)
            or date_from_address(raw.url, raw.source),
            site=raw.outlet or page.site,
            url=raw.url or page.url,
            language=detect_language(text or (page.title or "")),
        )
    text, dropped = clean_text(raw.content)
    stamp = _INDEX_DATE.match(raw.content)
    return CleanDocument(
        doc=raw.doc,
        text=text,
        title=raw.title or _headline(text),
        published=_date(raw.published)
        or (stamp.group(1) if stamp else None)
        or text_published(raw.content, raw.url, raw.source),
        site=raw.outlet,
        url=raw.url,
        language=detect_language(text),
        dropped=dropped,
    )
