"""One error shape for the whole web layer.

The JSON API answers every error with::

    {"ok": false, "error": "<one line>", "errors": [<details>], "status": <HTTP status>}

and the HTML pages show the same message in a page. Bad query parameters are 422, unknown
things 404, a database that cannot be read 503, and anything unexpected a 500 that never shows
a traceback (it is logged instead). The core's exceptions (:mod:`mission_monitor.errors`) know
nothing of HTTP: the mapping to status codes is here.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from mission_monitor.errors import StoreError

log = logging.getLogger(__name__)

API_PREFIX = "/api/"

# The JSON schema of the error body, for the OpenAPI document.
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["ok", "error", "errors", "status"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "error": {"type": "string"},
        "errors": {"type": "array", "items": {}},
        "status": {"type": "integer"},
    },
}

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    for code, text in (
        (404, "Not found"),
        (422, "Invalid query parameters"),
        (500, "Internal error"),
        (503, "Database unavailable"),
    )
}


def error_body(status: int, error: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"ok": False, "error": error, "errors": errors or [], "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def error_response(
    request: Request, status: int, error: str, errors: list[Any] | None = None
) -> Response:
    """JSON for the API, an HTML page (same message, escaped by the template) for the rest."""
    if _wants_json(request):
        return JSONResponse(error_body(status, error, errors), status_code=status)
    templates: Jinja2Templates | None = getattr(request.app.state, "templates", None)
    context = {
        "status": status,
        "error": error,
        "errors": errors or [],
        "title": f"Error {status}",
        "section": "",
        "as_of": None,
        "keep_params": {},
    }
    try:
        if templates is not None:
            return templates.TemplateResponse(request, "error.html", context, status_code=status)
    except Exception:  # the error page itself failed: plain text, still escaped
        log.exception("the error page failed")
    return HTMLResponse(
        f"<!doctype html><title>Error {status}</title><p>{escape(error)}</p>",
        status_code=status,
    )


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        details.append(
            {
                "loc": loc,
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
    return details


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc)
    names = ", ".join(sorted({d["loc"][-1] for d in details if d["loc"]})) or "request"
    return error_response(request, 422, f"Invalid parameter: {names}", details)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
    response = error_response(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def on_store_error(request: Request, exc: Exception) -> Response:
    log.error("database error on %s: %s", request.url.path, exc)
    return error_response(request, 503, "The database could not be read.")


async def on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "Internal error.")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app`` and the error schema in its OpenAPI document."""
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(StoreError, on_store_error)
    app.add_exception_handler(Exception, on_unexpected)
