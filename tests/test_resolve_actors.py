"""Actors: the curated tables are well formed, and names resolve to the right codes."""

from __future__ import annotations

import pycountry
import pytest

from mission_monitor.resolve.actors import aliases, lookup, mission, org_codes


def test_every_code_is_iso_or_an_organisation() -> None:
    orgs = org_codes()
    for a in aliases():
        assert a.code in orgs or pycountry.countries.get(alpha_3=a.code) is not None, a


def test_no_curated_alias_names_two_actors() -> None:
    seen: dict[str, str] = {}
    for a in aliases():
        key = a.text if a.case_sensitive else a.text.lower()
        if a.via == "name" and a.kind == "state" and key in seen:
            continue  # pycountry repeats curated names for the same state
        assert seen.setdefault(key, a.code) == a.code, (a.text, seen[key], a.code)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kenya", "KEN"),
        ("Kenyan", "KEN"),
        ("Kenyans", "KEN"),
        ("Nairobi", "KEN"),
        ("Salvadoran", "SLV"),
        ("el Salvador", "SLV"),
        ("the Bahamas", "BHS"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("Security Council", "UNSC"),
        ("UN", "UN"),
        ("Organization of American States", "OAS"),
        ("CARICOM", "CARICOM"),
        ("Multinational Security Support", "MSS"),
        ("Ruto", "KEN"),
        ("Blinken", "USA"),
        ("Ariel Henry", "HTI"),
        ("Lula", "BRA"),
        ("Benin", "BEN"),
        ("Antigua and Barbuda", "ATG"),
    ],
)
def test_lookup(name: str, code: str) -> None:
    assert lookup(name) == code


@pytest.mark.parametrize("word", ["us", "chad", "turkey", "guinea", "ruto"])
def test_common_words_are_not_actors(word: str) -> None:
    assert lookup(word) is None


def test_mission_roles() -> None:
    m = mission()
    assert (m.code, m.host, m.authority, m.lead) == ("MSS", "HTI", "UNSC", "KEN")
