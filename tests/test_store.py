"""The store on real databases: a SQLite file, and PostgreSQL where DATABASE_URL is set (each
test then gets a fresh database, see test_postgres.pg_database)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_postgres import pg_database

from mission_monitor.errors import StoreError
from mission_monitor.models import CleanDocument, DroppedLine, Evidence, Fact, Money, RawInput
from mission_monitor.pipeline import Processed
from mission_monitor.store import Store, content_hash

STORY = (
    "Kenya's first contingent of 400 police officers landed in Port-au-Prince on Tuesday, "
    "the start of the long-delayed Multinational Security Support mission. The officers were "
    "met at the airport by Haitian police commanders and will be based near the capital. "
    "President William Ruto said the deployment answered a call from the people of Haiti, and "
    "that Kenya would send its remaining officers in the coming weeks once the bases are ready. "
    "The United Nations Security Council authorised the mission in October last year."
)
OTHER = (
    "Benin has offered 2,000 troops for the mission, its foreign minister said in Cotonou on "
    "Monday, after talks with American diplomats about funding and logistics. The Bahamas, "
    "Jamaica and Belize have also pledged personnel, while Canada promised money for a trust "
    "fund managed by the United Nations to pay for equipment and salaries."
)


def processed(
    content: str,
    facts: list[Fact] | None = None,
    *,
    doc: str = "a.txt",
    text: str | None = None,
    published: str | None = None,
    url: str | None = None,
    site: str | None = None,
) -> Processed:
    raw = RawInput(doc=doc, source=f"/in/{doc}", content=content, format="text", url=url)
    clean = CleanDocument(
        doc=doc,
        text=text if text is not None else content,
        url=url,
        site=site,
        published=published,
        dropped=(DroppedLine(1, "Photo: AFP", "caption"),),
    )
    return Processed(raw, clean, facts or [], published)


ARRIVED = Fact(
    kind="personnel",
    actor="KEN",
    status="arrived",
    count=400,
    qualifier="exact",
    force="police",
    date="2024-06-25",
    evidence=Evidence("Kenya's first contingent", 0, 24, "personnel.arrived"),
)
FUNDED = Fact(
    kind="funding",
    actor="USA",
    status="pledged",
    amount=200_000_000.0,
    currency="USD",
    qualifier="exact",
    original=Money(28_700_000_000.0, "KES"),
    date="2024-03",
    evidence=Evidence("USD200 million", 10, 24, "funding.pledged"),
)
MET = Fact(kind="event", type="meeting", actors=("BRA", "USA"), date="2024-02-21")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        with Store.open(db_path) as s:
            yield s
        return
    url = request.getfixturevalue("pg_url")
    with pg_database(url) as db_url, Store.open(db_url) as s:
        yield s


def test_add_stores_document_facts_and_round_trips_every_field(store: Store) -> None:
    result = store.add(processed(STORY, [ARRIVED, FUNDED, MET], published="2024-06-26"))
    assert result.status == "new"
    assert result.facts_added == 3
    assert result.facts_by_kind == {"personnel": 1, "funding": 1, "event": 1}
    got = {sf.fact.kind: sf for sf in store.sourced_facts()}
    assert got["personnel"].fact == ARRIVED
    assert got["personnel"].fact.evidence == ARRIVED.evidence
    assert got["funding"].fact == FUNDED
    assert got["funding"].fact.to_dict() == FUNDED.to_dict()
    assert got["event"].fact == MET
    assert got["event"].fact.evidence is None
    for sf in got.values():
        assert sf.doc == "a.txt"
        assert sf.published == "2024-06-26"
        assert sf.doc_id == result.doc_id
        assert sf.story == result.story_id


def test_same_content_again_is_unchanged_and_adds_nothing(store: Store) -> None:
    first = store.add(processed(STORY, [ARRIVED]))
    # same raw content with Windows newlines and another name: the same document
    again = store.add(processed(STORY.replace(". ", ".\r\n"), [ARRIVED], doc="copy.txt"))
    same = store.add(processed(STORY, [ARRIVED, MET], doc="b.txt"))
    assert (again.status, same.status) == ("new", "unchanged")
    assert same.doc_id == first.doc_id and same.facts_added == 0
    stats = store.stats()
    assert stats.documents == 2 and stats.facts == 2
    assert content_hash("a\r\nb") == content_hash("a\nb") == content_hash("a\rb")


def test_filters_kind_actor_status_and_as_of(store: Store) -> None:
    store.add(processed(STORY, [ARRIVED, MET], published="2024-06-26"))
    store.add(processed(OTHER, [FUNDED], published="2024-03-04", doc="b.txt"))
    assert [sf.fact.kind for sf in store.sourced_facts(kind="funding")] == ["funding"]
    # actor matches a fact's actor and an event's actors
    assert {sf.fact.kind for sf in store.sourced_facts(actor="USA")} == {"funding", "event"}
    assert [sf.fact.count for sf in store.sourced_facts(actor="KEN")] == [400]
    assert store.sourced_facts(status="arrived")[0].fact == ARRIVED
    assert [sf.doc for sf in store.sourced_facts(as_of="2024-05-01")] == ["b.txt"]
    assert len(store.sourced_facts(as_of="2024-06-26")) == 3
    assert store.sourced_facts(as_of="2024-03-03") == []
    # ordered by known date
    assert [sf.published for sf in store.sourced_facts()][0] == "2024-03-04"


def test_without_a_date_the_ingestion_day_is_the_known_date(store: Store) -> None:
    moment = datetime(2025, 1, 15, 9, 30, tzinfo=UTC)
    store.add(processed(STORY, [ARRIVED]), now=moment)
    (doc,) = store.documents()
    assert (doc.published, doc.published_from) == ("2025-01-15", "ingested")
    assert doc.ingested_at.startswith("2025-01-15T09:30")
    assert store.sourced_facts(as_of="2025-01-14") == []
    assert len(store.sourced_facts(as_of="2025-01-15")) == 1


def test_year_only_date_is_known_from_the_first_of_january(store: Store) -> None:
    store.add(processed(STORY, [ARRIVED], published="2025"))
    assert len(store.sourced_facts(as_of="2025-01-01")) == 1
    assert store.sourced_facts(as_of="2024-12-31") == []


def test_fact_document_documents_and_stats(store: Store) -> None:
    added = store.add(
        processed(
            "<raw> " + STORY,
            [ARRIVED, MET],
            text=STORY,
            published="2024-06-26",
            url="https://news.un.org/en/story/1",
        )
    )
    store.add(processed(OTHER, [FUNDED], doc="b.txt", site="Nation"))
    one = store.sourced_facts(kind="personnel")[0]
    assert store.fact(one.fact_id) == one
    assert store.fact(10**6) is None
    assert one.source_kind == "official"
    assert store.sourced_facts(kind="funding")[0].source_kind == "press"
    detail = store.document(added.doc_id)
    assert detail is not None
    assert detail.content == "<raw> " + STORY and detail.text == STORY
    assert detail.dropped == (DroppedLine(1, "Photo: AFP", "caption"),)
    ev = one.fact.evidence
    assert ev is not None and detail.text[ev.start : ev.end] == ev.sentence
    assert detail.row.facts == 2 and detail.row.url == "https://news.un.org/en/story/1"
    assert store.document(10**6) is None
    rows = store.documents()
    assert [r.doc for r in rows] == ["a.txt", "b.txt"]
    assert [r.doc for r in store.documents(doc="b.txt")] == ["b.txt"]
    assert len(store.documents(limit=1, offset=1)) == 1
    stats = store.stats()
    assert (stats.documents, stats.stories, stats.facts) == (2, 2, 3)
    assert stats.facts_by_kind == {"personnel": 1, "event": 1, "funding": 1}
    assert stats.facts_by_origin == {"machine": 3}
    assert store.check() == []


def test_syndicated_copy_is_one_story_and_its_facts_count_once(store: Store) -> None:
    original = "Kenyan police land in Haiti\n\n" + STORY + "\n\nRead more: subscribe to our paper."
    copy = (
        "Haiti: first Kenyan officers arrive\n\n"
        + STORY
        + "\n\n(c) 2024 Wire Agency. All rights reserved. Follow us for updates."
    )
    a = store.add(processed(original, [ARRIVED]))
    b = store.add(processed(copy, [ARRIVED], doc="copy.txt"))
    c = store.add(processed(OTHER, [ARRIVED], doc="other.txt"))
    assert b.status == "new" and b.doc_id != a.doc_id
    assert b.story_id == a.story_id and b.same_story_as == a.doc_id
    assert c.story_id != a.story_id and c.same_story_as is None
    assert [d.doc for d in store.documents(story_id=a.story_id)] == ["a.txt", "copy.txt"]
    counts = store.story_counts()
    assert len(counts) == 3
    assert set(counts.values()) == {2}  # stated by two independent stories, not three documents
    stats = store.stats()
    assert (stats.documents, stats.stories) == (3, 2)
    only_syndicated = store.story_counts(as_of="2000-01-01")
    assert only_syndicated == {}


def test_story_index_sees_documents_stored_by_another_store_object(store: Store) -> None:
    first = store.add(processed(STORY, [ARRIVED]))
    with Store.open(_reopen_target(store)) as other:
        second = other.add(processed(STORY + " Updated at noon.", [ARRIVED], doc="b.txt"))
    assert second.story_id == first.story_id


def _reopen_target(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_replace_facts_swaps_machine_facts_and_keeps_others(store: Store) -> None:
    from sqlalchemy import insert

    from mission_monitor.store.records import fact_values
    from mission_monitor.store.schema import facts

    added = store.add(processed(STORY, [ARRIVED, MET], published="2024-06-26"))
    with store.engine.begin() as conn:  # a fact a person entered by hand
        conn.execute(insert(facts).values(fact_values(FUNDED, added.doc_id, origin="manual")))
    new = replace(ARRIVED, count=391, evidence=Evidence("391", 5, 8, "v2"))
    result = store.replace_facts(added.doc_id, processed(STORY, [new], published="2024-06-26"))
    assert (result.removed, result.added) == (2, 1)
    left = store.sourced_facts()
    assert sorted((sf.fact.kind, sf.fact.count) for sf in left) == [
        ("funding", None),
        ("personnel", 391),
    ]
    assert store.stats().facts_by_origin == {"machine": 1, "manual": 1}
    with pytest.raises(StoreError, match="no document"):
        store.replace_facts(10**6, processed(STORY, [new]))


def test_a_failed_write_leaves_no_half_document(store: Store) -> None:
    bad = Fact(kind="nonsense")  # type: ignore[arg-type]  # violates the kind CHECK constraint
    with pytest.raises(StoreError):
        store.add(processed(STORY, [ARRIVED, bad]))
    stats = store.stats()
    assert (stats.documents, stats.stories, stats.facts) == (0, 0, 0)
    assert store.add(processed(STORY, [ARRIVED])).status == "new"


def test_open_names_the_database_and_the_problem(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"missing/x\.db.*folder .* is missing"):
        Store.open(tmp_path / "missing" / "x.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just some bytes " * 100)
    with pytest.raises(StoreError, match=r"junk\.db: cannot open the database: .*not a database"):
        Store.open(junk)


def test_sqlite_file_is_consistent_and_foreign_keys_hold(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add(processed(STORY, [ARRIVED, MET]))
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO facts (document_id, kind, fact_key, actors, origin) "
                "VALUES (999, 'event', '[]', '[]', 'machine')"
            )
        conn.execute("DELETE FROM documents")  # facts go with their document
        assert conn.execute("SELECT count(*) FROM facts").fetchone() == (0,)
    finally:
        conn.close()


def test_replace_facts_decides_the_story_again_from_the_new_text(store: Store) -> None:
    from sqlalchemy import func, select

    from mission_monitor.store.schema import stories

    a = store.add(processed(STORY, [ARRIVED]))
    b = store.add(processed(STORY + " Updated.", [ARRIVED], doc="b.txt"))
    assert b.story_id == a.story_id
    # new cleaning rules make b a different text: it leaves a's story for a new one
    moved = store.replace_facts(b.doc_id, processed(STORY + " Updated.", [], text=OTHER))
    assert moved.story_id != a.story_id
    assert store.stats().stories == 2
    # and back: it rejoins a's story, and the story it had alone is gone
    back = store.replace_facts(b.doc_id, processed(STORY + " Updated.", [], text=STORY))
    assert back.story_id == a.story_id
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(stories)).scalar_one() == 1
    # a document whose new text still resembles its story keeps it
    alone = store.replace_facts(a.doc_id, processed(STORY, [], text=STORY + " Again."))
    assert alone.story_id == a.story_id
    assert store.check() == []
