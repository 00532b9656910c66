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
