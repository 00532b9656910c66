"""The order of the stages, in one place: read -> clean -> extract (-> store, in ``ingest``).

Only this module knows the sequence; the stages know nothing of each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from mission_monitor.clean import clean_document
from mission_monitor.extract import extract_facts
from mission_monitor.models import CleanDocument, Fact, RawInput


@dataclass(frozen=True, slots=True)
class Processed:
    """A document after cleaning and extraction. ``note`` says why extraction was skipped."""

    raw: RawInput
    clean: CleanDocument
    facts: list[Fact]
    published: str | None = None  # the publication date extraction used
    note: str | None = None


def process(
    raw: RawInput, published: str | None = None, default_published: str | None = None
) -> Processed:
    """Clean one input and extract its facts.

    ``published`` overrides the document's own publication date; ``default_published`` is used
    only where the document gives none.
    """
    clean = clean_document(raw)
    pub = published or clean.published or raw.published or default_published
    if clean.language not in (None, "en"):
        note = f"language {clean.language!r} is not English: extraction skipped"
        return Processed(raw, clean, [], pub, note)
    facts = extract_facts(clean.text, published=pub)
    return Processed(raw, clean, facts, pub)
