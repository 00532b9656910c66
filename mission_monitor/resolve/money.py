"""Money as news writes it: "$360 million", "US$18m", "USD 200 million", "CA$75.8 million",
"€5 million", "200 million dollars", "Ksh28.7 billion (USD200 million)".

``find_money`` returns every amount in a text with its character span, the ISO 4217 currency
(``data/currencies.yaml``) and, where the text gives a conversion in brackets right after the
figure, both: the USD figure as the amount and the stated figure as ``original``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mission_monitor.models import Money
from mission_monitor.resolve.numbers import SCALES, parse_digits, parse_number

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORDNUM = (
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several)[\s-]*)+"
)
_SCALE = r"(?:[\s-]?(?:million|billion|trillion|thousand)\b|(?:mn|bn|m|b|k)\b)"
_QUALIFIED = r"(?:about|approximately|around|roughly|some|nearly|almost|over|or|~|≈)\s*"


@dataclass(frozen=True, slots=True)
class MoneyMention:
    """An amount found in a text: ``text[start:end]`` is the figure (with any conversion)."""

    start: int
    end: int
    amount: float
    currency: str
    original: Money | None = None


@dataclass(frozen=True, slots=True)
class _Tables:
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    pattern: re.Pattern[str]
    bracket: re.Pattern[str]
    open_bracket: re.Pattern[str]


def _alt(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@cache
def _tables() -> _Tables:
    with (
        resources.files("mission_monitor.resolve")
        .joinpath("data", "currencies.yaml")
        .open(encoding="utf-8") as f
    ):
        data = yaml.safe_load(f)
    prefixes: dict[str, str] = data["prefixes"]
    suffixes: dict[str, str] = data["suffixes"]
    pre = _alt(list(prefixes))
    suf = _alt(list(suffixes))
    body = (
        rf"(?:(?<![A-Za-z])(?P<pre>{pre})\s?(?P<num1>{_NUM})(?P<scale1>{_SCALE})?"
        rf"(?:\s(?P<suf1>{suf})\b)?)"
        rf"|(?:(?<![\w$€£.,])(?P<num2>{_NUM}|{_WORDNUM})(?P<scale2>{_SCALE})?\s?(?P<suf2>{suf})\b)"
    )
    pattern = re.compile(body)
    bracket = re.compile(rf"\s*\(\s*(?:{_QUALIFIED})?(?P<inner>[^()]{{1,40}}?)\s*\)")
    open_bracket = re.compile(rf"\s*\(\s*(?:{_QUALIFIED})?")
    return _Tables(prefixes, suffixes, pattern, bracket, open_bracket)


def _value(num: str, scale: str | None) -> float | None:
    scale = (scale or "").strip(" -").lower()
    base = parse_digits(num)
    if base is None:
        base = parse_number(num)
    if base is None:
        return None
    return base * SCALES[scale] if scale else base


def _parse_one(m: re.Match[str]) -> tuple[float, str] | None:
    t = _tables()
    if m["pre"]:
        cur = t.prefixes[m["pre"]]
        if m["suf1"]:
            cur = t.suffixes.get(m["suf1"], cur) if m["pre"] == "$" else cur
        value = _value(m["num1"], m["scale1"])
    else:
        cur = t.suffixes[m["suf2"]]
        value = _value(m["num2"].strip(" -"), m["scale2"])
    if value is None or value <= 0:
        return None
    return value, cur


@cache
def _homes() -> dict[str, str]:
    with (
        resources.files("mission_monitor.resolve")
        .joinpath("data", "currencies.yaml")
        .open(encoding="utf-8") as f
    ):
        data = yaml.safe_load(f)
    return dict(data.get("home", {}))


def currency_home(currency: str) -> str | None:
    """The one state whose national currency this is (KES -> KEN), or ``None`` for a
    currency many states pay in (USD, EUR) or one not listed."""
    return _homes().get(currency)


def parse_money(text: str) -> MoneyMention | None:
    """The first amount in ``text`` (see ``find_money``)."""
    found = find_money(text)
    return found[0] if found else None


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money in ``text``, in order, conversions folded in."""
    t = _tables()
    out: list[MoneyMention] = []
    pos = 0
    while True:
        m = t.pattern.search(text, pos)
        if m is None:
            return out
        pos = m.end()
        parsed = _parse_one(m)
        if parsed is None:
            continue
        amount, cur = parsed
        start, end = m.start(), m.end()
        original: Money | None = None
        b = t.bracket.match(text, end)
        conv_end: int | None = None
        conv = None
        if b is not None:
            inner = t.pattern.fullmatch(b["inner"].strip())
            conv = _parse_one(inner) if inner is not None else None
            conv_end = b.end()
        else:
            # "$100 million (Sh14.5 billion from the Defense Department": an unclosed bracket
            o = t.open_bracket.match(text, end)
            inner = t.pattern.match(text, o.end()) if o is not None else None
            conv = _parse_one(inner) if inner is not None else None
            conv_end = inner.end() if inner is not None else None
        if conv is not None and conv_end is not None:
            end = conv_end
            pos = end
            c_amount, c_cur = conv
            if c_cur == "USD" and cur != "USD":
                original = Money(amount, cur)
                amount, cur = c_amount, c_cur
            elif cur == "USD" and c_cur != "USD":
                original = Money(c_amount, c_cur)  # "$200 million (Sh29 billion)"
        out.append(MoneyMention(start, end, amount, cur, original))
