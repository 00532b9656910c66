"""extract stage: cleaned text -> the FACTS.md facts it states, each with its evidence.

One spaCy pass (``annotate``) finds sentences, actors, trigger phrases, figures, money and date
spans; ``personnel``, ``funding`` and ``events`` turn them into facts; ``merge`` keeps each
distinct fact once per document. ``context`` holds the clause, tense and date helpers they
share; the phrase families and word classes are data (``data/rules.yaml``).

A text that names neither the mission nor its host state gives no facts: the numbers in a
story about something else are not the mission's.
"""

from __future__ import annotations

from mission_monitor.extract.annotate import Annotated, annotate
from mission_monitor.extract.events import extract_events
from mission_monitor.extract.funding import extract_funding
from mission_monitor.extract.merge import merge_facts
from mission_monitor.extract.personnel import extract_personnel
from mission_monitor.models import Fact
from mission_monitor.resolve.actors import mission

__all__ = ["about_the_mission", "extract_facts", "merge_facts"]


def about_the_mission(ann: Annotated) -> bool:
    """Whether the text names the mission or its host state at all. A text that names
    neither (a story about troops elsewhere) states nothing about the mission."""
    m = mission()
    for s in ann.sentences:
        for a in s.actors:
            if a.code == m.host:
                return True
            if a.kind == "mission" and any(c.isupper() for c in ann.doc[a.start : a.end].text):
                return True
    return False


def extract_facts(text: str, published: str | None = None) -> list[Fact]:
    """Every distinct fact the text states about the mission, each with its evidence.

    ``published`` ("YYYY", "YYYY-MM", "YYYY-MM-DD" or ``None``) anchors relative dates.
    """
    if not text or not text.strip():
        return []
    ann = annotate(text)
    if not about_the_mission(ann):
        return []
    people, deployments = extract_personnel(ann, published)
    money = extract_funding(ann, published)
    events = extract_events(ann, published)
    facts = people + money + events + deployments
    facts.sort(key=lambda f: f.evidence.start if f.evidence else 0)
    return merge_facts(facts)
