"""The docs stay honest: every command is in the README and has help; the linked docs exist."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from mission_monitor.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    return {name: (cmd.help or "") for name, cmd in group.commands.items()}  # type: ignore[attr-defined]


def test_every_command_is_in_the_readme_and_has_help() -> None:
    commands = _commands()
    assert {"ingest", "extract", "eval", "facts", "status", "serve", "clean"} <= commands.keys()
    for name, help_text in commands.items():
        assert f"`{name}" in README, f"README does not mention the `{name}` command"
        assert help_text.strip(), f"`{name}` has no help text"


def test_readme_links_point_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(([^)#:]+)\)", README):
        assert (ROOT / target).exists(), f"README links to a missing file: {target}"


def test_architecture_names_every_stage_package() -> None:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = [
        p.name for p in (ROOT / "mission_monitor").iterdir() if (p / "__init__.py").exists()
    ]
    for name in packages:
        if name in {"missions"}:  # data only
            continue
        assert f"{name}/" in text, f"docs/ARCHITECTURE.md does not place {name}/"


def test_extraction_doc_names_real_rules_and_its_worked_example_holds() -> None:
    from mission_monitor.extract import extract_facts
    from mission_monitor.extract.lexicon import ruleset

    text = (ROOT / "docs" / "EXTRACTION.md").read_text(encoding="utf-8")
    names = {r.name for r in ruleset().rules}
    cited = set(re.findall(r"`((?:unit|status|actor|feature|mood)/[a-z'-]+)`", text))
    assert cited and cited <= names, cited - names
    sentence = (
        "About 200 more Kenyan officers arrived on Tuesday, raising the number of Kenyans "
        "serving with the mission in Haiti to roughly 600."
    )
    assert sentence[:40] in text
    got = [
        (f.actor, f.status, f.count, f.qualifier, f.force, f.date)
        for f in extract_facts("Haiti\n\n" + sentence, "2024-07-17")
    ]
    assert got == [
        ("KEN", "arrived", 200, "approx", "police", "2024-07-16"),
        ("KEN", "present", 600, "approx", None, "2024-07-17"),
    ]
