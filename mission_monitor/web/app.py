"""The application factory: ``create_app(store)`` gives a FastAPI app over one database.

Pages (server-rendered Jinja2, SVG charts) live in :mod:`.pages`, the JSON API under
``/api/v1`` in :mod:`.api`, the error shape in :mod:`.errors`. Nothing here loads anything from
the network: the stylesheet is served from ``static/`` and the charts are drawn on the server.
There are no write endpoints.

Example::

    from mission_monitor.mission import Mission, load_mission
from mission_monitor.store import Store
    from mission_monitor.web.app import create_app
    app = create_app(Store.open("mission-monitor.db"))
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from mission_monitor.mission import Mission, load_mission
from mission_monitor.store import Store
from mission_monitor.web import api, pages
from mission_monitor.web.data import WebData
from mission_monitor.web.errors import ERROR_SCHEMA, install_error_handlers
from mission_monitor.web.templating import install_template_helpers

HERE = Path(__file__).resolve().parent
OPENAPI_URL = "/api/v1/openapi.json"

# Defence in depth behind the escaping: no script runs at all (the pages have none), nothing is
# loaded from elsewhere, no page can be framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(
    db_or_store: Store | str | Path,
    *,
    mission: Mission | str | Path | None = None,
    cache_size: int = 32,
    records: int = 4,
    warm: bool = False,
) -> FastAPI:
    """A read-only dashboard and JSON API over ``db_or_store``.

    ``db_or_store`` is an open :class:`~mission_monitor.store.Store`, a SQLite file path or a
    SQLAlchemy URL. ``mission`` is the mission the reports are read against: a
    :class:`~mission_monitor.mission.Mission`, a mission file, or None for the bundled MSS.
    Reconciled records are cached per database state and as-of date (``records`` of them: each
    holds every fact known on its date) and views made from them (``cache_size``);
    ``warm`` reconciles today's record in a background thread at once (``serve`` does), since
    on a large database the first reconciliation takes minutes.
    """
    store = db_or_store if isinstance(db_or_store, Store) else Store.open(str(db_or_store))
    app = FastAPI(
        title="Mission Monitor",
        version="1",
        summary="Sourced, time-aware facts about a multinational security mission.",
        openapi_url=OPENAPI_URL,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: the /api page lists
        redoc_url=None,  # the endpoints instead, and the OpenAPI document is served as JSON.
    )
    if not isinstance(mission, Mission):
        mission = load_mission(mission)
    app.state.data = data = WebData(store, mission, cache_size=cache_size, records=records)
    if warm:
        threading.Thread(target=data.warm, name="mission-monitor-warm", daemon=True).start()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    install_template_helpers(templates)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = base_openapi()
            schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
