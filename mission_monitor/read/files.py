"""Single files: ``.txt``, ``.md`` (plain text) and ``.html``/``.htm`` (pages)."""

from __future__ import annotations

from pathlib import Path

from mission_monitor.errors import InputError
from mission_monitor.models import InputFormat, RawInput
from mission_monitor.read.decode import decode_bytes

TEXT_SUFFIXES: dict[str, InputFormat] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
}
#: Reading stops here: a news page is far smaller, so a bigger file is not a report.
MAX_BYTES = 50 * 1024 * 1024


def read_file(path: Path, fmt: InputFormat) -> RawInput | InputError:
    """One document from a text or HTML file, or the reason it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return InputError(str(path), f"file too large ({size} bytes; at most {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), exc.strerror or str(exc))
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        return InputError(str(path), str(exc))
    return RawInput(doc=path.name, source=str(path), content=text, format=fmt, encoding=encoding)
