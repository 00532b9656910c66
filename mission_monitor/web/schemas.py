"""The JSON shapes of the API (pydantic models, so the OpenAPI document describes them), and the
conversions from the store's rows."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from mission_monitor.models import SourcedFact
from mission_monitor.store.rows import DocumentDetail, DocumentRow


class EvidenceOut(BaseModel):
    sentence: str
    start: int
    end: int
    rule: str


class MoneyOut(BaseModel):
    amount: float
    currency: str


class FactOut(BaseModel):
    """A stored fact (FACTS.md fields) with its evidence and its source document."""

    id: int
    kind: str
    date: str | None = None
    actor: str | None = None
    status: str | None = None
    qualifier: str | None = None
    count: int | None = None
    force: str | None = None
    amount: float | None = None
    currency: str | None = None
    original: MoneyOut | None = None
    type: str | None = None
    actors: list[str] = Field(default_factory=list)
    evidence: EvidenceOut | None = None
    doc_id: int
    doc: str
    published: str | None = None
    story: int
    source_kind: str
    site: str | None = None
    url: str | None = None
    title: str | None = None


class Page(BaseModel):
    ok: bool = True
    limit: int
    offset: int
    next: str | None = Field(None, description="The URL of the next page, if there is one.")


class FactPage(Page):
    items: list[FactOut]


class FactDetail(BaseModel):
    ok: bool = True
    fact: FactOut
    agrees: list[FactOut] = Field(description="Other reports of the same fact.")
    conflicts: list[FactOut] = Field(description="Reports the fact conflicts with.")


class DocumentOut(BaseModel):
    id: int
    doc: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str
    published_from: str
    language: str | None = None
    note: str | None = None
    story: int
    ingested_at: str
    facts: int


class DocumentPage(Page):
    total: int
    items: list[DocumentOut]


class DocumentDetailOut(BaseModel):
    ok: bool = True
    document: DocumentOut
    text: str = Field(description="The cleaned text that evidence offsets point into.")
    facts: list[FactOut]


class Health(BaseModel):
    ok: bool = True


def fact_out(sf: SourcedFact) -> FactOut:
    f = sf.fact
    ev = f.evidence
    return FactOut(
        id=sf.fact_id,
        kind=f.kind,
        date=f.date,
        actor=f.actor,
        status=f.status,
        qualifier=f.qualifier,
        count=f.count,
        force=f.force,
        amount=f.amount,
        currency=f.currency,
        original=MoneyOut(amount=f.original.amount, currency=f.original.currency)
        if f.original
        else None,
        type=f.type,
        actors=list(f.actors),
        evidence=EvidenceOut(sentence=ev.sentence, start=ev.start, end=ev.end, rule=ev.rule)
        if ev
        else None,
        doc_id=sf.doc_id,
        doc=sf.doc,
        published=sf.published,
        story=sf.story,
        source_kind=sf.source_kind,
        site=sf.site,
        url=sf.url,
        title=sf.title,
    )


def document_out(row: DocumentRow) -> DocumentOut:
    return DocumentOut(
        id=row.id,
        doc=row.doc,
        title=row.title,
        url=row.url,
        site=row.site,
        published=row.published,
        published_from=row.published_from,
        language=row.language,
        note=row.note,
        story=row.story_id,
        ingested_at=row.ingested_at,
        facts=row.facts,
    )


def document_detail_out(detail: DocumentDetail, facts: list[SourcedFact]) -> DocumentDetailOut:
    return DocumentDetailOut(
        document=document_out(detail.row), text=detail.text, facts=[fact_out(f) for f in facts]
    )


FACT_CSV_COLUMNS = (
    "id",
    "kind",
    "date",
    "actor",
    "status",
    "qualifier",
    "count",
    "force",
    "amount",
    "currency",
    "type",
    "actors",
    "sentence",
    "doc_id",
    "doc",
    "published",
    "site",
    "url",
    "title",
)


def fact_csv_row(f: FactOut) -> dict[str, Any]:
    row = f.model_dump(exclude={"evidence", "original"})
    row["actors"] = " ".join(f.actors)
    row["sentence"] = f.evidence.sentence if f.evidence else None
    return row


DOCUMENT_CSV_COLUMNS = tuple(DocumentOut.model_fields)
