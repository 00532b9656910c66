"""Numbers as news writes them: "2,500", "1500", "1.2 million", "two hundred", "a thousand",
"twenty-five", "a dozen". Written-out numbers go through number-parser; digits, separators,
decimals and scale words through the small rules here (number-parser gives None for "1,000").
"""

from __future__ import annotations

import re
from functools import lru_cache

from number_parser import parse_number as _parse_words

SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "m": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(
    r"^(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*-?\s*(?P<scale>[a-z]+)$"
)
_WORD_SCALE = re.compile(r"^(?P<words>.+?)\s+(?P<scale>million|billion|trillion)$")


def parse_digits(text: str) -> float | None:
    """ "2,500" -> 2500.0, "1.5" -> 1.5; None for anything else (including "1,00")."""
    t = text.strip()
    if not _DIGITS.match(t):
        return None
    return float(t.replace(",", ""))


@lru_cache(maxsize=8192)
def parse_number(text: str) -> float | None:
    """The value of a number phrase, or ``None`` where it is not one.

    >>> parse_number("1.2 million"), parse_number("a dozen"), parse_number("two hundred")
    (1200000.0, 12.0, 200.0)
    """
    t = " ".join(text.lower().replace("\u2011", "-").split())
    t = t.strip(" ,.")
    if not t:
        return None
    value = parse_digits(t)
    if value is not None:
        return value
    m = _DIGITS_SCALE.match(t)
    if m and m["scale"] in SCALES:
        base = parse_digits(m["num"])
        return None if base is None else base * SCALES[m["scale"]]
    if t.startswith(("a ", "an ")):
        rest = t.split(" ", 1)[1]
        if rest in SCALES:
            return float(SCALES[rest])
        t = "one " + rest
    if t == "dozen":
        return 12.0
    if t.endswith(" dozen"):
        head = parse_number(t[: -len(" dozen")])
        return None if head is None else head * 12
    m = _WORD_SCALE.match(t)
    if m and not any(ch.isdigit() for ch in m["words"]):
        head_words = _parse_words(m["words"])
        if head_words is not None:
            return float(head_words) * SCALES[m["scale"]]
    if any(ch.isdigit() for ch in t):
        return None
    words = _parse_words(t)
    return None if words is None else float(words)


def parse_int(text: str) -> int | None:
    """``parse_number`` for counts: a whole number, else ``None``."""
    v = parse_number(text)
    if v is None or not float(v).is_integer():
        return None
    return int(v)
