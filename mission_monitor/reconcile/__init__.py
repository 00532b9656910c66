"""reconcile stage: sourced facts -> a time-aware record with provenance (pure functions).

    record = reconcile(store.sourced_facts(), mission, as_of="2024-03-05")

The rules are in :mod:`mission_monitor.reconcile.rules` and docs/RECONCILIATION.md.
"""

from mission_monitor.reconcile._dates import order_key as date_order
from mission_monitor.reconcile.fx import FxRate, FxTable, default_rates
from mission_monitor.reconcile.rules import as_of_day, reconcile
from mission_monitor.reconcile.types import (
    Batch,
    Conflict,
    ConflictSide,
    Estimate,
    EventItem,
    FlowTotal,
    FundingRow,
    Override,
    PersonnelRow,
    Record,
    SeriesPoint,
)

__all__ = [
    "Batch",
    "Conflict",
    "ConflictSide",
    "Estimate",
    "EventItem",
    "FlowTotal",
    "FundingRow",
    "FxRate",
    "FxTable",
    "Override",
    "PersonnelRow",
    "Record",
    "SeriesPoint",
    "as_of_day",
    "date_order",
    "default_rates",
    "reconcile",
]
