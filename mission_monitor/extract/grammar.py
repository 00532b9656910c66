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
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj"})

VERBAL = frozenset({"VERB", "AUX"})
# verbs whose complement happens when they do: "began deploying", "managed to raise"
IMPLICATIVE = frozenset(
    {"begin", "start", "continue", "resume", "keep", "manage", "succeed", "help", "get", "go"}
)


def is_predicate(tok: Token, nominal: frozenset[str]) -> bool:
    return tok.pos_ in VERBAL or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in nominal)


def own_predicate(unit: Token, classes: frozenset[str]) -> Token | None:
    """A participle or relative clause that tells what happened to the counted group itself:
    "400 officers *sent* last year", "police who *arrived* in May"."""
    for child in unit.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in VERBAL and child.lemma_ in classes:
            if child.dep_ == "acl" and child.tag_ not in ("VBN", "VBD"):
                continue  # "officers to send": a purpose, not what happened to them
            return child
    return None


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
        # a request, condition or question above the clause reaches into it
        feats |= up & {"urged", "conditional", "question"}
    return feats


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


def governors(pred: Token, limit: int = 4) -> list[Token]:
    """The verbs a clause depends on, nearest first: "Kenya *said* it *plans* to send"."""
    out: list[Token] = []
    t = pred
    for _ in range(limit):
        if t.dep_ not in CLAUSE_DEPS or t.head.i == t.i:
            break
        t = t.head
        while t.pos_ not in VERBAL and t.head.i != t.i:
            t = t.head
        out.append(t)
    return out
