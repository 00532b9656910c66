"""Every extraction rule on its own example sentences, by name (the rules are records in
``mission_monitor/extract/data/*.yaml``; see docs/EXTRACTION.md).

For each rule and each of its examples: the rule must match somewhere in the parsed example
(it is what the example illustrates), and the facts the example lists must come out of the
whole extractor (or, for an ``absent`` example, must not). A rule without examples fails.
The rule engine's own evaluation of the patterns is checked against spaCy's DependencyMatcher
on every example sentence.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from spacy.matcher import DependencyMatcher

from mission_monitor.extract import extract_facts
from mission_monitor.extract.context import engine
from mission_monitor.extract.engine import Rule
from mission_monitor.extract.lexicon import ruleset
from mission_monitor.extract.model import model
from mission_monitor.mission import default_mission
from mission_monitor.models import Fact

annotate = importlib.import_module("mission_monitor.extract.annotate")

# A headline that puts the example in a report about the mission (texts that name neither the
# mission nor its host state give no facts at all).
CONTEXT = "Haiti security mission: update\n\n"
RULES = ruleset().rules


def _agrees(fact: Fact, want: dict[str, Any]) -> bool:
    got = fact.to_dict(evidence=False)
    for key, value in want.items():
        have = got.get(key)
        if key == "actors":
            value, have = sorted(value), sorted(have or [])
        if key == "amount" and have is not None:
            if abs(float(have) - float(value)) > 0.01 * abs(float(value)):
                return False
            continue
        if have != value:
            return False
    return True


def _parsed(text: str) -> list[Any]:
    mission = default_mission()
    ann = annotate.annotate(CONTEXT + text, mission)
    annotate.parse(ann, mission, ann.sentences)
    return [s.parsed for s in ann.sentences if s.parsed is not None]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_on_its_examples(rule: Rule) -> None:
    assert rule.examples, f"{rule.source}: rule {rule.name!r} has no example sentence"
    for ex in rule.examples:
        docs = _parsed(ex.text)
        fired = any(engine().run(doc).of(rule.stage, tok) for doc in docs for tok in doc)
        assert fired, f"{rule.name}: does not match its example {ex.text!r}"
        facts = extract_facts(CONTEXT + ex.text, ex.published or "2024-08-14")
        for want in ex.facts:
            hit = [f for f in facts if _agrees(f, want)]
            if ex.absent:
                assert not hit, f"{rule.name}: {ex.text!r} should not give {want}, got {hit}"
            else:
                got = [f.to_dict(evidence=False) for f in facts]
                assert hit, f"{rule.name}: {ex.text!r} should give {want}; got {got}"


def test_the_engine_agrees_with_spacys_dependency_matcher() -> None:
    """The engine evaluates patterns from their anchor; spaCy's matcher searches the whole
    sentence. On every example sentence both find the same matches."""
    matcher = DependencyMatcher(model().vocab)
    for rule in RULES:
        matcher.add(rule.name, [list(rule.pattern)])
    names = {model().vocab.strings[r.name]: r for r in RULES}
    for rule in RULES:
        for ex in rule.examples:
            for doc in _parsed(ex.text):
                theirs = {
                    (names[key].name, tuple(ids))
                    for key, ids in matcher(doc)
                    if len(set(ids)) == len(ids)
                }
                run = engine().run(doc)
                ours = {
                    (m.rule.name, tuple(t.i for t in m.nodes.values()))
                    for r in RULES
                    for tok in doc
                    for m in run.of(r.stage, tok)
                    if m.rule.name == r.name
                }
                assert ours == theirs, (ex.text, ours ^ theirs)
