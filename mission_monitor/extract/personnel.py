"""Personnel facts (a head-count pledged, authorised, arrived, present or withdrawn) and
deployment events (a contingent arrived with no head-count).

A figure is a head-count when a personnel noun goes with it ("1,000 Kenyan police officers",
"a contingent of 200", "Guatemala (150) ... troops", "raising the number of Kenyans to 600",
"the 2,500 envisaged" beside another head-count). Its status comes from the nearest trigger
phrase around it, read with its tense; its actor from the noun phrase, a "from X", a
possessive, a mission-wide "total", or else the nearest state named before it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from mission_monitor.extract.annotate import ActorMention, Annotated, Figure, Hit, Sentence
from mission_monitor.extract.context import (
    Clause,
    clause_index,
    clauses,
    contributor,
    hypothetical,
    nearest_before,
    pick_date,
    present_date,
    unreal,
    usable,
)
from mission_monitor.extract.rules import rules, words
from mission_monitor.models import Evidence, Fact
from mission_monitor.resolve.actors import mission

_STATUS_GROUPS = (
    "p:pledged",
    "p:deploy",
    "p:arrived",
    "p:present",
    "p:authorized",
    "p:withdrawn",
    "p:has",
)
_WINDOW = 14  # tokens: a trigger farther from the figure than this does not govern it
_PEOPLE_VERBS = ("p:deploy", "p:pledged")


@dataclass(frozen=True, slots=True)
class HeadCount:
    figure: Figure
    noun_end: int  # token after the noun phrase
    force: str | None
    np_actor: ActorMention | None
    rule: str
    mission_wide: bool = False
    status: str | None = None  # set by rules that know it ("raising the number to N")


def _actor_at(sent: Sentence, tok: int) -> ActorMention | None:
    return next((a for a in sent.actors if a.start <= tok < a.end), None)


def _phrase_at(doc: Doc, j: int, end: int, cls: str) -> int:
    """The end of the phrase of word class ``cls`` that starts at token ``j``, or -1."""
    for phrase in words(cls):
        parts = phrase.split()
        k = j + len(parts)
        if k <= end and [doc[i].lower_ for i in range(j, k)] == parts:
            return k
    return -1


def _after_verb(sent: Sentence, fig: Figure, groups: tuple[str, ...]) -> bool:
    """Whether a trigger of ``groups`` ends within two tokens before the figure."""
    return any(h.group in groups and fig.start - 3 <= h.end <= fig.start for h in sent.hits)


def _weak_ok(doc: Doc, sent: Sentence, j: int) -> bool:
    """ "24 members of the Jamaica Defence Force": a weak noun that names its force after."""
    tail = [t.lower_ for t in doc[j + 1 : min(j + 8, sent.end)]]
    if not tail or tail[0] != "of":
        return False
    # "... of the outgoing team", "... of the JDF and JCF": a collective noun or a force acronym
    return any(
        w in words("force_bodies") or w in rules().collective_nouns for w in tail[1:]
    ) or any(
        t.is_upper and t.is_alpha and len(t.text) >= 2 for t in doc[j + 2 : min(j + 8, sent.end)]
    )


def _speaks_of_personnel(sent: Sentence, doc: Doc) -> bool:
    """Whether the sentence names troops, police or the mission ("joining 400 Kenyans
    already there" beside "soldiers landed"), so that "400 Kenyans" are personnel, not
    residents."""
    r = rules()
    return any(a.kind == "mission" for a in sent.actors) or any(
        doc[k].lower_ in r.noun_force and doc[k].lower_ not in r.weak_nouns
        for k in range(sent.start, sent.end)
    )


def _noun_phrase(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """The personnel noun that goes with a figure, scanning the words right after it."""
    r = rules()
    np_actor: ActorMention | None = None
    force: str | None = None
    saw_force_word = False
    # "a 24-member team (of Jamaican soldiers)": the collective counts when no noun follows
    sized: HeadCount | None = None
    j = fig.end
    steps = 0
    while j < sent.end and steps < 6:
        t = doc[j]
        if t.is_space:  # a wrapped line
            j += 1
            continue
        low = t.lower_
        a = _actor_at(sent, j)
        if low == "people" and _after_verb(sent, fig, _PEOPLE_VERBS):
            return HeadCount(fig, j + 1, force, np_actor, "people")
        if low in r.noun_force and not (
            low in ("police", "military", "army")
            and j + 1 < sent.end
            and doc[j + 1].lower_ in r.noun_force
        ):
            if low in r.weak_nouns and not saw_force_word and not _weak_ok(doc, sent, j):
                return sized
            force = r.noun_force[low] or force
            return HeadCount(fig, j + 1, force, np_actor, "noun")
        if a is not None:
            if a.kind in ("state", "coref") and np_actor is None:
                np_actor = a
            if (
                a.via == "demonym"
                and a.start == j
                and _speaks_of_personnel(sent, doc)
                and doc[a.end - 1].lower_.endswith("s")
                and (a.end >= sent.end or not doc[a.end].is_alpha or doc[a.end].is_lower)
                and not (a.end < sent.end and doc[a.end].lower_ in r.noun_force)
            ):
                # "joining 400 Kenyans already there": the people of a contributing state
                return HeadCount(fig, a.end, force, a, "demonym")
            j = a.end
            steps += 1
            continue
        # "a 2,500-strong force", "a 24-member team": a collective noun ends the phrase after
        # the size word, unless a personnel noun follows ("team of Jamaican soldiers")
        nxt = doc[j + 1].lower_ if j + 1 < sent.end else ""
        size = any(doc[k].lower_ in words("size_words") for k in range(fig.end, j))
        if low in words("pledge_nouns") and size and sized is None:
            # "Kenya's 1,000-strong commitment": the size of a promise is a pledge
            return HeadCount(fig, j + 1, force, np_actor, "strong-pledge", status="pledged")
        if low in r.collective_nouns and size and sized is None:
            sized = HeadCount(fig, j + 1, force, np_actor, "strong")
            if nxt not in r.modifiers and nxt not in r.noun_force:
                return sized
            j += 1
            steps += 1
            continue
        if low in words("size_words") and j > fig.end and doc[j - 1].text == "-":
            j += 1
            steps += 1
            continue
        if low in r.modifiers or (t.is_alpha and t.text[:1].isupper()):
            if low in words("force_words"):
                saw_force_word = True
                force = r.noun_force.get(low) or force
            if low == "-" and j != fig.end:
                return sized
            j += 1
            steps += 1
            continue
        return sized
    return sized


def _skip_qualifiers(doc: Doc, sent: Sentence, k: int) -> int:
    """The token before a qualifier ("about", "up to", "a little over") that ends at ``k``."""
    while k > sent.start and doc[k].lower_ in words("qualifier_words"):
        if doc[k].lower_ == "to" and doc[k - 1].lower_ != "up":
            break
        k -= 1
    return k


def _collective(sent: Sentence, doc: Doc, fig: Figure) -> str | None:
    """ "a contingent of (about) 200", "Kenyan police numbering 400": the collective or
    personnel noun before the figure, if any."""
    r = rules()
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    if k - 1 >= sent.start and doc[k].lower_ == "of":
        noun = doc[k - 1].lower_
        if noun in r.collective_nouns:
            return noun
    if k - 1 >= sent.start and doc[k].lower_ in words("numbering"):
        noun = doc[k - 1].lower_
        if noun in r.collective_nouns or (noun in r.noun_force and noun not in r.weak_nouns):
            return "contingent" if noun in r.noun_force else noun
    return None


def _owned_collective(sent: Sentence, doc: Doc, fig: Figure) -> bool:
    """ "Chad's first group of 50 arrived", "the Beninese team of 30 landed": a collective owned
    by a state (possessive or demonym), the figure ending the noun phrase ("a group of 20
    nations" is no head-count)."""
    j = fig.end
    if j < sent.end and doc[j].is_alpha:
        starts_hit = any(h.start == j for h in sent.hits)
        if not (starts_hit or doc[j].lower_ in words("np_enders")):
            return False  # "a group of 20 nations": a noun follows, the figure counts it
    k = _skip_qualifiers(doc, sent, fig.start - 1) - 1  # the collective noun
    for a in sent.actors:
        if a.kind != "state" or not (k - 4 <= a.end <= k):
            continue
        if a.via == "demonym" or (a.end < sent.end and doc[a.end].lower_ in ("'s", "\u2019s")):
            return True
    return False


def _raised_to(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """A stock reached after a change: "raising the number of Kenyans serving with the mission
    to roughly 600", "bringing its contingent to 600"."""
    r = rules()
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    if k <= sent.start or doc[k].lower_ != "to":
        return None
    for v in range(k - 1, max(sent.start, k - 18) - 1, -1):
        if doc[v].lower_ not in words("raise_verbs"):
            continue
        # the counted noun, a few words after the verb ("the number of", "its contingent")
        for i in range(v + 1, min(v + 4, k)):
            low = doc[i].lower_
            if low in words("count_nouns") and i + 1 < k and doc[i + 1].lower_ == "of":
                span = range(i + 2, k)
            elif low in r.collective_nouns or low in r.noun_force or low in words("stock_nouns"):
                span = range(v + 1, k)
            else:
                continue
            people = [
                a for a in sent.actors if a.start in span and a.via == "demonym" and usable(a)
            ]
            # "brought the force to 1,000": the stock of the mission itself
            people = people or [a for a in sent.actors if a.start in span and a.kind == "mission"]
            nouns = [
                j
                for j in span
                if doc[j].lower_ in r.noun_force or doc[j].lower_ in r.collective_nouns
            ]
            # "sent 15 more soldiers, bringing its contribution to 39": people said before
            said = any(
                doc[j].lower_ in r.noun_force and doc[j].lower_ not in r.weak_nouns
                for j in range(sent.start, v)
            )
            if not people and not nouns and not said:
                return None
            force = next(
                (r.noun_force[doc[j].lower_] for j in nouns if doc[j].lower_ in r.noun_force),
                None,
            )
            # "raising/brought ... to 600" is the stock now; "promised to raise ... to 1,000"
            # is a target
            planned = v > sent.start and doc[v - 1].lower_ in ("to", "will", "would", "'ll")
            # "Kenya will send 600 more, bringing its contingent to 1,000": a target too
            planned = planned or any(
                doc[i].lower_.replace("\u2019", "'") in words("future_aux")
                for i in range(sent.start, v)
            )
            return HeadCount(
                fig,
                fig.end,
                force,
                people[0] if people else None,
                "raised-to",
                status="pledged" if planned else "present",
            )
        return None
    return None


def _ellipsis(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "a little over 600 personnel, a fraction of the 2,500 envisaged": a bare figure after
    "the", with a pledge or authorisation word right after it, beside another head-count."""
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    targets = ("p:pledged", "p:authorized")
    # "its authorized 2,500", "the planned 2,500": the target word before the figure
    before = next(
        (h for h in sent.hits if h.group in targets and h.end == k + 1 and h.start > sent.start),
        None,
    )
    if before is not None and doc[before.start - 1].lower_ in ("the", "its", "their"):
        owner = doc[before.start - 1].lower_
        others = [f for f in sent.figures if f is not fig and _noun_phrase(sent, doc, f)]
        if not others:
            return None
        return HeadCount(fig, fig.end, None, None, "ellipsis", mission_wide=owner == "the")
    if k < sent.start or doc[k].lower_ != "the":
        return None
    follow = [h for h in sent.hits if h.group in targets and fig.end <= h.start <= fig.end + 3]
    if not follow:
        return None
    others = [f for f in sent.figures if f is not fig and _noun_phrase(sent, doc, f) is not None]
    if not others:
        return None
    # "the 1,000 it promised": the pronoun's owner (found like any actor); "the 2,500
    # envisaged": the mission's own target
    pronoun = fig.end < sent.end and doc[fig.end].lower_ in words("pronouns")
    return HeadCount(fig, fig.end, None, None, "ellipsis", mission_wide=not pronoun)


def _from_state(sent: Sentence, doc: Doc, fig: Figure) -> ActorMention | None:
    """The state in "745 (were) from Kenya" right after a bare figure."""
    j = fig.end
    while j < sent.end and doc[j].lower_ in ("were", "are", "was", "is", "came", "come"):
        j += 1
    if j >= sent.end or doc[j].lower_ != "from":
        return None
    a = next((x for x in sent.actors if x.start in (j + 1, j + 2)), None)
    if a is None or a.kind != "state" or a.code == mission().host:
        return None
    return a


def _remainder(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "we have deployed 800 officers and will send the remaining 200": a bare figure after
    "remaining", "another"... sent or pledged, beside a head-count it continues."""
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    verbs = ("p:deploy", "p:pledged", "p:arrived")
    after = doc[fig.end].lower_ if fig.end < sent.end else ""
    if k >= sent.start and doc[k].lower_ in words("remainder"):
        # "will send the remaining 200"
        if not any(h.group in verbs and k - 3 <= h.end <= k + 1 for h in sent.hits):
            return None
    elif after in words("more_after") and (
        fig.end + 1 >= sent.end
        or not doc[fig.end + 1].is_alpha
        or doc[fig.end + 1].lower_ in words("after_more")
    ):
        pass  # "has offered up to 170 more"
    elif any(h.group in verbs and h.end == k + 1 for h in sent.hits) and (
        not after or not doc[fig.end].is_alpha
    ):
        pass  # "has so far deployed about 400."
    else:
        # "1,014 personnel, of whom 745 were from Kenya, 150 from Guatemala": a breakdown
        src = _from_state(sent, doc, fig)
        if src is not None:
            for other in sent.figures:
                hc = _noun_phrase(sent, doc, other) if other.start < fig.start else None
                if hc is not None:
                    got = _status(sent, doc, hc)
                    return HeadCount(
                        fig,
                        src.end,
                        hc.force,
                        src,
                        "from-list",
                        status=got[0] if got is not None else None,
                    )
            return None
        # "Benin will contribute 2,000 troops, Chad 400 and Bangladesh 100": gapping
        state = next((a for a in sent.actors if a.end == fig.start and a.kind == "state"), None)
        if state is None:
            return None
        for other in sent.figures:
            hc = _noun_phrase(sent, doc, other) if other.start < fig.start else None
            if hc is not None:
                return HeadCount(fig, fig.end, hc.force, state, "gapping")
        return None
    for other in sent.figures:
        if other is fig or other.start > fig.start:
            continue
        hc = _noun_phrase(sent, doc, other)
        if hc is not None:
            return HeadCount(fig, fig.end, hc.force, hc.np_actor, "remainder")
    return None


def _numbering(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "the Kenyans, now numbering about 800": a people named by its demonym, then a
    numbering verb: that people's present strength."""
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    if k <= sent.start or doc[k].lower_ not in words("numbering"):
        return None
    j = k - 1
    while j > sent.start and doc[j].lower_ in words("numbering_gap"):
        j -= 1
    a = next((x for x in sent.actors if x.end == j + 1), None)
    if a is None or a.via != "demonym" or not contributor(a):
        return None
    return HeadCount(fig, fig.end, None, a, "numbering", status="present")


def _at_before(doc: Doc, sent: Sentence, fig: Figure, prep: str = "at") -> int:
    """The "at" of "stood at (roughly) 990" / "put ... at 391" (or the "to" of "fell to
    700"), or -1 ("at least 990", "up to 700" are qualifiers, not this word)."""
    k = fig.start - 1
    while k > sent.start and doc[k].lower_ in words("qualifier_words"):
        low = doc[k].lower_
        if low == prep == "at" and doc[k + 1].lower_ not in ("least", "most"):
            return k
        if low == prep == "to" and doc[k - 1].lower_ != "up":
            return k
        k -= 1
    return k if k > sent.start and doc[k].lower_ == prep else -1


def _level(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "the force stood at roughly 990", "Kenya's contingent stands at 780", "the mission's
    strength fell to 700": a level of a collective or count noun; the mission's when nobody
    owns it."""
    r = rules()
    k = _at_before(doc, sent, fig)
    if k <= sent.start + 1 or doc[k - 1].lower_ not in words("level_verbs"):
        # "Kenya's contingent shrank to 700"
        k = _at_before(doc, sent, fig, "to")
        if k <= sent.start + 1 or doc[k - 1].lower_ not in words("change_verbs"):
            return None
    noun = k - 2
    while noun >= sent.start and doc[noun].lower_ in ("now", "currently", "still", "had", "has"):
        noun -= 1
    if noun < sent.start:
        return None
    low = doc[noun].lower_
    force: str | None = None
    if low in r.collective_counts or low in ("force", "mission", "contingent", "deployment"):
        pass  # "the force stood at 990", "Kenya's contingent shrank to 700"
    elif low in r.noun_force and low not in r.weak_nouns:
        # "the number of Kenyan officers rose to 900"
        of = next(
            (i for i in range(noun - 1, max(sent.start, noun - 5), -1) if doc[i].lower_ == "of"),
            -1,
        )
        if of <= sent.start or doc[of - 1].lower_ not in words("count_nouns"):
            return None
        force = r.noun_force[low]
    elif low in words("count_nouns"):
        # "the total stood at 990": a head-count only where the sentence speaks of people
        if not any(doc[i].lower_ in r.noun_force for i in range(sent.start, sent.end)):
            return None
    else:
        return None
    span = range(max(sent.start, noun - 4), noun)
    owner = next(
        (a for a in sent.actors if a.start in span and contributor(a) and not a.location), None
    )
    if owner is None and not any(doc[i].lower_ == "the" for i in span):
        return None  # "its strength stood at 400": whose, this sentence does not say
    return HeadCount(
        fig, fig.end, force, owner, "level", mission_wide=owner is None, status="present"
    )


def _put_at(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "officials put the number of Kenyan officers on the flight at 391": a count given as
    the value of "the number of <personnel>"."""
    r = rules()
    k = _at_before(doc, sent, fig)
    if k < 0:
        return None
    for v in range(k - 1, max(sent.start, k - 14), -1):
        if doc[v].lower_ not in words("count_nouns"):
            continue
        if v + 1 >= k or doc[v + 1].lower_ != "of" or v - 2 < sent.start:
            return None
        if doc[v - 2].lower_ not in words("put_verbs"):
            return None
        nouns = [j for j in range(v + 2, k) if doc[j].lower_ in r.noun_force]
        if not nouns:
            return None
        owner = next((a for a in sent.actors if v + 2 <= a.start < k and a.via == "demonym"), None)
        return HeadCount(fig, k, r.noun_force[doc[nouns[0]].lower_], owner, "put-at")
    return None


def _apposition(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    """ "the first Kenyan officers, about 400 of them, landed": a figure set off by commas
    that stands for the personnel noun before it."""
    r = rules()
    end = _phrase_at(doc, fig.end, sent.end, "apposition_after")
    if end < 0:
        return None
    k = _skip_qualifiers(doc, sent, fig.start - 1)
    if k <= sent.start or doc[k].text not in (",", "\u2014", "\u2013", "("):
        return None
    noun = doc[k - 1].lower_
    if noun not in r.noun_force or noun in r.weak_nouns:
        return None
    owner = next((a for a in sent.actors if k - 5 <= a.start < k - 1 and a.via == "demonym"), None)
    return HeadCount(fig, end, r.noun_force[noun], owner, "apposition")


def _head_count(sent: Sentence, doc: Doc, fig: Figure) -> HeadCount | None:
    r = rules()
    raised = _raised_to(sent, doc, fig)
    if raised is not None and raised.np_actor is not None and raised.np_actor.kind == "mission":
        return raised  # "brought the force to 1,000 personnel": the mission's stock
    hc = _noun_phrase(sent, doc, fig)
    if hc is not None:
        return hc
    hc = (
        _numbering(sent, doc, fig)
        or _level(sent, doc, fig)
        or _apposition(sent, doc, fig)
        or _put_at(sent, doc, fig)
    )
    if hc is not None:
        return hc
    coll = _collective(sent, doc, fig)
    if coll is not None and coll in r.collective_counts:
        return HeadCount(fig, fig.end, None, None, f"collective:{coll}")
    if coll is not None and _owned_collective(sent, doc, fig):
        return HeadCount(fig, fig.end, None, None, f"collective:{coll}")
    # "Guatemala (150), el Salvador (78) ... have troops": a list of states with figures.
    if (
        fig.start - 1 > sent.start
        and doc[fig.start - 1].text == "("
        and fig.end < sent.end
        and doc[fig.end].text == ")"
    ):
        a = next((x for x in sent.actors if x.end == fig.start - 1), None)
        strong = [
            t
            for t in doc[sent.start : sent.end]
            if t.lower_ in r.noun_force and t.lower_ not in r.weak_nouns
        ]
        if a is not None and a.kind == "state" and strong:
            return HeadCount(fig, _list_end(sent, doc, fig.end + 1), None, a, "list")
    return _raised_to(sent, doc, fig) or _ellipsis(sent, doc, fig) or _remainder(sent, doc, fig)


def _list_end(sent: Sentence, doc: Doc, j: int) -> int:
    """The token after a run of "State (N)" items, so that the trigger after the whole list
    ("... and Belize (2) also have troops") is measured from its end."""
    end = j
    while j < sent.end:
        while j < sent.end and doc[j].lower_ in (",", "and", "&"):
            j += 1
        a = next((x for x in sent.actors if x.start == j), None)
        if a is None:
            break
        k = a.end
        if k + 2 < sent.end and doc[k].text == "(" and doc[k + 2].text == ")":
            j = end = k + 3
            continue
        break
    return end


def _rejected(sent: Sentence, doc: Doc, hc: HeadCount) -> bool:
    r = rules()
    fig = hc.figure
    # "a combined 38 soldiers": a sum over several states, nobody's own figure
    if any(
        doc[k].lower_ in words("combined")
        for k in range(max(sent.start, fig.start - 3), min(hc.noun_end + 3, sent.end))
    ):
        return True
    if fig.value < 2 or fig.value >= 1_000_000 or not float(fig.value).is_integer():
        return True
    # part of an amount of money or a date
    for _mm, s, e in sent.money:
        if s < fig.end and fig.start < e:
            return True
    f_start = doc[fig.start].idx
    for d in sent.dates:
        if d.start_char <= f_start < d.end_char:
            return True
    after = [t.lower_ for t in doc[hc.noun_end : min(hc.noun_end + 5, sent.end)]]
    if any(w in r.casualty for w in after):
        return True
    before = [t.lower_ for t in doc[max(sent.start, fig.start - 3) : fig.start]]
    if any(w in r.casualty_before for w in before):
        return True
    return fig.end < sent.end and doc[fig.end].lower_ in ("%", "percent", "per")


def _distance(h: Hit, fig: Figure, noun_end: int) -> float:
    if h.end <= fig.start:
        return float(fig.start - h.end)
    if h.start >= noun_end:
        return float(h.start - noun_end) + 0.5
    return 99.0  # inside the noun phrase


def _future_before(doc: Doc, start: int, sent: Sentence) -> bool:
    r = rules()
    words = [doc[k].lower_.replace("\u2019", "'") for k in range(max(sent.start, start - 3), start)]
    joined = " ".join(words)
    return any((f in words) if " " not in f else (f in joined) for f in r.future) or any(
        w in ("expected", "planned", "scheduled", "awaited") for w in words
    )


def _status(sent: Sentence, doc: Doc, hc: HeadCount) -> tuple[str, Hit | None] | None:
    cands: list[tuple[float, int, Hit]] = []
    for h in sent.hits:
        if h.group not in _STATUS_GROUPS:
            continue
        d = _distance(h, hc.figure, hc.noun_end)
        if d > _WINDOW:
            # "A 20-member team drawn from the army and the police departed on Thursday": the
            # verb of a subject with a long modifier, taken only when nothing nearer speaks
            if not (
                hc.figure.start - sent.start <= 3
                and h.start >= hc.noun_end
                and d <= 2 * _WINDOW
                and h.group in ("p:arrived", "p:withdrawn")
            ):
                continue
            d += _WINDOW
        if h.group == "p:present" and doc[h.start].lower_ == "in":
            d += 3  # "in Haiti" alone is weak evidence of presence
        if h.group == "p:present" and doc[h.start].lower_ in words("numbering"):
            d += 8  # "the first group, numbering 50, is expected to leave": a size, no status
        if (
            h.group == "p:arrived"
            and doc[h.start].lower_.startswith("follow")
            and h.end < sent.end
            and doc[h.end].is_alpha
            and doc[h.end].lower_ not in words("after_more")
            and doc[h.end].lower_ != "by"
        ):
            continue  # "the pledge followed months of talks": an object, not an arrival
        if (
            h.group == "p:present"
            and doc[h.start].lower_.startswith("remain")
            and _phrase_at(doc, h.end, sent.end, "stalled") > 0
        ):
            continue  # "the deployment remains frozen": not a strength on the ground
        if h.group == "p:arrived" and any(
            w.group == "p:withdrawn" and w.start == h.start for w in sent.hits
        ):
            continue  # "landed back in Nairobi": a return home, not an arrival
        cands.append((d, _STATUS_GROUPS.index(h.group), h))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    # "the arrival of 80 Beninese soldiers brought ...": a nominal trigger governs its of-object
    for _d, _o, h in cands:
        if (
            h.group in ("p:arrived", "p:withdrawn", "p:deploy")
            and h.end < hc.figure.start <= h.end + 6
            and doc[h.end].lower_ == "of"
            and doc[h.start].lower_ in words("nominal_triggers")
        ):
            cands.remove((_d, _o, h))
            cands.insert(0, (_d, _o, h))
            break
    for _d, _o, h in cands:
        if h.group == "p:has" and (
            h.start >= hc.noun_end
            or any(
                doc[k].lower_ not in words("qualifier_words") for k in range(h.end, hc.figure.start)
            )
        ):
            continue  # only "X has (about) N ...", right before the figure
        status = _resolve(sent, doc, h)
        if status == "skip":
            return None
        if status is not None:
            return status, h
    return None


def _resolve(sent: Sentence, doc: Doc, h: Hit) -> str | None:
    """The status a trigger gives, with its tense: "to deploy" pledges, "deployed" arrived."""
    word = doc[h.start].lower_
    group = h.group.split(":", 1)[1]
    if (
        group == "pledged"
        and word.startswith("announc")
        and h.end < sent.end
        and doc[h.end].lower_ == "that"
    ):
        return None  # "announces that 40 officers departed": the clause after tells the status
    if (
        group == "arrived"
        and word.startswith("join")
        and h.end < sent.end
        and doc[h.end].lower_ == "by"
    ):
        # "600 are currently in Haiti, joined by 20 from Chad": the participle inherits the
        # status of the clause it hangs on
        before = [
            b
            for b in sent.hits
            if b.group in _STATUS_GROUPS and b.group != "p:has" and b.end <= h.start
        ]
        for b in sorted(before, key=lambda b: -b.start):
            got = _resolve(sent, doc, b)
            if got not in (None, "skip"):
                return got
    if group == "present" and word in ("strength", "size", "complement"):
        mods = {doc[k].lower_ for k in range(max(sent.start, h.start - 2), h.start)}
        if mods & {"authorised", "authorized", "mandated"}:
            return "authorized"  # "its authorised strength of 2,500": a ceiling, not a stock
        if mods & {"planned", "intended", "envisaged", "envisioned", "target", "full", "promised"}:
            return "pledged"  # "its planned strength of 2,500": a target
    if group == "deploy":
        if word in words("past_deploy"):
            prev = [doc[k].lower_ for k in range(max(sent.start, h.start - 2), h.start)]
            if "be" in prev or "to" in prev:
                return "pledged"
            if prev and set(prev) & words("present_be") and word == "deployed":
                return "present"  # "are now deployed in Haiti": a stock
            return "arrived"
        if word in words("present_3rd") and not _future_before(doc, h.start, sent):
            return "arrived"
        return "pledged"
    if group == "arrived":
        if word.endswith("ed") or word in ("touched", "flew", "flown", "batch"):
            return "arrived"
        return "pledged" if _future_before(doc, h.start, sent) else "arrived"
    if group == "withdrawn":
        if _future_before(doc, h.start, sent) and not word.endswith(("ed", "ew", "ent")):
            return "skip"  # a planned withdrawal is neither a withdrawal nor a pledge
        return "withdrawn"
    if group == "has":
        return "present"  # "Kenya has about 400 officers in the country"
    if (
        group == "authorized"
        and word.startswith("approv")
        and not (
            sent.has("requires:un_resolution")
            or any(
                doc[k].lower_ in ("resolution", "mandate", "mandates")
                for k in range(sent.start, sent.end)
            )
        )
    ):
        return "pledged"  # a national approval ("the cabinet approved 1,000 officers")
    return group


def _flow_date(sent: Sentence, doc: Doc, published: str | None) -> str | None:
    """The date of an arrival told in ``sent`` (the sentence before), if it tells one."""
    for h in sent.hits:
        if h.group in ("p:arrived", "deploy_event") and not _future_before(doc, h.start, sent):
            got = pick_date(sent, doc, doc[h.start].idx, published)
            if got is not None:
                return got
    return None


def _now_in_clause(sent: Sentence, doc: Doc, fig: Figure) -> bool:
    """A present-time word ("now", "currently") in the figure's own clause."""
    cls = clauses(sent, doc)
    own = cls[clause_index(cls, fig.start)]
    return any(h.group == "present_marker" and own.start <= h.start < own.end for h in sent.hits)


def _reported_now(sent: Sentence, doc: Doc, trig: Hit) -> bool:
    """A plan or a flow in the simple or future tense, told by a speaker in the report ("will
    fly out, the official said", "are on board, officials say"): news of the day it was
    published, unlike a perfect "has committed 150", which may be old."""
    r = rules()
    before = {doc[k].lower_ for k in range(max(sent.start, trig.start - 3), trig.start)}
    if before & r.perfect:
        return False
    return any(doc[k].lower_ in words("reporting") for k in range(sent.start, sent.end))


def _qualifier(sent: Sentence, doc: Doc, fig: Figure) -> str:
    for h in sent.hits:
        if h.group.startswith("qual:") and h.end == fig.start:
            return h.group.split(":", 1)[1]
        if h.group == "qual_after:at_least" and h.start == fig.end:
            return "at_least"
    return "exact"


_MISSION_KINDS = ("state", "official", "coref", "mission")


def _actor(
    sent: Sentence,
    doc: Doc,
    hc: HeadCount,
    status: str,
    fallback: str | None,
    previous: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """Whose head-count: see the module docstring. ``previous``: the contributors named in
    the sentence before, for a pronoun subject ("It was made up of 400 officers")."""
    m = mission()
    fig = hc.figure
    if hc.mission_wide:
        return m.code, "mission-wide"
    if hc.np_actor is not None:
        if hc.np_actor.code == m.host:
            return None  # the host's own police are not the mission
        return hc.np_actor.code, "np"
    # "700 police personnel from Kenya"
    for k in range(hc.noun_end, min(hc.noun_end + 3, sent.end)):
        if doc[k].lower_ == "from":
            a = next((x for x in sent.actors if x.start in (k + 1, k + 2)), None)
            if a is not None and a.code == m.host and a.kind == "state":
                if status == "withdrawn":
                    break  # "withdrew 150 officers from Haiti": a place
                return None  # "2,000 police from Haiti": the host's own
            if a is not None and a.kind != "org":
                return (m.code if a.kind == "mission" else a.code), "from"
    # "Kenya's 1,000 officers"
    if fig.start - 1 > sent.start and doc[fig.start - 1].lower_ in ("'s", "\u2019s"):
        a = next((x for x in sent.actors if x.end == fig.start - 1), None)
        if a is not None and (contributor(a) or a.kind == "mission"):
            return (a.code if a.kind != "mission" else m.code), "possessive"
    # "a total of 2,500 officers": the mission's, unless someone's ("its total contribution")
    window = range(max(sent.start, fig.start - 5), fig.start)
    totals = [k for k in window if doc[k].lower_ in ("total", "overall")] + [
        h.start for h in sent.hits if h.group == "total" and fig.start - 3 <= h.end <= fig.start
    ]
    owned = any(
        k > sent.start and doc[k - 1].lower_ in ("its", "their", "his", "her", "'s", "\u2019s")
        for k in totals
    )
    if totals and not owned:
        before_states = {a.code for a in sent.actors if a.end <= fig.start and contributor(a)}
        if len(before_states) >= 2:
            return None  # "The Bahamas, Jamaica and Belize have pledged a total of 330"
        return m.code, "total"
    if status == "authorized":
        return m.code, "authorized"
    a = nearest_before(sent, doc, fig.start, _MISSION_KINDS)
    if (
        a is not None
        and a.code == m.host
        and a.start > sent.start
        and doc[a.start - 1].lower_ in words("object_prepositions")
    ):
        # "Jamaica has stood with Haiti ..., and we are ready to send 200": the host as an
        # object is no subject; the actor named before it is
        a = nearest_before(sent, doc, a.start - 1, _MISSION_KINDS)
    if a is not None:
        if a.code == m.host:
            return None  # "the Haitian government has recruited 1,500 officers"
        return (m.code if a.kind == "mission" else a.code), "nearest-before"
    later = [a for a in sent.actors if a.start >= hc.noun_end and contributor(a)]
    if later:
        return later[0].code, "nearest-after"
    if any(a.kind == "mission" and a.start >= hc.noun_end for a in sent.actors):
        return m.code, "mission-after"
    nobody = not any(usable(a) and a.code != m.host for a in sent.actors)
    if (
        nobody
        and len(previous) == 1
        and any(
            doc[k].lower_ in words("payer_pronouns") for k in range(sent.start, hc.figure.start)
        )
    ):
        return previous[0], "previous-sentence"
    if fallback is not None and hc.force is not None and nobody:
        # "That first group, about 400 officers, landed on 25 June.": nobody named here, so
        # the state whose people the document is about; "1,000 personnel" (no force) may be
        # the whole mission's
        return fallback, "document"
    return None


def _elsewhere(sent: Sentence, actor: str) -> bool:
    """Troops somewhere else: the sentence names a foreign place ("in Somalia"), other than
    the actor's own home ("flown back to Nairobi"), and not the host ("Kenya also has 300
    troops in Somalia")."""
    host = mission().host
    places = [a for a in sent.actors if a.location and a.kind == "state"]
    return (
        bool(places)
        and all(a.code != host for a in places)
        and any(a.code != actor for a in places)
        and not any(a.code == host for a in sent.actors)
    )


def _document_owner(ann: Annotated) -> str | None:
    """The state whose people the document is about: the one most often named as a demonym
    right before a personnel noun ("Kenyan police", "Jamaican soldiers")."""
    r = rules()
    doc = ann.doc
    counts: Counter[str] = Counter()
    for s in ann.sentences:
        for a in s.actors:
            if a.via == "demonym" and contributor(a) and a.end < s.end:
                nxt = doc[a.end].lower_
                if nxt in r.noun_force or nxt in r.modifiers:
                    counts[a.code] += 1
    if not counts:
        return None
    (code, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None
    return code


def _deployment_states(sent: Sentence, doc: Doc, h: Hit) -> list[str]:
    """The contributors of a deployment: states in the trigger's clause, with a list subject
    split by commas before it ("Jamaica, Belize and the Bahamas have sent..."); a clause with
    none borrows the nearest clause that has some."""
    cls = clauses(sent, doc)
    idx = clause_index(cls, h.start)

    def states_in(c: Clause) -> list[str]:
        return [a.code for a in sent.actors if c.start <= a.start < c.end and contributor(a)]

    found = states_in(cls[idx])
    covered = {i for a in sent.actors for i in range(a.start, a.end)}
    for k in range(idx - 1, -1, -1):
        c = cls[k]
        rest = [
            i
            for i in range(c.start, c.end)
            if i not in covered and doc[i].lower_ not in ("and", "the", "&")
        ]
        if not rest and states_in(c):
            found = states_in(c) + found
            continue
        # "Since then El Salvador, Guatemala, ... have sent": the list's first item ends it
        last = [a for a in sent.actors if a.end == c.end and contributor(a)]
        if last:
            found = [last[0].code] + found
        break
    if found:
        return sorted(set(found))
    for step in range(1, len(cls)):
        for k in (idx - step, idx + step):
            if 0 <= k < len(cls) and states_in(cls[k]):
                return sorted(set(states_in(cls[k])))
    return []


def _deployments(
    ann: Annotated, sent: Sentence, published: str | None, counted: list[int]
) -> list[Fact]:
    """A contingent arrived, landed or was sent, with no head-count: one event per state."""
    doc = ann.doc
    r = rules()
    m = mission()
    out: list[Fact] = []
    # a singular "team" is too often "a team of officials"
    people_words = set(r.noun_force) | {
        "contingent",
        "contingents",
        "batch",
        "batches",
        "teams",
        "unit",
        "units",
        "squad",
        "squads",
        "detachment",
        "detachments",
        "rotation",
    }
    if any(doc[k].lower_ in r.casualty for k in range(sent.start, sent.end)):
        return out  # "an officer serving with the mission was killed": not a deployment
    cls = clauses(sent, doc)
    for h in sent.hits_of("deploy_event"):
        if hypothetical(doc, h, sent) or _future_before(doc, h.start, sent):
            continue
        own = cls[clause_index(cls, h.start)]
        if any(own.start <= f < own.end for f in counted):
            continue  # "380 Kenyan police officers are currently deployed": a head-count
        word = doc[h.start].lower_
        if word in ("sent", "contributed"):
            # "have sent small teams", "later sent smaller teams": people as the object
            # ("sent a letter" is no deployment)
            obj = any(doc[k].lower_ in people_words for k in range(h.end, min(h.end + 4, sent.end)))
            if not obj:
                continue
        has_people = any(doc[k].lower_ in people_words for k in range(sent.start, sent.end))
        enters_host = any(a.code == m.host and h.end <= a.start <= h.end + 3 for a in sent.actors)
        if not (has_people or enters_host):
            continue
        states = [c for c in _deployment_states(sent, doc, h) if not _elsewhere(sent, c)]
        if not states:
            continue
        date = pick_date(sent, doc, doc[h.start].idx, published, "past")
        for code in states:
            out.append(
                Fact(
                    kind="event",
                    type="deployment",
                    actors=(code,),
                    date=date,
                    evidence=Evidence(
                        ann.text[sent.start_char : sent.end_char],
                        sent.start_char,
                        sent.end_char,
                        "event:deployment",
                    ),
                )
            )
        break
    return out


def extract_personnel(ann: Annotated, published: str | None) -> tuple[list[Fact], list[Fact]]:
    """Personnel facts and deployment events of a whole document."""
    doc = ann.doc
    people: list[Fact] = []
    events: list[Fact] = []
    owner = _document_owner(ann)
    for idx, sent in enumerate(ann.sentences):
        before = ann.sentences[idx - 1] if idx > 0 else None
        previous = (
            tuple(sorted({a.code for a in before.actors if contributor(a)}))
            if before is not None
            else ()
        )
        evidence_text = ann.text[sent.start_char : sent.end_char]
        arrived_here: list[Fact] = []
        counted: list[int] = []
        for fig in sent.figures:
            hc = _head_count(sent, doc, fig)
            if hc is None or _rejected(sent, doc, hc):
                continue
            trig: Hit | None = None
            got = _status(sent, doc, hc)
            if hc.status is not None:
                status = hc.status
            elif got is not None:
                status, trig = got
            elif sent.has("present_marker"):
                status = "present"
            else:
                status = ""
            if trig is not None and status in ("arrived", "withdrawn") and unreal(doc, trig, sent):
                # "asked him to speed up the arrival of 600 officers": not yet
                if status == "withdrawn":
                    continue
                status = "pledged"
            qualifier = _qualifier(sent, doc, fig)
            if qualifier == "at_most" and (
                sent.has("requires:un_resolution")
                or (sent.has("p:authorized") and not sent.has("requires:other"))
            ):
                # "authorised up to 2,500": a ceiling; a parliament's "approved sending up to
                # 150 soldiers" is its state's offer
                status = "authorized"
            actor = _actor(sent, doc, hc, status, owner, previous)
            if actor is None:
                continue
            code, how = actor
            if _elsewhere(sent, code):
                continue
            if not status:
                if how not in ("np", "possessive", "from", "list"):
                    continue
                status = "pledged"  # "Kenya's 1,000 officers": a state's figure, no verb
            anchor = doc[trig.start].idx if trig is not None else doc[fig.start].idx
            # a stock "by August" holds as of August; a flow "by August" is a deadline
            date = pick_date(
                sent,
                doc,
                anchor,
                published,
                start_dates=status != "present",
                end_dates=status == "present",
            )
            if status == "present" and _now_in_clause(sent, doc, fig):
                date = published or date  # "now has 1,000, up from 400 in June": now
            if date is None and status == "present":
                date = present_date(sent, published) or published
            elif date is None and trig is not None and _reported_now(sent, doc, trig):
                date = published  # "200 more will follow, the embassy said": said today
            if date is None and status == "arrived" and not sent.dates and before is not None:
                # "A plane landed on Tuesday. About 200 officers were on board.": that day
                date = _flow_date(before, doc, published)
            counted.append(fig.start)
            fact = Fact(
                kind="personnel",
                actor=code,
                status=status,
                count=int(fig.value),
                qualifier=qualifier,
                force=hc.force,
                date=date,
                evidence=Evidence(
                    evidence_text,
                    sent.start_char,
                    sent.end_char,
                    f"personnel:{hc.rule}/{how}/{trig.group if trig else 'no-trigger'}",
                ),
            )
            people.append(fact)
            if status == "arrived":
                arrived_here.append(fact)
        # "the arrival of 75 Guatemalan soldiers and of a Salvadoran unit which landed": a
        # head-count for one state, a deployment with none for another
        events.extend(
            f
            for f in _deployments(ann, sent, published, counted)
            if not any(p.actor in f.actors for p in arrived_here)
        )
    return people, events
