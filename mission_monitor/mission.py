"""A mission definition: names and aliases, host and lead states, the authorised ceiling and the
mandate periods. The MSS in Haiti ships as the default (``missions/mss_haiti.yaml``); any other
mission is one YAML or TOML file with the same keys (``--mission FILE``).

Nothing here does I/O except :func:`load_mission`, which reads one file.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mission_monitor.errors import ConfigError

DEFAULT_MISSION_FILE = "mss_haiti.yaml"


@dataclass(frozen=True, slots=True)
class Mandate:
    """One authorisation period: the resolution, the day it was adopted and the day it ends."""

    resolution: str
    adopted: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD
    source: str | None = None


@dataclass(frozen=True, slots=True)
class MandateStatus:
    """The mandate in force on a day, and the days left (negative once it has expired)."""

    resolution: str | None
    end: str | None
    days_to_expiry: int | None
    active: bool


@dataclass(frozen=True, slots=True)
class Successor:
    """The force that took the mission over: its names count as the mission's in reports (the
    successor's ceiling is the mission's authorised total, its rotations the states')."""

    name: str
    aliases: tuple[str, ...]
    start: str  # YYYY-MM-DD: the day it was authorised
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class Mission:
    key: str
    code: str  # the actor code of the mission as a whole in facts (``MSS``)
    name: str
    aliases: tuple[str, ...]
    host: str | None
    lead: str | None
    ceiling: int | None
    ceiling_source: str | None
    mandates: tuple[Mandate, ...]
    successor: Successor | None = None

    def names(self) -> tuple[str, ...]:
        """Every name the mission goes by in reports, its successor's included."""
        own = (self.name, *self.aliases)
        if self.successor is None:
            return own
        return (*own, self.successor.name, *self.successor.aliases)

    def is_mission_actor(self, actor: str | None) -> bool:
        """Whether a fact's actor is the mission as a whole (its code or one of its aliases)."""
        if actor is None:
            return False
        return actor.upper() == self.code.upper() or self.resolve(actor) == self.code

    def resolve(self, name: str) -> str | None:
        """The mission's code when ``name`` is one of its names or aliases, else ``None``.

        Matching ignores case, accents, punctuation and a leading "the"."""
        wanted = _norm(name)
        names = (self.code, *self.names())
        return self.code if any(_norm(n) == wanted for n in names) else None

    def mentions(self, text: str) -> list[str]:
        """The aliases that occur in ``text`` (whole words, case-insensitive), longest first."""
        found: list[str] = []
        for alias in sorted(set(self.names()), key=len, reverse=True):
            if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, flags=re.IGNORECASE):
                found.append(alias)
        return found

    def mandate_on(self, day: dt.date) -> MandateStatus:
        """The mandate in force on ``day``: the latest one adopted by then. Days to expiry are
        counted from ``day`` to the mandate's end; negative once it has ended."""
        adopted = [m for m in self.mandates if dt.date.fromisoformat(m.adopted) <= day]
        if not adopted:
            return MandateStatus(None, None, None, False)
        current = max(adopted, key=lambda m: (m.adopted, m.end))
        end = dt.date.fromisoformat(current.end)
        days = (end - day).days
        return MandateStatus(current.resolution, current.end, days, days >= 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "code": self.code,
            "name": self.name,
            "aliases": list(self.aliases),
            "host": self.host,
            "lead": self.lead,
            "ceiling": self.ceiling,
            "ceiling_source": self.ceiling_source,
            "mandates": [
                {"resolution": m.resolution, "adopted": m.adopted, "end": m.end, "source": m.source}
                for m in self.mandates
            ],
            "successor": None
            if self.successor is None
            else {
                "name": self.successor.name,
                "aliases": list(self.successor.aliases),
                "start": self.successor.start,
                "resolution": self.successor.resolution,
            },
        }


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@cache
def default_mission() -> Mission:
    """The bundled MSS in Haiti."""
    ref = resources.files("mission_monitor.missions").joinpath(DEFAULT_MISSION_FILE)
    return parse_mission(yaml.safe_load(ref.read_text(encoding="utf-8")), DEFAULT_MISSION_FILE)


def load_mission(path: Path | str | None = None) -> Mission:
    """Read a mission file (``.yaml``/``.yml`` or ``.toml``); ``None`` gives the default."""
    if path is None:
        return default_mission()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{p}: cannot read the mission file ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{p}: a mission file must be UTF-8 text ({e.reason})") from e
    is_toml = p.suffix.lower() == ".toml"
    try:
        data: Any = tomllib.loads(text) if is_toml else yaml.safe_load(text)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{p}: not valid {'TOML' if is_toml else 'YAML'}: {e}") from e
    return parse_mission(data, str(p))


def _date(value: Any, where: str, field: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ConfigError(f"{where}: {field} must be a date YYYY-MM-DD, got {value!r}")


def _str(data: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise ConfigError(f"{where}: missing required key {key!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _successor(data: Any, where: str) -> Successor | None:
    if data is None:
        return None
    at = f"{where}: successor"
    if not isinstance(data, dict):
        raise ConfigError(f"{at} must be a mapping with 'name', 'aliases' and 'start'")
    name = _str(data, "name", at)
    assert name is not None
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{at}: 'aliases' must be a list of strings")
    return Successor(
        name=name,
        aliases=tuple(aliases),
        start=_date(data.get("start"), at, "start"),
        resolution=_str(data, "resolution", at, required=False),
    )


def parse_mission(data: Any, where: str) -> Mission:
    """Validate a mission mapping (as read from YAML/TOML); errors name ``where``."""
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: a mission file must be a mapping of keys, not {type(data).__name__}"
        )
    code = _str(data, "code", where)
    name = _str(data, "name", where)
    assert code is not None and name is not None
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: 'aliases' must be a list of strings")
    ceiling_data = data.get("ceiling") or {}
    if isinstance(ceiling_data, int):
        ceiling_data = {"personnel": ceiling_data}
    if not isinstance(ceiling_data, dict):
        raise ConfigError(f"{where}: 'ceiling' must be a mapping with 'personnel' and 'source'")
    ceiling = ceiling_data.get("personnel")
    if ceiling is not None and (
        not isinstance(ceiling, int) or isinstance(ceiling, bool) or ceiling <= 0
    ):
        raise ConfigError(f"{where}: ceiling.personnel must be a positive integer, got {ceiling!r}")
    mandates_data = data.get("mandates") or []
    if not isinstance(mandates_data, list):
        raise ConfigError(f"{where}: 'mandates' must be a list")
    mandates: list[Mandate] = []
    for i, m in enumerate(mandates_data):
        at = f"{where}: mandates[{i}]"
        if not isinstance(m, dict):
            raise ConfigError(f"{at} must be a mapping")
        resolution = _str(m, "resolution", at)
        assert resolution is not None
        adopted = _date(m.get("adopted"), at, "adopted")
        end = _date(m.get("end"), at, "end")
        if end < adopted:
            raise ConfigError(f"{at}: end {end} is before adoption {adopted}")
        mandates.append(Mandate(resolution, adopted, end, _str(m, "source", at, required=False)))
    return Mission(
        successor=_successor(data.get("successor"), where),
        key=_str(data, "key", where, required=False) or code.lower(),
        code=code,
        name=name,
        aliases=tuple(aliases),
        host=_str(data, "host", where, required=False),
        lead=_str(data, "lead", where, required=False),
        ceiling=ceiling,
        ceiling_source=ceiling_data.get("source"),
        mandates=tuple(sorted(mandates, key=lambda m: (m.adopted, m.end))),
    )
