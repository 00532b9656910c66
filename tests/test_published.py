"""Publication dates of text dumps: labelled lines, bare date lines, datelines, addresses."""

from __future__ import annotations

import pytest

from mission_monitor.clean import clean_document
from mission_monitor.clean.published import date_from_address, parse_date_span, text_published
from mission_monitor.models import RawInput


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPublished: 17 July 2024\n\nBody text.", "2024-07-17"),
        ("Headline\nPosted on March 4, 2024 at 10:00\nBody.", "2024-03-04"),
        ("Date: 2024-03-04\nBody.", "2024-03-04"),
        ("Wednesday, 21 February 2024\n\nBody text here.", "2024-02-21"),
        ("NAIROBI, May 23, 2024 (Wire) - Kenya said on Thursday...", "2024-05-23"),
        ("PORT-AU-PRINCE, Haiti, July 17, 2024 — Officers arrived.", "2024-07-17"),
        ("Published: October 2024\nBody.", "2024-10"),
        # a label with no year is no date: dateparser would invent the current year
        ("Updated On\nNew Update\nPosted Monday, March 4\nBody.", None),
        ("The mission began in 2024 and more officers arrived later.", None),
    ],
)
def test_text_published(text: str, expected: str | None) -> None:
    assert text_published(text) == expected


def test_published_label_beats_updated_label() -> None:
    text = "Last updated: 3 Oct 2024\nPublished: 1 Oct 2024\nBody."
    assert text_published(text) == "2024-10-01"
    assert text_published("Last updated: 3 Oct 2024\nBody.") == "2024-10-03"


def test_date_from_address() -> None:
    assert date_from_address("https://news.example/2024/07/17/kenya-police") == "2024-07-17"
    assert date_from_address("https://news.example/world/2024/07/kenya") == "2024-07"
    assert date_from_address("reports/2024-07-17_kenya.txt") == "2024-07-17"
    assert date_from_address("000_f993131bece84c04.txt") is None
    assert date_from_address(None, "x/20240717.txt") is None  # no separators: too ambiguous


def test_parse_date_span_keeps_precision() -> None:
    assert parse_date_span("17 July 2024") == "2024-07-17"
    assert parse_date_span("July 2024") == "2024-07"
    assert parse_date_span("on Wednesday") is None


def test_clean_document_takes_the_text_date_but_a_given_date_wins() -> None:
    body = "Kenya sends police\n\nPublished: 17 July 2024\n\nMore officers arrived in Haiti."
    raw = RawInput(doc="a.txt", source="a.txt", content=body, format="text")
    assert clean_document(raw).published == "2024-07-17"
    given = RawInput(
        doc="a", source="d.jsonl:1", content=body, format="text", published="2024-07-18"
    )
    assert clean_document(given).published == "2024-07-18"
