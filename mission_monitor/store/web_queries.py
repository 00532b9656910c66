"""Read queries the dashboard and the JSON API need on large databases: filtered, paginated
pages of facts and documents, built in SQL (SQLAlchemy Core, SQLite and PostgreSQL alike) so that
a page costs the same with a thousand facts or a million.

Owned by the web layer; it builds on the public query builders and row converters of
:mod:`.queries`, so that a fact or a document looks the same whichever query produced it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, and_, func, or_, select

from mission_monitor.models import SourcedFact
from mission_monitor.store.queries import (
    actor_filter,
    document_row,
    document_select,
    facts_select,
    sourced_facts,
    sourced_facts_of,
)
from mission_monitor.store.rows import DocumentRow
from mission_monitor.store.schema import documents, facts

if TYPE_CHECKING:
    from mission_monitor.store import Store

D, F = documents.c, facts.c


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts: every field that is set must hold. Dates are ISO strings; ``until`` and
    ``as_of`` are inclusive whole days (``YYYY-MM-DD``)."""

    kind: str | None = None
    actor: str | None = None
    status: str | None = None
    since: str | None = None  # fact date on or after
    until: str | None = None  # fact date on or before
    as_of: str | None = None  # known by then: documents published on or before
    after: int | None = None  # fact ids greater than this (keyset pagination)


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    q: str | None = None  # in the title or the cleaned text, ignoring case
    site: str | None = None
    language: str | None = None
    since: str | None = None  # published on or after
    until: str | None = None  # published on or before
    as_of: str | None = None  # published on or before (the as-of date)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fact_conditions(flt: FactFilter) -> list[Any]:
    conds: list[Any] = []
    if flt.kind is not None:
        conds.append(F.kind == flt.kind)
    if flt.actor is not None:
        conds.append(actor_filter(flt.actor))
    if flt.status is not None:
        conds.append(F.status == flt.status)
    if flt.since is not None:
        conds.append(F.date >= flt.since)
    if flt.until is not None:
        conds.append(F.date <= flt.until)
    if flt.as_of is not None:
        conds.append(D.published <= flt.as_of)
    if flt.after is not None:
        conds.append(F.id > flt.after)
    return conds


def fact_page(
    conn: Connection, flt: FactFilter, *, limit: int, offset: int = 0
) -> list[SourcedFact]:
    """Facts matching ``flt``, in id order (the order they were stored), one page of them.
    Deep pages are cheap with ``flt.after`` (the last id of the previous page), not ``offset``."""
    query = facts_select().order_by(None).order_by(F.id)
    conds = _fact_conditions(flt)
    if conds:
        query = query.where(and_(*conds))
    query = query.limit(limit).offset(offset)
    return sourced_facts_of(conn.execute(query))


def facts_with_key_of(
    conn: Connection, fact_id: int, as_of: str | None = None
) -> list[SourcedFact]:
    """The other stored facts that state the same fact as ``fact_id`` (same FACTS.md key)."""
    key = select(F.fact_key).where(F.id == fact_id).scalar_subquery()
    query = facts_select().where(and_(F.fact_key == key, F.id != fact_id))
    if as_of is not None:
        query = query.where(D.published <= as_of)
    return sourced_facts_of(conn.execute(query.limit(200)))


def _document_conditions(flt: DocumentFilter) -> list[Any]:
    conds: list[Any] = []
    if flt.q:
        pattern = _like(flt.q)
        conds.append(or_(D.title.ilike(pattern, escape="\\"), D.text.ilike(pattern, escape="\\")))
    if flt.site is not None:
        conds.append(D.site == flt.site)
    if flt.language is not None:
        conds.append(D.language == flt.language)
    if flt.since is not None:
        conds.append(D.published >= flt.since)
    if flt.until is not None:
        conds.append(D.published <= flt.until)
    if flt.as_of is not None:
        conds.append(D.published <= flt.as_of)
    return conds


def document_page(
    conn: Connection, flt: DocumentFilter, *, limit: int, offset: int = 0
) -> list[DocumentRow]:
    """Documents matching ``flt``, newest publication first, one page of them."""
    query = document_select().order_by(None).order_by(D.published.desc(), D.id.desc())
    conds = _document_conditions(flt)
    if conds:
        query = query.where(and_(*conds))
    query = query.limit(limit).offset(offset)
    return [document_row(row._mapping) for row in conn.execute(query)]


def document_count(conn: Connection, flt: DocumentFilter) -> int:
    query = select(func.count()).select_from(documents)
    conds = _document_conditions(flt)
    if conds:
        query = query.where(and_(*conds))
    return int(conn.execute(query).scalar_one())


def document_facets(conn: Connection) -> dict[str, list[str]]:
    """The values the document filters offer: every site and language stored."""
    sites = conn.execute(select(D.site).where(D.site.is_not(None)).distinct().order_by(D.site))
    langs = conn.execute(
        select(D.language).where(D.language.is_not(None)).distinct().order_by(D.language)
    )
    return {"site": [s for (s,) in sites], "language": [lang for (lang,) in langs]}


def facts_of_documents(conn: Connection, doc_ids: Sequence[int]) -> list[SourcedFact]:
    """Every fact of the given documents."""
    if not doc_ids:
        return []
    query = facts_select().where(F.document_id.in_(list(doc_ids)))
    return sourced_facts_of(conn.execute(query))


def database_state(engine: Engine) -> tuple[Any, ...]:
    """A value that changes whenever the database is written: the key under which the web layer
    caches reconciled views. For a SQLite file, the size and modification time of the file and
    of its write-ahead log (a few microseconds, whatever the size of the database); elsewhere,
    :func:`data_version`."""
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if path and path != ":memory:" and not path.startswith("file:"):
            return ("sqlite", *(_file_state(p) for p in (path, path + "-wal")))
    with engine.connect() as conn:
        return data_version(conn)


def _file_state(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def data_version(conn: Connection) -> tuple[Any, ...]:
    """Counts and latest ids of documents and facts: they change whenever documents or facts
    are added, replaced or removed."""
    fact_state = conn.execute(select(func.max(F.id), func.count(F.id))).one()
    doc_state = conn.execute(
        select(func.max(D.id), func.count(D.id), func.max(D.ingested_at))
    ).one()
    return (*fact_state, *doc_state)


class WebQueries:
    """The queries of this module on one store, each in a connection of its own: what the web
    layer calls, so that it never handles connections itself."""

    def __init__(self, store: Store) -> None:
        self._engine = store.engine

    def state(self) -> tuple[Any, ...]:
        return database_state(self._engine)

    def fact_page(self, flt: FactFilter, *, limit: int, offset: int = 0) -> list[SourcedFact]:
        with self._engine.connect() as conn:
            return fact_page(conn, flt, limit=limit, offset=offset)

    def facts_with_key_of(self, fact_id: int, as_of: str | None = None) -> list[SourcedFact]:
        with self._engine.connect() as conn:
            return facts_with_key_of(conn, fact_id, as_of)

    def facts_by_id(self, fact_ids: Sequence[int]) -> list[SourcedFact]:
        if not fact_ids:
            return []
        with self._engine.connect() as conn:
            return sourced_facts(conn, fact_ids=list(fact_ids))

    def document_page(
        self, flt: DocumentFilter, *, limit: int, offset: int = 0
    ) -> tuple[list[DocumentRow], int]:
        """One page of documents and the number of all that match."""
        with self._engine.connect() as conn:
            return (
                document_page(conn, flt, limit=limit, offset=offset),
                document_count(conn, flt),
            )

    def document_facets(self) -> dict[str, list[str]]:
        with self._engine.connect() as conn:
            return document_facets(conn)
