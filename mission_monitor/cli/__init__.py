"""Command-line interface: thin commands that parse flags, make one call into the core
and print the result. Each ``commands_*`` module registers its commands on the shared ``app``."""

from __future__ import annotations

from mission_monitor.cli import (  # noqa: F401  (importing registers the commands)
    commands_clean,
    commands_extract,
    commands_record,
    commands_store,
    commands_web,
)
from mission_monitor.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
