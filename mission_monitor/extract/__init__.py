"""extract stage: text -> facts with evidence. STUB, to be replaced (issue 2)."""

from __future__ import annotations

from mission_monitor.models import Fact


def extract_facts(text: str, published: str | None = None) -> list[Fact]:
    """Every distinct fact the text states about the mission, each with its evidence."""
    return []
