"""Events: a dated political, legal or operational step (FACTS.md event types).

Each type is a phrase family in ``data/rules.yaml`` (triggers, words it needs beside it, words
that block it). A sentence may state several events, but a trigger word serves the first
type (in the table's order) only. Deployment events come from ``personnel.py``.
"""

from __future__ import annotations

from mission_monitor.extract.annotate import ActorMention, Annotated, Hit
from mission_monitor.extract.context import (
    clause_actors,
    hypothetical,
    pick_date,
    present_date,
    unreal,
    usable,
)
from mission_monitor.extract.rules import EventRule, rules
from mission_monitor.models import Evidence, Fact
from mission_monitor.resolve.actors import mission, org_codes

_VOTE_REACH = 2  # sentences: a mandate with no date of its own takes a vote this close before
_EVENT_ACTOR_KINDS = frozenset({"state", "official", "coref", "org"})


def _codes(mentions: list[ActorMention]) -> list[str]:
    m = mission()
    return sorted({a.code for a in mentions if a.kind in _EVENT_ACTOR_KINDS and a.code != m.code})


def _previous_states(ann: Annotated, idx: int) -> list[str]:
    """States named (as actors) in the sentence before, for "the government" / "the court"."""
    m = mission()
    for k in range(idx - 1, max(-1, idx - 3), -1):
        codes = sorted(
            {
                a.code
                for a in ann.sentences[k].actors
                if usable(a) and a.kind in ("state", "official", "coref") and a.code != m.host
            }
        )
        if codes:
            return codes[:1]
    return []


def _actors(
    rule: EventRule, ann: Annotated, idx: int, hits: list[Hit], borrow: bool = True
) -> tuple[str, ...] | None:
    sent = ann.sentences[idx]
    doc = ann.doc
    m = mission()
    t = rule.type
    if t in ("un_resolution", "mandate"):
        return (m.authority,)
    if t in ("court_ruling", "other"):
        anchor = hits[0].start
        states = [
            a
            for a in sent.actors
            if usable(a) and a.kind in ("state", "official", "coref") and a.code != m.host
        ]
        if states:
            nearest = min(states, key=lambda a: abs(a.start - anchor))
            return (nearest.code,)
        prev = _previous_states(ann, idx)
        return tuple(prev) if prev else None
    if t == "state_of_emergency":
        # the state that declares it: the one named nearest to the phrase, places included
        states = [a for a in sent.actors if a.kind in ("state", "official", "coref")]
        if not states:
            return (m.host,)
        anchor = hits[0].start
        return (min(states, key=lambda a: abs(a.start - anchor)).code,)
    found = clause_actors(sent, doc, hits, borrow=borrow)
    codes = _codes(found)
    if t == "meeting":
        orgs = [c for c in codes if c in _org_codes()]
        if len(codes) >= 2:
            return tuple(codes)
        # one organisation's meeting counts when the sentence dates it ("the OAS meeting this week")
        if len(codes) == 1 and orgs and sent.dates:
            return tuple(codes)
        return None
    if t == "diplomatic_relations":
        codes = _codes(
            [a for a in sent.actors if usable(a) and a.kind in ("state", "official", "coref")]
        )
        return tuple(codes) if len(codes) >= 2 else None
    if t == "agreement" and len(codes) == 1:
        # "the government signed an agreement with Haiti": the other party is the subject,
        # named earlier (in this sentence, even as a place, or the sentences before)
        party = next(a for a in found if a.code == codes[0])
        if party.start > 0 and doc[party.start - 1].lower_ == "with":
            here = [
                a.code
                for a in sent.actors
                if a.start < party.start
                and a.kind in ("state", "official", "coref")
                and a.code not in (codes[0], m.code)
            ]
            other = here[-1:] or [c for c in _previous_states(ann, idx) if c != codes[0]]
            return tuple(sorted(set(codes + other)))
    if t in ("agreement", "designation"):
        return tuple(codes) if codes else None
    return tuple(codes) if codes else None


def _org_codes() -> frozenset[str]:
    return org_codes()


def extract_events(ann: Annotated, published: str | None) -> list[Fact]:
    """Events sentence by sentence. Several types may fire in one sentence ("the Council
    extended the mandate": a resolution and a mandate), but a trigger word serves one type
    only, and a second event needs its actors in its own clause."""
    doc = ann.doc
    out: list[Fact] = []
    votes: list[tuple[int, str]] = []  # (sentence, date) of each dated resolution
    for idx, sent in enumerate(ann.sentences):
        used: set[int] = set()
        fired = 0
        for rule in rules().events:
            hits = sent.hits_of(f"event:{rule.type}") or sent.hits_of(f"weak:{rule.type}")
            hits = [h for h in hits if not used.intersection(range(h.start, h.end))]
            hits = hits or sent.hits_of(f"shared:{rule.type}")
            if not hits:
                continue
            if rule.with_ and not sent.has(f"with:{rule.type}"):
                continue
            if rule.requires and not sent.has(f"requires:{rule.type}"):
                continue
            if sent.has(f"blocked:{rule.type}"):
                continue
            if rule.hypothetical:
                hits = [
                    h for h in hits if not hypothetical(doc, h, sent) and not unreal(doc, h, sent)
                ]
                if not hits:
                    continue
                steps = sent.hits_of(f"with:{rule.type}")
                if steps and all(hypothetical(doc, h, sent) or unreal(doc, h, sent) for h in steps):
                    continue  # "the deal is yet to be signed": its verb is still to come
            actors = _actors(rule, ann, idx, hits, borrow=fired == 0)
            if not actors:
                continue
            for h in hits:
                used.update(range(h.start, h.end))
            fired += 1
            anchor = doc[hits[0].start].idx
            date = pick_date(
                sent, doc, anchor, published, end_dates=rule.type == "mandate"
            ) or present_date(sent, published)
            if date is None and rule.type == "mandate":
                # "The new mandate runs for twelve months.": set by the vote just told
                date = votes[-1][1] if votes and idx - votes[-1][0] <= _VOTE_REACH else None
            if rule.type == "un_resolution" and date is not None:
                votes.append((idx, date))
            out.append(
                Fact(
                    kind="event",
                    type=rule.type,
                    actors=actors,
                    date=date,
                    evidence=Evidence(
                        ann.text[sent.start_char : sent.end_char],
                        sent.start_char,
                        sent.end_char,
                        f"event:{rule.type}",
                    ),
                )
            )
    return out
