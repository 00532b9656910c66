"""The dashboard in a real browser: Playwright driving Debian's chromium against uvicorn on
127.0.0.1, on the example database. Every page loads with no request leaving the machine and no
script error; the charts and tables show what the database holds; the as-of control re-renders;
a hostile report's script never runs. The overview and a fact page are screenshotted (into
docs/screenshots/ when MISSION_MONITOR_SCREENSHOTS=1, else a temporary folder)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_fixtures import CHROMIUM_ARGS, XSS_DOC_ID, live_server, shared_example_db

from mission_monitor import report
from mission_monitor.store import Store
from mission_monitor.web.app import create_app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2024-12-31"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    return shared_example_db(tmp_path_factory, examples_dir)


@pytest.fixture(scope="module")
def store(db: Path) -> Iterator[Store]:
    with Store.open(db) as s:
        yield s


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with live_server(create_app(db)) as srv:
        yield srv.url


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose outside requests are refused and whose script errors and dialogs are kept."""

    def __init__(self, browser: Any, server: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.server = server
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on(
            "console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None
        )
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.server + path)
        assert response is not None and response.status == 200, (path, response)
        return response


@pytest.fixture
def watched(browser: Any, server: str) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.page.close()


def data_values(page: Any, selector: str, *attrs: str) -> list[list[str]]:
    js = "(els, attrs) => els.map(e => attrs.map(a => e.getAttribute(a) || ''))"
    values: list[list[str]] = page.eval_on_selector_all(selector, js, list(attrs))
    return values


def shots_dir(tmp_path: Path) -> Path:
    if os.environ.get("MISSION_MONITOR_SCREENSHOTS") == "1":
        out = ROOT / "docs" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        return out
    return tmp_path


def test_every_page_loads_offline_without_errors(watched: Watched, store: Store) -> None:
    facts = store.sourced_facts()
    paths = [
        "/",
        f"/?as_of={AS_OF}",
        "/documents",
        f"/documents/{facts[0].doc_id}",
        f"/facts/{facts[0].fact_id}",
        "/states/KEN",
        "/timeline",
        "/conflicts",
        "/api",
    ]
    for path in paths:
        watched.goto(path)
        assert watched.page.locator("h1").first.is_visible(), path
        # the stylesheet applied: the header bar is dark
        bg = watched.page.eval_on_selector("header.top", "e => getComputedStyle(e).backgroundColor")
        assert bg == "rgb(29, 36, 48)", path
    assert watched.outside == []
    assert watched.errors == []


def test_overview_charts_and_tables_show_the_database(
    watched: Watched, db: Path, tmp_path: Path
) -> None:
    record = report.build_record(db, AS_OF)
    watched.goto(f"/?as_of={AS_OF}")
    page = watched.page
    bars = {
        (actor, series): (float(value), float(height))
        for actor, series, value, height in data_values(
            page, "#force-chart rect.bar", "data-actor", "data-series", "data-value", "height"
        )
    }
    expected: dict[tuple[str, str], float] = {}
    for row in record.personnel:
        if row.pledged is not None and row.pledged.value is not None:
            expected[(row.actor, "pledged")] = row.pledged.value
        if row.arrived is not None:
            expected[(row.actor, "arrived")] = row.arrived.total
        if row.present is not None and row.present.value is not None:
            expected[(row.actor, "present")] = row.present.value
    assert expected and {k: v for k, (v, _) in bars.items()} == expected
    # bar heights are drawn in proportion to the values
    top_value, top_height = max(bars.values())
    for value, height in bars.values():
        assert abs(height - value * top_height / top_value) <= 0.15  # drawn to 0.1 px
    ceiling = page.get_attribute("#force-chart .ceiling", "data-value")
    assert ceiling is not None and float(ceiling) == record.mission.ceiling

    table = data_values(page, "#force-table tbody tr[data-actor]", "data-actor")
    assert [a for (a,) in table] == [r.actor for r in record.personnel]
    funding = {a: float(v) for a, v in data_values(page, "#funding-chart rect.bar", "data-actor",
                                                    "data-value")}  # fmt: skip
    assert set(funding) == {r.actor for r in record.funding}
    events = data_values(page, "#latest-events tbody tr[data-type]", "data-type")
    assert [t for (t,) in events] == [e.type for e in record.events[:8]]
    assert page.get_attribute("#kpi-conflicts", "data-value") == str(len(record.conflicts))
    mandate = record.mission.mandate_on(record.as_of)
    assert page.get_attribute("#mandate", "data-end") == (mandate.end or "")

    series = {s for (s,) in data_values(page, "#strength-chart g.series", "data-series")}
    actors_with_points = {
        p.actor for p in record.series if p.measure in ("present", "arrived_total")
    }
    assert {s.split()[0] for s in series} <= actors_with_points
    assert series

    page.screenshot(path=str(shots_dir(tmp_path) / "overview.png"), full_page=True)
    assert watched.errors == [] and watched.outside == []


def test_documents_search_and_filters_in_the_browser(watched: Watched, store: Store) -> None:
    watched.goto("/documents")
    page = watched.page
    assert page.locator("#documents tbody tr[data-doc-id]").count() == len(store.documents())
    page.fill("input[name=q]", "court")
    page.click("#document-filters button[type=submit]")
    page.wait_for_url("**/documents?*q=court*")
    shown = {int(i) for (i,) in data_values(page, "#documents tbody tr[data-doc-id]",
                                           "data-doc-id")}  # fmt: skip
    expected = set()
    for d in store.documents():
        detail = store.document(d.id)
        assert detail is not None
        if "court" in (detail.text + (d.title or "")).lower():
            expected.add(d.id)
    assert shown == expected and 0 < len(shown) < len(store.documents())


def test_as_of_control_rerenders_the_page(watched: Watched) -> None:
    watched.goto("/")
    page = watched.page
    before = int(page.get_attribute("#kpi-facts", "data-value") or 0)
    page.fill("#as_of", "2023-08-01")
    page.click("form.as-of button[type=submit]")
    page.wait_for_url("**as_of=2023-08-01*")
    assert page.locator("#as-of-banner").is_visible()
    after = int(page.get_attribute("#kpi-facts", "data-value") or 0)
    assert after < before
    # links keep the date: follow one to the documents page and the control still shows it
    page.click("header.top nav a:has-text('Documents')")
    page.wait_for_url("**/documents?as_of=2023-08-01*")
    assert page.input_value("#as_of") == "2023-08-01"


def test_xss_payload_is_inert(watched: Watched, store: Store, tmp_path: Path) -> None:
    doc = next(d for d in store.documents() if d.doc == XSS_DOC_ID)
    fact = next(sf for sf in store.sourced_facts() if sf.doc == XSS_DOC_ID)
    page = watched.page
    for path in (f"/documents/{doc.id}", f"/facts/{fact.fact_id}", "/documents", "/states/KEN"):
        watched.goto(path)
        page.wait_for_timeout(200)
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("a[href^='javascript']").count() == 0, path
    assert watched.dialogs == []

    watched.goto(f"/facts/{fact.fact_id}")
    evidence = page.inner_text("#evidence")
    assert "<script>window.__xss = 1; alert(1)</script>" in evidence  # shown as text
    assert page.locator("#article script, #article img").count() == 0
    page.screenshot(path=str(tmp_path / "hostile-fact.png"), full_page=True)
    assert watched.errors == [] and watched.outside == []


def test_fact_page_highlights_its_evidence(watched: Watched, store: Store, tmp_path: Path) -> None:
    # a sample report's fact that other reports repeat (and none of them the hostile one)
    facts = store.sourced_facts(kind="personnel", actor="KEN", status="pledged")
    fact = next(sf for sf in facts if sf.doc.endswith(".html"))
    watched.goto(f"/facts/{fact.fact_id}")
    page = watched.page
    assert fact.fact.evidence is not None
    assert page.inner_text("#evidence") == fact.fact.evidence.sentence
    article = page.inner_text("#article")
    doc = store.document(fact.doc_id)
    assert doc is not None
    assert article.strip() == doc.text.strip()
    agrees = {int(i) for (i,) in data_values(page, "#agrees tr[data-fact-id]", "data-fact-id")}
    assert agrees == {sf.fact_id for sf in facts if sf.fact.key() == fact.fact.key() and sf != fact}
    if fact.url:
        assert page.get_attribute("a.original", "href") == fact.url
    page.screenshot(path=str(shots_dir(tmp_path) / "fact.png"), full_page=True)
    assert watched.errors == [] and watched.outside == []
