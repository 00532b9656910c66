"""funding facts: an amount of money, the predicate that says what happened to it (promised,
paid in, spent) and who paid (``data/funding.yaml`` holds the rules)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from mission_monitor.extract import grammar
from mission_monitor.extract.annotate import MoneySpan, Sentence
from mission_monitor.extract.context import Context
from mission_monitor.extract.engine import Matches
from mission_monitor.extract.kinds.personnel import governor_state
from mission_monitor.extract.lexicon import words
from mission_monitor.models import Fact
from mission_monitor.resolve.money import currency_home

MAX_AMOUNT = 1e13  # more than any state's budget: a larger figure is a misreading


@cache
def _nominal() -> frozenset[str]:
    return words("fund_nouns")


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    for sent in ctx.parsed():
        m = ctx.matches(sent)
        for money in sent.money:
            fact = _fact(ctx, sent, m, money)
            if fact is not None:
                out.append(fact)
    return out


def _root(sent: Sentence, money: MoneySpan) -> Token:
    toks = [sent.token(i) for i in range(money.start, money.end)]
    span = {t.i for t in toks}
    for t in toks:
        if t.head.i not in span or t.head.i == t.i:
            return t
    return toks[-1]


def _qualifier(ctx: Context, sent: Sentence, m: Matches, root: Token, money: MoneySpan) -> str:
    got = m.first("qualifier", root)
    if got is None and money.start > sent.start:
        got = m.first("qualifier", sent.token(money.start))
    return str(got.yields["qualifier"]) if got is not None else "exact"


def _payer(ctx: Context, sent: Sentence, m: Matches, root: Token, pred: Token | None,
           rules: list[str]) -> str | None:  # fmt: skip
    for anchor in (root, sent.token(money_start(sent, root))):
        for got in m.of("payer_np", anchor):
            if got["actor"].i in _span_of(sent, root):
                continue  # "U.S. dollars": the currency's state, not the payer
            rules.append(got.rule.name)
            return str(got["actor"]._.mm_actor)
    preds = [pred, *grammar.governors(pred)] if pred is not None else []
    if pred is not None and pred.head.i != pred.i and pred.dep_ in ("dobj", "pobj", "nsubjpass"):
        preds.insert(1, pred.head)  # a noun predicate: "received a commitment ... from X"
    for p in preds:
        clause = m.first("payer_clause", p)
        if clause is not None:
            rules.append(clause.rule.name)
            return str(clause["actor"]._.mm_actor)
        subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        relative = subj is not None and subj.lower_ in ("which", "who", "that")
        if relative and p.dep_ == "relcl" and p.head._.mm_contrib:
            # "Benin, France and Canada, which pledged C$80.5m"
            rules.append("payer/relative-clause")
            return str(p.head._.mm_actor)
        if subj is not None and subj.lower_ in ("we", "our"):
            state = ctx.speaker(sent)
            if state is not None:
                rules.append("payer/speaker")
                return state
        if subj is not None and subj.lower_ in ("it", "they") and not grammar.is_expletive(subj):
            state = governor_state(p, m) or ctx.recent_state(sent)
            if state is not None:
                rules.append("payer/pronoun")
                return state
        fund = m.first("payer_fund", p)
        if fund is not None:
            rules.append(fund.rule.name)
            return "UN"
        if subj is None:
            continue
        if subj.lower_ in words("generic_state_nouns") and ctx.main_state is not None:
            rules.append("payer/the-government")
            return ctx.main_state
        if subj._.mm_actor is None and subj.pos_ in ("NOUN", "PROPN"):
            break
    return None


def _predicate(sent: Sentence, root: Token, nominal: frozenset[str]) -> Token | None:
    """What the text says happened to an amount: a participle on it ("KSh 181 million already
    disbursed"), else the predicate it depends on; a money noun yields to the verb it is the
    subject or object of ("contributions of $10.8 million have been deposited"), a total
    ("contributions totalling $18 million are in the fund") and a list ("followed by the
    U.S. ($6 million)") to the clause they belong to."""
    classes = _classes()
    for tok in sorted(_span_tokens(sent, root), key=lambda t: t.i != root.i):
        own = grammar.own_predicate(tok, classes)
        if own is not None:
            return own
    pred = grammar.governing_predicate(root, nominal)
    if pred is None:
        return None
    shared = grammar.shared_clause(root, pred, nominal)
    if shared is not None:
        return shared
    if pred.lemma_ in ("total", "amount", "reach", "come", "exceed", "top", "number") and (
        pred.dep_ in ("acl", "relcl") and pred.head.lower_ in nominal
    ):
        pred = pred.head  # "contributions totaling $10.8 million"
    if pred.pos_ not in grammar.VERBAL and pred.lower_ not in words("pledge_nouns"):
        verb = grammar.governing_predicate(pred, frozenset())
        if (
            verb is not None
            and pred.dep_ in ("nsubjpass", "dobj", "nsubj")
            and (verb.lemma_ in classes or verb.lemma_ == "be")
        ):
            pred = verb
    return pred


def _span_tokens(sent: Sentence, root: Token) -> list[Token]:
    return [sent.parsed[i] for i in sorted(_span_of(sent, root))] if sent.parsed else [root]


def money_start(sent: Sentence, root: Token) -> int:
    for money in sent.money:
        if money.start <= sent.whole(root) < money.end:
            return money.start
    return sent.whole(root)


def _span_of(sent: Sentence, root: Token) -> set[int]:
    for money in sent.money:
        if money.start <= sent.whole(root) < money.end:
            return {i - sent.start for i in range(money.start, money.end)}
    return {root.i}


@cache
def _classes() -> frozenset[str]:
    return (
        words("fund_pledge_verbs")
        | words("fund_pay_verbs")
        | words("fund_deposit_verbs")
        | words("fund_spend_verbs")
    )


def _fact(ctx: Context, sent: Sentence, m: Matches, money: MoneySpan) -> Fact | None:
    mm = money.mention
    if not 0 < mm.amount <= MAX_AMOUNT:
        return None
    root = _root(sent, money)
    if m.first("not_funding", root) is not None:
        return None
    nominal = _nominal()
    pred = _predicate(sent, root, nominal)
    if pred is None:
        return None
    feats = grammar.features(pred, m)
    if ctx.times(sent, pred, nominal):
        feats.add("timed")
    st = m.first("money_status", pred, feats)
    if st is None or str(st.yields["status"]) == "none":
        return None
    status = str(st.yields["status"])
    rules = ["funding:" + st.rule.name]
    actor = _payer(ctx, sent, m, root, pred, rules)
    if actor is None and status == "disbursed":
        home = currency_home(mm.original.currency if mm.original else mm.currency)
        if home is not None and home not in ("USA",) and mm.currency not in ("USD", "EUR"):
            actor = home  # "the Treasury allocated Sh12 billion": Kenya's own money
            rules.append("payer/currency-home")
    if actor is None and status in ("deposited", "pledged") and _speaks_of_fund(sent):
        actor = "UN"
        rules.append("payer/fund-total")
    if actor is None or actor == ctx.host:
        return None
    return Fact(
        kind="funding",
        actor=actor,
        status=status,
        amount=mm.amount,
        currency=mm.currency,
        original=mm.original,
        qualifier=_qualifier(ctx, sent, m, root, money),
        date=_date(ctx, sent, m, pred, feats, status),
        evidence=ctx.evidence(sent, rules),
    )


def _speaks_of_fund(sent: Sentence) -> bool:
    fund = words("fund_words")
    return any(t.lower_ in fund for t in sent.span)


def _date(
    ctx: Context, sent: Sentence, m: Matches, pred: Token, feats: set[str], status: str
) -> str | None:
    """The time the text gives the step (its predicate's, or the pledge's or statement's
    above it); else the publication date, but for a background amount in the past perfect."""
    nominal = _nominal()
    # a relative or adverbial clause keeps its own time ("Norway, which has pledged $9 million,
    # said on Monday ..."): only the statement or plan it completes lends it one
    nodes = grammar.time_nodes(pred, nominal) + grammar.governors(
        pred, nominal=nominal, deps=grammar.COMPLEMENT_DEPS
    )
    for node in nodes:
        got = ctx.first_date(ctx.times(sent, node, nominal))
        if got is not None:
            return got
    tense = grammar.tense(pred, feats, m)
    if "pluperfect" in tense and not grammar.reported(pred):
        return None
    return ctx.published
