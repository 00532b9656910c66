"""The rule engine: rules are records in data files, run over a parsed sentence by one
``spacy.matcher.DependencyMatcher``.

A rule (one entry of a ``rules:`` list in ``data/*.yaml``) is::

    - name: unit/nummod                 # unique; appears in the evidence of every fact it makes
      stage: unit                       # the question it answers (each kind defines its stages)
      pattern:                          # a DependencyMatcher pattern; the first node is the anchor
        - {RIGHT_ID: figure, RIGHT_ATTRS: {_: {mm_figure: true}, DEP: nummod}}
        - {LEFT_ID: figure, REL_OP: "<", RIGHT_ID: unit, RIGHT_ATTRS: {LEMMA: {IN: $person}}}
      yields: {force: police}           # constant values the rule contributes (optional)
      examples:                         # sentences of our own and the facts they give
        - text: "Kenya sent 400 police officers to Haiti on Tuesday."
          facts: [{kind: personnel, actor: KEN, status: arrived, count: 400}]

``$name`` in a pattern stands for the word class ``name`` of the ``words:`` sections (a list
of lower-case words or lemmas). Rules of one stage are tried in the order of the file: the
first that matches wins, so a specific rule goes before a general one (a DependencyMatcher
pattern cannot say "and no such child", order can).

``Matches`` answers the kind modules' questions: which rules of a stage match with this token
as their anchor, and what did they bind. Patterns are evaluated from their anchor on demand
(:mod:`.patterns`), with spaCy's semantics.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from mission_monitor.extract.patterns import Pattern, View

DATA_PACKAGE = "mission_monitor.extract"


class RuleError(ValueError):
    """A rule file is malformed: the message names the file and the rule."""


@dataclass(frozen=True)
class Example:
    text: str
    facts: tuple[dict[str, Any], ...]  # the facts the sentence gives (only the keys listed)
    published: str | None = None
    absent: bool = False  # the sentence gives none of ``facts`` (a negative example)


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    pattern: tuple[dict[str, Any], ...]
    yields: Mapping[str, Any]
    examples: tuple[Example, ...]
    source: str  # the data file it came from
    when: frozenset[str] = frozenset()  # features the candidate must all have
    when_any: frozenset[str] = frozenset()  # ... at least one of (if given)
    unless: frozenset[str] = frozenset()  # features it must not have

    def admits(self, features: frozenset[str] | set[str]) -> bool:
        return (
            self.when <= features
            and (not self.when_any or bool(self.when_any & features))
            and not (self.unless & features)
        )


@dataclass(frozen=True)
class Match:
    """One rule matched: its record and the tokens bound to the pattern's node names."""

    rule: Rule
    nodes: Mapping[str, Token]

    def __getitem__(self, name: str) -> Token:
        return self.nodes[name]

    def get(self, name: str) -> Token | None:
        return self.nodes.get(name)

    @property
    def yields(self) -> Mapping[str, Any]:
        return self.rule.yields


class Matches:
    """The matches of the rules in one parsed sentence, by stage and anchor token; computed
    the first time a stage is asked about an anchor (see :mod:`.patterns`)."""

    def __init__(self, engine: Engine, doc: Doc) -> None:
        self.engine = engine
        self.doc = doc
        self.view = View(doc)
        self._cache: dict[tuple[str, int], list[Match]] = {}
        self.memo: dict[Any, Any] = {}  # what the kind modules compute once per sentence

    def _at(self, stage: str, i: int) -> list[Match]:
        key = (stage, i)
        got = self._cache.get(key)
        if got is None:
            doc = self.doc
            got = []
            for rule, pattern in self.engine.candidates(stage, self.view, i):
                for nodes in pattern.matches(self.view, i):
                    got.append(Match(rule, {name: doc[j] for name, j in nodes.items()}))
            self._cache[key] = got
        return got

    def of(
        self,
        stage: str,
        anchor: Token,
        features: frozenset[str] | set[str] | None = None,
        **bound: Token | None,
    ) -> Iterator[Match]:
        """The matches of ``stage`` anchored at ``anchor``, in rule order, whose ``when`` /
        ``unless`` conditions ``features`` meets (when given) and that bind each node named
        in ``bound`` to the token given (``None``: skipped)."""
        for m in self._at(stage, anchor.i):
            if features is not None and not m.rule.admits(features):
                continue
            if all(tok is None or m.nodes.get(name) == tok for name, tok in bound.items()):
                yield m

    def first(
        self,
        stage: str,
        anchor: Token,
        features: frozenset[str] | set[str] | None = None,
        **bound: Token | None,
    ) -> Match | None:
        return next(self.of(stage, anchor, features, **bound), None)

    def yielded(self, stage: str, anchor: Token, key: str) -> set[Any]:
        """Every value of ``key`` that the matches of ``stage`` at ``anchor`` yield."""
        return {m.yields[key] for m in self.of(stage, anchor) if key in m.yields}

    def anchors(self, stage: str) -> list[int]:
        """The tokens at which some rule of ``stage`` matches."""
        v = self.view
        return [i for i in range(v.n) if self.engine.candidates(stage, v, i) and self._at(stage, i)]


def _expand(value: Any, words: Mapping[str, frozenset[str]], where: str) -> Any:
    """A pattern with every ``$class`` replaced by its word list."""
    if _is_class(value):
        assert isinstance(value, str)
        name = value[1:]
        if name not in words:
            raise RuleError(f"{where}: unknown word class {value!r}")
        return sorted(words[name])
    if isinstance(value, list):
        out: list[Any] = []
        for v in value:
            if isinstance(v, bool):
                raise RuleError(f"{where}: a YAML boolean in a word list: quote 'on', 'no', 'yes'")
            e = _expand(v, words, where)
            out.extend(e if _is_class(v) else [e])
        return out
    if isinstance(value, dict):
        return {k: v if k in _LITERAL_KEYS else _expand(v, words, where) for k, v in value.items()}
    return value


def _is_class(value: Any) -> bool:
    """``$name`` names a word class; "$" alone (a currency sign) is a literal."""
    return isinstance(value, str) and bool(_CLASS_REF.fullmatch(value))


_CLASS_REF = re.compile(r"\$[a-z][a-z0-9_]*")
# pattern keys whose values are never word classes ("$-" is a sibling operator)
_LITERAL_KEYS = frozenset({"REL_OP", "LEFT_ID", "RIGHT_ID"})


def _lower_words(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(w).lower().replace("\u2019", "'") for w in items)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    words: Mapping[str, frozenset[str]]

    def stage(self, stage: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.stage == stage)

    def by_name(self, name: str) -> Rule:
        for r in self.rules:
            if r.name == name:
                return r
        raise KeyError(name)


def _read(name: str) -> dict[str, Any]:
    path = resources.files(DATA_PACKAGE).joinpath("data", name)
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    if not isinstance(data, dict):
        raise RuleError(f"{name}: not a mapping")
    return data


def _example(raw: Any, where: str) -> Example:
    if not isinstance(raw, dict) or "text" not in raw:
        raise RuleError(f"{where}: an example needs a 'text'")
    facts = raw.get("facts", [])
    if not isinstance(facts, list):
        raise RuleError(f"{where}: 'facts' must be a list")
    return Example(
        text=str(raw["text"]),
        facts=tuple(dict(f) for f in facts),
        published=None if raw.get("published") is None else str(raw["published"]),
        absent=bool(raw.get("absent", False)),
    )


def _features(raw: Any, where: str) -> frozenset[str]:
    if raw is None:
        return frozenset()
    if isinstance(raw, str):
        return frozenset([raw])
    if not isinstance(raw, list):
        raise RuleError(f"{where}: 'when', 'when_any' and 'unless' take a list of features")
    return frozenset(str(f) for f in raw)


def load_rules(files: Iterable[str]) -> RuleSet:
    """Read the word classes and rules of ``files`` (names under ``extract/data``)."""
    raw: list[tuple[str, dict[str, Any]]] = [(name, _read(name)) for name in files]
    words: dict[str, frozenset[str]] = {}
    for name, data in raw:
        for cls, items in (data.get("words") or {}).items():
            if not isinstance(items, list):
                raise RuleError(f"{name}: word class {cls!r} must be a list")
            if any(isinstance(w, bool) for w in items):
                raise RuleError(f"{name}: word class {cls!r} holds a YAML boolean: quote it")
            words[cls] = words.get(cls, frozenset()) | _lower_words(items)
    rules: list[Rule] = []
    seen: set[str] = set()
    for name, data in raw:
        for n, entry in enumerate(data.get("rules") or []):
            where = f"{name}: rule {n + 1}"
            if not isinstance(entry, dict) or "name" not in entry or "stage" not in entry:
                raise RuleError(f"{where}: a rule needs a 'name' and a 'stage'")
            rname = str(entry["name"])
            where = f"{name}: rule {rname!r}"
            if rname in seen:
                raise RuleError(f"{where}: the name is used twice")
            seen.add(rname)
            pattern = _expand(entry.get("pattern"), words, where)
            if not isinstance(pattern, list) or not pattern:
                raise RuleError(f"{where}: 'pattern' must be a non-empty list")
            examples = tuple(
                _example(e, f"{where}: example {k + 1}")
                for k, e in enumerate(entry.get("examples") or [])
            )
            rules.append(
                Rule(
                    name=rname,
                    stage=str(entry["stage"]),
                    pattern=tuple(pattern),
                    yields=dict(entry.get("yields") or {}),
                    examples=examples,
                    source=name,
                    when=_features(entry.get("when"), where),
                    when_any=_features(entry.get("when_any"), where),
                    unless=_features(entry.get("unless"), where),
                )
            )
    return RuleSet(tuple(rules), words)


class _AnchorIndex:
    """The rules of a stage indexed by the words their anchor node asks for (its LOWER or
    LEMMA list), so that a token is tested only against rules that can anchor at it."""

    def __init__(self, rules: list[tuple[Rule, Pattern]]) -> None:
        self.by_lower: dict[str, list[int]] = defaultdict(list)
        self.by_lemma: dict[str, list[int]] = defaultdict(list)
        self.open: list[int] = []
        self.rules = rules
        for k, (rule, _pattern) in enumerate(rules):
            attrs = rule.pattern[0].get("RIGHT_ATTRS") or {}
            for key, table in (("LOWER", self.by_lower), ("LEMMA", self.by_lemma)):
                values = _listed(attrs.get(key))
                if values is not None:
                    for v in values:
                        table[v].append(k)
                    break
            else:
                self.open.append(k)

    def candidates(self, v: View, i: int) -> list[tuple[Rule, Pattern]]:
        ks = set(self.open)
        ks.update(self.by_lower.get(v.lower[i], ()))
        ks.update(self.by_lemma.get(v.lemma[i], ()))
        return [self.rules[k] for k in sorted(ks) if self.rules[k][1].anchored(v, i)]


def _listed(spec: Any) -> list[str] | None:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return [str(v) for v in spec["IN"]]
    return None


class Engine:
    """Every rule of a rule set, compiled. Each pattern is checked by spaCy's own
    DependencyMatcher when the engine is built (so a malformed rule fails at load, named),
    then evaluated from its anchor by :class:`.patterns.Pattern`."""

    def __init__(self, ruleset: RuleSet, vocab: Vocab) -> None:
        self.ruleset = ruleset
        checker = DependencyMatcher(vocab, validate=True)
        self._stages: dict[str, list[tuple[Rule, Pattern]]] = defaultdict(list)
        for rule in ruleset.rules:
            try:
                checker.add(rule.name, [list(rule.pattern)])
                compiled = Pattern(rule.pattern)
            except ValueError as exc:  # spaCy names the problem; we name the rule
                raise RuleError(f"{rule.source}: rule {rule.name!r}: {exc}") from exc
            self._stages[rule.stage].append((rule, compiled))
        self._index = {stage: _AnchorIndex(rules) for stage, rules in self._stages.items()}

    def stage(self, stage: str) -> list[tuple[Rule, Pattern]]:
        return self._stages.get(stage, [])

    def candidates(self, stage: str, v: View, i: int) -> list[tuple[Rule, Pattern]]:
        """The rules of ``stage`` whose anchor node matches token ``i`` (in rule order)."""
        index = self._index.get(stage)
        return index.candidates(v, i) if index is not None else []

    def run(self, doc: Doc) -> Matches:
        return Matches(self, doc)
