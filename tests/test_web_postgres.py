"""The API and pages on PostgreSQL: the same example reports ingested into a fresh database on
the server of DATABASE_URL give the same answers (filters, text search ignoring case, status)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import XSS_DOC_ID, postgres_database, write_xss_report

from mission_monitor import report
from mission_monitor.pipeline import ingest
from mission_monitor.store import Store
from mission_monitor.web.app import create_app

pytestmark = pytest.mark.postgres

AS_OF = "2024-12-31"


@pytest.fixture(scope="module")
def pg_store(
    pg_url: str, examples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    hostile = write_xss_report(tmp_path_factory.mktemp("hostile"))
    with postgres_database(pg_url) as url, Store.open(url) as store:
        summary = ingest([examples_dir, hostile], store)
        assert summary.new > 10
        yield store


@pytest.fixture(scope="module")
def client(pg_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(pg_store)) as c:
        yield c


def test_facts_and_filters_on_postgres(client: TestClient, pg_store: Store) -> None:
    body = client.get("/api/v1/facts?limit=500").json()
    assert sorted(f["id"] for f in body["items"]) == sorted(
        sf.fact_id for sf in pg_store.sourced_facts()
    )
    ken = client.get("/api/v1/facts?limit=500&actor=KEN&as_of=2024-06").json()["items"]
    assert sorted(f["id"] for f in ken) == sorted(
        sf.fact_id for sf in pg_store.sourced_facts(actor="KEN", as_of="2024-06-30")
    )


def test_document_search_ignores_case_on_postgres(client: TestClient, pg_store: Store) -> None:
    found = client.get("/api/v1/documents?q=COURT&limit=500").json()["items"]
    expected = set()
    for d in pg_store.documents():
        detail = pg_store.document(d.id)
        assert detail is not None
        if "court" in (detail.text + (d.title or "")).lower():
            expected.add(d.id)
    assert expected and {d["id"] for d in found} == expected


def test_status_and_pages_on_postgres(client: TestClient, pg_store: Store) -> None:
    body = client.get(f"/api/v1/status?as_of={AS_OF}").json()
    assert body == {"ok": True, **report.status_dict(pg_store, AS_OF)}
    hostile = next(d for d in pg_store.documents() if d.doc == XSS_DOC_ID)
    for url in ("/", f"/?as_of={AS_OF}", "/documents", f"/documents/{hostile.id}", "/conflicts"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<script" not in response.text.lower()
