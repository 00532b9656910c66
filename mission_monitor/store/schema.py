"""The database schema, in SQLAlchemy Core, for SQLite and PostgreSQL alike.

Alembic migrations (``migrations/versions``) create and change these tables; a test checks that
the migrated database matches this metadata, so the two cannot drift apart.

- ``stories``: near-duplicate documents (a syndicated copy, a re-headlined repost) share a story,
  which counts as one independent source.
- ``documents``: one row per distinct input content (``content_hash`` is the SHA-256 of the raw
  input with newlines normalised). ``content`` is the raw input, kept so that extraction can be
  re-run; ``text`` is the cleaned text that fact evidence offsets point into.
- ``facts``: the facts of FACTS.md, one row each, with their evidence. ``origin`` says who made
  the fact (``machine`` for extraction; re-extraction replaces only those).
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("doc", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("format", String(8), nullable=False),
    Column("encoding", String(32)),
    Column("content", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("site", Text),
    Column("outlet", Text),
    Column("published", String(10), nullable=False),
    Column("published_from", String(8), nullable=False),
    Column("language", String(16)),
    Column("note", Text),
    Column("dropped", Text),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False, index=True),
    Column("fingerprint", LargeBinary),
    Column("ingested_at", String(32), nullable=False),
    CheckConstraint("format IN ('text', 'html')", name="format"),
    CheckConstraint("published_from IN ('input', 'page', 'ingested')", name="published_from"),
    Index("ix_documents_published", "published"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("kind", String(16), nullable=False, index=True),
    Column("fact_key", Text, nullable=False, index=True),
    Column("actor", String(16), index=True),
    Column("status", String(16)),
    Column("count", Integer),
    Column("qualifier", String(16)),
    Column("force", String(16)),
    Column("amount", Float),
    Column("currency", String(3)),
    Column("original_amount", Float),
    Column("original_currency", String(3)),
    Column("type", String(32)),
    Column("actors", Text, nullable=False),
    Column("date", String(10)),
    Column("sentence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("rule", Text),
    Column("origin", String(16), nullable=False),
    CheckConstraint("kind IN ('personnel', 'funding', 'event')", name="kind"),
)
