"""personnel facts: a figure, the group it counts, the predicate that says what happened to the
group, and the state it belongs to (``data/personnel.yaml`` holds the rules; this module runs
them in order and applies FACTS.md's conventions for dates)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from mission_monitor.extract import grammar
from mission_monitor.extract.annotate import Figure, Sentence
from mission_monitor.extract.context import Context, unit_force
from mission_monitor.extract.engine import Match, Matches
from mission_monitor.extract.lexicon import words
from mission_monitor.models import Fact

MAX_COUNT = 1_000_000  # no mission has more people than this: a larger figure is something else
# participles that give a group's make-up: the group's own predicate says what happened to it
COMPOSITION = frozenset({"make", "consist", "comprise", "compose", "include", "number", "total"})


@cache
def _nominal() -> frozenset[str]:
    return (
        words("pledge_nouns")
        | words("arrival_nouns")
        | words("deployment_nouns")
        | words("withdrawal_nouns")
    )


@cache
def _classes() -> frozenset[str]:
    return (
        words("flow_verbs")
        | words("pledge_verbs")
        | words("stock_verbs")
        | words("withdraw_verbs")
        | words("authorize_verbs")
    )


@dataclass
class _Candidate:
    sent: Sentence
    figure: Figure
    count: int
    tok: Token  # the figure's last token
    unit: Token
    frame: str
    rules: list[str]
    features: set[str]
    pred: Token | None = None
    status: str | None = None
    pred_own: Token | None = None  # the participle a shared clause hangs on ("followed by")
    unit_yields: Mapping[str, Any] = field(default_factory=dict)  # what the unit rule said


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for sent in ctx.parsed():
        m = ctx.matches(sent)
        for fig in sent.figures:
            fact = _fact(ctx, sent, m, fig)
            if fact is not None:
                out.extend(_each(sent, fig, fact))
    return out


def _each(sent: Sentence, fig: Figure, fact: Fact) -> list[Fact]:
    """ "Chad and Nigeria will contribute 3,500 troops each", "Jamaica and the Bahamas will
    each send 150": one fact per state of the list, each with the figure."""
    assert sent.parsed is not None
    tok = figure_token(sent, fig)
    near = {tok.i, tok.head.i, *(a.i for a in tok.ancestors)}
    if not any(t.lower_ == "each" and t.head.i in near for t in sent.parsed):
        return [fact]
    for t in sent.parsed:
        if t._.mm_contrib and t._.mm_actor == fact.actor:
            members = [t, *(c for c in t.subtree if c.dep_ == "conj" and c._.mm_contrib)]
            codes = list(dict.fromkeys(str(c._.mm_actor) for c in members))
            if len(codes) > 1:
                return [dataclasses.replace(fact, actor=code) for code in codes]
    return [fact]


def _count(fig: Figure) -> int | None:
    v = fig.value
    if not float(v).is_integer() or not 1 <= v <= MAX_COUNT:
        return None
    if fig.text.isdigit() and len(fig.text) == 4 and 1900 <= v <= 2100:
        return None  # a year
    return int(v)


def figure_token(sent: Sentence, fig: Figure) -> Token:
    """The token of a figure that rules anchor at (its root in the parse)."""
    for i in range(fig.start, fig.end):
        if sent.token(i)._.mm_figure:
            return sent.token(i)
    return sent.token(fig.end - 1)


def _group_before(verb: Token) -> Token | None:
    """The group named right before a participle ("the Kenyans, now numbering 600")."""
    people = words("person_nouns")
    for t in reversed(list(verb.doc[max(0, verb.i - 4) : verb.i])):
        if t._.mm_contrib or t.lower_ in people:
            return t
        if t.pos_ == "VERB":
            return None
    return None


def _candidate(sent: Sentence, m: Matches, fig: Figure) -> _Candidate | None:
    count = _count(fig)
    if count is None:
        return None
    tok = figure_token(sent, fig)
    if tok._.mm_time:
        return None
    found = m.first("unit", tok)
    if found is None:
        return None
    unit = found["unit"]
    if found.yields.get("group_before"):
        group = _group_before(unit)
        if group is None:
            return None
        unit = group
    feats = {str(v) for v in m.yielded("unit_feature", unit, "feature")}
    frame = str(found.yields.get("frame", "count"))
    if frame == "stock":
        feats.add("level")
    return _Candidate(
        sent, fig, count, tok, unit, frame, [found.rule.name], feats, unit_yields=found.yields
    )


def _verb_of_the_group(unit: Token) -> Token | None:
    """ "A 30-member team of Chadian gendarmes left on Friday": the parser, finding no verb
    for the sentence, hangs the group's verb on the people as a participle."""
    for prep in unit.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for people in prep.children:
                for v in people.children:
                    if (
                        v.dep_ == "acl"
                        and v.tag_ in ("VBD", "VBN")
                        and v.lemma_ in _classes()
                        and any(t._.mm_time for t in v.subtree)
                    ):
                        return v
    return None


def _predicate(c: _Candidate) -> Token | None:
    to_come = next(
        (ch for ch in c.unit.children if ch.dep_ in ("acl", "relcl") and ch.tag_ == "VB"
         and any(a.tag_ == "TO" for a in ch.children) and ch.lemma_ in _classes()),
        None,
    )  # fmt: skip
    if to_come is not None:  # "a group of 800 troops to arrive over the weekend"
        c.features.add("planned")
        return to_come
    own = grammar.own_predicate(c.unit, _classes())
    if own is None and c.unit.dep_ == "ROOT":
        own = _verb_of_the_group(c.unit)
    if own is not None:
        if own.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in own.children):
            c.features.add("participle")
        return own
    if (
        c.frame == "stock"
        and c.tok.head.lemma_ in ("number", "total")
        and (c.tok.head.dep_ in ("advcl", "conj", "xcomp"))
    ):
        return c.tok.head  # "the Kenyans, now numbering about 600"
    if c.frame == "stock" and c.unit.head.pos_ in grammar.VERBAL:
        return c.unit.head
    pred = grammar.governing_predicate(c.unit, _nominal())
    if (
        pred is not None
        and pred.lemma_ in COMPOSITION
        and pred.dep_ == "acl"
        and pred.head.lower_ not in words("pledge_nouns")  # "pledges totaling 3,000 troops"
    ):
        # "two battalions made up of 1,700 peacekeepers": what happens to the battalions
        outer = grammar.governing_predicate(pred.head, _nominal())
        if outer is not None:
            c.rules.append("pred/made-up-of")
            pred = grammar.raised(outer)
    if pred is not None:
        # "600 officers are in Haiti, joined by two officers from Belize": the clause joined
        shared = grammar.shared_clause(c.unit, pred, _nominal())
        if shared is not None:
            c.rules.append("pred/joined-by")
            c.features.add("shared")
            c.pred_own = pred
            return shared
    return grammar.raised(pred) if pred is not None else None


def _actor(ctx: Context, c: _Candidate, m: Matches, found_unit: Match | None) -> str | None:
    """The state the group belongs to: named in its noun phrase, then as the subject (agent,
    possessor) of its predicate or of the clauses above it, then by reference."""
    if found_unit is not None and found_unit.get("owner") is not None:
        c.rules.append("actor/" + found_unit.rule.name.split("/", 1)[-1])
        return str(found_unit["owner"]._.mm_actor)
    if "many_states" in c.features:
        c.rules.append("actor/the-mission's-people")
        return ctx.mission.code  # "troops from Kenya, Jamaica and Guatemala"
    if c.unit_yields.get("total_of") and any(t.lower_ == "out" for t in c.tok.ancestors):
        c.rules.append("actor/the-mission's-total")
        return ctx.mission.code  # "454 American troops out of a total of 1,156"
    if _of_the_host(c.unit):
        c.rules.append("actor/the-host's-own")
        return ctx.host  # "the Haitian police's 10,000 officers": not the mission's (dropped)
    got = m.first("actor_np", c.unit)
    if got is None and c.unit.dep_ == "appos":
        got = m.first("actor_np", c.unit.head)  # "75 Guatemalan soldiers, the first of 150"
    if got is not None:
        c.rules.append(got.rule.name)
        return str(got["actor"]._.mm_actor)
    if c.features & {"mission_size", "mission_actor", "mission_people"}:
        return ctx.mission.code
    preds = [c.pred] if c.pred is not None else []
    if c.pred is not None:
        preds += _clauses_above(c.pred)
    if c.unit.dep_ == "appos" and (_refers_back(c.unit.head)) and c.pred is not None:
        state = ctx.recent_state(c.sent, back=2)
        if state is not None:  # "That first group, about 400 officers, landed"
            c.rules.append("actor/the-group-named-before")
            return state
    for p in preds:
        # a rule that names the counted part ("of whom 400 were from Chad") holds for it only
        got = next(
            (g for g in m.of("actor_clause", p) if g.get("part") in (None, c.tok)),
            None,
        )
        if got is not None:
            c.rules.append(got.rule.name)
            return str(got["actor"]._.mm_actor)
        who = _subject(p)
        if who is None:
            continue
        if p is c.pred and who.i != c.unit.i and _of_the_host(who) and not who._.mm_contrib:
            c.rules.append("actor/the-host's-own")
            return ctx.host  # "the Lebanese army has mobilized 6,000 soldiers"
        if who._.mm_contrib:  # "the Bahamas, which has offered 150 personnel"
            c.rules.append("actor/subject-of-the-clause")
            return str(who._.mm_actor)
        if who.i != c.unit.i and who.dep_ not in ("nsubj", "nsubjpass"):
            # a relative clause's antecedent: "the Kenyan contingent, which stands at 750"
            got = m.first("actor_np", who)
            if got is not None and got.get("unit") is not None:
                c.rules.append(got.rule.name)
                return str(got["actor"]._.mm_actor)
        if who._.mm_kind == "mission":
            c.rules.append("actor/mission-subject")
            return ctx.mission.code
        if who.lower_ in ("we", "our") and (speaker := ctx.speaker(c.sent)) is not None:
            c.rules.append("actor/speaker")
            return speaker
        if who.lower_ in ("it", "they", "its", "their") and not grammar.is_expletive(who):
            state = _governor_state(c, m) or ctx.recent_state(c.sent)
            if state is not None:
                c.rules.append("actor/pronoun")
                return state
        if _refers_back(who) and (state := ctx.recent_state(c.sent, back=2)) is not None:
            c.rules.append("actor/the-group-named-before")
            return state
        if (
            who.lower_ in words("generic_contributors")
            and who._.mm_actor is None
            and c.status in ("pledged", "present")
            and not any(ch.lower_ in words("some_contributors") for ch in who.children)
        ):
            c.rules.append("actor/many-states")
            return ctx.mission.code
        if who.lower_ in words("generic_state_nouns") and ctx.main_state is not None:
            c.rules.append("actor/the-government")
            return ctx.main_state
        if who.pos_ in ("PROPN", "NOUN") and who._.mm_actor is None:
            break  # a subject that names someone else: not the document's state
    # "its 1,000 officers": the possessor ("its 800 troops and 60 police officers": of both)
    owners = [*c.unit.children]
    if c.unit.dep_ == "conj":
        owners += [*c.unit.head.children]
    for ch in owners:
        if ch.dep_ == "poss" and ch._.mm_kind == "mission":
            c.rules.append("actor/the-mission's")
            return ctx.mission.code  # "the MSS's 400 officers", "UNFICYP's troops"
        if ch.dep_ == "poss" and ch.lower_ in ("its", "their"):
            if "mission_subject" in c.features or _mission_named_before(c):
                c.rules.append("actor/the-mission's")
                return ctx.mission.code
            state = _state_before(ctx, c)
            if state is not None:
                c.rules.append("actor/possessive")
                return state
    # a sentence that names one contributing state only: the group is that state's
    named = set(ctx.contributors(c.sent)) - _states_of_parts(c)
    if len(named) == 1:
        c.rules.append("actor/only-state-in-sentence")
        return named.pop()
    by_default = c.frame in ("size", "stock") or bool(c.unit_yields.get("whole"))
    if by_default and not named:
        c.rules.append("actor/the-mission-by-default")
        return ctx.mission.code  # "just over 1,000 in Cyprus", "out of a total of 1,156"
    if not named and c.unit.lower_ in words("force_nouns"):
        state = ctx.dominant_state or ctx.only_state
        if state is not None:  # "Chadian gendarmes trained. About 300 gendarmes landed."
            c.rules.append("actor/the-document's-state")
            return state
    if (
        not named
        and c.status in ("present", "arrived", "withdrawn")
        and ctx.names_no_state
        and any(a.kind == "mission" or a.code == ctx.host for a in c.sent.actors)
    ):
        c.rules.append("actor/the-mission-by-default")
        return ctx.mission.code
    if (
        not named
        and c.status in ("present", "withdrawn")
        and any(a.kind == "mission" for a in c.sent.actors)
    ):
        # "2,680 members of the MINUSMA Force have been repatriated", "the mission's ranks
        # now count 1,000 personnel": the mission's people, in a sentence that names no state
        c.rules.append("actor/the-mission-named")
        return ctx.mission.code
    return None


def _of_the_host(np: Token) -> bool:
    """ "Haitian police", "the Lebanese army", "Haiti's national police": a noun phrase of the
    host's own people (the host named as a modifier, or the head itself)."""
    if np._.mm_host and np._.mm_kind == "force":
        return True
    # "Kenya's Haiti contingent": the host as a compound is where the group goes
    return any(
        ch._.mm_host and (ch.dep_ in ("amod", "poss") or ch._.mm_kind == "force")
        for ch in np.children
    )


def _states_of_parts(c: _Candidate) -> set[str]:
    """The states named in a clause on the group that counts a part of it ("about 1,000
    officers and soldiers, of whom roughly 750 are Kenyan police"): the part's, not the
    whole's."""
    out: set[str] = set()
    for clause in c.unit.subtree:
        if clause.dep_ == "relcl" and any(t._.mm_figure for t in clause.subtree if t.i != c.tok.i):
            out |= {t._.mm_actor for t in clause.subtree if t._.mm_contrib}
    return out


def _mission_named_before(c: _Candidate) -> bool:
    """ "As noted on UNFICYP's website, its 800 troops": the last actor named before the
    possessive is the mission."""
    last = None
    for a in c.sent.actors:
        if a.end <= c.figure.start and a.kind in ("state", "official", "force", "coref", "mission"):
            last = a
    return last is not None and last.kind == "mission"


def _speaks_of_a_force(sent: Sentence, pred: Token) -> bool:
    people = words("person_nouns") | words("batch_nouns") | words("force_words")
    if pred.lemma_ in words("flow_verbs") | words("pledge_verbs"):
        return True
    return any(t.lower_ in people for t in sent.span)


def _with_the_mission(ctx: Context, c: _Candidate) -> bool:
    """ "The mission has faced shortages, with only about 1,000 troops on the ground": a
    with-phrase that gives the strength of the mission the clause is about."""
    t = c.unit
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ != "with":
        return False
    if any(ch._.mm_contrib for ch in c.unit.children):
        return False
    verb = grammar.clause_head(t.head, frozenset())
    subj = _subject(verb) if verb is not None else None
    return subj is not None and _is_mission(ctx, subj)


def _refers_back(subj: Token) -> bool:
    """ "That first group", "the officers", "the contingent": a definite group of people told
    of before."""
    if subj.lower_ not in words("person_nouns") | words("batch_nouns"):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those")
               for c in subj.children)  # fmt: skip


def _governor_state(c: _Candidate, m: Matches) -> str | None:
    """ "Benin has said it plans to send": the subject of a clause above the pronoun's."""
    assert c.pred is not None
    return governor_state(c.pred, m)


def governor_state(pred: Token, m: Matches) -> str | None:
    """The state named as the subject of a clause above ``pred`` ("The U.S. State Department
    announced it has approved ...")."""
    for g in grammar.governors(pred):
        for ch in g.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                if ch._.mm_contrib:
                    return str(ch._.mm_actor)
                got = m.first("actor_np", ch)
                if got is not None and got.get("unit") is not None:
                    return str(got["actor"]._.mm_actor)
    return None


def _clauses_above(pred: Token) -> list[Token]:
    """The predicates whose subject may be the group's state: the verb a clause completes
    ("Kenya has pledged to send"), the verb of a plan noun ("Belize deployed two officers,
    with plans to send 35 more"), the verb a relative clause's noun depends on ("the
    government selected 200 officers who would travel")."""
    out: list[Token] = []
    t = pred
    nominal = words("plan_nouns")
    for _ in range(4):
        if t.head.i == t.i:
            break
        if t.dep_ in ("xcomp", "ccomp", "advcl", "conj", "pcomp"):
            t = t.head
        elif t.dep_ in ("acl", "relcl"):
            noun = t.head
            if t.dep_ == "acl" and noun.lower_ not in nominal:
                break
            verb = grammar.governing_predicate(noun, frozenset())
            if verb is None:
                break
            if noun.lower_ in nominal:
                out.append(noun)  # its possessor: "Belize's plan to send"
            t = verb
        else:
            break
        while t.pos_ not in grammar.VERBAL and t.head.i != t.i and t.lower_ not in nominal:
            t = t.head
        out.append(t)
    return out


def _subject(pred: Token) -> Token | None:
    """The subject of a predicate: its own, else (for a clause with none, or a relative
    pronoun) the noun the clause describes or the subject of the verb it completes."""
    t = pred
    for _ in range(4):
        agent = next((ch for ch in t.children if ch.dep_ == "agent"), None)
        by = next((ch for ch in agent.children if ch.dep_ == "pobj"), None) if agent else None
        if by is not None:
            return by  # "troops promised by a handful of countries"
        own = next((ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None and own.lower_ not in ("which", "that", "who", "whom"):
            return own
        if t.dep_ in ("acl", "relcl") and t.head.i != t.i:
            return t.head
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None


def _is_mission(ctx: Context, tok: Token) -> bool:
    """Whether a noun phrase names the mission: its name, "the force" or "the mission", or
    a noun of the mission's ("the current size of EUFOR", "the MSS's strength")."""
    if tok._.mm_kind == "mission":
        return True
    for ch in tok.children:
        if ch.dep_ == "poss" and ch._.mm_kind == "mission":
            return True
        if (
            ch.dep_ == "prep"
            and ch.lower_ == "of"
            and any(g.dep_ == "pobj" and g._.mm_kind == "mission" for g in ch.children)
        ):
            return True
    if tok.lower_ in ("force", "mission", "operation") and not any(
        ch._.mm_contrib for ch in tok.children
    ):
        return True
    return any(ch._.mm_kind == "mission" for ch in tok.children if ch.dep_ in ("compound", "appos"))


def _subject_features(ctx: Context, c: _Candidate, m: Matches) -> set[str]:
    assert c.pred is not None
    feats: set[str] = set()
    subj = _subject(c.pred)
    if subj is None:
        return feats
    if _is_mission(ctx, subj):
        feats.add("mission_subject")
    if subj.lower_ in words("generic_contributors"):
        feats.add("generic_subject")
    if any(ch.lower_ in ("reserve", "standby") for ch in subj.children) or any(
        "stalled" in {str(v) for v in m.yielded("mood", ch, "feature")}
        for ch in subj.children
        if ch.dep_ in ("relcl", "acl")
    ):
        feats.add("stalled")  # "the reserve battalion that has been kept on standby"
    if subj.i != c.unit.i and "batch" in {
        str(v) for v in m.yielded("unit_feature", subj, "feature")
    }:
        feats.add("subject_batch")
    return feats


def _state_before(ctx: Context, c: _Candidate) -> str | None:
    """The last contributor named before the figure in its sentence, else before it."""
    last = None
    for a in c.sent.actors:
        if (
            a.start < c.figure.start
            and a.usable
            and a.code != ctx.host
            and a.kind in ("state", "official", "force", "coref")
        ):
            last = a.code
    return last or ctx.recent_state(c.sent)


def _date(ctx: Context, c: _Candidate, status: str, m: Matches) -> str | None:
    """FACTS.md's dates. The time the text gives the fact: its predicate's (a scheduled time
    leans to the future), else that of the statement or plan above it (past: the day it was
    said). Else a current stock takes the publication date, a step reported with no time of
    its own too; a pledge only when a speaker tells it as news ("will fly out soon, a
    spokesman said"); a background fact in the past perfect stays undated."""
    assert c.pred is not None
    nominal = _nominal()
    if status == "present" and "stock_adv" in c.features and "since" not in c.features:
        return ctx.published  # "now has about 600 troops, up from 200 in March"
    own = grammar.time_nodes(c.pred, nominal)
    if "shared" in c.features and c.pred_own is not None:
        own = [c.pred_own, *own]  # "followed by 20 more on 9 May"
    above: list[Token] = []
    if status in ("pledged", "authorized"):
        above = grammar.governors(c.pred, nominal=nominal, deps=grammar.CLAUSE_DEPS)
    elif grammar.reported(c.pred) and c.features & {"perfect", "present"}:
        above = grammar.governors(c.pred, deps=grammar.COMPLEMENT_DEPS)
    ahead = bool(c.features & {"future", "planned"})
    for node in own:
        spans = ctx.times(c.sent, node, nominal)
        if status == "present":  # a stock holds now; "since June" dates its start, not it
            spans = [d for d in spans if not d.text.lower().startswith("since")]
        for d in spans:
            # a scheduled time follows its verb; a date before it is when it was told
            # ("KINGSTON, Aug 12 - Jamaica will send ...")
            lean = "future" if ahead and d.start > c.sent.whole(c.pred) else "past"
            got = ctx.resolve(d, lean)  # type: ignore[arg-type]
            if got is not None:
                return got
    for node in above:
        got = ctx.first_date(ctx.times(c.sent, node, nominal), "past")
        if got is not None:
            return got
    tense = grammar.tense(c.pred, c.features, m)
    if "pluperfect" in tense and grammar.reported(c.pred):
        tense = (tense - {"pluperfect"}) | {"perfect"}
    if status == "present":
        return None if tense == {"pluperfect"} else ctx.published
    if status in ("authorized", "pledged"):
        if "pluperfect" in tense:
            return None
        c.rules.append("date/published")
        return ctx.published  # FACTS.md: a step with no time of its own, at publication
    if "pluperfect" in tense or "participle" in c.features:
        return None  # background: "the 600 deployed earlier"
    if "aboard" in c.features or c.pred.lemma_ == "be":
        got = _flight_before(ctx, c.sent)
        if got is not None:  # "A charter touched down on Sunday. Some 150 were aboard."
            c.rules.append("date/the-flight-before")
            return got
    c.rules.append("date/published")
    return ctx.published


def _flight_before(ctx: Context, sent: Sentence) -> str | None:
    """The time of a landing or departure told in the sentence before, with no figure."""
    if sent.index == 0:
        return None
    prev = ctx.ann.sentences[sent.index - 1]
    if prev.figures or not prev.span.text.strip():
        return None
    ctx.parse(prev)
    assert prev.parsed is not None
    flows = words("flow_verbs")
    for t in prev.parsed:
        if t.lemma_ in flows and t.pos_ == "VERB":
            got = ctx.first_date(ctx.times(prev, t, _nominal()), "past")
            if got is not None:
                return got
    return None


def _qualifier(m: Matches, tok: Token) -> str:
    got = m.first("qualifier", tok)
    return str(got.yields["qualifier"]) if got is not None else "exact"


def _fact(ctx: Context, sent: Sentence, m: Matches, fig: Figure) -> Fact | None:
    c = _candidate(sent, m, fig)
    if c is None:
        return None
    found_unit = m.first("unit", c.tok)
    c.pred = _predicate(c)
    if c.pred is None:
        if "located" not in c.features:
            return None
        c.pred = c.unit
    if c.frame == "weak" and c.pred.lemma_ not in (
        words("flow_verbs")
        | words("pledge_verbs")
        | words("pledge_nouns")
        | words("withdraw_verbs")
        | words("arrival_nouns")
        | words("deployment_nouns")
    ):
        return None  # "150 people" count only where they are sent or promised
    if c.frame == "people" and not _speaks_of_a_force(sent, c.pred):
        return None  # "100 Austrians" count only in a sentence about troops
    if c.pred.i != c.unit.i and any(
        t.i == c.unit.i for ch in c.pred.children if ch.dep_ == "dobj" for t in ch.subtree
    ):
        c.features.add("object_unit")
    c.features |= grammar.features(c.pred, m)
    if c.pred.pos_ not in grammar.VERBAL:
        head = grammar.governing_predicate(c.pred, frozenset())
        if head is not None and grammar.features(head, m) & {"past", "perfect"}:
            c.features.add("past_head")  # "the withdrawal of 3,000 troops was completed"
    nominal = _nominal()
    if ctx.times(sent, c.pred, nominal):
        c.features.add("timed")
    if c.frame == "size" and (
        (c.unit.lower_ in words("mission_nouns") | words("size_nouns") or c.unit.i == c.tok.i)
        and m.first("actor_np", c.unit) is None
        and not any(ch.dep_ == "poss" and ch._.mm_contrib for ch in c.unit.children)
    ):
        c.features.add("mission_size")
        if c.unit.lower_ in words("current_size_nouns") and not _a_target(c):
            c.features.discard("mission_size")
            c.features.add("current_size")  # "the force's strength of 900 is spread across"
    c.features |= _subject_features(ctx, c, m)
    if (
        c.frame == "stock"
        and c.unit.lower_ in words("size_nouns") | words("mission_nouns")
        and m.first("actor_np", c.unit) is None
    ):
        c.features.add("mission_subject")  # "the current strength stands at 991"
    if _with_the_mission(ctx, c):
        c.features.add("mission_subject")  # "the mission is under-resourced, with 1,000 deployed"
    if "level" in c.features and any(
        ch.dep_ == "dobj" and _is_mission(ctx, ch) for ch in c.pred.children
    ):
        c.features.add("mission_subject")  # "brought the force to 1,000 personnel"
    st = m.first("status", c.pred, c.features)
    if st is None:
        return None
    status = str(st.yields["status"])
    if status == "none":
        return None
    c.status = status
    c.rules.append(st.rule.name)
    if st.yields.get("actor") == "mission":
        c.features.add("mission_actor")
    actor = _actor(ctx, c, m, found_unit)
    if actor is None:
        if status == "authorized":
            actor = ctx.mission.code
        else:
            return None
    if actor == ctx.host:
        return None
    force = unit_force(c.unit, _mention_force(sent, c.unit))
    if force is None and c.unit.i == c.tok.i:  # "of whom 750 are Kenyan police"
        for attr in c.pred.children:
            if attr.dep_ == "attr" and attr.i > c.tok.i:
                force = unit_force(attr)
    if force is None and found_unit is not None and found_unit.yields.get("ellipsis"):
        force = _force_left_out(sent, c.tok)  # "30 soldiers landed, followed by 20 more"
    if _counts_nothing(sent, c, found_unit) or (status != "withdrawn" and _elsewhere(ctx, c)):
        return None
    return Fact(
        kind="personnel",
        actor=actor,
        status=status,
        count=c.count,
        qualifier=_qualifier(m, c.tok),
        force=force,
        date=_date(ctx, c, status, m),
        evidence=ctx.evidence(sent, ["personnel:" + c.rules[0], *c.rules[1:]]),
    )


def _elsewhere(ctx: Context, c: _Candidate) -> bool:
    """ "Kenya also has 3,000 troops deployed in Somalia": the group is in, or sent to, a
    state other than the host, in a sentence that names neither the host nor the mission
    ("two officers to Jamaica ahead of an assignment to Haiti" is on its way)."""
    assert c.pred is not None
    if any(a.kind == "mission" or a.code == ctx.host for a in c.sent.actors):
        return False
    nodes = [c.pred, c.unit, *(ch for ch in c.unit.children if ch.dep_ in ("acl", "relcl"))]
    return any(grammar.towards_a_state(node) for node in nodes)


def _force_left_out(sent: Sentence, figure: Token) -> str | None:
    """The force of the noun an elided figure stands for: the nearest people named before."""
    people = words("police_nouns") | words("military_nouns") | words("other_person_nouns")
    assert sent.parsed is not None
    for t in reversed(sent.parsed[: figure.i]):
        if t.lower_ in people:
            return unit_force(t)
    return None


def _counts_nothing(sent: Sentence, c: _Candidate, found_unit: Match | None) -> bool:
    """ "The overall total climbed to 9,000": a count noun with no people, no state and no
    mission named in its sentence counts something else."""
    if c.unit.lower_ not in words("count_nouns"):
        return False
    if any(ch.lower_ in ("of", "from") for ch in c.unit.children):
        return False
    if found_unit is not None and found_unit.get("owner") is not None:
        return False
    people = words("person_nouns") | words("other_person_nouns")
    if any(t.lower_ in people for t in sent.span):
        return False
    return not any(a.kind in ("state", "mission", "force") for a in sent.actors)


def _a_target(c: _Candidate) -> bool:
    """ "its planned strength of 3,000", "a strength of 2,500 it never reached": a size to
    reach, not the one there is."""
    plan = words("target_words")
    if any(t.lower_ in plan for t in c.unit.subtree if t.i < c.tok.i):
        return True
    return c.pred is not None and c.pred.lemma_ in words("reach_verbs")


def _mention_force(sent: Sentence, unit: Token) -> str | None:
    for t in unit.subtree:
        a = sent.actor_at(sent.whole(t))
        if a is not None and a.force is not None:
            return a.force
    return None
