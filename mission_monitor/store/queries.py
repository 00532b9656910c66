"""Read queries: facts with their sources, documents, story counts, statistics.

The query builders and row converters (:func:`facts_select`, :func:`actor_filter`,
:func:`sourced_facts_of`, :func:`document_select`, :func:`document_row`) are public: the paginated
queries of :mod:`.web_queries` build on them, so that a fact or a document looks the same
whichever query produced it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Result, Select, and_, func, or_, select

from mission_monitor.gcpause import cyclic_gc_paused
from mission_monitor.models import DroppedLine, SourcedFact
from mission_monitor.resolve.sources import source_kind
from mission_monitor.store.records import FACT_COLUMNS, fact_from_values
from mission_monitor.store.rows import DocumentDetail, DocumentRow, StoreStats
from mission_monitor.store.schema import documents, facts, stories

D, F = documents.c, facts.c


def facts_select() -> Select[Any]:
    """Every fact joined to its document's source columns, in order of known date."""
    return (
        select(
            facts,
            D.doc,
            D.published,
            D.site,
            D.url,
            D.title,
            D.story_id,
        )
        .select_from(facts.join(documents, F.document_id == D.id))
        .order_by(D.published, F.id)
    )


def actor_filter(actor: str) -> Any:
    """The condition: ``actor`` is the fact's actor, or one of an event's actors."""
    # events name their states in the JSON list ``actors``: ["BRA", "USA"]
    pattern = "%" + json.dumps(actor) + "%"
    return or_(F.actor == actor, F.actors.like(pattern))


def sourced_facts(
    conn: Connection,
    *,
    kind: str | None = None,
    actor: str | None = None,
    status: str | None = None,
    as_of: str | None = None,
    doc_id: int | None = None,
    fact_ids: Sequence[int] | None = None,
) -> list[SourcedFact]:
    query = facts_select()
    conds = []
    if kind is not None:
        conds.append(F.kind == kind)
    if actor is not None:
        conds.append(actor_filter(actor))
    if status is not None:
        conds.append(F.status == status)
    if as_of is not None:
        conds.append(D.published <= as_of)
    if doc_id is not None:
        conds.append(F.document_id == doc_id)
    if fact_ids is not None:
        conds.append(F.id.in_(list(fact_ids)))
    if conds:
        query = query.where(and_(*conds))
    return sourced_facts_of(conn.execute(query))


#: The columns of :func:`facts_select` that say where a fact comes from.
_SOURCE_COLUMNS = ("id", "document_id", "doc", "published", "story_id", "site", "url", "title")


def sourced_facts_of(result: Result[Any]) -> list[SourcedFact]:
    """The rows of a :func:`facts_select` query as :class:`SourcedFact` values. Columns are
    found by name once per result, then read by position from each row."""
    keys = list(result.keys())
    fact_part = itemgetter(*(keys.index(c) for c in FACT_COLUMNS))
    source_part = itemgetter(*(keys.index(c) for c in _SOURCE_COLUMNS))
    out: list[SourcedFact] = []
    with cyclic_gc_paused():  # see mission_monitor.gcpause
        for row in result:
            fact_id, doc_id, doc, published, story, site, url, title = source_part(row)
            out.append(
                SourcedFact(
                    fact=fact_from_values(fact_part(row)),
                    fact_id=fact_id,
                    doc_id=doc_id,
                    doc=doc,
                    published=published,
                    story=story,
                    source_kind=source_kind(site, url),
                    site=site,
                    url=url,
                    title=title,
                )
            )
    return out


def story_counts(
    conn: Connection, fact_ids: Sequence[int] | None = None, as_of: str | None = None
) -> dict[int, int]:
    """For each fact, the number of independent stories (near-duplicate groups) stating it."""
    known = facts.join(documents, F.document_id == D.id)
    per_key = select(F.fact_key, func.count(func.distinct(D.story_id)).label("n")).select_from(
        known
    )
    if as_of is not None:
        per_key = per_key.where(D.published <= as_of)
    sub = per_key.group_by(F.fact_key).subquery()
    query = select(F.id, sub.c.n).select_from(facts.join(sub, sub.c.fact_key == F.fact_key))
    if fact_ids is not None:
        query = query.where(F.id.in_(list(fact_ids)))
    return {int(fid): int(n) for fid, n in conn.execute(query)}


def document_select() -> Select[Any]:
    """Every document without its texts, with its number of facts, in id order."""
    n_facts = (
        select(func.count(F.id)).where(F.document_id == D.id).correlate(documents).scalar_subquery()
    )
    return select(
        D.id,
        D.doc,
        D.source,
        D.format,
        D.url,
        D.title,
        D.site,
        D.published,
        D.published_from,
        D.language,
        D.note,
        D.story_id,
        D.ingested_at,
        D.content_hash,
        n_facts.label("facts"),
    ).order_by(D.id)


def document_row(row: Any) -> DocumentRow:
    """A row of :func:`document_select` as a :class:`DocumentRow`."""
    return DocumentRow(**{f.name: row[f.name] for f in fields(DocumentRow)})


def list_documents(
    conn: Connection,
    *,
    story_id: int | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DocumentRow]:
    query = document_select()
    if story_id is not None:
        query = query.where(D.story_id == story_id)
    if doc is not None:
        query = query.where(D.doc == doc)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [document_row(r._mapping) for r in conn.execute(query)]


def get_document(conn: Connection, doc_id: int) -> DocumentDetail | None:
    row = conn.execute(document_select().where(D.id == doc_id)).first()
    if row is None:
        return None
    extra = conn.execute(
        select(D.content, D.text, D.encoding, D.outlet, D.dropped).where(D.id == doc_id)
    ).one()
    dropped = tuple(
        DroppedLine(int(d["line"]), d["text"], d["reason"])
        for d in json.loads(extra.dropped or "[]")
    )
    return DocumentDetail(
        row=document_row(row._mapping),
        content=extra.content,
        text=extra.text,
        encoding=extra.encoding,
        outlet=extra.outlet,
        dropped=dropped,
    )


def stats(conn: Connection) -> StoreStats:
    n_docs, first, last, last_ing = conn.execute(
        select(
            func.count(D.id), func.min(D.published), func.max(D.published), func.max(D.ingested_at)
        )
    ).one()
    n_stories = conn.execute(select(func.count(func.distinct(D.story_id)))).scalar_one()
    by_kind = {k: int(n) for k, n in conn.execute(select(F.kind, func.count()).group_by(F.kind))}
    by_origin = {
        k: int(n) for k, n in conn.execute(select(F.origin, func.count()).group_by(F.origin))
    }
    return StoreStats(
        documents=int(n_docs),
        stories=int(n_stories),
        facts=sum(by_kind.values()),
        facts_by_kind=by_kind,
        facts_by_origin=by_origin,
        first_published=first,
        last_published=last,
        last_ingested=last_ing,
    )


def orphan_counts(conn: Connection) -> dict[str, int]:
    """Rows whose parent is missing (always 0 where foreign keys are enforced)."""
    orphan_facts = conn.execute(
        select(func.count()).select_from(facts).where(~F.document_id.in_(select(D.id)))
    ).scalar_one()
    orphan_docs = conn.execute(
        select(func.count()).select_from(documents).where(~D.story_id.in_(select(stories.c.id)))
    ).scalar_one()
    return {
        "facts without document": int(orphan_facts),
        "documents without story": int(orphan_docs),
    }
