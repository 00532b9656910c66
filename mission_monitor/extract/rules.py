"""The phrase families of ``data/rules.yaml``, compiled once into spaCy Matcher patterns.

A phrase is a sequence of tokens; a token is a literal lower-case word or an anchored regular
expression (when it holds a regex character). ``token_patterns`` turns one phrase into the
pattern a ``spacy.matcher.Matcher`` takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_REGEX_CHARS = re.compile(r"[()|?*+\[\]\\]")


def _load() -> dict[str, Any]:
    with (
        resources.files("mission_monitor.extract")
        .joinpath("data", "rules.yaml")
        .open(encoding="utf-8") as f
    ):
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def expand(pattern: str, limit: int = 256) -> frozenset[str] | None:
    """Every string a small regular expression matches, where the language is finite and
    small: literals, ``[abc]`` classes, ``(a|b)`` groups and ``?``. ``None`` otherwise.

    The Matcher then tests set membership ("LOWER IN") instead of running a regex on every
    token, which is what made matching slow.
    """

    def seq(i: int) -> tuple[set[str], int]:
        acc = {""}
        while i < len(pattern) and pattern[i] not in "|)":
            c = pattern[i]
            if c == "(":
                if pattern.startswith("(?:", i):
                    i += 2
                alts, i = alt(i + 1)
                if i >= len(pattern) or pattern[i] != ")":
                    raise ValueError("unbalanced")
                i += 1
                item = alts
            elif c == "[":
                j = pattern.index("]", i)
                body = pattern[i + 1 : j]
                if "-" in body or "^" in body or "\\" in body:
                    raise ValueError("complex class")
                item, i = set(body), j + 1
            elif c in "*+.{}\\^$":
                raise ValueError("not finite")
            else:
                item, i = {c}, i + 1
            if i < len(pattern) and pattern[i] == "?":
                item = item | {""}
                i += 1
            acc = {a + b for a in acc for b in item}
            if len(acc) > limit:
                raise ValueError("too many")
        return acc, i

    def alt(i: int) -> tuple[set[str], int]:
        out, i = seq(i)
        while i < len(pattern) and pattern[i] == "|":
            more, i = seq(i + 1)
            out |= more
        return out, i

    try:
        words, end = alt(0)
    except (ValueError, IndexError):
        return None
    if end != len(pattern):
        return None
    return frozenset(words)


def token_patterns(phrase: str) -> list[dict[str, Any]]:
    """A Matcher pattern for one phrase ("set to" -> two literal tokens)."""
    out: list[dict[str, Any]] = []
    for tok in phrase.lower().replace("\u2019", "'").split():
        if tok == "<any>":  # one optional word of any kind but punctuation: a short gap
            out.append({"IS_PUNCT": False, "OP": "?"})
        elif (_REGEX_CHARS.search(tok) and tok not in ("(", ")", "+")) or "'" in tok:
            rx = tok.replace("'", "['\u2019]")
            try:
                re.compile(rx)
            except re.error as exc:
                msg = f"rules.yaml: bad token {tok!r} in phrase {phrase!r}: {exc}"
                raise ValueError(msg) from exc
            words = expand(rx)
            digits = re.fullmatch(r"\\d\{(\d)\}", rx)
            if digits:  # "\d{4}": a token shape, cheaper than a regex
                out.append({"SHAPE": "d" * int(digits[1])})
            elif words is not None:
                out.append({"LOWER": {"IN": sorted(words)}})
            else:
                out.append({"LOWER": {"REGEX": f"^(?:{rx})$"}})
        else:
            out.append({"LOWER": tok})
    return out


@dataclass(frozen=True)
class EventRule:
    type: str
    triggers: tuple[str, ...]
    weak_triggers: tuple[str, ...]
    with_: tuple[str, ...]
    requires: tuple[str, ...]
    blocked_by: tuple[str, ...]
    hypothetical: bool
    shared: tuple[str, ...] = ()  # triggers it may use after an earlier type used them


@dataclass(frozen=True)
class Rules:
    """Everything ``rules.yaml`` says, in the shapes the extractors use."""

    noun_force: dict[str, str | None]
    weak_nouns: frozenset[str]
    modifiers: frozenset[str]
    collective_nouns: frozenset[str]
    collective_counts: frozenset[str]
    casualty: frozenset[str]
    casualty_before: frozenset[str]
    total_before: tuple[str, ...]
    personnel_status: dict[str, tuple[str, ...]]
    future: tuple[str, ...]
    perfect: frozenset[str]
    qualifiers: dict[str, tuple[str, ...]]
    after_at_least: tuple[str, ...]
    funding_status: dict[str, tuple[str, ...]]
    not_funding: tuple[str, ...]
    other_purpose: tuple[str, ...]
    events: tuple[EventRule, ...]
    deployment_triggers: tuple[str, ...]
    location_before: frozenset[str]
    modifier_after: frozenset[str]
    modifier_nouns: frozenset[str]
    leader_titles: tuple[str, ...]
    present_markers: tuple[str, ...]
    words: dict[str, frozenset[str]]


def words(name: str) -> frozenset[str]:
    """A word class of ``rules.yaml`` (``words:`` section)."""
    return rules().words[name]


@cache
def rules() -> Rules:
    d = _load()
    p = d["personnel"]
    noun_force: dict[str, str | None] = {}
    for force, nouns in p["nouns"].items():
        for n in nouns:
            noun_force.setdefault(str(n).lower(), None if force in (None, "null") else force)
    status = {k: tuple(v) for k, v in d["personnel_status"].items() if isinstance(v, list)}
    future = tuple(status.pop("future", ()))
    perfect = frozenset(status.pop("perfect", ()))
    ev = []
    for name, spec in d["events"].items():
        if name == "deployment":
            continue
        ev.append(
            EventRule(
                type=name,
                triggers=tuple(spec.get("triggers", [])),
                weak_triggers=tuple(spec.get("weak_triggers", [])),
                with_=tuple(spec.get("with", [])),
                requires=tuple(spec.get("requires", [])),
                blocked_by=tuple(spec.get("blocked_by", [])),
                hypothetical=bool(spec.get("hypothetical", False)),
                shared=tuple(spec.get("shared", [])),
            )
        )
    q = d["qualifiers"]
    return Rules(
        noun_force=noun_force,
        weak_nouns=frozenset(p["weak_nouns"]),
        modifiers=frozenset(str(m).lower() for m in p["modifiers"]),
        collective_nouns=frozenset(p["collective_nouns"]),
        collective_counts=frozenset(p["collective_counts"]),
        casualty=frozenset(p["casualty"]),
        casualty_before=frozenset(p["casualty_before"]),
        total_before=tuple(p["total_before"]),
        personnel_status=status,
        future=future,
        perfect=perfect,
        qualifiers={k: tuple(q[k]) for k in ("approx", "at_least", "at_most")},
        after_at_least=tuple(q["after_at_least"]),
        funding_status={
            k: tuple(v)
            for k, v in d["funding_status"].items()
            if k not in ("not_funding", "other_purpose")
        },
        not_funding=tuple(d["funding_status"]["not_funding"]),
        other_purpose=tuple(d["funding_status"]["other_purpose"]),
        events=tuple(ev),
        deployment_triggers=tuple(d["events"]["deployment"].get("triggers", [])),
        location_before=frozenset(d["location_before"]),
        modifier_after=frozenset(d["modifier_after"]),
        modifier_nouns=frozenset(d["modifier_nouns"]),
        leader_titles=tuple(d["leader_titles"]),
        present_markers=tuple(d["present_markers"]),
        words={k: frozenset(str(w).lower() for w in v) for k, v in d["words"].items()},
    )
