"""News dumps: JSON Lines (``.jsonl``, or gzipped ``.jsonl.gz``), one document a line.

Each line is an object with ``id``, ``text`` or ``html``, and optionally ``url``, ``published``,
``title`` and ``outlet``. A broken line becomes an :class:`InputError` naming ``path:LINE``; the
other lines are read.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from mission_monitor.errors import InputError
from mission_monitor.models import RawInput

OPTIONAL_FIELDS = ("url", "published", "title", "outlet")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def read_dump(path: Path) -> Iterator[RawInput | InputError]:
    """Every document of a JSON Lines dump, or an error for each line that cannot be used."""
    gz = path.name.lower().endswith(".gz")
    try:
        opened = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115
        stream = cast(IO[bytes], opened)
    except OSError as exc:
        yield InputError(str(path), exc.strerror or str(exc))
        return
    lineno = 0
    seen_content = False
    with stream:
        try:
            for lineno, raw_line in enumerate(stream, start=1):
                if not raw_line.strip():
                    continue
                seen_content = True
                yield _parse_line(path, lineno, raw_line)
        except (OSError, EOFError, zlib.error) as exc:
            where = f"{path}:{lineno + 1}" if lineno else str(path)
            kind = "gzip data" if gz else "file"
            yield InputError(where, f"unreadable {kind}: {exc}")
            return
    if not seen_content:
        yield InputError(str(path), "empty file")


def is_annotation_file(path: Path) -> bool:
    """Whether the first object of a JSON Lines file is a gold-facts record (``facts`` and no
    ``text``/``html``, see FACTS.md) rather than a news document."""
    try:
        gz = path.name.lower().endswith(".gz")
        opened = gzip.open(path, "rb") if gz else path.open("rb")  # noqa: SIM115
        with opened as stream:
            for line in stream:
                if line.strip():
                    obj = json.loads(line)
                    return (
                        isinstance(obj, dict)
                        and "facts" in obj
                        and "text" not in obj
                        and "html" not in obj
                    )
    except (OSError, EOFError, zlib.error, ValueError):
        return False
    return False


def _parse_line(path: Path, lineno: int, raw_line: bytes) -> RawInput | InputError:
    source = f"{path}:{lineno}"
    try:
        line = raw_line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return InputError(
            source, f"not UTF-8 text (JSON Lines must be UTF-8): {exc.reason} at byte {exc.start}"
        )
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return InputError(source, f"expected a JSON object, got {type(obj).__name__}")
    return _to_raw(source, obj)


def _to_raw(source: str, obj: dict[str, Any]) -> RawInput | InputError:
    doc = obj.get("id")
    if isinstance(doc, bool) or not isinstance(doc, str | int) or str(doc).strip() == "":
        return InputError(source, "missing or invalid 'id' (a non-empty string or integer)")
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return InputError(source, f"'{name}' must be a string, got {type(value).__name__}")
    if text and text.strip():
        content, fmt = text, "text"
    elif html and html.strip():
        content, fmt = html, "html"
    else:
        return InputError(source, "no 'text' or 'html' (or both are empty)")
    meta: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return InputError(source, f"'{name}' must be a string, got {type(value).__name__}")
        meta[name] = (_no_nul(value).strip() or None) if isinstance(value, str) else None
    published = meta["published"]
    if published is not None:
        parsed = normalise_date(published)
        if parsed is None:
            return InputError(source, f"'published' is not a date: {published!r}")
        published = parsed
    return RawInput(
        doc=_no_nul(str(doc).strip()),
        source=source,
        content=_no_nul(content),
        format="html" if fmt == "html" else "text",
        url=meta["url"],
        published=published,
        title=meta["title"],
        outlet=meta["outlet"],
        encoding="utf_8",
    )


def _no_nul(text: str) -> str:
    """NUL characters (``\\u0000`` escapes) mean nothing in a report, and PostgreSQL text refuses
    them: they are dropped."""
    return text.replace("\x00", "")


def normalise_date(value: str) -> str | None:
    """An ISO date or timestamp cut to its date (``2024``, ``2024-03``, ``2024-03-04``); other
    forms ("4 March 2024") through dateparser; ``None`` if nothing fits."""
    m = _ISO_DATE.match(value.strip())
    if m:
        return "-".join(part for part in m.groups() if part)
    import dateparser

    parsed = dateparser.parse(value, languages=["en", "fr"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
