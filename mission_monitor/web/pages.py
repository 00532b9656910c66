"""The HTML pages, rendered on the server (Jinja2, autoescaped) with SVG charts.

Every page takes ``as_of`` and shows the record as known on that date; links between pages keep
it (``link()`` in the templates). Every list page links to its CSV download.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from mission_monitor import report
from mission_monitor.reconcile import Record
from mission_monitor.store.web_queries import DocumentFilter, FactFilter
from mission_monitor.web import charts, views
from mission_monitor.web.api import LanguageParam, QueryText, SiteParam, data_of, known_by
from mission_monitor.web.highlight import article_parts
from mission_monitor.web.params import MAX_LIMIT, AsOf, Offset, Since, Until, date_end
from mission_monitor.web.templating import build_link

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 50
STATE_FACTS = 100
LIST_PAGE = 100
LATEST_EVENTS = 8


def render(
    request: Request,
    template: str,
    *,
    title: str,
    section: str,
    as_of: str | None,
    keep: dict[str, Any] | None = None,
    **context: Any,
) -> Response:
    """A page; ``keep`` are the page's own query parameters, carried by the as-of form."""
    templates = request.app.state.templates
    keep_params = {k: v for k, v in (keep or {}).items() if v not in (None, "")}
    return templates.TemplateResponse(
        request,
        template,
        {
            "title": title,
            "section": section,
            "as_of": as_of,
            "keep_params": keep_params,
            **context,
        },
    )


@router.get("/documents")
def documents_page(
    request: Request,
    q: QueryText = None,
    site: SiteParam = None,
    language: LanguageParam = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    offset: Offset = 0,
) -> Response:
    data = data_of(request)
    filters = {"q": q, "site": site, "language": language, "since": since, "until": until}
    flt = DocumentFilter(
        q=q,
        site=site,
        language=language.lower() if language else None,
        since=since,
        until=date_end(until) if until else None,
        as_of=known_by(as_of),
    )
    rows, total = data.document_page(flt, PAGE_SIZE, offset)
    page_link = {
        "prev": build_link("/documents", as_of, {**filters, "offset": max(0, offset - PAGE_SIZE)})
        if offset > 0
        else None,
        "next": build_link("/documents", as_of, {**filters, "offset": offset + PAGE_SIZE})
        if offset + PAGE_SIZE < total
        else None,
    }
    csv_url = build_link(
        "/api/v1/documents", as_of, {**filters, "format": "csv", "limit": 500, "offset": offset}
    )
    return render(
        request,
        "documents.html",
        title="Documents",
        section="Documents",
        as_of=as_of,
        keep=filters,
        rows=rows,
        total=total,
        offset=offset,
        filters=filters,
        facets=data.facets(),
        pages=page_link,
        csv_url=csv_url,
    )


@router.get("/documents/{doc_id}")
def document_page(
    request: Request, doc_id: Annotated[int, Path(ge=1, le=2**62)], as_of: AsOf = None
) -> Response:
    data = data_of(request)
    detail = data.document(doc_id)
    if detail is None:
        raise HTTPException(404, f"No document {doc_id}.")
    facts = data.document_facts(doc_id)
    return render(
        request,
        "document.html",
        title=detail.row.title or detail.row.doc,
        section="Documents",
        as_of=as_of,
        doc=detail,
        facts=facts,
        later=bool(as_of) and detail.row.published > (known_by(as_of) or ""),
    )


@router.get("/facts/{fact_id}")
def fact_page(
    request: Request, fact_id: Annotated[int, Path(ge=1, le=2**62)], as_of: AsOf = None
) -> Response:
    data = data_of(request)
    found = data.fact(fact_id)
    if found is None:
        raise HTTPException(404, f"No fact {fact_id}.")
    detail = data.document(found.doc_id)
    if detail is None:  # pragma: no cover - a fact's document is kept by a foreign key
        raise HTTPException(404, f"No document {found.doc_id}.")
    agrees = data.same_facts(fact_id, known_by(as_of))
    conflicts = data.conflicting_facts(found, known_by(as_of))
    return render(
        request,
        "fact.html",
        title=f"Fact {fact_id}",
        section="",
        as_of=as_of,
        sf=found,
        doc=detail,
        parts=article_parts(detail.text, found.fact.evidence),
        later=bool(as_of) and (found.published or "") > (known_by(as_of) or ""),
        agrees=agrees,
        conflicts=conflicts,
    )


def overview_charts(record: Record) -> dict[str, Any]:
    """The three charts of the overview (cached with the record they are drawn from)."""
    return {
        "force_chart": charts.bar_chart(
            views.force_groups(record),
            views.FORCE_SERIES,
            label="Personnel pledged, arrived and present per state",
            ceiling=record.mission.ceiling,
            ceiling_label="mission ceiling",
            chart_id="force-chart",
        ),
        "strength_chart": charts.line_chart(
            views.strength_series(record),
            label="Strength over time per state",
            chart_id="strength-chart",
            max_points=60,
        ),
        "funding_chart": charts.bar_chart(
            views.funding_groups(record),
            views.FUNDING_SERIES,
            label="Funding pledged and deposited per donor, USD",
            chart_id="funding-chart",
            money=True,
            width=440,
            height=280,
        ),
    }


@router.get("/")
def overview(request: Request, as_of: AsOf = None) -> Response:
    data = data_of(request)
    record = data.record(known_by(as_of))
    mission = record.mission
    personnel = [(row, views.personnel_figures(row)) for row in record.personnel]
    funding = [(row, views.funding_figures(row)) for row in record.funding]
    return render(
        request,
        "overview.html",
        title="Overview",
        section="Overview",
        as_of=as_of,
        record=record,
        mission=mission,
        mandate=mission.mandate_on(record.as_of),
        personnel=personnel,
        funding=funding,
        events=record.events[:LATEST_EVENTS],
        **data.memo("overview-charts", known_by(as_of), lambda: overview_charts(record)),
    )


@router.get("/states/{actor}")
def state_page(
    request: Request,
    actor: Annotated[str, Path(max_length=16, pattern=r"^[A-Za-z]{2,16}$")],
    as_of: AsOf = None,
    offset: Offset = 0,
) -> Response:
    data = data_of(request)
    code = report.resolve_actor(actor, data.mission)  # a code, or a name: /states/kenya
    record = data.record(known_by(as_of))
    flt = FactFilter(actor=code, as_of=known_by(as_of))
    rows = data.fact_page(flt, STATE_FACTS + 1, offset)
    facts, more = rows[:STATE_FACTS], len(rows) > STATE_FACTS
    prow = next((r for r in record.personnel if r.actor == code), None)
    if prow is None and record.mission_level is not None and record.mission_level.actor == code:
        prow = record.mission_level
    frow = next((r for r in record.funding if r.actor == code), None)
    if not facts and offset == 0 and prow is None and frow is None:
        raise HTTPException(404, f"Nothing is known about {code}.")
    series = views.state_series(record, code)
    sources: dict[int, Any] = {}
    for sf in facts:
        sources.setdefault(sf.doc_id, sf)
    name = report.actor_name(code, record.mission)
    return render(
        request,
        "state.html",
        title=name,
        section="",
        as_of=as_of,
        actor=code,
        state_name=name,
        personnel=views.personnel_figures(prow) if prow else {},
        funding=views.funding_figures(frow) if frow else {},
        history_chart=charts.line_chart(
            series, label=f"{name}: personnel over time", chart_id="history-chart"
        ),
        facts=facts,
        more=more,
        sources=sorted(sources.values(), key=lambda s: s.published or "", reverse=True),
        csv_url=build_link("/api/v1/facts", as_of, {"actor": code, "format": "csv", "limit": 500}),
        pages={
            "prev": build_link(f"/states/{code}", as_of, {"offset": max(0, offset - STATE_FACTS)})
            if offset > 0
            else None,
            "next": build_link(f"/states/{code}", as_of, {"offset": offset + STATE_FACTS})
            if more
            else None,
        },
    )


def pager(path: str, as_of: str | None, offset: int, size: int, total: int) -> dict[str, Any]:
    """Links to the previous and next pages of a list (None at either end)."""
    return {
        "prev": build_link(path, as_of, {"offset": max(0, offset - size)}) if offset > 0 else None,
        "next": build_link(path, as_of, {"offset": offset + size})
        if offset + size < total
        else None,
        "offset": offset,
        "total": total,
    }


@router.get("/timeline")
def timeline_page(request: Request, as_of: AsOf = None, offset: Offset = 0) -> Response:
    data = data_of(request)
    day = known_by(as_of)
    record = data.record(day)
    rows = data.memo("timeline", day, lambda: report.timeline(record))
    return render(
        request,
        "timeline.html",
        title="Timeline",
        section="Timeline",
        as_of=as_of,
        items=rows[offset : offset + LIST_PAGE],
        pages=pager("/timeline", as_of, offset, LIST_PAGE, len(rows)),
        csv_url=build_link(
            "/api/v1/timeline", as_of, {"format": "csv", "limit": MAX_LIMIT, "offset": offset}
        ),
    )


@router.get("/conflicts")
def conflicts_page(request: Request, as_of: AsOf = None, offset: Offset = 0) -> Response:
    record = data_of(request).record(known_by(as_of))
    return render(
        request,
        "conflicts.html",
        title="Conflicts",
        section="Conflicts",
        as_of=as_of,
        conflicts=record.conflicts[offset : offset + LIST_PAGE],
        pages=pager("/conflicts", as_of, offset, LIST_PAGE, len(record.conflicts)),
        csv_url=build_link(
            "/api/v1/conflicts", as_of, {"format": "csv", "limit": MAX_LIMIT, "offset": offset}
        ),
    )


@router.get("/api")
def api_page(request: Request, as_of: AsOf = None) -> Response:
    """The API's endpoints and parameters, read from its OpenAPI document (Swagger UI would
    load its scripts from a CDN)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "description": p.get("description") or "",
                    "required": p.get("required", False),
                }
                for p in op.get("parameters", [])
            ]
            endpoints.append(
                {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                 "params": params}
            )  # fmt: skip
    return render(
        request,
        "api.html",
        title="JSON API",
        section="API",
        as_of=as_of,
        endpoints=endpoints,
        openapi_url=request.app.openapi_url,
    )
