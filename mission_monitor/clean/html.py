"""Pages: the main text through trafilatura; title, site and canonical URL through trafilatura's
metadata; the publication date through htmldate.

The extraction settings (:data:`EXTRACT_SETTINGS`) were chosen by measuring token F1 on the
article-extraction benchmark with ``benchmarks/bench_clean.py`` (figures for every variant
tried are in ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement

# htmldate's settings, passed through trafilatura's metadata (which calls htmldate once):
# the original publication date rather than the last update, from the page's markup and
# URL only (the extensive search through the text picks up dates of the events reported).
DATE_SETTINGS: dict[str, Any] = {"original_date": True, "extensive_search": False}

# Chosen on the benchmark (see the module docstring): comments are not the article, and
# favouring precision leaves out more of the page furniture around it.
EXTRACT_SETTINGS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}


@dataclass(frozen=True, slots=True)
class Page:
    """What a page yields: its article text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None
    published: str | None
    site: str | None
    url: str | None


def _paragraphs(text: str | None) -> str:
    """trafilatura puts one paragraph a line; extraction wants them apart by a blank line."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _site(meta_site: str | None, url: str | None) -> str | None:
    if meta_site:
        return meta_site.strip() or None
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def extract_page(html: str, url: str | None = None) -> Page:
    """The article text and metadata of one HTML page (empty text when none is found)."""
    tree: HtmlElement | None = trafilatura.load_html(html)
    if tree is None:
        return Page("", None, None, None, url)
    dates = {**DATE_SETTINGS, "max_date": datetime.date.today().isoformat()}
    meta = trafilatura.extract_metadata(tree, default_url=url, date_config=dates)
    text = trafilatura.extract(tree, url=url, **EXTRACT_SETTINGS)
    title, canonical, sitename, published = meta.title, meta.url, meta.sitename, meta.date
    return Page(
        text=_paragraphs(text),
        title=title.strip() if title else None,
        published=published,
        site=_site(sitename, canonical or url),
        url=canonical or url,
    )
