"""The rules and word classes of every data file (``extract/data/*.yaml``), read once."""

from __future__ import annotations

from functools import cache

from mission_monitor.extract.engine import RuleSet, load_rules
from mission_monitor.extract.kinds import data_files


@cache
def ruleset() -> RuleSet:
    return load_rules(data_files())


def words(name: str) -> frozenset[str]:
    """A word class (the ``words:`` sections of the data files)."""
    try:
        return ruleset().words[name]
    except KeyError:
        raise KeyError(f"no word class {name!r} in extract/data") from None
