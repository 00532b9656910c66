"""Money: figures, currencies (ISO 4217) and bracketed conversions."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mission_monitor.models import Money
from mission_monitor.resolve.money import _tables, find_money, parse_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("pledging $360 million in support", 360e6, "USD"),
        ("US$18m", 18e6, "USD"),
        ("USD 200 million", 200e6, "USD"),
        ("CA$75.8 million", 75.8e6, "CAD"),
        ("€5 million", 5e6, "EUR"),
        ("200 million dollars", 200e6, "USD"),
        ("$1.5bn", 1.5e9, "USD"),
        ("Sh2 billion", 2e9, "KES"),
        ("a $100-million package", 100e6, "USD"),
        ("Sh1.5bn", 1.5e9, "KES"),
    ],
)
def test_amounts(text: str, amount: float, currency: str) -> None:
    m = parse_money(text)
    assert m is not None
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert m.original is None


def test_bracketed_conversion_gives_usd_with_original() -> None:
    text = "a commitment of Ksh28.7 billion (USD200 million) from Washington"
    (m,) = find_money(text)
    assert (m.amount, m.currency) == (200e6, "USD")
    assert m.original == Money(28.7e9, "KES")
    assert text[m.start : m.end] == "Ksh28.7 billion (USD200 million)"


def test_no_money_in_head_counts_and_names() -> None:
    assert find_money("2,500 officers of the G20 states") == []


def test_every_currency_code_is_iso_4217() -> None:
    t = _tables()
    for code in [*t.prefixes.values(), *t.suffixes.values()]:
        assert pycountry.currencies.get(alpha_3=code) is not None, code


@given(st.integers(min_value=1, max_value=999_999_999))
def test_dollar_figures_round_trip(n: int) -> None:
    m = parse_money(f"The donor gave ${n:,} to the fund.")
    assert m is not None
    assert (m.amount, m.currency) == (n, "USD")


def test_currency_homes_are_real_codes_and_shared_currencies_have_none() -> None:
    from mission_monitor.resolve.money import _homes, currency_home

    for cur, state in _homes().items():
        assert pycountry.currencies.get(alpha_3=cur) is not None, cur
        assert pycountry.countries.get(alpha_3=state) is not None, state
    assert currency_home("KES") == "KEN"
    assert currency_home("USD") is None and currency_home("EUR") is None
