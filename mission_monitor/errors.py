"""Errors raised by Mission Monitor's core. They know nothing of HTTP or the command line:
``cli`` maps them to exit codes and ``web`` to status codes.

::

    MissionMonitorError
     ├── InputError          a file or dump line could not be read (names the file and the problem)
     ├── ConfigError         a mission definition or an option is wrong
     └── StoreError          the database could not be opened or written
"""

from __future__ import annotations


class MissionMonitorError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(MissionMonitorError):
    """An input could not be read or decoded. ``source`` names the file (and line)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(MissionMonitorError):
    """A mission definition, option or setting is invalid."""


class StoreError(MissionMonitorError):
    """The database could not be opened, migrated or written."""
