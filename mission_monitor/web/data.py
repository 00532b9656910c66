"""What the pages and the API read, in one place: the store's queries and the reconciled record.

Reconciling reads every fact known on a date, which is too slow to repeat on each request of a
large database, so the results are cached per *(database state, as-of date)*: the state is
:func:`mission_monitor.store.web_queries.data_version`, which changes whenever a document or a
fact is added, replaced or removed, so a cached view is never stale.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from mission_monitor.mission import Mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile import Record, reconcile
from mission_monitor.store import Store
from mission_monitor.store import web_queries as wq
from mission_monitor.store.rows import DocumentDetail, DocumentRow

T = TypeVar("T")


class LRU:
    """A small thread-safe least-recently-used cache. A value being made is made once: other
    threads asking for the same key wait for it rather than make it again."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Any, threading.Lock] = {}

    def get_or_make(self, key: Any, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            maker = self._making.setdefault(key, threading.Lock())
        with maker:  # one thread makes the value; the others wait here, then find it
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key]
            try:
                value = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:  # stored and no longer being made in one step: no other thread
                self._making.pop(key, None)  # can find it neither stored nor being made
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value


class WebData:
    """The dashboard's read access to one store."""

    def __init__(
        self, store: Store, mission: Mission, *, cache_size: int = 32, records: int = 4
    ) -> None:
        self.store = store
        self.q = wq.WebQueries(store)
        self.mission = mission
        self.cache = LRU(cache_size)
        # a record holds every fact known on its day (gigabytes for a million facts): few kept
        self.records = LRU(records)

    # -- the reconciled record -------------------------------------------------------------------

    @staticmethod
    def day(as_of: str | None) -> str:
        """The as-of day a view is computed for: the given one (``YYYY-MM-DD``) or today (UTC)."""
        return as_of or dt.datetime.now(dt.UTC).date().isoformat()

    def record(self, as_of: str | None) -> Record:
        """The record as known on ``as_of`` (a whole day), cached per database state."""
        day = self.day(as_of)

        def make() -> Record:
            known = self.store.sourced_facts(as_of=day)
            return reconcile(known, self.mission, as_of=day)

        return self.records.get_or_make((self.version(), day), make)

    def warm(self) -> None:
        """Reconcile today's record now (in the background at start-up, so that the first
        visitor of a large database does not wait for it)."""
        self.record(None)

    def memo(self, name: str, as_of: str | None, make: Callable[[], T]) -> T:
        """``make()``, cached for the database state and the as-of day."""
        return self.cache.get_or_make((name, self.version(), self.day(as_of)), make)

    def conflicting_facts(self, sf: SourcedFact, as_of: str | None) -> list[SourcedFact]:
        """The facts that the reconciled record finds in conflict with ``sf``: those on the other
        sides of every conflict one of whose sides ``sf`` supports."""
        others: set[int] = set()
        for conflict in self.record(as_of).conflicts:
            sides = [set(side.sources) for side in conflict.sides]
            if any(sf.fact_id in side for side in sides):
                for side in sides:
                    if sf.fact_id not in side:
                        others |= side
        return self.facts_by_id(sorted(others))

    def facts_by_id(self, fact_ids: Sequence[int]) -> list[SourcedFact]:
        return self.q.facts_by_id(fact_ids)

    # -- the store -----------------------------------------------------------------------------

    def version(self) -> tuple[Any, ...]:
        return self.q.state()

    def fact_page(self, flt: wq.FactFilter, limit: int, offset: int) -> list[SourcedFact]:
        return self.q.fact_page(flt, limit=limit, offset=offset)

    def fact(self, fact_id: int) -> SourcedFact | None:
        return self.store.fact(fact_id)

    def same_facts(self, fact_id: int, as_of: str | None) -> list[SourcedFact]:
        return self.q.facts_with_key_of(fact_id, as_of)

    def document_page(
        self, flt: wq.DocumentFilter, limit: int, offset: int
    ) -> tuple[list[DocumentRow], int]:
        return self.q.document_page(flt, limit=limit, offset=offset)

    def document(self, doc_id: int) -> DocumentDetail | None:
        return self.store.document(doc_id)

    def document_facts(self, doc_id: int) -> list[SourcedFact]:
        return self.store.sourced_facts(doc_id=doc_id)

    def facets(self) -> dict[str, list[str]]:
        key = ("facets", self.version())

        def make() -> dict[str, list[str]]:
            return self.q.document_facets()

        return self.cache.get_or_make(key, make)
