"""Funding facts: money pledged, deposited or disbursed for the mission.

An amount counts when a funding trigger (pledge, commit, deposit, disburse...) is nearer to it
than any word of cost or need ("costs", "shortfall", "requires"). The actor is the state after
"from", else the nearest state (or organisation) named before the amount, else after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from mission_monitor.extract.annotate import ActorMention, Annotated, Hit, Sentence
from mission_monitor.extract.context import (
    Clause,
    clause_index,
    clauses,
    pick_date,
    present_date,
    unreal,
    usable,
)
from mission_monitor.extract.rules import words
from mission_monitor.models import Evidence, Fact
from mission_monitor.resolve.actors import mission
from mission_monitor.resolve.money import currency_home

_STATUS = ("f:pledged", "f:deposited", "f:disbursed")
_WINDOW = 16


def _dist(h: Hit, start: int, end: int) -> float:
    if h.end <= start:
        return float(start - h.end)
    if h.start >= end:
        return float(h.start - end) + 0.5
    return 0.0


def _payer(ann: Annotated, sent: Sentence, start: int, end: int) -> tuple[str, str] | None:
    """Who pays: "from X" after the amount, else the actor named nearest before it (outside
    relative clauses), else the first one after it. The host and the mission never pay; the
    Security Council never does either (a UN trust fund is "UN")."""
    doc = ann.doc
    m = mission()

    def ok(a: ActorMention) -> bool:
        return usable(a) and a.code not in (m.host, m.code, m.authority) and a.kind != "mission"

    for k in range(end, min(end + 6, sent.end)):
        if doc[k].lower_ == "from":
            a = next((x for x in sent.actors if x.start in (k + 1, k + 2)), None)
            # "from Canada, France and other donors": many payers, so the fund's owner
            many = [x for x in sent.actors if k < x.start <= k + 8 and ok(x)]
            tail = doc[k : min(k + 10, sent.end)].text.lower()
            # "mostly from Canada": the main donor among others, not the payer of the sum
            partial = k > 0 and doc[k - 1].lower_ in words("partial")
            if a is not None and ok(a) and len(many) == 1 and "other" not in tail and not partial:
                return a.code, "from"
            break
    cls = clauses(sent, doc)
    idx = clause_index(cls, start)
    own = cls[idx]
    # "... and that donors had contributed Sh12 billion": a subject of its own, not an actor
    generic = any(
        doc[k].lower_ in words("generic_payers") for k in range(own.start, min(start, own.end))
    )
    for k in range(idx, -1, -1):
        c = cls[k]
        if k != idx and (c.relative or generic):
            continue
        cands = [a for a in sent.actors if c.start <= a.start < c.end and a.end <= start and ok(a)]
        if cands:
            return cands[-1].code, "nearest-before"
    later = [a for a in sent.actors if a.start >= end and ok(a)]
    if later:
        return later[0].code, "nearest-after"
    return None


def _future_only(doc: Doc, hit: Hit, sent: Sentence) -> bool:
    """Whether the only unreal words before a trigger in its clause are future auxiliaries
    ("will provide", "said it would put"): a promise, where "wants", "could" or "urged" are
    not."""
    cls = clauses(sent, doc)
    c = cls[clause_index(cls, hit.start)]
    seen = [
        doc[k].lower_.replace("\u2019", "'")
        for k in range(c.start, hit.start)
        if doc[k].lower_.replace("\u2019", "'") in words("unreal")
    ]
    return bool(seen) and all(w in words("future_aux") for w in seen)


def _payer_elsewhere(ann: Annotated, idx: int, own: Clause, status: str) -> tuple[str, str] | None:
    """A payer the sentence does not name: "We have pledged $X" after a sentence about the
    United States (a pronoun subject), or the trust fund's owner for a deposit into it."""
    doc = ann.doc
    sent = ann.sentences[idx]
    m = mission()
    subject = [doc[k].lower_ for k in range(own.start, min(own.start + 3, own.end))]
    if idx > 0 and any(w in words("payer_pronouns") for w in subject):
        prev = [
            a
            for a in ann.sentences[idx - 1].actors
            if usable(a)
            and a.kind in ("state", "official", "coref")
            and a.code not in (m.host, m.code, m.authority)
        ]
        if len({a.code for a in prev}) == 1:
            return prev[0].code, "previous-sentence"
    text = doc[sent.start : sent.end].text.lower()
    if status == "deposited" and "fund" in text:
        return m.fund, "fund"
    return None


def _qualifier(sent: Sentence, start: int) -> str:
    for h in sent.hits:
        if h.group.startswith("qual:") and h.end == start:
            return h.group.split(":", 1)[1]
    return "exact"


def extract_funding(ann: Annotated, published: str | None) -> list[Fact]:
    doc = ann.doc
    out: list[Fact] = []
    for idx, sent in enumerate(ann.sentences):
        if not sent.money:
            continue
        evidence_text = ann.text[sent.start_char : sent.end_char]
        for mm, start, end in sent.money:
            cands = sorted(
                ((_dist(h, start, end), h) for h in sent.hits if h.group in _STATUS),
                key=lambda c: c[0],
            )
            cands = [c for c in cands if c[0] <= _WINDOW]
            if not cands:
                continue
            best_d, best = cands[0]
            # "had received contributions totalling $X": a noun that names money says less
            # than a verb in the same clause
            if doc[best.start].lower_ in words("money_nouns"):
                cls0 = clauses(sent, doc)
                own0 = cls0[clause_index(cls0, start)]
                verbs = [
                    c
                    for c in cands
                    if doc[c[1].start].lower_ not in words("money_nouns")
                    and own0.start <= c[1].start < own0.end
                ]
                if verbs:
                    best_d, best = verbs[0]
            blockers = [_dist(h, start, end) for h in sent.hits if h.group == "f:not"]
            if blockers and min(blockers) <= best_d:
                continue
            status = best.group.split(":", 1)[1]
            if unreal(doc, best, sent):
                if not _future_only(doc, best, sent):
                    continue  # "Beijing wants Washington to pay $X"
                status = "pledged"  # "will provide $X", "would put $X into the fund"
            cls = clauses(sent, doc)
            own = cls[clause_index(cls, start)]
            if any(h.group == "f:other" and own.start <= h.start < own.end for h in sent.hits):
                continue  # "$100 million in humanitarian aid": not for the mission
            later_deposit = [
                h
                for h in sent.hits
                if h.group == "f:deposited" and end <= h.start <= end + _WINDOW and h.end <= own.end
            ]
            if (
                status in ("pledged", "disbursed")
                and later_deposit
                and best.group != "f:deposited"
                and not unreal(doc, later_deposit[0], sent)
            ):
                # "contributed Sh12 billion to the UN trust fund" (in the amount's clause)
                status = "deposited"
                best = later_deposit[0]
            payer = _payer(ann, sent, start, end) or _payer_elsewhere(ann, idx, own, status)
            home = currency_home(mm.original.currency if mm.original else mm.currency)
            if payer is None and home is not None and home != mission().host:
                payer = home, "currency"  # "The Treasury allocated Sh12 billion": Kenya
            if payer is None:
                continue
            code, how = payer
            date = pick_date(sent, doc, doc[best.start].idx, published) or present_date(
                sent, published
            )
            out.append(
                Fact(
                    kind="funding",
                    actor=code,
                    status=status,
                    amount=mm.amount,
                    currency=mm.currency,
                    original=mm.original,
                    qualifier=_qualifier(sent, start),
                    date=date,
                    evidence=Evidence(
                        evidence_text,
                        sent.start_char,
                        sent.end_char,
                        f"funding:{how}/{best.group}",
                    ),
                )
            )
    return out
