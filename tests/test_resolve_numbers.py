"""Numbers as news writes them, and round-trips through formatting (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mission_monitor.resolve.numbers import parse_digits, parse_int, parse_number

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 ("two thousand five hundred and six")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_ONES[hundreds]} hundred"
        return head + (f" and {in_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{in_words(thousands)} thousand"
    if not rest:
        return head
    return head + (f" and {in_words(rest)}" if rest < 100 else f" {in_words(rest)}")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,500", 2500),
        ("1500", 1500),
        ("1.2 million", 1_200_000),
        ("28.7 billion", 28_700_000_000),
        ("two hundred", 200),
        ("a thousand", 1000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("18m", 18_000_000),
        ("seven hundred and fifty", 750),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "first", "hundreds", "1,00", "officers", "12a"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_parse_int_refuses_fractions() -> None:
    assert parse_int("1.5") is None
    assert parse_int("1,000") == 1000


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n: int) -> None:
    assert parse_digits(f"{n:,}") == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=1, max_value=999_999))
def test_words_round_trip(n: int) -> None:
    assert parse_number(in_words(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion"]))
def test_scaled_decimals_round_trip(tenths: int, scale: str) -> None:
    text = f"{tenths / 10:g} {scale}"
    factor = 1e6 if scale == "million" else 1e9
    assert parse_number(text) == pytest.approx(tenths / 10 * factor)
