"""event facts: a trigger (a verb or a noun) with its arguments, where the step has happened
(``data/events.yaml`` holds the rules)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache
from typing import Any

from spacy.tokens import Token

from mission_monitor.extract import grammar
from mission_monitor.extract.annotate import DateSpan, Sentence
from mission_monitor.extract.context import Context
from mission_monitor.extract.engine import Match, Matches
from mission_monitor.extract.lexicon import words
from mission_monitor.models import Fact

UNREAL = frozenset({"future", "planned", "modal", "conditional", "negated", "question", "urged"})
# verbs whose object is a ruling that exists but is not the news: "vowed to appeal the ruling"
_AGAINST = frozenset({"appeal", "challenge", "await", "expect", "seek", "contest", "respect"})
_EXPIRY = frozenset({"expire", "end", "lapse", "run", "expiry", "expiration"})
_EXTEND = frozenset({"extend", "renew", "prolong", "extension", "renewal"})
_TERM_END = frozenset({"until", "till", "through", "to", "into"})


@cache
def _nominal() -> frozenset[str]:
    return words("ruling_nouns") | words("agreement_nouns") | words("meeting_nouns")


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    votes: dict[int, str] = {}  # sentence -> the date of a Council vote it tells
    undated: list[tuple[int, int]] = []  # (fact, sentence): mandates with no time of their own
    for sent in ctx.parsed():
        m = ctx.matches(sent)
        for i in m.anchors("event"):
            trigger = sent.parsed[i] if sent.parsed is not None else None
            if trigger is None or m.first("event_block", trigger) is not None:
                continue
            feats = grammar.features(trigger, m)
            seen: set[str] = set()
            for found in m.of("event", trigger, feats):
                kind = str(found.yields["type"])
                if kind in seen:
                    continue
                fact = _fact(ctx, sent, m, found, feats)
                if fact is not None:
                    seen.add(kind)
                    if kind == "un_resolution" and fact.date is not None:
                        votes.setdefault(sent.index, fact.date)
                    if kind == "mandate" and fact.date in (None, ctx.published):
                        undated.append((len(out), sent.index))
                    out.append(fact)
    for k, index in undated:
        # "On Friday the Council adopted resolution 2901. The mandate lasts nine months."
        vote = votes.get(index) or votes.get(index - 1)
        if vote is not None:
            out[k] = dataclasses.replace(out[k], date=vote)
    return out


def _codes(ctx: Context, sent: Sentence, toks: Iterable[Token], spec: dict[str, Any]) -> list[str]:
    kinds = {"state", "force", "coref"}
    if spec.get("people"):
        kinds |= {"official", "org"}
    else:
        kinds.add("official")
    found: list[str] = []
    for t in toks:
        a = sent.actor_at(sent.whole(t))
        if a is None:
            continue
        if a.kind == "mission" and spec.get("lead_for_mission") and ctx.mission.lead:
            code = ctx.mission.lead
        elif a.kind not in kinds or not a.usable:
            continue
        else:
            code = a.code
        if code == ctx.host and not spec.get("host"):
            continue
        if a.kind == "org" and code in ("UN", "UNSC"):
            continue
        if code not in found:
            found.append(code)
    return found


def _actors(ctx: Context, sent: Sentence, found: Match) -> list[str] | None:
    spec = found.yields["actors"]
    if isinstance(spec, list):
        return sorted(str(a) for a in spec)
    assert isinstance(spec, dict)
    toks: list[Token] = []
    for name in spec.get("from", []):
        node = found.get(name)
        if node is None and name == "head":
            node = found["trigger"].head
        if node is None and name == "subject":
            node = _subject(found["trigger"])
            if node is None and found["trigger"].pos_ == "NOUN":
                # "Biden said at a news conference with Ruto": the speaker of the clause
                verb = grammar.governing_predicate(found["trigger"], frozenset())
                node = _subject(verb) if verb is not None else None
        if node is not None:
            toks.extend(_phrase(node))
    codes = _codes(ctx, sent, toks, spec)
    subj = _subject(found["trigger"])
    if (
        subj is not None
        and spec.get("default") != "host"  # "the government declared a state of emergency"
        and subj.lower_ in words("generic_state_nouns")
        and not any(t._.mm_actor for t in subj.subtree)
    ):
        main = ctx.main_state  # "the government then signed an accord with Haiti"
        if main is not None and main not in codes and subj.i in {t.i for t in toks}:
            codes.append(main)
    if not codes and spec.get("default") == "lead" and ctx.mission.lead:
        codes = [ctx.mission.lead]
    if not codes and spec.get("default") == "host" and ctx.host:
        codes = [ctx.host]
    if (
        not codes
        and spec.get("default") == "document"
        and _a_group_that_went(found)
        and (main := ctx.dominant_state or ctx.only_state) is not None
        and main != ctx.host
    ):
        codes = [main]  # "The officers arrived in Haiti on Tuesday" in a report on Kenya's
    need = int(spec.get("min", 1))
    if len(codes) < need and spec.get("document"):
        codes = _document_states(ctx, need)
    if len(codes) < need:
        return None
    return sorted(codes)


def _a_group_that_went(found: Match) -> bool:
    """ "The officers arrived on Tuesday": a finite verb of movement whose subject is the
    group itself (not "barred from deploying police", not "a commitment to deploying")."""
    trigger, who = found["trigger"], found.get("who")
    if who is None or who.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if trigger.tag_ == "VBD":
        return True
    return trigger.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in trigger.children)


def _phrase(node: Token) -> list[Token]:
    """A node's phrase without the clauses that hang on it ("the troops, who landed via a
    Canadian aircraft": the troops are not Canadian)."""
    out = [node]
    for ch in node.children:
        if ch.dep_ == "relcl" and node.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        out.extend(_phrase(ch))
    return out


def _subject(pred: Token) -> Token | None:
    """The subject of ``pred``, or of the verb it is coordinated with."""
    t = pred
    for _ in range(3):
        own = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None:
            return own
        if t.dep_ != "conj" or t.head.i == t.i:
            return None
        t = t.head
    return None


def _document_states(ctx: Context, need: int) -> list[str]:
    counts: dict[str, int] = {}
    for s in ctx.ann.sentences:
        for a in s.actors:
            if a.kind in ("state", "official", "coref"):
                counts[a.code] = counts.get(a.code, 0) + 1
    return [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:need]]


def _about_mission(ctx: Context, sent: Sentence) -> bool:
    k = sent.index
    for s in ctx.ann.sentences[max(0, k - 1) : k + 2]:
        if any(a.kind == "mission" or a.code == ctx.host for a in s.actors):
            return True
        if any(t.lower_ in ("mission", "deployment", "force", "troops", "police") for t in s.span):
            return True
    return False


def _checks(ctx: Context, sent: Sentence, m: Matches, found: Match) -> bool:
    y = found.yields
    trigger = found["trigger"]
    if y.get("about_mission") and not _about_mission(ctx, sent):
        return False
    if y.get("object_in"):
        what = found.get("what")
        allowed = words(str(y["object_in"]))
        if what is None or not any(t.lower_ in allowed for t in what.subtree):
            return False
    for name in y.get("needs_person", []):
        node = found.get(name)
        near = (
            [node, *(c for c in node.children if c.dep_ in ("compound", "appos", "amod"))]
            if node
            else []
        )
        if not any(
            t._.mm_kind in ("official", "coref") or t.lower_ in words("leader_words") for t in near
        ):
            return False
    if y.get("needs_council") and not any(
        t.lower_ == "council" or t._.mm_actor in ("UNSC", "UN") for t in sent.parsed or ()
    ):
        return False
    if str(y.get("type")) == "deployment":
        if trigger.dep_ == "acl":
            return False  # "the Kenya police deployed to Haiti": told in passing, not the news
        if _elsewhere(ctx, trigger):
            return False  # "when Kenya deployed a contingent in the DRC"
    if y.get("no_figure"):
        who = found.get("who")
        if who is not None and any(t._.mm_figure for t in who.subtree):
            return False
        if who is not None and not _troops(who):
            return False
    if y.get("needs_past_head") or y.get("needs_not_planned_head"):
        head = grammar.governing_predicate(trigger, frozenset())
        if head is not None:
            if grammar.features(head, m) & UNREAL:
                return False
            if head.lemma_ in _AGAINST:
                return False
    if y.get("needs_past_head"):
        court = words("court_words")
        if not any(t.lower_ in court for t in sent.parsed or ()):
            return False
    return True


def _elsewhere(ctx: Context, trigger: Token) -> bool:
    """A flow towards a place that is a state other than the host ("landed in Belize")."""
    return grammar.towards_a_state(trigger)


def _troops(who: Token) -> bool:
    """ "a team of officials" is no contingent: a group noun counts only with people of a
    force in it (or nothing named)."""
    people = words("troop_nouns") | words("person_nouns")
    for ch in who.children:
        if ch.lower_ == "of":
            inner = [t for t in ch.children if t.dep_ == "pobj"]
            if inner and inner[0].lower_ not in people and inner[0]._.mm_kind != "force":
                return False
    return True


def _date(ctx: Context, sent: Sentence, m: Matches, found: Match, feats: set[str]) -> str | None:
    """The time the text gives the step: on its trigger, on the verbs the rule bound, on the
    statement it completes, else in the trigger's own phrase; else the publication date for a
    step told as news, none for one told in the past perfect."""
    trigger = found["trigger"]
    nominal = _nominal()
    nodes: list[Token] = []
    for node in [trigger, *(t for t in found.nodes.values() if t.pos_ in grammar.VERBAL)]:
        nodes += grammar.time_nodes(node, nominal)
    if str(found.yields["type"]) == "mandate":
        # "the mandate, extended to October 2025, comes to an end": the participle's time
        nodes += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
        if trigger.dep_ == "compound":  # "the mandate expiry in October", "mandate runs until"
            nodes.append(trigger.head)
    nodes += grammar.governors(trigger, nominal=nominal, deps=grammar.COMPLEMENT_DEPS)
    lemmas = {t.lemma_ for t in nodes} | {t.lower_ for t in nodes}
    prefer = "future" if lemmas & _EXPIRY else "past"
    extension = str(found.yields["type"]) == "mandate" and any(
        t.lemma_ in _EXTEND for t in sent.parsed or ()
    )
    for node in nodes:
        spans = ctx.times(sent, node, nominal)
        if extension:  # "voted to extend until 1 March 2027": the step is the vote
            spans = [d for d in spans if not _end_of_term(sent, d)]
        got = ctx.first_date(spans, prefer)  # type: ignore[arg-type]
        if got is not None:
            return got
    inside = [d for d in sent.dates if trigger.i <= d.start - sent.start <= trigger.right_edge.i]
    if extension:
        inside = [d for d in inside if not _end_of_term(sent, d)]
    got = ctx.first_date(inside, prefer)  # type: ignore[arg-type]
    if got is not None:
        return got
    tense = grammar.tense(trigger, feats, m)
    if "pluperfect" in tense and not grammar.reported(trigger):
        return None
    if tense:
        # a step told as news with no time of its own: the publication date (FACTS.md gives
        # the month; the day holds at the month's precision as well)
        return ctx.published
    return None


def _end_of_term(sent: Sentence, span: DateSpan) -> bool:
    """ "until 1 March 2027", "through October": the end of a term, not when it was set."""
    if span.text.split(" ", 1)[0].lower() in _TERM_END:
        return True
    k = span.start - sent.start
    doc = sent.parsed
    return doc is not None and k > 0 and doc[k - 1].lower_ in _TERM_END


def _fact(ctx: Context, sent: Sentence, m: Matches, found: Match, feats: set[str]) -> Fact | None:
    if not _checks(ctx, sent, m, found):
        return None
    actors = _actors(ctx, sent, found)
    if actors is None:
        return None
    return Fact(
        kind="event",
        type=str(found.yields["type"]),
        actors=tuple(actors),
        date=_date(ctx, sent, m, found, feats),
        evidence=ctx.evidence(sent, ["event:" + found.rule.name]),
    )
