"""Mission Monitor: a sourced, time-aware record of multinational security missions.

The library API, for scripts and notebooks::

    from mission_monitor import extract_facts, frames, ingest, Store

    facts = extract_facts(text, published="2024-07-17")    # [Fact] with evidence
    with Store.open("mission-monitor.db") as store:
        ingest([Path("reports/")], store)
    tables = frames("mission-monitor.db", as_of="2024-03-05")  # pandas DataFrames

Heavy parts (spaCy, pandas, SQLAlchemy) load on first use, so importing the package is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from mission_monitor.errors import ConfigError, InputError, MissionMonitorError, StoreError
from mission_monitor.models import (
    CleanDocument,
    Evidence,
    Fact,
    Money,
    RawInput,
    SourcedFact,
)

if TYPE_CHECKING:
    from mission_monitor.clean import clean_document
    from mission_monitor.evaluate import load_gold, score
    from mission_monitor.extract import extract_facts
    from mission_monitor.mission import Mission, load_mission
    from mission_monitor.pipeline import ingest, process, reextract
    from mission_monitor.read import iter_inputs
    from mission_monitor.reconcile import reconcile
    from mission_monitor.report import frames, status_dict
    from mission_monitor.store import Store

__version__ = "0.1.0"

# name -> module that defines it; loaded on first access (PEP 562)
_LAZY = {
    "clean_document": "mission_monitor.clean",
    "extract_facts": "mission_monitor.extract",
    "frames": "mission_monitor.report",
    "ingest": "mission_monitor.pipeline",
    "iter_inputs": "mission_monitor.read",
    "load_gold": "mission_monitor.evaluate",
    "load_mission": "mission_monitor.mission",
    "Mission": "mission_monitor.mission",
    "process": "mission_monitor.pipeline",
    "reconcile": "mission_monitor.reconcile",
    "reextract": "mission_monitor.pipeline",
    "score": "mission_monitor.evaluate",
    "status_dict": "mission_monitor.report",
    "Store": "mission_monitor.store",
}

__all__ = [
    "CleanDocument",
    "ConfigError",
    "Evidence",
    "Fact",
    "InputError",
    "Mission",
    "MissionMonitorError",
    "Money",
    "RawInput",
    "SourcedFact",
    "Store",
    "StoreError",
    "__version__",
    "clean_document",
    "extract_facts",
    "frames",
    "ingest",
    "iter_inputs",
    "load_gold",
    "load_mission",
    "process",
    "reconcile",
    "reextract",
    "score",
    "status_dict",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mission_monitor' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
