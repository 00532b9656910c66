"""Template helpers: links that carry the as-of date, number formats, safe outbound links.

Jinja2's autoescape is on for every ``.html`` template, so article text, titles and URLs are
always shown as text. The one place where escaping is not enough is an ``href``: a
``javascript:`` URL is escaped text and still runs when clicked, so :func:`safe_url` lets only
``http(s)`` URLs become links.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from mission_monitor.web.charts import number


def build_link(path: str, as_of: str | None, params: dict[str, Any]) -> str:
    """``path`` with its query: ``params`` that are set, then ``as_of`` when there is one."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if as_of and "as_of" not in query:
        query["as_of"] = as_of
    return f"{path}?{urlencode(query)}" if query else path


@pass_context
def link(context: Context, path: str, **params: Any) -> str:
    """A link inside the dashboard that keeps the page's as-of date."""
    return build_link(path, context.get("as_of"), params)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None (shown as text, never linked)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def money(value: float | None, currency: str | None = "USD") -> str:
    if value is None:
        return "?"
    prefix = "$" if currency in (None, "USD") else f"{currency} "
    return f"{prefix}{number(value)}"


def install_template_helpers(templates: Jinja2Templates) -> None:
    env = templates.env
    env.globals["link"] = link
    env.globals["safe_url"] = safe_url
    env.filters["number"] = number
    env.filters["money"] = money
