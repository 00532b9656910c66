"""The curated public API: every name in __all__ resolves, and the package imports cheaply."""

from __future__ import annotations

import subprocess
import sys

import mission_monitor


def test_every_public_name_resolves() -> None:
    for name in mission_monitor.__all__:
        assert getattr(mission_monitor, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        mission_monitor.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_does_not_load_heavy_dependencies() -> None:
    code = (
        "import sys, mission_monitor; "
        "print(','.join(m for m in ('spacy', 'pandas', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_library_extracts_with_evidence() -> None:
    text = "About 200 more Kenyan police officers arrived in Haiti on Tuesday."
    facts = mission_monitor.extract_facts(text, published="2024-07-17")
    arrived = [f for f in facts if f.kind == "personnel" and f.status == "arrived"]
    assert arrived and arrived[0].actor == "KEN" and arrived[0].count == 200
    ev = arrived[0].evidence
    assert ev is not None and text[ev.start : ev.end] == ev.sentence
