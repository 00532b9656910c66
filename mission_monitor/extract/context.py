"""Helpers that read the words around a figure or a trigger: clauses, tense, qualifiers, the
date that belongs to a fact, and which actors count as actors (not places, not modifiers)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from mission_monitor.extract.annotate import ActorMention, DateSpan, Hit, Sentence
from mission_monitor.extract.rules import words
from mission_monitor.resolve.actors import mission
from mission_monitor.resolve.dates import Prefer, resolve_date

_CLAUSE_PUNCT = frozenset(
    {",", ";", ":", "(", ")", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d"}
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    relative: bool  # opened by "which", "who", "where"...
    opener: str  # the clause word that opened it ("that", "which"...), or ""


def usable(a: ActorMention) -> bool:
    """An actor, not a place ("in Haiti") nor part of a compound ("Kenya-led")."""
    return not a.location and not a.modifier


def contributor(a: ActorMention) -> bool:
    """A state that can send people or money: usable, not the host, not an organisation."""
    return usable(a) and a.kind in ("state", "official", "coref") and a.code != mission().host


_MONTHS = frozenset(
    [m.lower() for m in calendar.month_name[1:]]
    + [m.lower() for m in calendar.month_abbr[1:]]
    + ["sept"]
)


def _date_word(text: str) -> bool:
    return text[:1].isdigit() or (text[:1].isupper() and text.lower().rstrip(".") in _MONTHS)


def clauses(sent: Sentence, doc: Doc) -> list[Clause]:
    """The sentence split at commas, brackets and clause words (computed once a sentence:
    kept in ``doc.user_data``)."""
    cache: dict[tuple[int, int], list[Clause]] = doc.user_data.setdefault("mm_clauses", {})
    key = (sent.start, sent.end)
    got = cache.get(key)
    if got is None:
        got = cache[key] = _clauses(sent, doc)
    return got


def _clauses(sent: Sentence, doc: Doc) -> list[Clause]:
    out: list[Clause] = []
    start = sent.start
    clause_words = words("clause_words")
    relative = words("relative")
    date_preps = words("date_prepositions")
    toks = list(doc[sent.start : sent.end])
    lows = [t.lower_ for t in toks]
    first = lows[0] if toks else ""
    opener = first if first in clause_words else ""
    for n, t in enumerate(toks):
        i = sent.start + n
        low = lows[n]
        is_punct = t.text in _CLAUSE_PUNCT
        if low in date_preps and n + 1 < len(toks) and _date_word(toks[n + 1].text):
            continue  # "until 2 October 2025", "after March": a date, not a clause
        if is_punct or (low in clause_words and i > start):
            if i > start:
                out.append(Clause(start, i, opener in relative, opener))
            start = i + 1 if is_punct else i
            opener = "" if is_punct else low
            if is_punct and n + 1 < len(toks) and lows[n + 1] in clause_words:
                opener = lows[n + 1]
    if start < sent.end:
        out.append(Clause(start, sent.end, opener in relative, opener))
    # "The mission, led by Kenya, has ...": a participle clause is about something else too
    out = [
        Clause(c.start, c.end, True, c.opener or "participle")
        if c.end - c.start >= 2
        and doc[c.start].lower_.endswith(("ed", "led", "run", "set"))
        and doc[c.start + 1].lower_ == "by"
        else c
        for c in out
    ]
    return out or [Clause(sent.start, sent.end, False, "")]


def clause_index(cls: list[Clause], tok: int) -> int:
    for k, c in enumerate(cls):
        if c.start <= tok < c.end:
            return k
    return max(0, min(len(cls) - 1, next((k for k, c in enumerate(cls) if c.start > tok), 0)))


def clause_actors(
    sent: Sentence,
    doc: Doc,
    hits: Iterable[Hit],
    keep: frozenset[str] | None = None,
    borrow: bool = True,
) -> list[ActorMention]:
    """Actors in the clauses of the given trigger hits. A trigger clause with none borrows
    the nearest clause that has some; a "that he ..." clause adds the clause of its speaker."""
    cls = clauses(sent, doc)

    def actors_in(c: Clause) -> list[ActorMention]:
        return [
            a
            for a in sent.actors
            if c.start <= a.start < c.end and usable(a) and (keep is None or a.kind in keep)
        ]

    found: list[ActorMention] = []
    for h in hits:
        idx = clause_index(cls, h.start)
        own = actors_in(cls[idx])
        c = cls[idx]
        if (
            idx > 0
            and c.opener == "that"
            and c.start + 1 < c.end
            and doc[c.start + 1].lower_ in words("pronouns")
        ):
            own = own + actors_in(cls[idx - 1])
        if own:
            found.extend(own)
            continue
        if not borrow:
            continue
        for step in range(1, len(cls)):
            near = [k for k in (idx + step, idx - step) if 0 <= k < len(cls)]
            got = [a for k in near for a in actors_in(cls[k])]
            if got:
                found.extend(got)
                break
    return found


def nearest_before(
    sent: Sentence, doc: Doc, tok: int, accept: Iterable[str] | None = None
) -> ActorMention | None:
    """The actor named nearest before ``tok``: in its own clause first, then in the clauses
    before it, skipping relative clauses ("The US, which drafted the text with Ecuador, has
    promised ..." -> the US). ``accept``: the actor kinds wanted."""
    kinds = frozenset(accept) if accept is not None else None
    cls = clauses(sent, doc)
    idx = clause_index(cls, tok)
    own = cls[idx]
    for k in range(idx, -1, -1):
        c = cls[k]
        if k != idx and c.relative and not own.relative:
            continue
        cands = [
            a
            for a in sent.actors
            if c.start <= a.start < c.end
            and a.end <= tok
            and usable(a)
            and (kinds is None or a.kind in kinds)
        ]
        # within a clause a named state beats "the mission" ("Kenya is ready to lead a
        # multinational force and to send 1,000 officers")
        states = [a for a in cands if a.kind != "mission"]
        if states:
            return states[-1]
        if cands:
            return cands[-1]
    return None


def unreal(doc: Doc, hit: Hit, sent: Sentence) -> bool:
    """A wish, need or plan word earlier in the trigger's clause: "could vote", "still needs a
    mandate", "is expected to sign"."""
    cls = clauses(sent, doc)
    c = cls[clause_index(cls, hit.start)]
    for k in range(c.start, hit.start):
        low = doc[k].lower_.replace("\u2019", "'")
        if low in words("unreal"):
            return True
        if low in words("obligation") and k + 1 < hit.start and doc[k + 1].lower_ == "to":
            return True  # "still has to be approved", "is yet to vote"
        if low in ("expected", "set", "plans", "planned", "due", "hoped", "hopes") and (
            k + 1 < hit.start and doc[k + 1].lower_ == "to"
        ):
            return True
    return False


def hypothetical(doc: Doc, hit: Hit, sent: Sentence) -> bool:
    """A modal or plan word just before a trigger: "could vote", "is expected to sign"."""
    for k in range(max(sent.start, hit.start - 3), hit.start):
        low = doc[k].lower_.replace("\u2019", "'")
        if low in words("modals"):
            return True
        if low in ("expected", "set", "plans", "planned", "due", "hoped", "hopes") and (
            k + 1 < hit.start and doc[k + 1].lower_ == "to"
        ):
            return True
    return False


def _future_clause(doc: Doc, c: Clause) -> bool:
    return any(
        doc[i].lower_.replace("\u2019", "'") in words("future_words") for i in range(c.start, c.end)
    )


def pick_date(
    sent: Sentence,
    doc: Doc,
    anchor_char: int,
    published: str | None,
    prefer: Prefer | None = None,
    end_dates: bool = False,
    start_dates: bool = True,
) -> str | None:
    """The resolved date that goes with the trigger at ``anchor_char``: a date in its own
    clause first, else the nearest one outside relative clauses about something else.
    Incomplete dates lean to the future only where their clause speaks of the future.
    End dates ("until October 2025", "by November") count only with ``end_dates`` (a
    mandate's end), and then after any other date; start dates ("since June 2024") only with
    ``start_dates`` (not for a stock, which holds now)."""
    if not sent.dates:
        return None
    cls = clauses(sent, doc)
    a_idx = clause_index(cls, _token_at(doc, anchor_char, sent))

    def date_clause(ds_start: int) -> int:
        return clause_index(cls, _token_at(doc, ds_start, sent))

    ranked = []
    for d in sent.dates:
        k = date_clause(d.start_char)
        if k != a_idx and (
            cls[k].opener in words("side_clauses") or cls[a_idx].opener in words("own_dates")
        ):
            continue  # "Although the first contingent landed in June, the force numbers 600"
        is_end = _is_end_date(doc, d)
        if is_end and not end_dates:
            continue
        if not start_dates and d.text.split()[0].lower() == "since":
            continue
        dist = min(abs(d.start_char - anchor_char), abs(d.end_char - anchor_char))
        ranked.append((int(is_end), 0 if k == a_idx else 1, dist, d, k))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    for _end, _same, _dist, d, k in ranked:
        pref: Prefer = prefer or (
            "future" if _future_clause(doc, cls[k]) and not _told_on(doc, d) else "past"
        )
        got = resolve_date(d.text, published, pref)
        if got is not None:
            return got
    return None


def _told_on(doc: Doc, d: DateSpan) -> bool:
    """ "said on Friday", "NAIROBI, March 11 -": the day something was said or filed, which
    is past even in a clause about the future."""
    before = doc.text[max(0, d.start_char - 30) : d.start_char].split()
    if before and before[-1].lower() == "on":
        before = before[:-1]
    if before and before[-1].lower().strip(",") in words("reporting"):
        return True
    after = doc.text[d.end_char : d.end_char + 40].lstrip()
    if after.startswith("("):
        after = after[after.find(")") + 1 :].lstrip()
    # a dateline: "CITY, Month Day (Agency) - "
    return after[:1] in ("-", "\u2013", "\u2014") and before[-1:] != [] and before[-1].endswith(",")


def _token_at(doc: Doc, char: int, sent: Sentence) -> int:
    """The index of the token that holds (or follows) character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return sent.start
    return min(max(span.start, sent.start), sent.end - 1)


def _is_end_date(doc: Doc, d: DateSpan) -> bool:
    """ "until 2 October 2025", "to October 2025", "by November": the end of something."""
    first = d.text.split()[0].lower() if d.text.split() else ""
    if first in words("end_date"):
        return True
    before = doc.text[: d.start_char].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in words("end_date")


def present_date(sent: Sentence, published: str | None) -> str | None:
    """The publication date where the sentence speaks of now ("currently", "now")."""
    return published if sent.has("present_marker") else None
