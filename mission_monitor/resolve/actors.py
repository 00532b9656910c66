"""Actors: the states and organisations that reports name, and the codes FACTS.md uses.

States come from pycountry (ISO 3166 names for every state) plus the curated table in
``data/states.yaml`` (demonyms, short forms, capitals); organisations and the mission itself
from ``data/organisations.yaml``; well-known officials from ``data/officials.yaml``.

``aliases()`` is the full alias list (for a spaCy PhraseMatcher); ``lookup()`` resolves one
name. The tables are loaded once, at first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import pycountry
import yaml

from mission_monitor.mission import Mission as MissionDef
from mission_monitor.mission import default_mission

ActorKind = Literal["state", "org", "mission", "official", "force"]
Via = Literal["name", "demonym", "capital", "official", "org", "force"]

# ISO names that are also common words or other places in English news: never matched alone.
_ISO_NAME_BLOCKLIST = frozenset(
    {"Georgia", "Jordan", "Jersey", "Guinea", "Chad", "Turkey", "Niger", "Mali", "Oman", "Peru"}
)
# Phrases that contain a demonym but name no state ("Latin American troops").
BLOCKED_PHRASES = (
    "Latin American",
    "South American",
    "Central American",
    "North American",
    "African American",
    "Pan American",
    "Inter-American",
    "Native American",
    "New Mexico",
    "Caribbean Community",
    "National Security Council",
    "National Security Adviser",
    "National Security Advisor",
)


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of naming an actor. ``case_sensitive`` aliases match their exact spelling."""

    text: str
    code: str
    kind: ActorKind
    via: Via
    case_sensitive: bool
    force: str | None = None  # a national force: "police" or "military"

    @property
    def needs_capital(self) -> bool:
        """State names match in any case but need a capital ("el Salvador" yes, "chad" no)."""
        return self.kind == "state" and not self.case_sensitive


@dataclass(frozen=True, slots=True)
class Mission:
    code: str
    host: str
    authority: str
    lead: str
    fund: str = "UN"  # who owns the mission's trust fund (a deposit with no named payer)


def _load(name: str) -> Any:
    with (
        resources.files("mission_monitor.resolve")
        .joinpath("data", name)
        .open(encoding="utf-8") as f
    ):
        return yaml.safe_load(f)


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ss", "ish", "ch", "i")) and not demonym.endswith("li"):
        return demonym + "s" if demonym.endswith("i") else None
    return demonym + "s"


@cache
def mission() -> Mission:
    """The mission's code, host, authorising body and lead nation: code, host and lead from
    the project's default mission definition (:mod:`mission_monitor.mission`), the
    authorising body (and any missing role) from ``data/mission.yaml``."""
    d = _load("mission.yaml")
    m = default_mission()
    return Mission(
        m.code or d["code"],
        m.host or d["host"],
        d["authority"],
        m.lead or d["lead"],
        d.get("fund", "UN"),
    )


@cache
def org_codes() -> frozenset[str]:
    return frozenset(_load("organisations.yaml"))


@cache
def aliases(for_mission: MissionDef | None = None) -> tuple[Alias, ...]:
    """Every alias, deduplicated on (text, code). Curated entries come first; the mission's
    names (its successor's included) are those of ``for_mission`` (default: the default
    mission)."""
    out: list[Alias] = []
    seen: set[tuple[str, str]] = set()

    def add(
        text: str,
        code: str,
        kind: ActorKind,
        via: Via,
        cs: bool | None = None,
        force: str | None = None,
    ) -> None:
        text = text.strip()
        if not text or (text, code) in seen:
            return
        seen.add((text, code))
        sensitive = _is_abbreviation(text) if cs is None else cs
        out.append(Alias(text, code, kind, via, sensitive, force))

    for code, entry in _load("forces.yaml").items():
        for force, names in entry.items():
            for name in names:
                add(name, code, "force", "force", force=force)

    for code, entry in _load("states.yaml").items():
        for name in entry.get("names", []):
            add(name, code, "state", "name")
        for dem in entry.get("demonyms", []):
            add(dem, code, "state", "demonym")
            plural = _plural(dem)
            if plural:
                add(plural, code, "state", "demonym")
        for cap in entry.get("capitals", []):
            add(cap, code, "state", "capital")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if not name or "," in name or "(" in name or name in _ISO_NAME_BLOCKLIST:
                continue
            add(name, country.alpha_3, "state", "name")
    for code, entry in _load("organisations.yaml").items():
        kind: ActorKind = "mission" if entry.get("mission") else "org"
        for name in entry["names"]:
            add(name, code, kind, "org")
    m = for_mission or default_mission()
    for name in m.names():
        add(name, m.code, "mission", "org")
    host = _load("states.yaml").get(m.host, {}) if m.host else {}
    for place in host.get("names", [])[:2]:
        for noun in ("mission", "force", "deployment"):
            add(f"the {place} {noun}", m.code, "mission", "org")  # "the Haiti mission"
    for code, names in _load("officials.yaml").items():
        for name in names:
            add(name, code, "official", "official", cs=True)
    return tuple(out)


@cache
def _index() -> dict[str, tuple[Alias, ...]]:
    idx: dict[str, list[Alias]] = {}
    for a in aliases():
        idx.setdefault(a.text.lower(), []).append(a)
    return {k: tuple(v) for k, v in idx.items()}


def lookup(name: str) -> str | None:
    """The code of the actor ``name`` names ("Kenyan" -> "KEN", "Security Council" -> "UNSC").

    Abbreviations match case-sensitively ("US" is a state, "us" is not); other names
    case-insensitively but need a capital letter somewhere ("el Salvador" yes, "chad" no).
    """
    text = " ".join(name.replace("\u2019", "'").split())
    for cand in (text, name.strip()):
        for a in _index().get(cand.lower(), ()):
            if a.case_sensitive and a.text != cand:
                continue
            if a.needs_capital and not any(c.isupper() for c in cand):
                continue
            return a.code
    return None


def actor_name(code: str) -> str:
    """A readable name for a code ("KEN" -> "Kenya", "UNSC" -> "UNSC")."""
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    return code
