"""Dependency patterns evaluated from one anchor token.

A rule's pattern is a ``spacy.matcher.DependencyMatcher`` pattern (validated by spaCy when the
rules are loaded). spaCy's matcher finds every match of every pattern in a whole sentence;
the kind modules only ever ask "which rules of this stage match *here*" for a handful of
tokens, so evaluating a pattern from its anchor (the first node) is far cheaper: the anchor's
token test rules out almost every token at once, and the walk then follows the relations from
it. Semantics are spaCy's (token attributes, ``IN`` / ``NOT_IN`` / ``REGEX``, extension
attributes under ``_``; the operators ``< > << >> . .* ; ;* $+ $- $++ $--``); a test runs both
on the rules' example sentences and compares.

Token attributes are read once per sentence into a :class:`View` (plain lists), so a test is a
list lookup, not a call into the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from spacy.tokens import Doc

TokenTest = Callable[["View", int], bool]

# the token attributes a pattern may test, as View fields
_FIELDS = {
    "ORTH": "orth",
    "TEXT": "orth",
    "LOWER": "lower",
    "LEMMA": "lemma",
    "POS": "pos",
    "TAG": "tag",
    "DEP": "dep",
    "SHAPE": "shape",
    "LIKE_NUM": "like_num",
    "IS_PUNCT": "is_punct",
}
# the extension attributes a pattern may test
EXTENSIONS = ("mm_actor", "mm_kind", "mm_contrib", "mm_place", "mm_host", "mm_figure",
              "mm_money", "mm_money_start", "mm_time")  # fmt: skip


class View:
    """One parsed sentence's token attributes and tree, as lists indexed by token."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        self.n = n
        rows = [
            (t.orth_, t.lower_, t.lemma_, t.pos_, t.tag_, t.dep_, t.shape_, t.like_num,
             t.is_punct, t.head.i, t.left_edge.i, t.right_edge.i)
            for t in doc
        ]  # fmt: skip
        cols: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)] if rows else [[]] * 12
        (self.orth, self.lower, self.lemma, self.pos, self.tag, self.dep, self.shape,
         self.like_num, self.is_punct, self.head, self.left, self.right) = cols  # fmt: skip
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        marks = doc.user_data.get("mm")
        if marks is not None:  # set by annotate.parse: no need to read token._ one by one
            self.ext = {name: marks[name] for name in EXTENSIONS}
        else:
            self.ext = {name: [getattr(t._, name) for t in doc] for name in EXTENSIONS}  # noqa: B009


ValueTest = Callable[[Any], bool]


def _value_test(spec: Any) -> ValueTest:
    if not isinstance(spec, dict):
        return lambda v: bool(v == spec)
    tests: list[ValueTest] = []
    for op, arg in spec.items():
        if op == "IN":
            tests.append(_member(frozenset(arg), True))
        elif op == "NOT_IN":
            tests.append(_member(frozenset(arg), False))
        elif op == "REGEX":
            tests.append(_regex(re.compile(arg)))
        else:
            raise ValueError(f"unsupported predicate {op!r}")
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def _member(values: frozenset[Any], inside: bool) -> ValueTest:
    def test(v: Any) -> bool:
        return (v in values) is inside

    return test


def _regex(rx: re.Pattern[str]) -> ValueTest:
    def test(v: Any) -> bool:
        return isinstance(v, str) and rx.search(v) is not None

    return test


def _field_test(field: str, check: ValueTest) -> TokenTest:
    def test(v: View, i: int) -> bool:
        return check(getattr(v, field)[i])

    return test


def _ext_test(ext: str, check: ValueTest) -> TokenTest:
    def test(v: View, i: int) -> bool:
        return check(v.ext[ext][i])

    return test


def token_test(attrs: Mapping[str, Any]) -> TokenTest:
    """A function that says whether token ``i`` of a view meets a node's ``RIGHT_ATTRS``."""
    tests: list[TokenTest] = []
    for key, spec in attrs.items():
        if key == "_":
            for ext, ext_spec in spec.items():
                if ext not in EXTENSIONS:
                    raise ValueError(f"unsupported extension attribute {ext!r}")
                tests.append(_ext_test(ext, _value_test(ext_spec)))
            continue
        field = _FIELDS.get(key)
        if field is None:
            raise ValueError(f"unsupported token attribute {key!r}")
        tests.append(_field_test(field, _value_test(spec)))
    if not tests:
        return lambda v, i: True
    if len(tests) == 1:
        return tests[0]
    return lambda v, i: all(test(v, i) for test in tests)


def _related(v: View, i: int, op: str) -> Iterator[int]:
    """The tokens ``j`` for which ``i op j`` holds."""
    if op == "<":  # i is the immediate dependent of j
        if v.head[i] != i:
            yield v.head[i]
    elif op == ">":
        yield from v.children[i]
    elif op == "<<":
        j = i
        while v.head[j] != j:
            j = v.head[j]
            yield j
    elif op == ">>":
        for j in range(v.left[i], v.right[i] + 1):
            if j != i and _descends(v, j, i):
                yield j
    elif op == ".":
        if i + 1 < v.n:
            yield i + 1
    elif op == ".*":
        yield from range(i + 1, v.n)
    elif op == ";":
        if i > 0:
            yield i - 1
    elif op == ";*":
        yield from range(i)
    elif op in ("$+", "$-", "$++", "$--"):
        h = v.head[i]
        if h == i:
            return
        for j in v.children[h]:
            if j == i:
                continue
            if (
                (op == "$+" and j == i + 1)
                or (op == "$-" and j == i - 1)
                or (op == "$++" and j > i)
                or (op == "$--" and j < i)
            ):
                yield j
    else:
        raise ValueError(f"unsupported relation operator {op!r}")


def _descends(v: View, j: int, i: int) -> bool:
    while v.head[j] != j:
        j = v.head[j]
        if j == i:
            return True
    return False


class Pattern:
    """A compiled dependency pattern: node names, token tests and relations."""

    def __init__(self, nodes: tuple[Mapping[str, Any], ...]) -> None:
        self.names = tuple(str(n["RIGHT_ID"]) for n in nodes)
        self.tests = tuple(token_test(n.get("RIGHT_ATTRS") or {}) for n in nodes)
        self.links = tuple(
            (self.names.index(str(n["LEFT_ID"])), str(n["REL_OP"])) for n in nodes[1:]
        )

    def anchored(self, v: View, i: int) -> bool:
        return self.tests[0](v, i)

    def matches(self, v: View, anchor: int, limit: int = 32) -> list[dict[str, int]]:
        """Every binding of the pattern's nodes with token ``anchor`` as its first node
        (distinct tokens for distinct nodes), at most ``limit``."""
        if not self.tests[0](v, anchor):
            return []
        if len(self.names) == 1:
            return [{self.names[0]: anchor}]
        out: list[dict[str, int]] = []
        bound: list[int] = [anchor]

        def walk(k: int) -> None:
            if len(out) >= limit:
                return
            if k == len(self.names):
                out.append(dict(zip(self.names, bound, strict=True)))
                return
            left, op = self.links[k - 1]
            test = self.tests[k]
            for cand in _related(v, bound[left], op):
                if cand in bound or not test(v, cand):
                    continue
                bound.append(cand)
                walk(k + 1)
                bound.pop()

        walk(1)
        return out
