"""What the web tests share: a real SQLite file ingested from the sample reports plus a hostile
report, and a real uvicorn server on 127.0.0.1 for the browser.

The hostile report puts markup in the places a dashboard shows: the title, the article text
(inside the very sentence that states a fact, so the fact page highlights it) and the URL.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

XSS_SCRIPT = "<script>window.__xss = 1; alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__xss = 2">'
XSS_TITLE = f"Kenya sends police {XSS_SCRIPT}"
XSS_URL = "javascript:window.__xss=3"
XSS_DOC_ID = "xss-report"

XSS_TEXT = (
    "NAIROBI, 25 June 2024.\n\n"
    f"Kenya deployed 400 police officers to Haiti on Tuesday {XSS_SCRIPT} {XSS_IMG}, "
    "the interior ministry said.\n\n"
    "The officers landed in Port-au-Prince, the first contingent of the Multinational Security "
    "Support mission, which the United Nations Security Council authorised in October 2023."
)


# Another story that gives a different figure for the same arrival: a conflict to show.
CONFLICT_DOC_ID = "conflicting-report"
CONFLICT_TEXT = (
    "Union disputes the size of the first Kenyan contingent\n\n"
    "PORT-AU-PRINCE, 27 June 2024.\n\n"
    "Kenya deployed 250 police officers to Haiti on Tuesday, a police union official told "
    "reporters on Thursday, a figure well below the one the government gave.\n\n"
    "The official said the rest of the contingent was still waiting in Nairobi for equipment."
)


def write_xss_report(folder: Path) -> Path:
    """A JSONL dump: a report whose title, text and URL carry script payloads, and a report
    (another story) that contradicts its figure."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hostile.jsonl"
    lines: list[dict[str, Any]] = [
        {
            "id": XSS_DOC_ID,
            "title": XSS_TITLE,
            "url": XSS_URL,
            "published": "2024-06-25",
            "text": XSS_TEXT,
        },
        {
            "id": CONFLICT_DOC_ID,
            "url": "https://union.example.org/news/contingent",
            "published": "2024-06-27",
            "outlet": "Union Bulletin",
            "text": CONFLICT_TEXT,
        },
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def build_example_db(db_file: Path, examples_dir: Path, work_dir: Path) -> Path:
    """Ingest ``examples_dir`` and the hostile report into a fresh SQLite file."""
    from mission_monitor.pipeline import ingest
    from mission_monitor.store import Store

    hostile = write_xss_report(work_dir / "hostile")
    store = Store.open(str(db_file))
    try:
        ingest([examples_dir, hostile], store)
    finally:
        store.close()
    return db_file


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@contextmanager
def live_server(app: Any) -> Iterator[LiveServer]:
    server = LiveServer(app)
    server.start()
    try:
        yield server
    finally:
        server.stop()


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


_BUILT: dict[str, Path] = {}


def shared_example_db(tmp_path_factory: Any, examples_dir: Path) -> Path:
    """The example database, built once per test process whichever module asks first."""
    key = str(examples_dir)
    if key not in _BUILT:
        work = tmp_path_factory.mktemp("web-example")
        _BUILT[key] = build_example_db(work / "examples.db", examples_dir, work)
    return _BUILT[key]


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A fresh, empty database on the PostgreSQL server of ``server_url``; dropped on exit."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"mm_web_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
