"""Conversion of funding amounts to US dollars with the dated rates shipped in ``fx_rates.yaml``
(annual averages; the file cites the series)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from mission_monitor.errors import ConfigError

RATES_FILE = "fx_rates.yaml"


@dataclass(frozen=True, slots=True)
class FxRate:
    """``rate`` units of ``currency`` per US dollar, the average of ``year``."""

    currency: str
    year: int
    rate: float
    provisional: bool
    source: str


@dataclass(frozen=True, slots=True)
class FxTable:
    rates: dict[str, dict[int, tuple[float, bool]]]
    source: str

    def rate(self, currency: str, year: int | None) -> FxRate | None:
        """The rate for ``year`` (nearest year in the table when outside it); ``None`` for a
        currency the table does not have. USD is 1."""
        cur = currency.upper()
        if cur == "USD":
            return FxRate("USD", year or 0, 1.0, False, "identity")
        years = self.rates.get(cur)
        if not years:
            return None
        if year is None:
            year = max(years)
        chosen = min(years, key=lambda y: (abs(y - year), -y))
        value, provisional = years[chosen]
        return FxRate(cur, chosen, value, provisional, self.source)

    def to_usd(self, amount: float, currency: str, year: int | None) -> tuple[float, FxRate] | None:
        r = self.rate(currency, year)
        if r is None:
            return None
        return amount / r.rate, r


def parse_rates(data: Any, where: str) -> FxTable:
    if not isinstance(data, dict) or not isinstance(data.get("rates"), dict):
        raise ConfigError(f"{where}: expected a mapping with 'source' and 'rates'")
    src = data.get("source") or {}
    source = f"{src.get('name', '')} <{src.get('url', '')}>" if isinstance(src, dict) else str(src)
    table: dict[str, dict[int, tuple[float, bool]]] = {}
    for cur, years in data["rates"].items():
        if not isinstance(years, dict):
            raise ConfigError(f"{where}: rates.{cur} must map years to rates")
        row: dict[int, tuple[float, bool]] = {}
        for year, value in years.items():
            provisional = False
            if isinstance(value, dict):
                provisional = bool(value.get("provisional", False))
                value = value.get("rate")
            if not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"{where}: rates.{cur}.{year} must be a positive number")
            row[int(year)] = (float(value), provisional)
        table[str(cur).upper()] = row
    return FxTable(table, source)


@lru_cache(maxsize=1)
def default_rates() -> FxTable:
    ref = resources.files("mission_monitor.reconcile").joinpath(RATES_FILE)
    return parse_rates(yaml.safe_load(ref.read_text(encoding="utf-8")), RATES_FILE)
