"""extract stage: cleaned text -> the FACTS.md facts it states about a mission, each with its
evidence.

1. ``annotate`` reads the whole text cheaply: sentences, actor mentions, figures, money, dates.
2. A text that names neither the mission (or its successor) nor its host state gives no facts.
3. The sentences that can hold a fact (a figure, an amount, a trigger word) are parsed with the
   statistical English pipeline (``model``).
4. Each kind of fact (``kinds``: personnel, funding, event) runs its rules (``data/*.yaml``,
   one ``engine``) over the parsed sentences; ``merge`` keeps each distinct fact once.

See docs/EXTRACTION.md for how a sentence becomes a fact and how to add a rule.
"""

from __future__ import annotations

from mission_monitor.extract.annotate import annotate, mission_named, parse
from mission_monitor.extract.context import Context
from mission_monitor.extract.kinds import KINDS
from mission_monitor.extract.merge import merge_facts
from mission_monitor.mission import Mission, default_mission
from mission_monitor.models import Fact

__all__ = ["extract_facts", "merge_facts"]


def extract_facts(
    text: str, published: str | None = None, mission: Mission | None = None
) -> list[Fact]:
    """Every distinct fact the text states about ``mission`` (the default mission when
    ``None``), each with its evidence.

    ``published`` ("YYYY", "YYYY-MM", "YYYY-MM-DD" or ``None``) anchors relative dates.
    """
    if not text or not text.strip():
        return []
    mission = mission or default_mission()
    ann = annotate(text, mission)
    if not mission_named(ann, mission):
        return []
    parse(ann, mission)
    ctx = Context(ann, published, mission)
    facts: list[Fact] = []
    for kind in KINDS:
        facts.extend(kind.extractor()(ctx))
    facts.sort(key=lambda f: f.evidence.start if f.evidence else 0)
    return merge_facts(facts, published)
