"""Mission definitions: the bundled MSS, another mission from a file, and clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mission_monitor.errors import ConfigError
from mission_monitor.mission import default_mission, load_mission

GSF = Path(__file__).parent.parent / "mission_monitor" / "missions" / "gsf_haiti.yaml"


def test_default_is_the_mss_in_haiti() -> None:
    m = default_mission()
    assert (m.code, m.host, m.lead, m.ceiling) == ("MSS", "HTI", "KEN", 2500)
    assert m.ceiling_source
    assert [(x.resolution, x.adopted, x.end) for x in m.mandates] == [
        ("S/RES/2699 (2023)", "2023-10-02", "2024-10-02"),
        ("S/RES/2751 (2024)", "2024-09-30", "2025-10-02"),
    ]


@pytest.mark.parametrize("name", ["MSS", "mmas", "Kenya-led mission", "the Kenya-led mission",
                                  "Multinational Security Support"])  # fmt: skip
def test_aliases_resolve_to_the_mission(name: str) -> None:
    m = default_mission()
    assert m.resolve(name) == "MSS" and m.is_mission_actor(name)
    assert m.resolve("Kenya") is None


def test_mentions_finds_aliases_in_text() -> None:
    text = "The Kenya-led mission (MSS) ... known in French as the MMAS."
    assert set(default_mission().mentions(text)) == {"Kenya-led mission", "MSS", "MMAS"}


def test_mandate_status_counts_days_and_goes_negative_when_expired() -> None:
    m = default_mission()
    assert m.mandate_on(dt.date(2023, 9, 1)).resolution is None
    s = m.mandate_on(dt.date(2024, 3, 5))
    assert (s.resolution, s.end, s.days_to_expiry, s.active) == (
        "S/RES/2699 (2023)", "2024-10-02", 211, True
    )  # fmt: skip
    s = m.mandate_on(dt.date(2024, 10, 1))  # renewed on 30 September
    assert s.end == "2025-10-02"
    s = m.mandate_on(dt.date(2025, 10, 12))
    assert s.days_to_expiry == -10 and not s.active


def test_another_mission_from_yaml_and_toml(tmp_path: Path) -> None:
    gsf = load_mission(GSF)
    assert (gsf.code, gsf.ceiling) == ("GSF", 5550)
    assert gsf.mandates[0].resolution == "S/RES/2793 (2025)"
    assert gsf.resolve("Gang Suppression Force") == "GSF"
    toml = tmp_path / "m.toml"
    toml.write_text(
        'code = "X"\nname = "Mission X"\naliases = ["MX"]\n[ceiling]\npersonnel = 10\n'
        '[[mandates]]\nresolution = "R1"\nadopted = 2025-01-01\nend = "2025-06-30"\n'
    )
    x = load_mission(toml)
    assert (x.code, x.ceiling, x.mandates[0].end) == ("X", 10, "2025-06-30")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("name: x\n", "missing required key 'code'"),
        ("code: X\nname: x\nceiling: {personnel: -5}\n", "positive integer"),
        ("code: X\nname: x\nmandates: [{resolution: R, adopted: soon, end: 2025-01-01}]\n",
         "adopted must be a date"),
        ("code: X\nname: x\nmandates: [{resolution: R, adopted: 2025-01-01, end: 2024-01-01}]\n",
         "before adoption"),
        ("code: [unclosed\n", "not valid YAML"),
        ("- a list\n", "must be a mapping"),
    ],
)  # fmt: skip
def test_bad_mission_file_names_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as err:
        load_mission(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_missing_mission_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the mission file"):
        load_mission(tmp_path / "nope.yaml")


def test_mission_file_not_in_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("code: X\nname: Misión\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="must be UTF-8 text"):
        load_mission(path)
