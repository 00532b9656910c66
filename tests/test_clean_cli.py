"""``mission-monitor clean``: plain text, JSON lines, and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mission_monitor.cli import app

runner = CliRunner()


def test_clean_prints_the_article_of_004(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["clean", str(seeds_dir / "004_de6dd166a4080cc0.txt")])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Nairobi ‘welcomes’ talks on future of Haiti mission\n\n")
    assert "Photo credit" not in out and "subscription" not in out
    assert "Caption for the landscape image" not in out
    assert "There are 700 police personnel from Kenya in the MSS" in out
    assert out.rstrip().endswith("At least 1500 people have died in the last four months.")


def test_clean_json_lines(seeds_dir: Path) -> None:
    names = ["002_2657fd273daf8585.txt", "001_5e379e2643d233a9.txt"]
    paths = [str(seeds_dir / n) for n in names]
    result = runner.invoke(app, ["clean", "--json", *paths])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in rows] == ["002_2657fd273daf8585.txt", "001_5e379e2643d233a9.txt"]
    for r in rows:
        assert set(r) == {"doc", "text", "title", "published", "site", "url", "language", "dropped"}
        assert r["language"] == "en"
    reasons = {d["reason"] for d in rows[0]["dropped"]}
    assert "ad-blocker notice" in reasons and "comment prompt" in reasons
    assert all({"line", "text", "reason"} == set(d) for d in rows[0]["dropped"])


def test_bad_input_is_named_and_others_still_cleaned(tmp_path: Path, seeds_dir: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8 not text \x00\x00")
    missing = tmp_path / "missing.txt"
    good = seeds_dir / "001_5e379e2643d233a9.txt"
    result = runner.invoke(app, ["clean", str(missing), str(good)])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert "Kenya and Haiti officially established diplomatic relations" in result.stdout
