"""read stage: files, folders and news dumps -> RawInput.

``iter_inputs(paths)`` yields a ``RawInput`` per document, or an ``InputError`` value for each
input that could not be read, so that one bad file never stops the others.

Formats: ``.txt`` and ``.md`` (plain text), ``.html``/``.htm`` (pages, cleaned later), and news
dumps ``.jsonl``/``.jsonl.gz`` (one JSON object a line, see :mod:`.dumps`). Folders are read
recursively, in sorted order; their files of other types are skipped (logged at debug level),
and so are a folder's own documentation (README, LICENSE, CHANGELOG...) and annotation files
(JSON Lines of gold facts in the format of FACTS.md: objects with ``facts`` and no ``text``).
A file named explicitly is always read, and one of an unsupported type is an error.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from mission_monitor.errors import InputError
from mission_monitor.models import RawInput
from mission_monitor.read.decode import decode_bytes
from mission_monitor.read.dumps import is_annotation_file, normalise_date, read_dump
from mission_monitor.read.files import TEXT_SUFFIXES, read_file

__all__ = ["SUPPORTED", "decode_bytes", "find_files", "is_dump", "iter_inputs", "normalise_date"]

log = logging.getLogger(__name__)

DUMP_SUFFIXES = (".jsonl", ".jsonl.gz")
#: File stems (case-insensitive) that document a folder rather than report news.
FOLDER_DOCS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})
SUPPORTED = (*TEXT_SUFFIXES, *DUMP_SUFFIXES)


def is_dump(path: Path) -> bool:
    return path.name.lower().endswith(DUMP_SUFFIXES)


def _supported(path: Path) -> bool:
    return is_dump(path) or path.suffix.lower() in TEXT_SUFFIXES


def _folder_extra(path: Path) -> bool:
    """A folder's documentation or a gold-facts annotation file: not news, skipped in walks."""
    stem = path.name.split(".")[0].lower()
    if stem in FOLDER_DOCS:
        log.debug("skipped %s: the folder's documentation", path)
        return True
    if is_dump(path) and is_annotation_file(path):
        log.debug("skipped %s: gold facts (FACTS.md format), not a news dump", path)
        return True
    return False


def find_files(paths: Iterable[Path | str]) -> Iterator[Path | InputError]:
    """The files that ``paths`` name, folders expanded recursively (sorted, hidden ones left
    out), or an error for a path that is missing or of an unsupported type."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    child = Path(root) / name
                    if name.startswith(".") or not child.is_file():
                        continue
                    if _supported(child) and not _folder_extra(child):
                        yield child
                    else:
                        log.debug(
                            "skipped %s: not a supported type (%s)", child, ", ".join(SUPPORTED)
                        )
        elif not path.exists():
            yield InputError(str(path), "no such file or directory")
        elif not path.is_file():
            yield InputError(str(path), "not a regular file")
        elif not _supported(path):
            yield InputError(
                str(path),
                f"unsupported file type {path.suffix or '(none)'!r}; "
                f"expected one of {', '.join(SUPPORTED)}",
            )
        else:
            yield path


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[RawInput | InputError]:
    """Every document in ``paths``, or an ``InputError`` value for each input that failed."""
    for found in find_files(paths):
        if isinstance(found, InputError):
            yield found
        elif is_dump(found):
            yield from read_dump(found)
        else:
            yield read_file(found, TEXT_SUFFIXES[found.suffix.lower()])
