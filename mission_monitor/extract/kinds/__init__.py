"""The kinds of fact, declared in one place.

A kind is one module (``kinds/<name>.py``, with ``extract(ctx) -> list[Fact]``) and one data
file (``data/<name>.yaml``: its word classes and rules). Adding a kind is adding both and a
line here. The modules are imported when first used, so that reading the rule files (for the
tokenizer, the candidate test) does not load the extractors.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mission_monitor.extract.context import Context
    from mission_monitor.models import Fact


@dataclass(frozen=True)
class Kind:
    name: str  # the FACTS.md kind
    data: str  # its rule file under extract/data
    module: str  # its extractor module

    def extractor(self) -> Callable[[Context], list[Fact]]:
        fn: Callable[[Context], list[Fact]] = importlib.import_module(self.module).extract
        return fn


KINDS: tuple[Kind, ...] = (
    Kind("personnel", "personnel.yaml", "mission_monitor.extract.kinds.personnel"),
    Kind("funding", "funding.yaml", "mission_monitor.extract.kinds.funding"),
    Kind("event", "events.yaml", "mission_monitor.extract.kinds.events"),
)

# Files every kind reads: the shared word classes and the grammar (mood, time) rules.
SHARED_DATA: tuple[str, ...] = ("words.yaml", "grammar.yaml")


def data_files() -> tuple[str, ...]:
    return SHARED_DATA + tuple(k.data for k in KINDS)
