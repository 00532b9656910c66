"""store stage: documents, stories and facts in SQLite (default) or PostgreSQL.

::

    with Store.open("mission-monitor.db") as store:        # or "postgresql+psycopg://..."
        result = store.add(processed)                       # one transaction per document
        for sf in store.sourced_facts(kind="personnel", as_of="2024-07-01"):
            ...

Opening a store creates or migrates its schema (Alembic, :mod:`.migrate`). Documents are keyed
by the hash of their raw input, so adding the same content again changes nothing. Near-duplicate
documents (a syndicated copy with another headline or footer) join the story of the most similar
stored document (:mod:`mission_monitor.clean.dedup`); a story is one independent source.

The *known* date of a document, and of its facts, is its publication date, or the date it was
ingested where it gives none (``published_from`` says which). ``as_of`` filters compare ISO
strings, so a document dated only ``2025`` counts as known from 2025-01-01.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from mission_monitor.clean.dedup import StoryIndex, fingerprint
from mission_monitor.errors import StoreError
from mission_monitor.models import CleanDocument, Fact, RawInput, SourcedFact
from mission_monitor.store import migrate, queries
from mission_monitor.store.records import MACHINE, content_hash, fact_values
from mission_monitor.store.rows import (
    AddResult,
    DocumentDetail,
    DocumentRow,
    PublishedFrom,
    ReplaceResult,
    StoredInput,
    StoreStats,
)
from mission_monitor.store.schema import documents, facts, stories
from mission_monitor.store.url import database_url, is_url

if TYPE_CHECKING:
    from mission_monitor.pipeline import Processed

__all__ = [
    "AddResult",
    "DocumentDetail",
    "DocumentRow",
    "ReplaceResult",
    "Store",
    "StoreStats",
    "StoredInput",
    "content_hash",
    "database_url",
]

log = logging.getLogger(__name__)

D = documents.c


def _now() -> datetime:
    return datetime.now(UTC)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Foreign keys enforced; wait for a busy writer rather than fail; write-ahead log, so that
    the dashboard reads while ingest writes, and a commit costs one sync instead of several
    (benchmarks/bench_store.py: 204 -> 353 documents/s on the same run)."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.close()


def published_choice(
    raw: RawInput, clean: CleanDocument, published: str | None, forced: str | None
) -> tuple[str | None, PublishedFrom]:
    """The document's own publication date and where it came from (``None, "ingested"`` where it
    gives none). ``published`` is what extraction used; ``forced`` an override from the user."""
    if published is None:
        return None, "ingested"
    if forced is not None and published == forced:
        return published, "input"
    if (
        clean.published is not None
        and published == clean.published
        and (raw.published is None or clean.published != raw.published)
    ):
        return published, "page"
    return published, "input"


class Store:
    """A Mission Monitor database. Open with :meth:`open`; close (or use ``with``) when done."""

    def __init__(self, engine: Engine, target: str) -> None:
        self.engine = engine
        self.target = target
        self._index = StoryIndex()
        self._story_of: dict[int, int] = {}
        self._indexed_upto = 0

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, target: str | Path, *, migrate_schema: bool = True, must_exist: bool = False
    ) -> Store:
        """Open (creating if needed) the store at a SQLite path or SQLAlchemy URL, and bring its
        schema up to date. Raises :class:`StoreError` naming the database and the problem.

        ``must_exist``: a SQLite file that does not exist is an error (the commands that only
        read use it), rather than a new empty database."""
        url = database_url(target)
        shown = str(target) if not is_url(target) else _hide_password(url)
        if not is_url(target):
            if must_exist and not Path(str(target)).expanduser().exists():
                raise StoreError(
                    f"{shown}: no such database. Run: mission-monitor ingest PATH --db {shown}"
                )
            parent = Path(str(target)).expanduser().parent
            if not parent.is_dir():
                raise StoreError(f"{shown}: cannot create the database: folder {parent} is missing")
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"{shown}: not a usable database address: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            if migrate_schema:
                migrate.upgrade(engine)
            else:
                with engine.connect():
                    pass
        except Exception as exc:  # driver and alembic errors alike: name the database
            engine.dispose()
            detail = getattr(exc, "orig", None) or exc
            raise StoreError(f"{shown}: cannot open the database: {detail}") from exc
        return cls(engine, shown)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.target!r})"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current(conn)

    # -- writing -------------------------------------------------------------------------------

    def add(
        self, processed: Processed, *, published: str | None = None, now: datetime | None = None
    ) -> AddResult:
        """Store one processed document and its facts, in one transaction.

        Identical raw content already stored: nothing is written (``"unchanged"``). ``published``
        is the date the user forced for this run, if any (it marks the date as from the input).
        """
        raw, clean = processed.raw, processed.clean
        digest = content_hash(raw.content)
        moment = now or _now()
        pub, pub_from = published_choice(raw, clean, processed.published, published)
        known = (pub if pub is not None else moment.date().isoformat())[:10]
        fp = fingerprint(clean.text)
        try:
            with self.engine.begin() as conn:
                existing = conn.execute(
                    select(D.id, D.story_id).where(D.content_hash == digest)
                ).first()
                if existing is not None:
                    return AddResult("unchanged", existing.id, existing.story_id)
                self._refresh_index(conn)
                matches = self._index.query(fp)
                same_as = matches[0] if matches else None
                if same_as is not None:
                    story_id = self._story_of[same_as]
                else:
                    story_id = conn.execute(
                        insert(stories)
                        .values(created_at=moment.isoformat(timespec="seconds"))
                        .returning(stories.c.id)
                    ).scalar_one()
                doc_id = conn.execute(
                    insert(documents)
                    .values(
                        content_hash=digest,
                        doc=raw.doc,
                        source=raw.source,
                        format=raw.format,
                        encoding=raw.encoding,
                        content=raw.content,
                        text=clean.text,
                        url=clean.url or raw.url,
                        title=clean.title or raw.title,
                        site=clean.site or raw.outlet,
                        outlet=raw.outlet,
                        published=known,
                        published_from=pub_from,
                        language=clean.language,
                        note=processed.note,
                        dropped=_dropped_json(clean),
                        story_id=story_id,
                        fingerprint=fp,
                        ingested_at=moment.isoformat(timespec="seconds"),
                    )
                    .returning(D.id)
                ).scalar_one()
                by_kind = self._insert_facts(conn, doc_id, processed.facts)
        except IntegrityError as exc:
            # another writer stored the same content between our check and our insert
            with self.engine.connect() as conn:
                row = conn.execute(select(D.id, D.story_id).where(D.content_hash == digest)).first()
            if row is None:
                raise StoreError(f"{self.target}: cannot store {raw.source}: {exc.orig}") from exc
            return AddResult("unchanged", row.id, row.story_id)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.target}: cannot store {raw.source}: {exc}") from exc
        self._index.add(doc_id, fp)
        self._story_of[doc_id] = story_id
        self._indexed_upto = max(self._indexed_upto, doc_id)
        return AddResult("new", doc_id, story_id, sum(by_kind.values()), dict(by_kind), same_as)

    def find_content(self, content: str) -> AddResult | None:
        """The stored document with this raw content (``"unchanged"``), if any: ingest asks
        before cleaning and extraction, so re-reading a large dump costs little."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(
                    select(D.id, D.story_id).where(D.content_hash == content_hash(content))
                ).first()
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.target}: cannot read the documents: {exc}") from exc
        return None if row is None else AddResult("unchanged", row.id, row.story_id)

    def _insert_facts(
        self, conn: Connection, doc_id: int, items: Sequence[Fact], origin: str = MACHINE
    ) -> Counter[str]:
        by_kind: Counter[str] = Counter()
        if items:
            conn.execute(insert(facts), [fact_values(f, doc_id, origin) for f in items])
            by_kind.update(f.kind for f in items)
        return by_kind

    def _refresh_index(self, conn: Connection) -> None:
        """Index the fingerprints stored since the last look (by this or another process)."""
        rows = conn.execute(
            select(D.id, D.fingerprint, D.story_id).where(D.id > self._indexed_upto).order_by(D.id)
        )
        for doc_id, fp, story_id in rows:
            if fp:
                try:
                    self._index.add(doc_id, bytes(fp))
                except ValueError:
                    log.warning("document %s: fingerprint of another version, not indexed", doc_id)
            self._story_of[doc_id] = story_id
            self._indexed_upto = max(self._indexed_upto, doc_id)

    def stored_inputs(self) -> Iterator[StoredInput]:
        """Every stored raw input, oldest first, as re-extraction needs it."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(D.id).order_by(D.id)).scalars())
        for doc_id in ids:
            with self.engine.connect() as conn:
                row = conn.execute(select(documents).where(D.id == doc_id)).first()
            if row is None:
                continue
            raw = RawInput(
                doc=row.doc,
                source=row.source,
                content=row.content,
                format="html" if row.format == "html" else "text",
                url=row.url,
                published=row.published if row.published_from == "input" else None,
                title=row.title,
                outlet=row.outlet,
                encoding=row.encoding,
            )
            yield StoredInput(
                doc_id=row.id,
                raw=raw,
                published=row.published if row.published_from == "input" else None,
                ingested_on=row.ingested_at[:10],
            )

    def replace_facts(self, doc_id: int, processed: Processed) -> ReplaceResult:
        """Replace a document's machine-made facts (and its cleaned text) with those of a new
        run of extraction, in one transaction. Facts of other origins are kept.

        The cleaned text may have changed, so the document's story is decided again: it joins
        the story of the most similar other document, or keeps its own story, or (where it no
        longer resembles the documents it shared a story with) gets a new one."""
        clean = processed.clean
        fp = fingerprint(clean.text)
        moment = _now()
        try:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(D.published, D.published_from, D.ingested_at, D.story_id).where(
                        D.id == doc_id
                    )
                ).first()
                if row is None:
                    raise StoreError(f"{self.target}: no document {doc_id}")
                forced = row.published if row.published_from == "input" else None
                pub, pub_from = published_choice(processed.raw, clean, processed.published, forced)
                story_id = self._restory(conn, doc_id, row.story_id, fp, moment)
                removed = conn.execute(
                    delete(facts).where(facts.c.document_id == doc_id, facts.c.origin == MACHINE)
                ).rowcount
                conn.execute(
                    update(documents)
                    .where(D.id == doc_id)
                    .values(
                        text=clean.text,
                        title=clean.title or processed.raw.title,
                        site=clean.site or processed.raw.outlet,
                        url=clean.url or processed.raw.url,
                        language=clean.language,
                        note=processed.note,
                        dropped=_dropped_json(clean),
                        fingerprint=fp,
                        story_id=story_id,
                        published=pub if pub is not None else row.ingested_at[:10],
                        published_from=pub_from,
                    )
                )
                if story_id != row.story_id:
                    self._drop_story_if_empty(conn, row.story_id, doc_id)
                added = sum(self._insert_facts(conn, doc_id, processed.facts).values())
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.target}: cannot replace the facts of {doc_id}: {exc}") from exc
        self._index.add(doc_id, fp)
        self._story_of[doc_id] = story_id
        return ReplaceResult(doc_id, int(removed or 0), added, story_id)

    def _restory(
        self, conn: Connection, doc_id: int, story_id: int, fp: bytes, moment: datetime
    ) -> int:
        """The story a document belongs to with fingerprint ``fp`` (see :meth:`replace_facts`)."""
        self._refresh_index(conn)
        others = [k for k in self._index.query(fp) if k != doc_id]
        if others:
            return self._story_of[others[0]]
        shared = conn.execute(
            select(func.count()).where(D.story_id == story_id, D.id != doc_id)
        ).scalar_one()
        if not shared:
            return story_id
        return int(
            conn.execute(
                insert(stories)
                .values(created_at=moment.isoformat(timespec="seconds"))
                .returning(stories.c.id)
            ).scalar_one()
        )

    def _drop_story_if_empty(self, conn: Connection, story_id: int, moved: int) -> None:
        left = conn.execute(
            select(func.count()).where(D.story_id == story_id, D.id != moved)
        ).scalar_one()
        if not left:
            conn.execute(delete(stories).where(stories.c.id == story_id))

    # -- reading -------------------------------------------------------------------------------

    def sourced_facts(
        self,
        *,
        kind: str | None = None,
        actor: str | None = None,
        status: str | None = None,
        as_of: str | None = None,
        doc_id: int | None = None,
    ) -> list[SourcedFact]:
        """Stored facts with their sources, in order of known date. ``actor`` matches a fact's
        actor or one of an event's actors; ``as_of`` keeps facts known on that date."""
        with self.engine.connect() as conn:
            return queries.sourced_facts(
                conn, kind=kind, actor=actor, status=status, as_of=as_of, doc_id=doc_id
            )

    def fact(self, fact_id: int) -> SourcedFact | None:
        with self.engine.connect() as conn:
            found = queries.sourced_facts(conn, fact_ids=[fact_id])
        return found[0] if found else None

    def story_counts(
        self, fact_ids: Sequence[int] | None = None, *, as_of: str | None = None
    ) -> dict[int, int]:
        """Fact id -> number of independent stories (groups of near-duplicate documents) that
        state the same fact (equal ``Fact.key()``), counting documents known by ``as_of``."""
        with self.engine.connect() as conn:
            return queries.story_counts(conn, fact_ids, as_of)

    def documents(
        self,
        *,
        story_id: int | None = None,
        doc: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DocumentRow]:
        with self.engine.connect() as conn:
            return queries.list_documents(
                conn, story_id=story_id, doc=doc, limit=limit, offset=offset
            )

    def document(self, doc_id: int) -> DocumentDetail | None:
        with self.engine.connect() as conn:
            return queries.get_document(conn, doc_id)

    def stats(self) -> StoreStats:
        with self.engine.connect() as conn:
            return queries.stats(conn)

    def check(self) -> list[str]:
        """Consistency problems (an empty list where all is well): SQLite's integrity and
        foreign-key checks, and rows whose parent is missing."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                result = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                if result != ["ok"]:
                    problems.extend(f"integrity: {r}" for r in result)
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"foreign key: {tuple(row)}")
            for what, n in queries.orphan_counts(conn).items():
                if n:
                    problems.append(f"{n} {what}")
        return problems


def _dropped_json(clean: CleanDocument) -> str | None:
    if not clean.dropped:
        return None
    return json.dumps(
        [{"line": d.line, "text": d.text, "reason": d.reason} for d in clean.dropped],
        ensure_ascii=False,
    )


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
