"""clean stage: the article text out of its clutter, with page metadata.

STUB, to be replaced by the cleaning work (issue 3).
"""

from __future__ import annotations

from mission_monitor.models import CleanDocument, RawInput


def clean_document(raw: RawInput) -> CleanDocument:
    """Clean one input: HTML through trafilatura, text dumps through the line classifier."""
    if raw.format == "html":
        import trafilatura

        text = trafilatura.extract(raw.content) or ""
    else:
        text = raw.content
    return CleanDocument(doc=raw.doc, text=text, title=raw.title, published=raw.published,
                         url=raw.url, site=raw.outlet)
