"""The JSON API under ``/api/v1`` (read-only). Every list answers JSON or, with
``?format=csv``, a CSV download with the same rows; every error has the shape of
:mod:`.errors`; page sizes are bounded by :mod:`.params`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BaseModel, Field

from mission_monitor import report
from mission_monitor.report.status import conflict_dict, event_dict
from mission_monitor.store.web_queries import DocumentFilter, FactFilter
from mission_monitor.web import views
from mission_monitor.web.csvout import CSV_RESPONSE, csv_response
from mission_monitor.web.data import WebData
from mission_monitor.web.errors import ERROR_RESPONSES
from mission_monitor.web.params import (
    MAX_TEXT,
    AsOf,
    Limit,
    Offset,
    Since,
    Until,
    blank,
    date_end,
    documented,
    text_check,
    whole,
)
from mission_monitor.web.schemas import (
    DOCUMENT_CSV_COLUMNS,
    FACT_CSV_COLUMNS,
    DocumentDetailOut,
    DocumentPage,
    FactDetail,
    FactPage,
    Health,
    Page,
    document_detail_out,
    document_out,
    fact_csv_row,
    fact_out,
)

T = TypeVar("T")

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)

Kind = Literal["personnel", "funding", "event"]
# PERSONNEL_STATUSES and FUNDING_STATUSES of mission_monitor.models (checked by a test)
Status = Literal[
    "pledged", "authorized", "arrived", "present", "withdrawn", "deposited", "disbursed"
]
Format = Literal["json", "csv"]
FormatParam = Annotated[Format, Query(description="json, or csv for a download.")]
ActorParam = Annotated[
    str | None,
    blank,
    AfterValidator(text_check(16, r"[A-Za-z]{2,16}")),
    Query(
        description="A state's ISO 3166 alpha-3 code (or the mission's code); matches the actor "
        "of a personnel or funding fact and any actor of an event.",
        json_schema_extra=documented(16, r"^([A-Za-z]{2,16})?$"),
    ),
]
SiteParam = Annotated[
    str | None,
    blank,
    AfterValidator(text_check()),
    Query(description="The site (outlet).", json_schema_extra=documented(MAX_TEXT)),
]
LanguageParam = Annotated[
    str | None,
    blank,
    AfterValidator(text_check(16, r"[A-Za-z-]{2,16}")),
    Query(
        description="ISO 639-1 language code.",
        json_schema_extra=documented(16, r"^([A-Za-z-]{2,16})?$"),
    ),
]
QueryText = Annotated[
    str | None,
    blank,
    AfterValidator(text_check()),
    Query(
        description="Text to find in the title or the article, ignoring case.",
        json_schema_extra=documented(MAX_TEXT),
    ),
]


def data_of(request: Request) -> WebData:
    data: WebData = request.app.state.data
    return data


def known_by(as_of: str | None) -> str | None:
    """An as-of date at any precision means "known by the end of that period"."""
    return date_end(as_of) if as_of else None


def next_url(request: Request, offset: int, limit: int, more: bool) -> str | None:
    if not more:
        return None
    return str(request.url.include_query_params(offset=offset + limit))


@router.get("/health", response_model=Health, summary="Liveness: answers without the database")
def health() -> Health:
    return Health()


@router.get(
    "/facts",
    response_model=FactPage,
    responses=CSV_RESPONSE,
    summary="Stored facts with their evidence and source, filtered and paginated",
)
def list_facts(
    request: Request,
    kind: Kind | None = None,
    actor: ActorParam = None,
    status: Status | None = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: Annotated[
        int | None,
        Query(ge=0, le=2**62, description="Only facts with a greater id: the `next` link uses it."),
        whole,
    ] = None,
    format: FormatParam = "json",
) -> Any:
    flt = FactFilter(
        kind=kind,
        actor=actor.upper() if actor else None,
        status=status,
        since=since,
        until=date_end(until) if until else None,
        as_of=known_by(as_of),
        after=after,
    )
    rows = data_of(request).fact_page(flt, limit + 1, offset)
    items = [fact_out(f) for f in rows[:limit]]
    if format == "csv":
        return csv_response((fact_csv_row(f) for f in items), FACT_CSV_COLUMNS, "facts")
    more = len(rows) > limit
    return FactPage(
        items=items,
        limit=limit,
        offset=offset,
        # keyset: the next page starts after this page's last id, however deep it is
        next=str(request.url.include_query_params(after=items[-1].id, offset=0)) if more else None,
    )


@router.get(
    "/facts/{fact_id}",
    response_model=FactDetail,
    summary="One fact, with the reports that agree with it and those it conflicts with",
)
def get_fact(
    request: Request,
    fact_id: Annotated[int, Path(ge=1, le=2**62)],
    as_of: AsOf = None,
) -> FactDetail:
    data = data_of(request)
    found = data.fact(fact_id)
    if found is None:
        raise HTTPException(404, f"No fact {fact_id}.")
    agrees = data.same_facts(fact_id, known_by(as_of))
    conflicts = data.conflicting_facts(found, known_by(as_of))
    return FactDetail(
        fact=fact_out(found),
        agrees=[fact_out(f) for f in agrees],
        conflicts=[fact_out(f) for f in conflicts],
    )


@router.get(
    "/documents",
    response_model=DocumentPage,
    responses=CSV_RESPONSE,
    summary="Stored documents, newest first, with search and filters",
)
def list_documents(
    request: Request,
    q: QueryText = None,
    site: SiteParam = None,
    language: LanguageParam = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: FormatParam = "json",
) -> Any:
    flt = DocumentFilter(
        q=q,
        site=site,
        language=language.lower() if language else None,
        since=since,
        until=date_end(until) if until else None,
        as_of=known_by(as_of),
    )
    rows, total = data_of(request).document_page(flt, limit, offset)
    items = [document_out(r) for r in rows]
    if format == "csv":
        return csv_response((d.model_dump() for d in items), DOCUMENT_CSV_COLUMNS, "documents")
    return DocumentPage(
        items=items,
        total=total,
        limit=limit,
        offset=offset,
        next=next_url(request, offset, limit, offset + limit < total),
    )


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentDetailOut,
    summary="One document: its metadata, cleaned text and facts",
)
def get_document(
    request: Request, doc_id: Annotated[int, Path(ge=1, le=2**62)]
) -> DocumentDetailOut | Response:
    data = data_of(request)
    detail = data.document(doc_id)
    if detail is None:
        raise HTTPException(404, f"No document {doc_id}.")
    return document_detail_out(detail, data.document_facts(doc_id))


class EventOut(BaseModel):
    type: str
    actors: list[str]
    date: str | None
    dated_by: str
    sources: int = Field(description="Independent stories that report the event.")
    facts: list[int] = Field(description="Ids of the facts that report it.")


class RecordPage(Page):
    as_of: str
    total: int


class EventList(RecordPage):
    items: list[EventOut]


class TimelineRow(BaseModel):
    date: str | None
    what: str
    actor: str
    detail: str
    value: float | None
    sources: int
    facts: list[int]
    dated_by: str | None


class TimelineList(RecordPage):
    items: list[TimelineRow]


class ConflictSideOut(BaseModel):
    value: float | None
    qualifier: str | None
    sources: int
    facts: list[int]


class ConflictOut(BaseModel):
    kind: str
    actor: str
    measure: str
    date: str | None
    note: str
    sides: list[ConflictSideOut]


class ConflictList(RecordPage):
    items: list[ConflictOut]


EVENT_CSV_COLUMNS = ("date", "dated_by", "type", "actors", "sources", "facts")


def _ids(ids: list[int]) -> str:
    return " ".join(str(i) for i in ids)


def page_of(
    request: Request, items: Sequence[T], limit: int, offset: int
) -> tuple[Sequence[T], dict[str, Any]]:
    """One page of a list computed in memory, and the page fields of the answer."""
    chunk = items[offset : offset + limit]
    more = offset + limit < len(items)
    fields = {
        "limit": limit,
        "offset": offset,
        "total": len(items),
        "next": next_url(request, offset, limit, more),
    }
    return chunk, fields


@router.get(
    "/status",
    response_model=dict[str, Any],
    summary="The reconciled record as known on a date: the `status --json` object",
)
def get_status(request: Request, as_of: AsOf = None) -> Response:
    data = data_of(request)
    day = known_by(as_of)

    def make() -> bytes:
        body = {"ok": True, **report.record_dict(data.record(day))}
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # the object cites every fact behind every figure: on a large database it is megabytes,
    # so it is cached already encoded
    return Response(data.memo("status-json", day, make), media_type="application/json")


@router.get(
    "/events",
    response_model=EventList,
    responses=CSV_RESPONSE,
    summary="Events of the mission as known on a date, newest first (one per event)",
)
def list_events(
    request: Request,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: FormatParam = "json",
) -> Any:
    record = data_of(request).record(known_by(as_of))
    chunk, fields = page_of(request, record.events, limit, offset)
    items = [EventOut.model_validate(event_dict(e)) for e in chunk]
    if format == "csv":
        rows = (
            {**e.model_dump(), "actors": " ".join(e.actors), "facts": _ids(e.facts)} for e in items
        )
        return csv_response(rows, EVENT_CSV_COLUMNS, "events")
    return EventList(as_of=record.as_of.isoformat(), items=items, **fields)


@router.get(
    "/timeline",
    response_model=TimelineList,
    responses=CSV_RESPONSE,
    summary="Events, strength, pledges and distinct arrivals, oldest first",
)
def list_timeline(
    request: Request,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: FormatParam = "json",
) -> Any:
    data = data_of(request)
    day = known_by(as_of)
    record = data.record(day)
    rows, fields = page_of(
        request, data.memo("timeline", day, lambda: report.timeline(record)), limit, offset
    )
    if format == "csv":
        return csv_response(
            (views.timeline_csv_row(r) for r in rows), views.TIMELINE_CSV_COLUMNS, "timeline"
        )
    return TimelineList(
        as_of=record.as_of.isoformat(),
        items=[TimelineRow.model_validate(r) for r in rows],
        **fields,
    )


@router.get(
    "/conflicts",
    response_model=ConflictList,
    responses=CSV_RESPONSE,
    summary="Independent reports that give incompatible figures",
)
def list_conflicts(
    request: Request,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: FormatParam = "json",
) -> Any:
    record = data_of(request).record(known_by(as_of))
    chunk, fields = page_of(request, record.conflicts, limit, offset)
    if format == "csv":
        return csv_response(
            (views.conflict_csv_row(c) for c in chunk),
            views.CONFLICT_CSV_COLUMNS,
            "conflicts",
        )
    return ConflictList(
        as_of=record.as_of.isoformat(),
        items=[ConflictOut.model_validate(conflict_dict(c)) for c in chunk],
        **fields,
    )
