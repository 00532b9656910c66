"""From a store (or its path) and a mission to a reconciled :class:`Record`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mission_monitor.mission import Mission, load_mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile import Record, reconcile
from mission_monitor.store import Store

StoreLike = Store | str | Path
MissionLike = Mission | str | Path | None


@contextmanager
def opened(source: StoreLike) -> Iterator[Store]:
    """The store itself, or one opened (and closed after) from a path or URL. A SQLite path that
    does not exist is an error rather than a new empty database."""
    if isinstance(source, Store):
        yield source
        return
    store = Store.open(source, must_exist=True)
    try:
        yield store
    finally:
        store.close()


def mission_of(mission: MissionLike) -> Mission:
    return mission if isinstance(mission, Mission) else load_mission(mission)


def load_facts(source: StoreLike) -> list[SourcedFact]:
    """Every stored fact with its source (reconciliation applies ``as_of`` itself)."""
    with opened(source) as store:
        return store.sourced_facts()


def build_record(
    source: StoreLike | list[SourcedFact],
    as_of: dt.date | str | None = None,
    mission: MissionLike = None,
) -> Record:
    """The reconciled record of a store (or of facts already loaded) as known on ``as_of``."""
    facts = source if isinstance(source, list) else load_facts(source)
    return reconcile(facts, mission_of(mission), as_of)
