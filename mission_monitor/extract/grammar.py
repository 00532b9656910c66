"""What the parse says about a clause, for every kind: the predicate that governs a noun, the
features of a predicate (tense, aspect, modality: the `mood` rules of ``data/grammar.yaml``)
and the time expressions that belong to it.

The walk from a noun to its predicate goes up the tree to the first predicate: a verb, or one
of the nouns a kind names as predicates in its data file ("pledge", "arrival", "deployment").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from mission_monitor.extract.engine import Matches

# A verb in one of these relations hands its features on to the clause it depends on.
TENSES = frozenset({"past", "present", "perfect", "pluperfect", "future", "progressive"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj"})

VERBAL = frozenset({"VERB", "AUX"})
# verbs whose complement happens when they do: "began deploying", "managed to raise"
IMPLICATIVE = frozenset(
    {"begin", "start", "continue", "resume", "keep", "manage", "succeed", "help", "get", "go"}
)


def is_predicate(tok: Token, nominal: frozenset[str]) -> bool:
    """A verb; a predicate noun of the kind ("pledge", "arrival"); or a noun with a direct
    object, which is a verb the tagger took for a noun ("the mission numbers 1,000")."""
    if tok.pos_ in VERBAL:
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.lower_ in nominal or any(c.dep_ == "dobj" for c in tok.children)


# verbs and adjectives that raise the subject of their complement: "1,000 officers are *set*
# to arrive", "200 officers *due* to arrive": the complement is the predicate
RAISING = frozenset(
    {
        "set",
        "due",
        "expect",
        "expected",
        "schedule",
        "scheduled",
        "slate",
        "slated",
        "likely",
        "poise",
        "poised",
        "ready",
        "about",
        "bound",
        "going",
        "supposed",
        "meant",
        "mean",
    }
)


def own_predicate(unit: Token, classes: frozenset[str]) -> Token | None:
    """A participle or relative clause that tells what happened to the counted group itself:
    "400 officers *sent* last year", "police who *arrived* in May", "200 officers due to
    *arrive*"."""
    for child in unit.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in VERBAL and child.lemma_ in classes:
            if child.dep_ == "acl" and child.tag_ not in ("VBN", "VBD"):
                continue  # "officers to send": a purpose, not what happened to them
            return child
        if child.dep_ in ("amod", "acl") and child.lower_ in RAISING:
            inner = next((c for c in child.children if c.dep_ == "xcomp"), None)
            if inner is not None and inner.lemma_ in classes:
                return inner
    return None


def raised(pred: Token) -> Token:
    """The complement of a raising verb ("are set to arrive" -> arrive), else ``pred``."""
    if pred.lemma_ in RAISING or pred.lower_ in RAISING:
        inner = next((c for c in pred.children if c.dep_ == "xcomp"), None)
        if inner is not None and inner.pos_ in VERBAL:
            return inner
    return pred


def governing_predicate(tok: Token, nominal: frozenset[str], limit: int = 16) -> Token | None:
    """The predicate a noun phrase depends on: the nearest verb above it, or a predicate noun
    ("a pledge of 1,000 police", "the arrival of 200 officers")."""
    t = tok
    for _ in range(limit):
        head = t.head
        if head.i == t.i:
            return None
        if is_predicate(head, nominal):
            return head
        t = head
    return None


def features(pred: Token, matches: Matches, depth: int = 0) -> set[str]:
    """The mood features of ``pred``; a verb with no auxiliary of its own takes those of the
    verb it is coordinated with or of the aspect verb it completes ("began deploying")."""
    key = ("features", pred.i, depth)
    got = matches.memo.get(key)
    if got is None:
        got = matches.memo[key] = _features(pred, matches, depth)
    return set(got)


def _features(pred: Token, matches: Matches, depth: int) -> set[str]:
    feats = {str(v) for v in matches.yielded("mood", pred, "feature")}
    if depth > 3:
        return feats
    head = pred.head
    has_aux = any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in pred.children)
    if pred.dep_ == "conj" and head.pos_ in VERBAL and not has_aux:
        feats |= features(head, matches, depth + 1) - {"question"}
    if pred.dep_ == "xcomp" and head.lemma_ in IMPLICATIVE:
        # "began deploying", "managed to raise": the complement happened when its verb did
        feats |= features(head, matches, depth + 1)
    if pred.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj"):
        up = features(head, matches, depth + 1) if head.i != pred.i else set()
        # a request, condition or question above the clause reaches into it, and the denial
        # of a plan into what was planned ("Benin no longer plans to send 2,000 troops")
        feats |= up & {"urged", "conditional", "question"}
        if pred.dep_ == "xcomp":
            feats |= up & {"negated", "modal"}
        to_only = any(c.tag_ == "TO" for c in pred.children) and not has_aux
        if pred.dep_ in ("advcl", "xcomp") and to_only and head.lemma_ not in _NO_INHERIT:
            # "working with Congress to provide $300 million": the aim of an effort under way
            feats |= up & {"future", "planned", "progressive"}
        if pred.dep_ == "advcl" and pred.tag_ == "VBG" and not has_aux and pred.lemma_ in _RESULTS:
            # "Chad will send 200 more troops, bringing its contingent to 600": the result
            # of a plan is planned
            feats |= up & {"future", "planned"}
    if pred.pos_ == "NOUN" and pred.dep_ in ("dobj", "nsubjpass") and head.pos_ in VERBAL:
        # "asked Ruto to speed up the arrival of 600 more officers": the step asked for
        feats |= features(head, matches, depth + 1) & {"urged", "conditional", "question"}
    if "urged" in feats and _plan_asks(pred):
        feats = (feats - {"urged"}) | {"planned"}  # "the plans call for Chad to contribute"
    return feats


# "..., bringing its contingent to 600": a participle that gives the result of its clause
_RESULTS = frozenset({"bring", "raise", "take", "lift", "boost", "push", "increase", "swell"})
# a verb whose infinitive complement is its own step, not the aim of an effort
_NO_INHERIT = frozenset({"manage", "fail", "refuse", "decline", "begin", "start", "continue"})


_PLAN_SUBJECTS = frozenset(
    {"plan", "proposal", "agreement", "resolution", "deal", "framework", "arrangement", "concept",
     "mandate", "decision"}
)  # fmt: skip


def _plan_asks(pred: Token) -> bool:
    """Whether the request above ``pred`` is made by a plan, not a person ("the plans call
    for Chad and Nigeria to contribute 3,500 troops each")."""
    gov = pred.head
    for _ in range(3):
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lemma_ in _PLAN_SUBJECTS
        if gov.head.i == gov.i:
            return False
        gov = gov.head
    return False


def clause_head(tok: Token, nominal: frozenset[str]) -> Token | None:
    """The nearest predicate at or above ``tok``."""
    t = tok
    for _ in range(16):
        if is_predicate(t, nominal):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def attached(tokens: Iterable[Token], pred: Token, nominal: frozenset[str]) -> bool:
    """Whether a phrase (its tokens) depends on ``pred`` and on no nearer predicate."""
    toks = list(tokens)
    if not toks:
        return False
    span = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in span or t.head.i == t.i), toks[-1])
    if root.i == pred.i:
        return False
    h = root.head
    for _ in range(16):
        if h.i == pred.i:
            return True
        if is_predicate(h, nominal) and h.i not in span:
            return False
        if h.head.i == h.i:
            return False
        h = h.head
    return False


def governors(
    pred: Token,
    limit: int = 4,
    nominal: frozenset[str] = frozenset(),
    deps: frozenset[str] = CLAUSE_DEPS,
) -> list[Token]:
    """The predicates a clause depends on, nearest first: "Kenya *said* it *plans* to send",
    "a *pledge* by Ruto to send 600" (a predicate noun of ``nominal`` counts)."""
    out: list[Token] = []
    t = pred
    for _ in range(limit):
        if t.dep_ not in deps or t.head.i == t.i:
            break
        t = t.head
        while not is_predicate(t, nominal) and t.head.i != t.i:
            t = t.head
        out.append(t)
    return out


# a clause that completes its governor (a plan's object, a reported statement): the
# governor's time is the clause's too; an adverbial or relative clause has its own
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "conj"})

# verbs that report a statement: a past perfect under them is the reporter's present
REPORTING = frozenset(
    {
        "say",
        "tell",
        "add",
        "announce",
        "report",
        "note",
        "state",
        "confirm",
        "explain",
        "reveal",
        "disclose",
        "indicate",
        "write",
        "claim",
        "insist",
    }
)


def time_nodes(pred: Token, nominal: frozenset[str]) -> list[Token]:
    """Where a predicate's own time may sit: on it, on the verb it completes or raises, and
    (for a predicate noun) on the verb it is the argument of."""
    nodes = [pred]
    inner = next((c for c in pred.children if c.dep_ == "xcomp"), None)
    if inner is not None:
        nodes.append(inner)
    if pred.dep_ == "xcomp" and pred.head.i != pred.i:
        nodes.append(pred.head)
    if pred.pos_ not in VERBAL and pred.head.i != pred.i:
        verb = governing_predicate(pred, frozenset())
        if verb is not None:
            nodes.append(verb)
    return nodes


def finite_features(pred: Token, matches: Matches) -> set[str]:
    """The tense of the nearest finite verb at or above a non-finite one ("has extended its
    support by *offering*", "announced plans to *send*")."""
    t = pred
    for _ in range(5):
        got = features(t, matches) & TENSES
        if got:
            return got
        if t.head.i == t.i:
            break
        t = t.head
    return set()


def reported(pred: Token) -> bool:
    """Whether a clause is a statement reported by a verb of saying."""
    return any(g.lemma_ in REPORTING for g in governors(pred, deps=COMPLEMENT_DEPS))


# "followed by the U.S. ($6 million)", "joined by two officers from Belize": the agent shares
# the clause the participle hangs on
SHARING = frozenset({"join", "follow", "accompany", "reinforce", "complement", "trail"})


def shared_clause(tok: Token, pred: Token, nominal: frozenset[str]) -> Token | None:
    """The predicate whose status ``tok`` shares when it is the agent of a participle like
    "followed by" or "joined by"; ``None`` where it is not."""
    if pred.lemma_ not in SHARING or pred.dep_ not in ("acl", "advcl", "relcl", "conj"):
        return None
    t = tok
    while t.i != pred.i and t.head.i != t.i:
        if t.dep_ == "agent" or (t.lower_ == "by" and t.dep_ == "prep"):
            return clause_head(pred.head, nominal) if pred.head.i != pred.i else None
        t = t.head
    return None


def is_expletive(subj: Token) -> bool:
    """ "it will be impossible to ...", "it is estimated that ...": an "it" that names nothing."""
    if subj.lower_ != "it":
        return False
    head = subj.head
    return subj.dep_ == "expl" or head.lemma_ in ("be", "seem", "appear", "remain", "become")


def tense(pred: Token, feats: set[str], matches: Matches) -> set[str]:
    """The tense and aspect features of ``pred`` (of the finite verb above it where its own
    features have none: a participle or a noun)."""
    got = feats & TENSES
    return got or finite_features(pred, matches)


def towards_a_state(node: Token) -> bool:
    """ "landed in Belize", "deployed to Somalia": ``node`` has an in/to phrase whose object is
    a state other than the host."""
    for prep in node.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "into"):
            for place in prep.children:
                if place.dep_ == "pobj" and place._.mm_kind == "state" and not place._.mm_host:
                    return True
    return False
