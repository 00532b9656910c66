"""Command-line interface: thin commands that parse flags, make one call into the core
and print the result. Each module below registers its commands on the shared ``app``."""

from __future__ import annotations

from mission_monitor.cli import commands_extract  # noqa: F401  (registers commands)
from mission_monitor.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
