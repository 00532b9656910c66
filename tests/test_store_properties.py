"""Property: any fact stored comes back equal, with its evidence (store -> load round trip)."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mission_monitor.models import (
    EVENT_TYPES,
    FORCES,
    FUNDING_STATUSES,
    PERSONNEL_STATUSES,
    QUALIFIERS,
    CleanDocument,
    Evidence,
    Fact,
    Money,
    RawInput,
)
from mission_monitor.pipeline import Processed
from mission_monitor.store import Store

codes = st.sampled_from(["KEN", "USA", "BEN", "JAM", "MSS", "UN", "UNSC", "CARICOM"])
dates = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
)
texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)
evidence = st.one_of(
    st.none(),
    st.builds(Evidence, texts, st.integers(0, 10**6), st.integers(0, 10**6), texts),
)
amounts = st.floats(min_value=0.01, max_value=1e13, allow_nan=False, allow_infinity=False)

personnel = st.builds(
    Fact,
    kind=st.just("personnel"),
    date=dates,
    actor=codes,
    status=st.sampled_from(PERSONNEL_STATUSES),
    qualifier=st.sampled_from(QUALIFIERS),
    count=st.integers(1, 10**6),
    force=st.one_of(st.none(), st.sampled_from(FORCES)),
    evidence=evidence,
)
funding = st.builds(
    Fact,
    kind=st.just("funding"),
    date=dates,
    actor=codes,
    status=st.sampled_from(FUNDING_STATUSES),
    qualifier=st.sampled_from(QUALIFIERS),
    amount=amounts,
    currency=st.sampled_from(["USD", "KES", "CAD", "EUR"]),
    original=st.one_of(st.none(), st.builds(Money, amounts, st.sampled_from(["KES", "JMD"]))),
    evidence=evidence,
)
event = st.builds(
    Fact,
    kind=st.just("event"),
    date=dates,
    type=st.sampled_from(EVENT_TYPES),
    actors=st.lists(codes, unique=True, max_size=4).map(lambda xs: tuple(sorted(xs))),
    evidence=evidence,
)
fact_lists = st.lists(st.one_of(personnel, funding, event), max_size=8)

_counter = iter(range(10**9))
_STORE: list[Store] = []


def _shared_store() -> Store:
    """One real SQLite file for every example (migrating a new file per example is slow)."""
    if not _STORE:
        _STORE.append(Store.open(Path(tempfile.mkdtemp()) / "props.db"))
    return _STORE[0]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fact_lists)
def test_stored_facts_come_back_equal(facts: list[Fact]) -> None:
    store = _shared_store()
    n = next(_counter)
    raw = RawInput(doc=f"d{n}", source=f"d{n}", content=f"document {n}", format="text")
    clean = CleanDocument(doc=raw.doc, text=raw.content)
    result = store.add(Processed(raw, clean, facts, "2024-01-01"))
    assert result.status == "new" and result.facts_added == len(facts)
    got = [sf.fact for sf in store.sourced_facts(doc_id=result.doc_id)]  # in insertion order
    assert got == facts
    assert [g.evidence for g in got] == [f.evidence for f in facts]
    assert [g.to_dict() for g in got] == [f.to_dict() for f in facts]


def test_two_threads_writing_one_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    Store.open(db).close()
    docs = [
        Processed(
            RawInput(doc=f"d{i}", source=f"d{i}", content=f"report {i} " * 50, format="text"),
            CleanDocument(doc=f"d{i}", text=f"report {i} " * 50),
            [Fact(kind="personnel", actor="KEN", status="pledged", count=i + 1)],
            "2024-02-02",
        )
        for i in range(30)
    ]
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with Store.open(db) as store:
                for d in docs:
                    store.add(d)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(db) as store:
        stats = store.stats()
        assert (stats.documents, stats.facts) == (30, 30)
        assert store.check() == []
