"""Where a store lives: a SQLite file path or a SQLAlchemy URL."""

from __future__ import annotations

import re
from pathlib import Path

# ``Path("postgresql+psycopg://h/db")`` collapses ``//`` to ``/``: a server URL that went through
# a ``Path`` option is repaired rather than taken for a file called ``postgresql+psycopg:``.
_COLLAPSED_URL = re.compile(
    r"^((?:postgresql|postgres|mysql|mariadb|mssql|oracle)(?:\+\w+)?):/(?!/)"
)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://")


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for ``target``: a URL as is, anything else as a SQLite file path."""
    text = str(target)
    if _URL.match(text):
        return text
    if _COLLAPSED_URL.match(text):
        return _COLLAPSED_URL.sub(r"\1://", text)
    return f"sqlite:///{Path(text).expanduser()}"


def is_url(target: str | Path) -> bool:
    text = str(target)
    return bool(_URL.match(text) or _COLLAPSED_URL.match(text))
