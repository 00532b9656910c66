"""Helpers that read the words around a figure or a trigger: clauses, tense, qualifiers, the
date that belongs to a fact, and which actors count as actors (not places, not modifiers)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from mission_monitor.extract.annotate import ActorMention, Hit, Sentence
from mission_monitor.resolve.actors import mission
from mission_monitor.resolve.dates import Prefer, resolve_date

_CLAUSE_PUNCT = frozenset(
    {",", ";", ":", "(", ")", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d"}
)
_CLAUSE_WORDS = frozenset(
    {
        "that",
        "which",
        "who",
        "where",
        "while",
        "but",
        "whereas",
        "although",
        "though",
        "because",
        "after",
        "before",
        "when",
        "amid",
        "despite",
    }
)
_MODALS = frozenset({"could", "may", "might", "would", "will", "should", "shall", "'ll", "can"})
_FUTURE_WORDS = frozenset(
    {
        "will",
        "would",
        "'ll",
        "shall",
        "scheduled",
        "upcoming",
        "next",
        "planned",
        "plans",
        "set",
        "due",
        "expected",
        "tomorrow",
        "later",
    }
)


def usable(a: ActorMention) -> bool:
    """An actor, not a place ("in Haiti") nor part of a compound ("Kenya-led")."""
    return not a.location and not a.modifier


def contributor(a: ActorMention) -> bool:
    """A state that can send people or money: usable, not the host, not an organisation."""
    return usable(a) and a.kind in ("state", "official", "coref") and a.code != mission().host


def clauses(sent: Sentence, doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentence split at commas, brackets and clause words."""
    out: list[tuple[int, int]] = []
    start = sent.start
    for i in range(sent.start, sent.end):
        t = doc[i]
        if t.text in _CLAUSE_PUNCT or (t.lower_ in _CLAUSE_WORDS and i > start):
            if i > start:
                out.append((start, i))
            start = i + 1 if t.text in _CLAUSE_PUNCT else i
    if start < sent.end:
        out.append((start, sent.end))
    return out or [(sent.start, sent.end)]


def clause_actors(
    sent: Sentence, doc: Doc, hits: Iterable[Hit], keep: frozenset[str] | None = None
) -> list[ActorMention]:
    """Actors in the clauses of the given trigger hits; a trigger clause with none borrows
    the nearest clause that has some."""
    cls = clauses(sent, doc)

    def actors_in(rng: tuple[int, int]) -> list[ActorMention]:
        return [
            a
            for a in sent.actors
            if rng[0] <= a.start < rng[1] and usable(a) and (keep is None or a.kind in keep)
        ]

    found: list[ActorMention] = []
    for h in hits:
        idx = next((k for k, (s, e) in enumerate(cls) if s <= h.start < e), None)
        if idx is None:
            continue
        own = actors_in(cls[idx])
        if own:
            found.extend(own)
            continue
        for step in range(1, len(cls)):
            near = [k for k in (idx + step, idx - step) if 0 <= k < len(cls)]
            got = [a for k in near for a in actors_in(cls[k])]
            if got:
                found.extend(got)
                break
    return found


def hypothetical(doc: Doc, hit: Hit, sent: Sentence) -> bool:
    """A modal or plan word just before a trigger: "could vote", "is expected to sign"."""
    for k in range(max(sent.start, hit.start - 3), hit.start):
        low = doc[k].lower_.replace("\u2019", "'")
        if low in _MODALS:
            return True
        if low in ("expected", "set", "plans", "planned", "due", "hoped", "hopes") and (
            k + 1 < hit.start and doc[k + 1].lower_ == "to"
        ):
            return True
    return False


def future_tense(sent: Sentence, doc: Doc) -> bool:
    return any(
        doc[i].lower_.replace("\u2019", "'") in _FUTURE_WORDS for i in range(sent.start, sent.end)
    )


def pick_date(
    sent: Sentence,
    doc: Doc,
    anchor_char: int,
    published: str | None,
    prefer: Prefer | None = None,
) -> str | None:
    """The resolved date of the date span nearest to ``anchor_char`` in the sentence."""
    if not sent.dates:
        return None
    if prefer is None:
        prefer = "future" if future_tense(sent, doc) else "past"
    ordered = sorted(
        sent.dates,
        key=lambda d: min(abs(d.start_char - anchor_char), abs(d.end_char - anchor_char)),
    )
    for d in ordered:
        got = resolve_date(d.text, published, prefer)
        if got is not None:
            return got
    return None


def present_date(sent: Sentence, published: str | None) -> str | None:
    """The publication date where the sentence speaks of now ("currently", "now")."""
    return published if sent.has("present_marker") else None
