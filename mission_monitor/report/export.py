"""Writing the record's tables as CSV, JSON or Parquet (pandas + pyarrow).

A file is written to a temporary name beside it and renamed into place, so an interrupted
export never leaves a half-written file.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from mission_monitor.errors import ConfigError

Format = Literal["csv", "json", "parquet"]
FORMATS: tuple[Format, ...] = ("csv", "json", "parquet")


def write_frame(df: pd.DataFrame, path: Path, fmt: Format) -> None:
    """Write one table atomically."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # a fresh name rather than tempfile.mkstemp, whose file is private (0600): the export is
    # written with the permissions any file the user writes gets (the umask decides)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
    try:
        if fmt == "csv":
            df.to_csv(tmp, index=False)
        elif fmt == "json":
            df.to_json(tmp, orient="records", indent=1, force_ascii=False)
        else:
            df.to_parquet(tmp, index=False, engine="pyarrow")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(
    tables: dict[str, pd.DataFrame], out: Path, fmt: Format, names: Sequence[str]
) -> list[Path]:
    """Write the named tables into the folder ``out`` as ``NAME.FORMAT``; returns the files."""
    unknown = [n for n in names if n not in tables]
    if unknown:
        raise ConfigError(f"unknown table(s) {', '.join(unknown)}: use {', '.join(tables)}")
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out}: exists and is not a folder")
    written = []
    for name in names:
        path = out / f"{name}.{fmt}"
        write_frame(tables[name], path, fmt)
        written.append(path)
    return written
