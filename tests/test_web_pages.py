"""The HTML pages through TestClient on the example database: every page renders, figures match
the reconciled record, the as-of date carries through, hostile text stays text, and nothing is
loaded from outside the server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup
from web_fixtures import XSS_DOC_ID, XSS_URL, shared_example_db

from mission_monitor import report
from mission_monitor.models import Evidence
from mission_monitor.store import Store
from mission_monitor.web import charts
from mission_monitor.web.app import create_app
from mission_monitor.web.highlight import article_parts
from mission_monitor.web.templating import build_link, safe_url

AS_OF = "2024-12-31"


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


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def hostile_doc_id(store: Store) -> int:
    return next(d.id for d in store.documents() if d.doc == XSS_DOC_ID)


def every_page(store: Store) -> list[str]:
    facts = store.sourced_facts()
    return [
        "/",
        "/documents",
        "/documents?q=Kenya&language=en",
        f"/documents/{facts[0].doc_id}",
        f"/documents/{hostile_doc_id(store)}",
        *(f"/facts/{sf.fact_id}" for sf in facts),
        "/states/KEN",
        "/states/USA",
        "/timeline",
        "/conflicts",
        "/api",
    ]


def test_every_page_renders(client: TestClient, store: Store) -> None:
    for url in every_page(store):
        html = page(client, url)
        assert "<h1" in html


def test_pages_load_nothing_from_outside(client: TestClient, store: Store) -> None:
    for url in every_page(store):
        tags = parse(page(client, url))
        assert not [t for t, _ in tags.tags if t in ("script", "iframe", "object", "embed")]
        for tag, attrs in tags.tags:
            for name in ("src", "srcset"):
                assert name not in attrs, (url, tag, attrs)
            if tag == "link":
                assert (attrs.get("href") or "").startswith("/static/"), (url, attrs)


def test_hostile_text_stays_text(client: TestClient, store: Store) -> None:
    doc_id = hostile_doc_id(store)
    fact = next(sf for sf in store.sourced_facts() if sf.doc == XSS_DOC_ID)
    for url in (f"/documents/{doc_id}", f"/facts/{fact.fact_id}", "/documents", "/states/KEN"):
        html = page(client, url)
        assert "<script" not in html.lower(), url
        assert "<img" not in html.lower(), url
        tags = parse(html)
        hrefs = [a.get("href") or "" for t, a in tags.tags if t == "a"]
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], url
        assert all("onerror" not in a for _, a in tags.tags), url
    shown = "".join(parse(page(client, f"/documents/{doc_id}")).text)
    assert "<script>window.__xss = 1; alert(1)</script>" in shown  # shown as text
    assert XSS_URL in shown  # the address is shown, not linked


def test_fact_page_highlights_the_evidence_in_the_article(client: TestClient, store: Store) -> None:
    for sf in store.sourced_facts():
        assert sf.fact.evidence is not None
        html = page(client, f"/facts/{sf.fact_id}")
        marked = re.search(r'<mark id="evidence">(.*?)</mark>', html, re.S)
        assert marked, sf.fact_id
        assert marked.group(1) == str(Markup.escape(sf.fact.evidence.sentence))
        if sf.url and sf.url.startswith("https://"):
            assert f'href="{Markup.escape(sf.url)}"' in html


def test_overview_figures_are_those_of_the_record(client: TestClient, db: Path) -> None:
    record = report.build_record(db, AS_OF)
    tags = parse(page(client, f"/?as_of={AS_OF}"))
    bars = {
        (a["data-actor"], a["data-series"]): float(a["data-value"] or "nan")
        for t, a in tags.tags
        if t == "rect" and "data-series" in a and a.get("class") == "bar"
    }
    assert record.personnel
    for row in record.personnel:
        if row.pledged is not None:
            assert bars[(row.actor, "pledged")] == row.pledged.value
        if row.arrived is not None:
            assert bars[(row.actor, "arrived")] == row.arrived.total
        if row.present is not None:
            assert bars[(row.actor, "present")] == row.present.value
    ceiling = [a for t, a in tags.tags if t == "g" and a.get("class") == "ceiling"]
    assert ceiling and float(ceiling[0]["data-value"] or 0) == record.mission.ceiling
    kpi = {a["id"]: a.get("data-value") for t, a in tags.tags if a.get("id", "").startswith("kpi-")}
    assert kpi["kpi-conflicts"] == str(len(record.conflicts))
    assert kpi["kpi-present"] == str(record.total_present)


def test_as_of_is_carried_through_links(client: TestClient) -> None:
    html = page(client, "/?as_of=2024-07-01")
    tags = parse(html)
    inner = [
        a["href"]
        for t, a in tags.tags
        if t == "a" and (a.get("href") or "").startswith(("/facts/", "/states/", "/documents"))
    ]
    assert inner and all("as_of=2024-07-01" in h for h in inner)
    assert 'id="as-of-banner"' in html
    assert 'value="2024-07-01"' in html  # the date control shows it


def test_as_of_rerenders_the_overview(client: TestClient) -> None:
    def facts_known(url: str) -> int:
        tags = parse(page(client, url))
        return int(next(a["data-value"] for t, a in tags.tags if a.get("id") == "kpi-facts") or 0)

    assert facts_known("/?as_of=2023-08-01") < facts_known(f"/?as_of={AS_OF}")


def test_empty_as_of_from_the_form_means_today(client: TestClient) -> None:
    assert "as-of-banner" not in page(client, "/?as_of=")


def test_bad_parameters_are_an_error_page(client: TestClient) -> None:
    html = page(client, "/?as_of=2024-02-30", 422)
    assert "Error 422" in html and "as_of" in html
    page(client, "/facts/999999", 404)
    page(client, "/states/ZZZ", 404)
    page(client, "/states/%3Cscript%3E", 422)


def test_a_state_page_by_name(client: TestClient) -> None:
    by_name = page(client, f"/states/kenya?as_of={AS_OF}")
    # the same page as by its code, but for the links back to the address asked for
    assert by_name.replace("/states/kenya", "/states/KEN") == page(
        client, f"/states/KEN?as_of={AS_OF}"
    )


def test_document_filters_and_csv_link(client: TestClient, store: Store) -> None:
    site = next(d.site for d in store.documents() if d.site)
    html = page(client, f"/documents?site={site}")
    tags = parse(html)
    rows = [a for t, a in tags.tags if t == "tr" and "data-doc-id" in a]
    assert rows and len(rows) == len([d for d in store.documents() if d.site == site])
    csv_links = [a["href"] for t, a in tags.tags if t == "a" and a.get("class") == "csv"]
    assert csv_links and "format=csv" in csv_links[0] and "site=" in csv_links[0]


def test_list_pages_link_their_csv(client: TestClient) -> None:
    for url in ("/documents", "/timeline", "/conflicts", "/states/KEN"):
        tags = parse(page(client, url))
        links = [a["href"] or "" for t, a in tags.tags if t == "a" and a.get("class") == "csv"]
        assert links, url
        assert client.get(links[0]).headers["content-type"].startswith("text/csv")


def test_conflicts_page_lists_the_record_conflicts(client: TestClient, db: Path) -> None:
    record = report.build_record(db, AS_OF)
    tags = parse(page(client, f"/conflicts?as_of={AS_OF}"))
    rows = [a for t, a in tags.tags if t == "tr" and "data-measure" in a]
    assert len(rows) == len(record.conflicts) >= 1


def test_charts_escape_their_labels() -> None:
    svg = charts.bar_chart(
        [charts.BarGroup("<b>X</b>", {"pledged": 5.0})], ["pledged"], label="<script>"
    )
    assert "<script>" not in svg and "<b>" not in svg
    line = charts.line_chart({"<i>s</i>": [charts.Point("2024-06", 3)]}, label="a&b")
    assert "<i>" not in line and "a&amp;b" in line


def test_line_chart_thins_long_series() -> None:
    points = [charts.Point(f"2024-01-{d:02d}", float(d)) for d in range(1, 32)]
    thinned = charts.thin(points, 10)
    assert len(thinned) <= 10 and thinned[-1] == points[-1]


def test_only_http_addresses_become_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "//evil", "", None):
        assert safe_url(bad) is None


def test_links_keep_as_of_and_drop_empty_params() -> None:
    assert build_link("/documents", "2024-06", {"q": "", "site": None}) == (
        "/documents?as_of=2024-06"
    )
    assert build_link("/", None, {}) == "/"


def test_evidence_found_by_search_when_offsets_moved() -> None:
    text = "One. Kenya sent 400 officers. Three."
    exact = article_parts(text, Evidence("Kenya sent 400 officers.", 5, 29, "r"))
    assert exact is not None and exact.exact and exact.evidence == "Kenya sent 400 officers."
    moved = article_parts("Intro. " + text, Evidence("Kenya sent 400 officers.", 5, 29, "r"))
    assert moved is not None and not moved.exact and moved.before.endswith("One. ")
    assert article_parts(text, Evidence("Not there.", 0, 10, "r")) is None


def test_an_empty_filter_form_means_no_filter(client: TestClient, store: Store) -> None:
    html = page(client, "/documents?q=&site=&language=&since=&until=&as_of=")
    rows = [a for t, a in parse(html).tags if t == "tr" and "data-doc-id" in a]
    assert len(rows) == len(store.documents())
    every = client.get("/api/v1/facts?limit=500").json()["items"]
    blank = client.get("/api/v1/facts?limit=500&actor=&since=&until=&as_of=").json()["items"]
    assert blank == every


def test_a_fact_published_after_the_as_of_date_says_so(client: TestClient, store: Store) -> None:
    late = max(store.sourced_facts(), key=lambda sf: sf.published or "")
    assert late.published is not None and late.published > "2023-12-31"
    assert 'id="not-yet-known"' in page(client, f"/facts/{late.fact_id}?as_of=2023-12-31")
    assert 'id="not-yet-known"' not in page(client, f"/facts/{late.fact_id}")
    assert 'id="not-yet-known"' in page(client, f"/documents/{late.doc_id}?as_of=2023-12")


def test_pages_and_api_send_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/api/v1/facts", "/nothing-here", "/api/v1/facts?limit=0"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert headers["x-content-type-options"] == "nosniff"
