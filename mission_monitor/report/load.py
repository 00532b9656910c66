"""From a store (or its path) and a mission to a reconciled :class:`Record`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mission_monitor.mission import Mission, load_mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile import Record, as_of_day, reconcile
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


def load_facts(source: StoreLike, as_of: dt.date | None = None) -> list[SourcedFact]:
    """The stored facts with their sources: every one, or with ``as_of`` those of documents
    the store dates on or before that day. The store compares ISO strings, so its answer holds
    every fact reconciliation keeps ("2024" <= "2024-12-31"); reconciliation then applies the
    exact rule (a partial date counts from its last day)."""
    with opened(source) as store:
        return store.sourced_facts(as_of=None if as_of is None else as_of.isoformat())


def build_record(
    source: StoreLike | list[SourcedFact],
    as_of: dt.date | str | None = None,
    mission: MissionLike = None,
) -> Record:
    """The reconciled record of a store (or of facts already loaded) as known on ``as_of``.
    With an ``as_of`` date, only the facts known by then are loaded."""
    if isinstance(source, list):
        return reconcile(source, mission_of(mission), as_of)
    day = as_of_day(as_of) if as_of is not None else None
    return reconcile(load_facts(source, day), mission_of(mission), as_of)
