"""Small typed rows that the store hands out (facts come out as :class:`SourcedFact`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from mission_monitor.models import DroppedLine, RawInput

AddStatus = Literal["new", "unchanged"]
PublishedFrom = Literal["input", "page", "ingested"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did with one document."""

    status: AddStatus
    doc_id: int
    story_id: int
    facts_added: int = 0
    facts_by_kind: dict[str, int] = field(default_factory=dict)
    same_story_as: int | None = None  # the most similar document of an existing story


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored document without its texts."""

    id: int
    doc: str
    source: str
    format: str
    url: str | None
    title: str | None
    site: str | None
    published: str  # the known date: the document's own, or its ingestion date
    published_from: PublishedFrom
    language: str | None
    note: str | None
    story_id: int
    ingested_at: str
    content_hash: str
    facts: int  # machine-made and other facts stored for it


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A stored document with its raw input and cleaned text (fact offsets point into ``text``)."""

    row: DocumentRow
    content: str
    text: str
    encoding: str | None
    outlet: str | None
    dropped: tuple[DroppedLine, ...]


@dataclass(frozen=True, slots=True)
class StoredInput:
    """A stored raw input, as re-extraction needs it."""

    doc_id: int
    raw: RawInput
    published: str | None  # the date to force (``published_from == "input"``), else None
    ingested_on: str  # YYYY-MM-DD, the fallback known date


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    stories: int
    facts: int
    facts_by_kind: dict[str, int]
    facts_by_origin: dict[str, int]
    first_published: str | None
    last_published: str | None
    last_ingested: str | None


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    """What :meth:`Store.replace_facts` did: machine-made facts removed and added, and the
    document's story afterwards."""

    doc_id: int
    removed: int
    added: int
    story_id: int
