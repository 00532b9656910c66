"""The order of the stages, in one place: read -> clean -> extract (-> store, in ``ingest``).

Only this module knows the sequence; the stages know nothing of each other.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mission_monitor.clean import clean_document
from mission_monitor.errors import InputError, StoreError
from mission_monitor.extract import extract_facts
from mission_monitor.mission import Mission
from mission_monitor.models import CleanDocument, Fact, RawInput
from mission_monitor.read import iter_inputs

if TYPE_CHECKING:
    from mission_monitor.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Processed:
    """A document after cleaning and extraction. ``note`` says why extraction was skipped."""

    raw: RawInput
    clean: CleanDocument
    facts: list[Fact]
    published: str | None = None  # the publication date extraction used
    note: str | None = None


def process(
    raw: RawInput,
    published: str | None = None,
    default_published: str | None = None,
    mission: Mission | None = None,
) -> Processed:
    """Clean one input and extract its facts about ``mission`` (the default mission when
    ``None``).

    ``published`` overrides the document's own publication date; ``default_published`` is used
    only where the document gives none.
    """
    clean = clean_document(raw)
    pub = published or clean.published or raw.published or default_published
    if clean.language not in (None, "en"):
        note = f"language {clean.language!r} is not English: extraction skipped"
        return Processed(raw, clean, [], pub, note)
    facts = extract_facts(clean.text, published=pub, mission=mission)
    return Processed(raw, clean, facts, pub)


# -- ingest: read -> process -> store ---------------------------------------------------------

NO_TEXT = "no article text found"


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One input handled by :func:`ingest` or :func:`reextract`, for progress reporting.

    ``status`` is ``new``, ``unchanged``, ``failed`` or ``replaced``; ``problem`` says why an
    input failed."""

    source: str
    status: str
    problem: str | None = None
    facts: int = 0


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did: documents new, unchanged and failed (with their problems), and
    the facts stored, by kind."""

    new: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    facts_by_kind: Counter[str] = field(default_factory=Counter)
    notes: list[tuple[str, str]] = field(default_factory=list)
    replaced_facts: int = 0  # reextract: machine-made facts removed

    @property
    def facts(self) -> int:
        return sum(self.facts_by_kind.values())

    @property
    def ok(self) -> bool:
        return not self.failed


ProgressFn = Callable[[IngestEvent], None]


def _process_checked(
    raw: RawInput,
    published: str | None,
    default_published: str | None = None,
    mission: Mission | None = None,
) -> Processed:
    processed = process(raw, published, default_published, mission)
    if not processed.clean.text.strip():
        raise InputError(raw.source, NO_TEXT)
    return processed


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    *,
    published: str | None = None,
    progress: ProgressFn | None = None,
    mission: Mission | None = None,
) -> IngestSummary:
    """Read, clean, extract (the facts about ``mission``: the default mission when ``None``)
    and store every document under ``paths``, one transaction each.

    A bad input (unreadable, binary, empty, no article text, a broken dump line, or a document
    the database refused) is recorded in ``summary.failed`` with its problem and the others go
    on; a refused document leaves nothing behind (its transaction is rolled back).
    ``published`` forces the publication date of every document of this run.
    """
    summary = IngestSummary()

    def report(event: IngestEvent) -> None:
        if progress is not None:
            progress(event)

    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            summary.failed.append((item.source, item.problem))
            report(IngestEvent(item.source, "failed", item.problem))
            continue
        try:
            known = store.find_content(item.content)
            if known is not None:
                summary.unchanged += 1
                report(IngestEvent(item.source, "unchanged"))
                continue
            processed = _process_checked(item, published, mission=mission)
            result = store.add(processed, published=published)
        except InputError as exc:
            summary.failed.append((exc.source, exc.problem))
            report(IngestEvent(exc.source, "failed", exc.problem))
            continue
        except StoreError as exc:
            # this document was rolled back whole; the others may still be stored
            problem = f"not stored: {exc}"
            summary.failed.append((item.source, problem))
            report(IngestEvent(item.source, "failed", problem))
            continue
        except Exception as exc:  # a bug in a stage must not lose the other documents
            log.exception("%s: processing failed", item.source)
            problem = f"processing failed ({type(exc).__name__}: {exc})"
            summary.failed.append((item.source, problem))
            report(IngestEvent(item.source, "failed", problem))
            continue
        if processed.note:
            summary.notes.append((item.source, processed.note))
        if result.status == "new":
            summary.new += 1
            summary.facts_by_kind.update(result.facts_by_kind)
        else:
            summary.unchanged += 1
        report(IngestEvent(item.source, result.status, None, result.facts_added))
    return summary


def reextract(
    store: Store, *, progress: ProgressFn | None = None, mission: Mission | None = None
) -> IngestSummary:
    """Re-run cleaning and extraction (about ``mission``) on every stored raw input and
    replace each document's
    machine-made facts (one transaction per document). Documents that now fail keep their
    facts and are listed in ``summary.failed``."""
    summary = IngestSummary()
    for stored in store.stored_inputs():
        try:
            processed = _process_checked(stored.raw, stored.published, mission=mission)
        except InputError as exc:
            summary.failed.append((exc.source, exc.problem))
            if progress is not None:
                progress(IngestEvent(exc.source, "failed", exc.problem))
            continue
        except Exception as exc:
            log.exception("%s: processing failed", stored.raw.source)
            problem = f"processing failed ({type(exc).__name__}: {exc})"
            summary.failed.append((stored.raw.source, problem))
            if progress is not None:
                progress(IngestEvent(stored.raw.source, "failed", problem))
            continue
        result = store.replace_facts(stored.doc_id, processed)
        summary.unchanged += 1
        summary.replaced_facts += result.removed
        summary.facts_by_kind.update(f.kind for f in processed.facts)
        if progress is not None:
            progress(IngestEvent(stored.raw.source, "replaced", None, result.added))
    return summary
