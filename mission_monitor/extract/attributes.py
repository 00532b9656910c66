"""The pipeline's attribute ruler (tag -> part of speech, morphology, a few lemmas), run as
plain dictionary look-ups instead of through spaCy's ``Matcher``.

``en_core_web_sm``'s ``attribute_ruler`` holds 179 token patterns; spaCy runs them with its
general ``Matcher``, whose set and regex predicates are Python calls on every token, and which
took as long as the parser itself here (about 19 microseconds a token). Nearly all of those
patterns test one token's ``TAG`` (and maybe its ``LOWER``), so they are indexed by tag here and
the few others are checked as they are. The annotations are set with spaCy's own
``set_token_attrs`` from the ruler's own normalised attributes, in the ruler's order (a later
pattern overrides an earlier one), so the result is the same token for token:
tests/test_model.py compares the two on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Check = Callable[[Token], bool]

_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _check(key: str, spec: Any) -> Check:
    """One token attribute test of a Matcher pattern (a value, IN, NOT_IN or REGEX)."""
    get = _GETTERS.get(key)
    if get is None:
        raise ValueError(f"attribute ruler: no fast test for the pattern key {key!r}")
    if not isinstance(spec, dict):
        return lambda t: bool(get(t) == spec)
    ((op, value),) = spec.items()
    if op == "IN":
        members = frozenset(value)
        return lambda t: get(t) in members
    if op == "NOT_IN":
        outside = frozenset(value)
        return lambda t: get(t) not in outside
    if op == "REGEX":
        rx = re.compile(value)
        return lambda t: rx.search(get(t)) is not None
    raise ValueError(f"attribute ruler: no fast test for {key}: {spec!r}")


class FastAttributes:
    """The ``attribute_ruler`` of ``nlp`` as look-ups; call it on a parsed ``Doc``.

    What the one-token patterns do to a token depends only on its tag, lower form, dependency
    label and whether it is a space, so the patterns that match each such combination are
    worked out once and remembered; the few two-token patterns are tried only where their
    first token can start them.
    """

    def __init__(self, nlp: Language) -> None:
        ruler = nlp.get_pipe("attribute_ruler")
        self._attrs: Sequence[dict[str, Any]] = ruler.attrs  # type: ignore[attr-defined]
        # one-token patterns by the tag they need (None: any tag), in the ruler's order
        self._single: dict[str | None, list[tuple[int, list[Check]]]] = {}
        self._double: list[tuple[int, list[list[Check]], int]] = []
        for attr_id, entry in enumerate(ruler.patterns):  # type: ignore[attr-defined]
            index = int(entry.get("index", 0))
            for pattern in entry["patterns"]:
                checks = [[_check(k, v) for k, v in tok.items()] for tok in pattern]
                if len(pattern) == 1:
                    tag = pattern[0].get("TAG")
                    key = tag if isinstance(tag, str) else None
                    self._single.setdefault(key, []).append((attr_id, checks[0]))
                else:
                    self._double.append((attr_id, checks, index))
        Memo = tuple[tuple[int, ...], tuple[tuple[int, list[list[Check]], int], ...]]
        self._memo: dict[tuple[str, str, str, bool], Memo] = {}

    def _at(self, tok: Token) -> Any:
        """The one-token patterns that match ``tok``, and the longer ones it can start."""
        key = (tok.tag_, tok.lower_, tok.dep_, tok.is_space)
        got = self._memo.get(key)
        if got is None:
            rules = [*self._single.get(tok.tag_, ()), *self._single.get(None, ())]
            singles = tuple(sorted(a for a, checks in rules if all(c(tok) for c in checks)))
            starts = tuple(d for d in self._double if all(c(tok) for c in d[1][0]))
            got = self._memo[key] = (singles, starts)
        return got

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, int]] = []  # (attr id, start, token to set)
        n = len(doc)
        for tok in doc:
            i = tok.i
            singles, starts = self._at(tok)
            for attr_id in singles:
                found.append((attr_id, i, i))
            for attr_id, checks, index in starts:
                if i + len(checks) <= n and all(
                    all(c(doc[i + k]) for c in tests) for k, tests in enumerate(checks[1:], 1)
                ):
                    found.append((attr_id, i, i + index))
        found.sort()
        attrs = self._attrs
        for attr_id, _start, target in found:
            set_token_attrs(doc[target], attrs[attr_id])
        return doc
