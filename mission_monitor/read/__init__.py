"""read stage: files, folders and news dumps -> RawInput. STUB, to be replaced (issue 2).

``iter_inputs(paths)`` yields a ``RawInput`` per document, or an ``InputError`` value for each
input that could not be read, so that one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from mission_monitor.errors import InputError
from mission_monitor.models import RawInput


def iter_inputs(paths: Iterable[Path]) -> Iterator[RawInput | InputError]:
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(str(path), str(exc))
            continue
        fmt = "html" if path.suffix.lower() in (".html", ".htm") else "text"
        yield RawInput(doc=path.name, source=str(path), content=text, format=fmt)
