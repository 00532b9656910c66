"""Reconciliation rules on hand-made sourced facts (docs/RECONCILIATION.md)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from mission_monitor.mission import default_mission, load_mission
from mission_monitor.models import Fact, Money, SourcedFact
from mission_monitor.reconcile import reconcile
from mission_monitor.reconcile.fx import default_rates

_ids = itertools.count(1)


def sf(
    kind: str = "personnel",
    *,
    actor: str | None = "KEN",
    status: str | None = "present",
    count: int | None = None,
    amount: float | None = None,
    currency: str | None = None,
    original: Money | None = None,
    qualifier: str = "exact",
    date: str | None = None,
    published: str | None = "2024-07-01",
    story: int = 1,
    official: bool = False,
    type: str | None = None,
    actors: tuple[str, ...] = (),
) -> SourcedFact:
    fid = next(_ids)
    fact = Fact(
        kind=kind,  # type: ignore[arg-type]
        date=date,
        actor=actor if kind != "event" else None,
        status=status if kind != "event" else None,
        qualifier=qualifier,
        count=count,
        amount=amount,
        currency=currency,
        original=original,
        type=type,
        actors=actors,
    )
    return SourcedFact(
        fact, fid, 100 + story, f"doc{fid}", published, story,
        "official" if official else "press", site=f"site{story}.example",
    )  # fmt: skip


def row(record, actor):  # type: ignore[no-untyped-def]
    return next(r for r in record.personnel if r.actor == actor)


def test_present_is_a_stock_latest_dated_fact_wins() -> None:
    old = sf(count=400, date="2024-08-01", story=1, published="2024-08-02")
    new = sf(count=700, date="2025-03-01", story=2, published="2025-03-02")
    rec = reconcile([new, old], as_of="2025-12-31")
    est = row(rec, "KEN").present
    assert est.value == 700 and est.date == "2025-03-01"
    assert est.sources == (new.fact_id,)
    [(fid, reason)] = [(o.fact_id, o.reason) for o in est.overridden]
    assert fid == old.fact_id and "older" in reason and "2024-08-01" in reason


def test_same_date_more_independent_stories_win_and_copies_count_once() -> None:
    a1 = sf(count=700, date="2025-03-01", story=1)
    a2 = sf(count=700, date="2025-03-01", story=1)  # syndicated copy: same story
    b = sf(count=650, date="2025-03-01", story=2)
    c = sf(count=650, date="2025-03-01", story=3)
    est = row(reconcile([a1, a2, b, c], as_of="2025-12-31"), "KEN").present
    assert est.value == 650 and est.stories == 2
    assert {o.fact_id for o in est.overridden} == {a1.fact_id, a2.fact_id}
    assert "1 independent source(s) against 2" in est.overridden[0].reason


def test_same_date_official_beats_press_then_larger_wins() -> None:
    press = sf(count=800, date="2025-03-01", story=1)
    official = sf(count=750, date="2025-03-01", story=2, official=True)
    est = row(reconcile([press, official], as_of="2025-12-31"), "KEN").present
    assert est.value == 750 and est.official
    assert "official" in est.overridden[0].reason
    small = sf(count=200, date="2025-03-01", story=3, status="pledged")
    big = sf(count=1000, date="2025-03-01", story=3, status="pledged", qualifier="approx")
    est = row(reconcile([small, big], as_of="2025-12-31"), "KEN").pledged
    assert est.value == 1000 and est.overridden[0].fact_id == small.fact_id
    assert "larger figure" in est.overridden[0].reason


def test_pledges_latest_supersedes_and_earlier_agreeing_reports_support() -> None:
    p1 = sf(status="pledged", count=1000, story=1, published="2023-08-01")
    p2 = sf(status="pledged", count=1000, story=2, published="2023-10-01")
    p3 = sf(status="pledged", count=600, story=3, published="2024-05-01")
    est = row(reconcile([p1, p2, p3], as_of="2024-12-31"), "KEN").pledged
    assert est.value == 600 and est.dated_by == "known"
    assert {o.fact_id for o in est.overridden} == {p1.fact_id, p2.fact_id}
    est = row(reconcile([p1, p2, p3], as_of="2024-01-01"), "KEN").pledged
    assert est.value == 1000 and est.stories == 2 and est.since == "2023-08-01"


def test_arrivals_are_flows_same_contingent_counted_once() -> None:
    a = sf(status="arrived", count=200, date="2024-06-25", story=1)
    b = sf(status="arrived", count=200, date="2024-06-26", story=2)  # same landing
    c = sf(status="arrived", count=190, date="2024-06-27", story=3, qualifier="approx")
    d = sf(status="arrived", count=200, date="2024-07-16", story=4)  # second rotation
    e = sf(status="arrived", count=200, date="2024-07", story=5)  # coarse: joins one batch
    total = row(reconcile([a, b, c, d, e], as_of="2024-12-31"), "KEN").arrived
    assert total.total == 400 and len(total.batches) == 2
    first, second = total.batches
    assert set(first.sources) == {a.fact_id, b.fact_id, c.fact_id}
    assert set(second.sources) == {d.fact_id, e.fact_id}
    assert all("counted once" in o.reason for o in first.duplicates)


def test_coarse_date_does_not_chain_distinct_batches() -> None:
    a = sf(status="arrived", count=200, date="2024-06-25", story=1)
    b = sf(status="arrived", count=200, date="2024-07-16", story=2)
    y = sf(status="arrived", count=200, date="2024", story=3)
    total = row(reconcile([a, b, y], as_of="2024-12-31"), "KEN").arrived
    assert total.total == 400 and len(total.batches) == 2


def test_money_converted_with_dated_rate_and_original_kept() -> None:
    kes = sf("funding", actor="KEN", status="pledged", amount=1_348_000_000, currency="KES",
             date="2024-05-01")  # fmt: skip
    rec = reconcile([kes], as_of="2024-12-31")
    est = rec.funding[0].pledged
    rate = default_rates().rate("KES", 2024)
    assert rate is not None and est.fx == rate
    assert est.value == pytest.approx(1_348_000_000 / rate.rate)
    assert (est.amount, est.currency) == (1_348_000_000, "KES")
    usd = sf("funding", actor="USA", status="pledged", amount=200e6, currency="USD",
             original=Money(28.7e9, "KES"), published="2024-03-04")  # fmt: skip
    est = reconcile([usd], as_of="2024-12-31").funding[0].pledged
    assert est.value == 200e6 and (est.original_amount, est.original_currency) == (28.7e9, "KES")


def test_us_pledge_supersedes_and_unknown_currency_is_kept_unconverted() -> None:
    old = sf("funding", actor="USA", status="pledged", amount=200e6, currency="USD",
             published="2024-03-04", story=1)  # fmt: skip
    new = sf("funding", actor="USA", status="pledged", amount=360e6, currency="USD",
             published="2024-05-24", story=2)  # fmt: skip
    xxx = sf("funding", actor="BEN", status="pledged", amount=5e6, currency="XOF", story=3)
    rec = reconcile([old, new, xxx], as_of="2024-12-31")
    usa = next(r for r in rec.funding if r.actor == "USA")
    assert usa.pledged.value == 360e6 and usa.pledged.overridden[0].fact_id == old.fact_id
    ben = next(r for r in rec.funding if r.actor == "BEN")
    assert ben.pledged.fx is None and ben.pledged.value is None
    assert (ben.pledged.amount, ben.pledged.currency) == (5e6, "XOF")
    assert not [p for p in rec.series if p.actor == "BEN"]


def test_deposits_latest_figure_and_distinct_sum() -> None:
    d1 = sf("funding", actor="CAN", status="deposited", amount=20e6, currency="USD",
            date="2024-02-01", story=1)  # fmt: skip
    d2 = sf("funding", actor="CAN", status="deposited", amount=40e6, currency="USD",
            date="2024-09-01", story=2)  # fmt: skip
    d2copy = sf("funding", actor="CAN", status="deposited", amount=40e6, currency="USD",
                date="2024-09-02", story=3)  # fmt: skip
    f = reconcile([d1, d2, d2copy], as_of="2024-12-31").funding[0]
    assert f.deposited.value == 40e6 and f.deposits.total == 60e6


def test_a_payment_without_a_dollar_rate_stays_out_of_the_dollar_sum() -> None:
    usd = sf("funding", actor="CAN", status="deposited", amount=20e6, currency="USD",
             date="2024-02-01", story=1)  # fmt: skip
    gourdes = sf("funding", actor="CAN", status="deposited", amount=500e6, currency="HTG",
                 date="2024-05-01", story=2)  # fmt: skip
    flows = reconcile([usd, gourdes], as_of="2024-12-31").funding[0].deposits
    assert flows.total == 20e6  # not 520e6: gourdes are never added to dollars
    assert [(b.value, b.currency) for b in flows.batches] == [(20e6, None), (500e6, "HTG")]


def test_conflict_lists_both_sides_from_independent_stories() -> None:
    a = sf(count=700, date="2025-03-01", story=1)
    b = sf(count=1000, date="2025-03-01", story=2)
    same_story = sf(count=500, date="2025-03-01", story=1, status="pledged")
    same_story2 = sf(count=900, date="2025-03-01", story=1, status="pledged")
    rec = reconcile([a, b, same_story, same_story2], as_of="2025-12-31")
    [c] = rec.conflicts
    assert (c.actor, c.measure, c.date) == ("KEN", "present", "2025-03-01")
    assert sorted(s.value for s in c.sides) == [700, 1000]
    assert sorted(s.sources for s in c.sides) == [(a.fact_id,), (b.fact_id,)]
    compatible = sf(count=700, date="2025-03-01", story=3, qualifier="approx")
    assert len(reconcile([a, compatible], as_of="2025-12-31").conflicts) == 0


def test_as_of_drops_facts_published_later_and_undated_facts_use_story_first_known() -> None:
    early = sf(status="pledged", count=1000, published="2024-02-21", story=1)
    late = sf(status="pledged", count=1200, published="2024-06-01", story=2)
    copy = sf(status="pledged", count=1000, published="2024-07-01", story=1)  # later copy
    rec = reconcile([early, late, copy], as_of="2024-03-05")
    assert row(rec, "KEN").pledged.value == 1000
    assert {f.fact_id for f in rec.facts} == {early.fact_id}
    rec = reconcile([early, late, copy], as_of="2024-12-31")
    # the copy is dated by its story's first publication, so the 1,200 stays the latest
    assert row(rec, "KEN").pledged.value == 1200


def test_partial_publication_date_is_known_from_its_last_day() -> None:
    f = sf(count=700, published="2025", date="2025")
    assert reconcile([f], as_of="2025-06-01").personnel == ()
    assert row(reconcile([f], as_of="2025-12-31"), "KEN").present.value == 700


def test_mission_level_facts_and_totals() -> None:
    facts = [
        sf(actor="MSS", status="pledged", count=2500, story=1),
        sf(actor="KEN", count=700, date="2025-01-10", story=2),
        sf(actor="JAM", count=23, date="2025-01-10", story=2),
    ]
    rec = reconcile(facts, as_of="2025-12-31")
    assert rec.mission_level is not None and rec.mission_level.pledged.value == 2500
    assert [r.actor for r in rec.personnel] == ["KEN", "JAM"]
    assert rec.total_present == 723


def test_events_deduplicated_across_stories() -> None:
    e1 = sf("event", type="agreement", actors=("HTI", "KEN"), date="2024-03-01", story=1)
    e2 = sf("event", type="agreement", actors=("HTI", "KEN"), date="2024-03-02", story=2)
    e3 = sf("event", type="agreement", actors=("HTI", "KEN"), date="2023-10-02", story=3)
    events = reconcile([e1, e2, e3], as_of="2024-12-31").events
    assert [(e.date, e.stories) for e in events] == [("2024-03-01", 2), ("2023-10-02", 1)]


def test_series_points_per_state() -> None:
    facts = [
        sf(count=400, date="2024-08-01", story=1),
        sf(count=700, date="2025-03-01", story=2),
        sf(status="arrived", count=200, date="2024-06-25", story=3),
        sf(status="arrived", count=200, date="2024-07-16", story=4),
    ]
    series = reconcile(facts, as_of="2025-12-31").series
    present = [(p.date, p.value) for p in series if p.measure == "present"]
    arrived = [(p.date, p.value) for p in series if p.measure == "arrived_total"]
    assert present == [("2024-08-01", 400), ("2025-03-01", 700)]
    assert arrived == [("2024-06-25", 200), ("2024-07-16", 400)]


def test_mission_file_changes_mission_level_actor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    gsf = load_mission(
        __import__("pathlib").Path(__file__).parent.parent
        / "mission_monitor/missions/gsf_haiti.yaml"
    )
    facts = [sf(actor="GSF", status="authorized", count=5550, story=1)]
    rec = reconcile(facts, gsf, as_of=dt.date(2025, 12, 31))
    assert rec.mission_level is not None and rec.personnel == ()
    # the default mission knows the GSF as its successor: the same figure is mission-wide
    rec = reconcile(facts, default_mission(), as_of=dt.date(2025, 12, 31))
    assert rec.mission_level is not None and rec.personnel == ()
    # a mission file without that successor reads GSF as any other actor
    text = (Path(__file__).parent.parent / "mission_monitor/missions/mss_haiti.yaml").read_text()
    alone = tmp_path / "mss_alone.yaml"
    alone.write_text(text.split("\nsuccessor:", 1)[0] + "\n")
    rec = reconcile(facts, load_mission(alone), as_of=dt.date(2025, 12, 31))
    assert rec.mission_level is None and rec.personnel[0].actor == "GSF"


def test_bad_as_of_is_a_config_error() -> None:
    from mission_monitor.errors import ConfigError

    with pytest.raises(ConfigError, match="not a date"):
        reconcile([], as_of="next week")
