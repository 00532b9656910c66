"""The JSON API through FastAPI's TestClient, on a real SQLite file ingested from the sample
reports (and a hostile report): what it answers is checked against the store and against the
report module that the CLI uses."""

from __future__ import annotations

import csv
import io
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import XSS_DOC_ID, shared_example_db

from mission_monitor import report
from mission_monitor.models import FUNDING_STATUSES, PERSONNEL_STATUSES
from mission_monitor.store import Store
from mission_monitor.web.api import Status
from mission_monitor.web.app import create_app
from mission_monitor.web.csvout import cell
from mission_monitor.web.params import MAX_LIMIT, date_end

AS_OF = "2024-12-31"  # fixed, so that answers do not move with today's date


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    return shared_example_db(tmp_path_factory, examples_dir)


@pytest.fixture(scope="module")
def store(db: Path) -> Iterator[Store]:
    with Store.open(db) as s:
        yield s


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def assert_error_shape(body: Any, status: int) -> None:
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)


def all_facts(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = f"/api/v1/facts?limit=7{query}"
    while url:
        page = get_json(client, url)
        items += page["items"]
        url = page["next"]
    return items


def test_health(client: TestClient) -> None:
    assert get_json(client, "/api/v1/health") == {"ok": True}


def test_the_example_database_has_facts_to_show(store: Store) -> None:
    facts = store.sourced_facts()
    assert len(facts) >= 20
    assert {"personnel", "funding", "event"} <= {sf.fact.kind for sf in facts}


def test_facts_pages_walk_every_fact_once(client: TestClient, store: Store) -> None:
    walked = all_facts(client)
    assert sorted(f["id"] for f in walked) == sorted(sf.fact_id for sf in store.sourced_facts())
    assert len({f["id"] for f in walked}) == len(walked)


def test_a_fact_carries_its_evidence_and_source(client: TestClient, store: Store) -> None:
    by_id = {sf.fact_id: sf for sf in store.sourced_facts()}
    for item in all_facts(client):
        sf = by_id[item["id"]]
        assert item["kind"] == sf.fact.kind
        assert item["doc_id"] == sf.doc_id and item["published"] == sf.published
        if sf.fact.evidence is not None:
            assert item["evidence"]["sentence"] == sf.fact.evidence.sentence
            assert item["evidence"]["start"] == sf.fact.evidence.start


@pytest.mark.parametrize(
    "query, wanted",
    [
        ("&kind=personnel", {"kind": "personnel"}),
        ("&kind=funding&status=pledged", {"kind": "funding", "status": "pledged"}),
        ("&actor=ken&status=arrived", {"actor": "KEN", "status": "arrived"}),
        ("&actor=USA", {"actor": "USA"}),
    ],
)
def test_fact_filters_match_the_store(
    client: TestClient, store: Store, query: str, wanted: dict[str, str]
) -> None:
    got = all_facts(client, query)
    expected = store.sourced_facts(
        kind=wanted.get("kind"), actor=wanted.get("actor"), status=wanted.get("status")
    )
    assert got, query
    assert sorted(f["id"] for f in got) == sorted(sf.fact_id for sf in expected)


def test_as_of_keeps_the_facts_known_by_then(client: TestClient, store: Store) -> None:
    got = all_facts(client, "&as_of=2024-06")
    assert got and all(f["published"] <= "2024-06-30" for f in got)
    assert sorted(f["id"] for f in got) == sorted(
        sf.fact_id for sf in store.sourced_facts(as_of="2024-06-30")
    )
    assert len(got) < len(all_facts(client))


def test_date_range_is_on_the_fact_date(client: TestClient) -> None:
    got = all_facts(client, "&since=2024-06&until=2024-07")
    assert got
    for f in got:
        assert f["date"] is not None and "2024-06" <= f["date"] <= "2024-07-31"


def test_fact_detail_lists_the_reports_that_agree(client: TestClient, store: Store) -> None:
    hostile = [sf for sf in store.sourced_facts(actor="KEN") if sf.doc == XSS_DOC_ID]
    assert hostile, "the hostile report states that 400 Kenyan police arrived"
    target = hostile[0]
    body = get_json(client, f"/api/v1/facts/{target.fact_id}")
    assert body["fact"]["id"] == target.fact_id
    same_key = [
        sf
        for sf in store.sourced_facts(kind=target.fact.kind, actor="KEN")
        if sf.fact.key() == target.fact.key() and sf.fact_id != target.fact_id
    ]
    assert sorted(f["id"] for f in body["agrees"]) == sorted(sf.fact_id for sf in same_key)
    assert all(f["id"] != target.fact_id for f in body["conflicts"])


def test_fact_conflicts_come_from_reconciliation(client: TestClient, db: Path) -> None:
    record = report.build_record(db, AS_OF)
    assert record.conflicts, "the union's report contradicts the arrival figure"
    conflict = record.conflicts[0]
    one, other = conflict.sides[0], conflict.sides[1]
    body = get_json(client, f"/api/v1/facts/{one.sources[0]}?as_of={AS_OF}")
    assert set(other.sources) <= {f["id"] for f in body["conflicts"]}


def test_unknown_fact_is_a_404_with_the_error_shape(client: TestClient) -> None:
    assert_error_shape(get_json(client, "/api/v1/facts/999999", 404), 404)


def test_documents_match_the_store(client: TestClient, store: Store) -> None:
    body = get_json(client, "/api/v1/documents?limit=500")
    stored = store.documents()
    assert body["total"] == len(stored) == len(body["items"])
    assert {d["id"] for d in body["items"]} == {d.id for d in stored}
    published = [d["published"] for d in body["items"]]
    assert published == sorted(published, reverse=True)


def test_document_filters(client: TestClient, store: Store) -> None:
    stored = store.documents()
    site = next(d.site for d in stored if d.site)
    by_site = get_json(client, f"/api/v1/documents?site={site}")["items"]
    assert by_site and {d["site"] for d in by_site} == {site}
    english = get_json(client, "/api/v1/documents?language=en&limit=500")["items"]
    assert {d["language"] for d in english} == {"en"}
    assert len(english) < len(stored)  # the French report is not English
    found = get_json(client, "/api/v1/documents?q=COURT&limit=500")["items"]
    expected = set()
    for d in stored:
        detail = store.document(d.id)
        assert detail is not None
        if "court" in (detail.text + (d.title or "")).lower():
            expected.add(d.id)
    assert found and len(found) < len(stored)
    assert {d["id"] for d in found} == expected
    nothing = get_json(client, "/api/v1/documents?q=%25_no_such_words_%25")
    assert nothing["total"] == 0 and nothing["items"] == []


def test_document_detail_offsets_point_into_its_text(client: TestClient, store: Store) -> None:
    doc_ids = {sf.doc_id for sf in store.sourced_facts()}
    for doc_id in sorted(doc_ids):
        body = get_json(client, f"/api/v1/documents/{doc_id}")
        assert body["facts"]
        for f in body["facts"]:
            ev = f["evidence"]
            assert body["text"][ev["start"] : ev["end"]] == ev["sentence"]


def test_status_is_the_status_json_of_the_cli(client: TestClient, db: Path) -> None:
    body = get_json(client, f"/api/v1/status?as_of={AS_OF}")
    assert body.pop("ok") is True
    assert body == report.status_dict(db, AS_OF)


def test_events_conflicts_and_timeline_follow_the_record(client: TestClient, db: Path) -> None:
    record = report.build_record(db, AS_OF)
    events = get_json(client, f"/api/v1/events?as_of={AS_OF}&limit=500")
    assert events["total"] == len(record.events)
    assert [e["facts"] for e in events["items"]] == [list(e.sources) for e in record.events]
    conflicts = get_json(client, f"/api/v1/conflicts?as_of={AS_OF}&limit=500")
    assert conflicts["total"] == len(record.conflicts)
    timeline = get_json(client, f"/api/v1/timeline?as_of={AS_OF}&limit=500")
    assert timeline["items"] == [
        {k: r[k] for k in timeline["items"][0]} for r in report.timeline(record)
    ]


def test_as_of_changes_the_record(client: TestClient) -> None:
    early = get_json(client, "/api/v1/status?as_of=2023-12-31")
    late = get_json(client, f"/api/v1/status?as_of={AS_OF}")
    assert early["as_of"] == "2023-12-31" and late["as_of"] == AS_OF
    assert len(early["sources"]) < len(late["sources"])


@pytest.mark.parametrize(
    "path, rows",
    [
        ("/api/v1/facts?format=csv&limit=500", "facts"),
        ("/api/v1/documents?format=csv&limit=500", "documents"),
        (f"/api/v1/events?format=csv&limit=500&as_of={AS_OF}", "events"),
        (f"/api/v1/conflicts?format=csv&limit=500&as_of={AS_OF}", "conflicts"),
        (f"/api/v1/timeline?format=csv&limit=500&as_of={AS_OF}", "timeline"),
    ],
)
def test_every_list_downloads_as_csv(client: TestClient, path: str, rows: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert f'filename="{rows}.csv"' in response.headers["content-disposition"]
    parsed = list(csv.DictReader(io.StringIO(response.text)))
    json_total = client.get(path.replace("format=csv", "format=json")).json()
    assert len(parsed) == len(json_total["items"])


def test_csv_cells_cannot_become_formulas() -> None:
    assert cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert cell("+1") == "'+1" and cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell(-5) == -5 and cell("Kenya") == "Kenya" and cell(None) == ""


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/facts?limit=0",
        f"/api/v1/facts?limit={MAX_LIMIT + 1}",
        "/api/v1/facts?offset=-1",
        "/api/v1/facts?as_of=2024-02-30",
        "/api/v1/facts?as_of=yesterday",
        "/api/v1/facts?kind=rumour",
        "/api/v1/facts?status=hoped",
        "/api/v1/facts?actor=" + "K" * 40,
        "/api/v1/facts?actor=<script>",
        "/api/v1/facts?format=xml",
        "/api/v1/facts/not-a-number",
        "/api/v1/documents?since=2024-13",
        "/api/v1/documents?q=" + "x" * 300,
        "/api/v1/status?as_of=0000",
        "/api/v1/conflicts?limit=100000",
        "/api/v1/facts?after=0.0",  # not a whole number, though pydantic would round it
        "/api/v1/facts?limit=1e3",
    ],
)
def test_bad_parameters_are_422_with_the_error_shape(client: TestClient, url: str) -> None:
    body = get_json(client, url, 422)
    assert_error_shape(body, 422)
    assert body["errors"] and all("loc" in e and "msg" in e for e in body["errors"])


def test_unknown_path_is_a_404_with_the_error_shape(client: TestClient) -> None:
    assert_error_shape(get_json(client, "/api/v1/nothing-here", 404), 404)


def test_no_write_endpoints(client: TestClient) -> None:
    schema = get_json(client, "/api/v1/openapi.json")
    methods = {m for ops in schema["paths"].values() for m in ops}
    assert methods == {"get"}
    assert client.post("/api/v1/facts", json={}).status_code == 405
    assert client.delete("/api/v1/facts/1").status_code == 405
    assert "Error" in schema["components"]["schemas"]


def test_an_unexpected_error_is_a_500_without_a_traceback(db: Path) -> None:
    app = create_app(db)

    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/api/v1/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/v1/boom")
        assert response.status_code == 500
        assert_error_shape(response.json(), 500)
        page = c.get("/boom")
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
        for text in (response.text, page.text):
            assert "secret internals" not in text and "Traceback" not in text


def test_status_filter_names_every_status_of_the_models() -> None:
    assert set(typing.get_args(Status)) == set(PERSONNEL_STATUSES) | set(FUNDING_STATUSES)


def test_date_end() -> None:
    assert date_end("2024") == "2024-12-31"
    assert date_end("2024-02") == "2024-02-29"
    assert date_end("2024-12") == "2024-12-31"
    assert date_end("2024-06-05") == "2024-06-05"


def test_cached_views_follow_new_documents(db: Path, tmp_path: Path) -> None:
    from mission_monitor.pipeline import ingest

    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    app = create_app(copy)
    with TestClient(app) as c:
        before = c.get(f"/api/v1/status?as_of={AS_OF}").json()
        c.get(f"/?as_of={AS_OF}")  # cached now
        report_file = tmp_path / "new.txt"
        report_file.write_text(
            "Jamaica sends soldiers\n\nKINGSTON, 2 July 2024.\n\n"
            "Jamaica deployed 24 soldiers to Haiti on Monday, the defence force said.\n",
            encoding="utf-8",
        )
        with Store.open(copy) as s:
            assert ingest([report_file], s, published="2024-07-02").new == 1
        after = c.get(f"/api/v1/status?as_of={AS_OF}").json()
        assert len(after["sources"]) > len(before["sources"])
        assert after == {"ok": True, **report.status_dict(copy, AS_OF)}


def test_next_link_and_offset_give_the_same_page(client: TestClient) -> None:
    first = get_json(client, "/api/v1/facts?limit=5&kind=personnel")
    assert first["next"] and "after=" in first["next"]
    by_link = get_json(client, first["next"].replace("http://testserver", ""))
    by_offset = get_json(client, "/api/v1/facts?limit=5&kind=personnel&offset=5")
    assert by_link["items"] == by_offset["items"]
