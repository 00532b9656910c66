"""``mission-monitor serve``: a real server process on 127.0.0.1 over the example database,
and a clear error for a missing database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner
from web_fixtures import shared_example_db

from mission_monitor.cli import app

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "mission-monitor ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_serve_answers_pages_and_api(
    tmp_path_factory: pytest.TempPathFactory, examples_dir: Path
) -> None:
    db = shared_example_db(tmp_path_factory, examples_dir)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mission_monitor", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).json() == {"ok": True}:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, "serve exited early"
            assert time.monotonic() < deadline, "serve did not answer within 60 s"
            time.sleep(0.2)
        overview = httpx.get(f"{base}/", timeout=60)
        assert overview.status_code == 200 and 'id="force-chart"' in overview.text
        facts = httpx.get(f"{base}/api/v1/facts?limit=5", timeout=10).json()
        assert len(facts["items"]) == 5
        assert httpx.get(f"{base}/static/style.css", timeout=10).status_code == 200
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out
