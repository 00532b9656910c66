"""The evidence sentence inside its article: the text cut in three, for the template to escape
each part and wrap the middle one in ``<mark>``. No markup is ever built from the text itself."""

from __future__ import annotations

from dataclasses import dataclass

from mission_monitor.models import Evidence


@dataclass(frozen=True, slots=True)
class ArticleParts:
    before: str
    evidence: str
    after: str
    exact: bool  # the stored offsets point at the sentence (else it was found by search)


def article_parts(text: str, evidence: Evidence | None) -> ArticleParts | None:
    """``text`` around the evidence sentence, or None where the sentence is not in the text
    (a document re-cleaned since the fact was stored)."""
    if evidence is None or not evidence.sentence:
        return None
    start, end = evidence.start, evidence.end
    if 0 <= start <= end <= len(text) and text[start:end] == evidence.sentence:
        return ArticleParts(text[:start], text[start:end], text[end:], True)
    found = text.find(evidence.sentence)
    if found < 0:
        return None
    stop = found + len(evidence.sentence)
    return ArticleParts(text[:found], text[found:stop], text[stop:], False)
