"""Reconciliation: sourced facts -> one estimate per actor and measure, with its provenance.

Every rule lives in this module and is documented in docs/RECONCILIATION.md. The function is pure
and deterministic: the same facts in any order, with the same mission and ``as_of``, give the
same :class:`~mission_monitor.reconcile.types.Record`.

Two times: a fact's *valid* date (``fact.date``, when it holds) and its *known* date
(``published``, when it was published). Facts known after ``as_of`` are dropped first. A fact
without a valid date is dated by when its story was first known (the earliest publication among
the documents of its story), so that a later syndicated copy changes nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mission_monitor.errors import ConfigError
from mission_monitor.gcpause import cyclic_gc_paused
from mission_monitor.mission import Mission, default_mission
from mission_monitor.models import SourcedFact
from mission_monitor.reconcile import _dates
from mission_monitor.reconcile.fx import FxRate, FxTable, default_rates
from mission_monitor.reconcile.types import (
    Batch,
    Conflict,
    ConflictSide,
    DatedBy,
    Estimate,
    EventItem,
    FlowTotal,
    FundingRow,
    Override,
    PersonnelRow,
    Record,
    SeriesPoint,
)

# --- Tuned numbers (why each value: docs/RECONCILIATION.md, "Parameters") -------------------
# Half-width of the interval an "about N" figure stands for.
APPROX_TOLERANCE = 0.10
# Two reports of a flow (arrival, deposit) are one contingent when the counts are this close...
FLOW_TOLERANCE = 0.10
# ... and their dates at most this many days apart: more than the drift of relative dates
# ("on Tuesday", "last week") resolved against publication, less than the two to four weeks
# between the rotations of one contributor.
FLOW_WINDOW_DAYS = 7
# Same-contingent window for events (the same step reported on different days).
EVENT_WINDOW_DAYS = 7
# Dollar figures converted from other currencies differ by rounding: 1 % is the same figure.
MONEY_TOLERANCE = 0.01

STOCK_MEASURES = ("pledged", "authorized", "present")
PERSONNEL_FLOWS = ("arrived", "withdrawn")
FUNDING_MEASURES = ("pledged", "deposited", "disbursed")
FUNDING_FLOWS = ("deposited", "disbursed")


@dataclass(frozen=True, slots=True)
class _F:
    """A fact prepared for the rules: its effective date and the interval of values it allows."""

    sf: SourcedFact
    id: int
    story: int
    official: bool
    date: str | None
    dated_by: DatedBy
    key: tuple[int, int]
    value: float | None
    qualifier: str | None
    unit: str  # "people", "USD", or the currency when it cannot be converted
    lo: float
    hi: float
    fx: FxRate | None = None


def _bounds(value: float | None, qualifier: str | None, tol: float) -> tuple[float, float]:
    if value is None:
        return (float("nan"), float("nan"))
    if qualifier == "approx":
        t = max(tol, APPROX_TOLERANCE)
        return (value * (1 - t), value * (1 + t))
    if qualifier == "at_least":
        return (value * (1 - tol), float("inf"))
    if qualifier == "at_most":
        return (0.0, value * (1 + tol))
    return (value * (1 - tol), value * (1 + tol))


def _compatible(a: _F, b: _F) -> bool:
    """Whether two figures can both be true: their value intervals meet (same unit)."""
    if a.unit != b.unit or a.value is None or b.value is None:
        return a.unit == b.unit and a.value == b.value
    return a.lo <= b.hi and b.lo <= a.hi


def _fmt(f: _F) -> str:
    if f.value is None:
        return "?"
    v = f"{f.value:,.0f}"
    q = {"approx": "about ", "at_least": "at least ", "at_most": "at most "}.get(f.qualifier or "")
    unit = "" if f.unit == "people" else f" {f.unit}"
    return f"{q or ''}{v}{unit}"


def _day(d: str | None) -> str:
    return d or "undated"


# --- Picking a figure among reports of one date ------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pick:
    winner: _F
    members: tuple[_F, ...]  # every fact of the group
    support: tuple[_F, ...]  # facts compatible with the winner
    stories: int
    official: bool
    losers: tuple[Override, ...]


_Cls = tuple[float | None, str | None, str]
_QUAL_RANK = {"exact": 3, None: 2, "at_least": 1, "at_most": 1, "approx": 0}


def _pick(facts: Sequence[_F], reasons: bool = True) -> _Pick:
    """The figure that reports of one date support: the most independent stories, then an
    official source over the press, then the larger figure (a mission total includes its
    increments), then an exact figure over an approximate one.

    Facts are first grouped by figure (value, qualifier, unit), so the work grows with the
    number of distinct figures of the date, not with the square of its reports."""
    by_cls: dict[_Cls, list[_F]] = {}
    for f in facts:
        by_cls.setdefault((f.value, f.qualifier, f.unit), []).append(f)
    reps = {c: min(fs, key=_fid) for c, fs in by_cls.items()}
    stats: dict[_Cls, tuple[list[_Cls], int, bool]] = {}
    best: tuple[tuple[object, ...], _Cls] | None = None
    for c, r in reps.items():
        comp = [d for d, q in reps.items() if _compatible(r, q)]
        stories: set[int] = set()
        official = False
        for d in comp:
            for f in by_cls[d]:
                stories.add(f.story)
                official = official or f.official
        stats[c] = (comp, len(stories), official)
        rank = (
            len(stories),
            official,
            r.value if r.value is not None else float("-inf"),
            _QUAL_RANK.get(r.qualifier, 2),
            -r.id,
        )
        if best is None or rank > best[0]:
            best = (rank, c)
    assert best is not None
    wc = best[1]
    winner = reps[wc]
    comp, n_stories, official = stats[wc]
    sup = [f for d in comp for f in by_cls[d]]
    losers: list[Override] = []
    in_sup = set(comp)
    for c, fs in by_cls.items():
        if c in in_sup or not reasons:
            continue
        _, n_other, off_other = stats[c]
        if n_other < n_stories:
            why = f"{n_other} independent source(s) against {n_stories}"
        elif official and not off_other:
            why = "an official source outranks the press"
        else:
            why = "equal support: the larger figure wins"
        reason = f"same date {_day(fs[0].date)}: {_fmt(fs[0])} lost to {_fmt(winner)} ({why})"
        losers.extend(Override(f.id, reason) for f in fs)
    return _Pick(
        winner, tuple(facts), tuple(sup), n_stories, official, tuple(sorted(losers, key=_oid))
    )


def _fid(f: _F) -> int:
    return f.id


def _oid(o: Override) -> int:
    return o.fact_id


def _by_date(facts: Iterable[_F]) -> list[tuple[str | None, list[_F]]]:
    """Facts grouped by effective date, newest first."""
    groups: dict[str | None, list[_F]] = defaultdict(list)
    for f in facts:
        groups[f.date].append(f)
    return sorted(
        groups.items(), key=lambda kv: (_dates.order_key(kv[0]), kv[0] or ""), reverse=True
    )


# --- Stocks and pledges: the latest dated fact wins ---------------------------------------


_Picks = list[tuple[str | None, _Pick]]


def _picks(facts: Sequence[_F]) -> _Picks:
    """Each date's figure, newest first."""
    return [(d, _pick(g)) for d, g in _by_date(facts)]


def _latest(actor: str, measure: str, facts: Sequence[_F], picks: _Picks | None = None) -> Estimate:
    picks = picks if picks is not None else _picks(facts)
    head_date, head = picks[0]
    winner = head.winner
    sources: list[_F] = list(head.support)
    overridden: list[Override] = list(head.losers)
    since = head_date
    broken = False
    for d, p in picks[1:]:
        if not broken and _compatible(p.winner, winner):
            sources.extend(p.support)
            overridden.extend(p.losers)
            since = d
            continue
        broken = True
        said: dict[_Cls, str] = {}
        for f in p.members:
            c = (f.value, f.qualifier, f.unit)
            if c not in said:
                said[c] = (
                    f"superseded: {_fmt(f)} dated {_day(f.date)} is older than "
                    f"{_fmt(winner)} dated {_day(head_date)}"
                )
            overridden.append(Override(f.id, said[c]))
    best_src = max(
        (f for f in head.support if _compatible(f, winner)),
        key=lambda f: (f.value == winner.value, f.sf.fact.original is not None, -f.id),
    )
    orig = best_src.sf.fact.original
    fact = best_src.sf.fact
    money = measure in FUNDING_MEASURES and fact.kind == "funding"
    converted = not money or best_src.fx is not None
    return Estimate(
        actor=actor,
        measure=measure,
        value=winner.value if converted else None,  # no rate: the stated amount only
        qualifier=winner.qualifier,
        date=head_date,
        dated_by=winner.dated_by,
        since=since,
        stories=len({f.story for f in sources}),
        official=any(f.official for f in sources),
        sources=tuple(sorted(f.id for f in sources)),
        overridden=tuple(sorted(overridden, key=_oid)),
        amount=fact.amount if money else None,
        currency=fact.currency if money else None,
        original_amount=(orig.amount if orig else None) if money else None,
        original_currency=(orig.currency if orig else None) if money else None,
        fx=best_src.fx if money else None,
    )


def _stock_points(
    actor: str, measure: str, facts: Sequence[_F], picks: _Picks | None = None
) -> list[SeriesPoint]:
    points = []
    for d, p in picks if picks is not None else _picks(facts):
        if d is None:
            continue
        if p.winner.value is None or p.winner.unit not in ("people", "USD"):
            continue
        points.append(
            SeriesPoint(
                actor, measure, d, p.winner.value, p.stories, tuple(sorted(f.id for f in p.support))
            )
        )
    return sorted(points, key=lambda s: _dates.order_key(s.date))


# --- Flows: one contingent counts once -----------------------------------------------------


def _cls(f: _F) -> _Cls:
    return (f.value, f.qualifier, f.unit)


def _cluster(facts: Sequence[_F], by_value: bool, window: int) -> list[list[_F]]:
    """Group reports of one flow (``by_value``: figures must be compatible) or one event.

    Day-precise facts link when compatible and at most ``window`` days apart (single linkage:
    the groups do not depend on order). Coarser dates ("2024-06", "2024") then join the nearest
    group with a compatible figure whose first day lies within their period +/- ``window``,
    without merging groups, else start their own. Linear in the number of facts: each fact is
    compared with the latest fact of each kind of figure, not with every fact."""
    precise = sorted(
        (f for f in facts if _prec(f) == 3), key=lambda f: (f.key, f.value or 0, f.story, f.id)
    )
    coarse = sorted(
        (f for f in facts if _prec(f) != 3),
        key=lambda f: (-_prec(f), f.key, f.value or 0, f.story, f.id),
    )
    classes = sorted({_cls(f) for f in facts}, key=lambda c: (c[0] or 0, c[1] or "", c[2]))
    rep = {c: next(f for f in facts if _cls(f) == c) for c in classes}
    compat = {
        c: [d for d in classes if not by_value or _compatible(rep[c], rep[d])] for c in classes
    }
    parent = list(range(len(precise)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    last: dict[_Cls, int] = {}
    for i, a in enumerate(precise):
        ca = _cls(a) if by_value else classes[0]
        for c in compat[ca] if by_value else [ca]:
            j = last.get(c)
            if j is not None and a.key[0] - precise[j].key[1] <= window:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
        last[ca] = i
    groups: dict[int, list[_F]] = defaultdict(list)
    for i, f in enumerate(precise):
        groups[find(i)].append(f)
    clusters = [groups[k] for k in sorted(groups)]
    # clusters by kind of figure, as sorted (first day, cluster index) lists
    starts: dict[_Cls, list[tuple[int, int]]] = defaultdict(list)
    for ci, members in enumerate(clusters):
        p = _pick(members).winner if by_value else members[0]
        starts[_cls(p) if by_value else classes[0]].append((min(m.key[0] for m in members), ci))
    for found in starts.values():
        found.sort()
    for f in coarse:
        s, e = f.key
        best: tuple[int, int, int] | None = None  # (gap, first day, cluster)
        for c in compat[_cls(f)] if by_value else [classes[0]]:
            near = starts.get(c)
            if not near:
                continue
            k = bisect.bisect_left(near, (s, -1))  # the first group starting on or after s
            for first, ci in near[max(0, k - 1) : k + 1]:
                gap = max(0, s - first, first - e)
                if gap <= window and (best is None or (gap, first, ci) < best):
                    best = (gap, first, ci)
        if best is None:
            clusters.append([f])
            key_cls = _cls(f) if by_value else classes[0]
            bisect.insort(starts[key_cls], (s, len(clusters) - 1))
        else:
            clusters[best[2]].append(f)
    return clusters


def _prec(f: _F) -> int:
    iv = _dates.interval(f.date)
    return iv[2] if iv else 0


def _flows(actor: str, measure: str, facts: Sequence[_F]) -> FlowTotal:
    batches: list[Batch] = []
    for c in _cluster(facts, True, FLOW_WINDOW_DAYS):
        p = _pick(c)
        rep = p.winner
        dated = max(p.support, key=lambda f: (f.dated_by == "valid", _prec(f), -f.key[0], -f.id))
        dups = [
            Override(
                f.id,
                f"counted once: same {measure} as #{rep.id} ({_fmt(f)} vs {_fmt(rep)}, "
                f"{_day(f.date)} vs {_day(rep.date)}, within {FLOW_WINDOW_DAYS} days)",
            )
            for f in c
            if f.id != rep.id
        ]
        batches.append(
            Batch(
                actor=actor,
                measure=measure,
                value=rep.value,
                qualifier=rep.qualifier,
                date=dated.date,
                dated_by=dated.dated_by,
                stories=len({f.story for f in c}),
                sources=tuple(sorted(f.id for f in c)),
                duplicates=tuple(sorted(dups, key=_oid)),
                currency=None if rep.unit in ("people", "USD") else rep.unit,
            )
        )
    batches.sort(key=lambda b: (_dates.order_key(b.date), b.value or 0, b.sources))
    return FlowTotal(
        actor=actor,
        measure=measure,
        total=sum(b.value or 0 for b in batches if b.currency is None),  # never adds KES to USD
        date=batches[-1].date if batches else None,
        stories=len({f.story for f in facts}),
        batches=tuple(batches),
    )


def _flow_points(total: FlowTotal) -> list[SeriesPoint]:
    points: list[SeriesPoint] = []
    running = 0.0
    for b in total.batches:  # each point cites the batch that moved the total
        running += b.value or 0
        if b.date is not None:
            points.append(
                SeriesPoint(total.actor, "arrived_total", b.date, running, b.stories, b.sources)
            )
    return points


# --- Conflicts -------------------------------------------------------------------------------


def _conflicts(kind: str, actor: str, measure: str, facts: Sequence[_F]) -> list[Conflict]:
    """Per date: each story's own figure (by the same-date rule), then the stories whose figures
    cannot both be true. Two or more sides make a conflict."""
    out = []
    for d, g in _by_date(facts):
        by_story: dict[int, list[_F]] = defaultdict(list)
        for f in g:
            by_story[f.story].append(f)
        if len(by_story) < 2:
            continue
        if len({f.unit for f in g}) == 1 and max(f.lo for f in g) <= min(f.hi for f in g):
            continue  # every figure of the date allows a common value: no conflict
        reps = [
            fs[0] if len(fs) == 1 else _pick(fs, reasons=False).winner
            for _, fs in sorted(by_story.items())
        ]
        sides: list[ConflictSide] = []
        remaining = reps
        while remaining:
            p = _pick(remaining, reasons=False)
            side_stories = {f.story for f in p.support}
            side_facts = [f for f in g if f.story in side_stories and _compatible(f, p.winner)]
            sides.append(
                ConflictSide(
                    p.winner.value,
                    p.winner.qualifier,
                    len(side_stories),
                    tuple(sorted(f.id for f in side_facts)),
                )
            )
            remaining = [r for r in remaining if r.story not in side_stories]
        if len(sides) > 1:
            note = ""
            if measure in PERSONNEL_FLOWS or (kind == "funding" and measure in FUNDING_FLOWS):
                note = "flows: the figures are counted as distinct batches; check the reports"
            out.append(Conflict(kind, actor, measure, d, tuple(sides), note))
    return out


# --- Events ---------------------------------------------------------------------------------


def _events(facts: Sequence[_F]) -> list[EventItem]:
    groups: dict[tuple[str, tuple[str, ...]], list[_F]] = defaultdict(list)
    for f in facts:
        groups[(f.sf.fact.type or "other", tuple(sorted(f.sf.fact.actors)))].append(f)
    items = []
    for (etype, actors), fs in groups.items():
        for c in _cluster(fs, False, EVENT_WINDOW_DAYS):
            dated = max(c, key=lambda f: (f.dated_by == "valid", _prec(f), -f.key[0], -f.id))
            items.append(
                EventItem(
                    etype,
                    actors,
                    dated.date,
                    dated.dated_by,
                    len({f.story for f in c}),
                    tuple(sorted(f.id for f in c)),
                )
            )
    items.sort(
        key=lambda e: (_dates.order_key(e.date), e.type, e.actors, e.sources[0]), reverse=True
    )
    return items


# --- Preparation and the entry point ---------------------------------------------------------


def as_of_day(as_of: dt.date | str | None) -> dt.date:
    """The day a record is known on: ``None`` is today (UTC), a partial date its last day
    ("2024-03" -> 2024-03-31). Raises :class:`ConfigError` for a value that is not a date."""
    if as_of is None:
        return dt.datetime.now(dt.UTC).date()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    try:
        return _dates.parse_as_of(as_of)
    except ValueError as exc:
        raise ConfigError(f"as_of: {exc}") from None


def _prepare(known: Sequence[SourcedFact], fx: FxTable) -> list[_F]:
    first_known: dict[int, str] = {}
    for sf in known:
        if _dates.is_valid(sf.published):
            cur = first_known.get(sf.story)
            pub = sf.published
            assert pub is not None
            if cur is None or (_dates.order_key(pub), pub) < (_dates.order_key(cur), cur):
                first_known[sf.story] = pub
    out: list[_F] = []
    for sf in known:
        f = sf.fact
        if _dates.is_valid(f.date):
            date, dated_by = f.date, "valid"
        else:
            date, dated_by = first_known.get(sf.story), "known"
        value: float | None
        rate: FxRate | None = None
        if f.kind == "funding":
            unit = "USD"
            value = None
            if f.amount is not None and f.currency:
                iv = _dates.interval(date)
                conv = fx.to_usd(float(f.amount), f.currency, iv[0].year if iv else None)
                if conv is not None:
                    value, rate = conv
                else:
                    unit, value = f.currency.upper(), float(f.amount)
            tol = MONEY_TOLERANCE
        else:
            unit = "people"
            value = float(f.count) if f.count is not None else None
            tol = 0.0
        lo, hi = _bounds(value, f.qualifier, tol)
        out.append(
            _F(
                sf,
                sf.fact_id,
                sf.story,
                sf.source_kind == "official",
                date,
                dated_by,  # type: ignore[arg-type]
                _dates.order_key(date),
                value,
                f.qualifier,
                unit,
                lo,
                hi,
                rate,
            )
        )
    return out


def _flow_view(f: _F) -> _F:
    """The same fact with the wider tolerance of flows (close counts are one contingent)."""
    tol = MONEY_TOLERANCE if f.unit != "people" else FLOW_TOLERANCE
    tol = max(tol, FLOW_TOLERANCE)
    lo, hi = _bounds(f.value, f.qualifier, tol)
    return _F(
        f.sf,
        f.id,
        f.story,
        f.official,
        f.date,
        f.dated_by,
        f.key,
        f.value,
        f.qualifier,
        f.unit,
        lo,
        hi,
        f.fx,
    )


def reconcile(
    facts: Iterable[SourcedFact],
    mission: Mission | None = None,
    as_of: dt.date | str | None = None,
    fx: FxTable | None = None,
) -> Record:
    """The record as known on ``as_of`` (default: today, UTC): facts published after it are
    dropped, then each actor's measures are reconciled by the rules of this module."""
    mission = mission or default_mission()
    fx = fx or default_rates()
    day = as_of_day(as_of)
    with cyclic_gc_paused():  # many small values: see mission_monitor.gcpause
        known = sorted(
            (sf for sf in facts if _dates.known_by(sf.published, day)), key=lambda sf: sf.fact_id
        )
        return _assemble(day, mission, known, _prepare(known, fx))


def _assemble(
    day: dt.date, mission: Mission, known: list[SourcedFact], prepared: list[_F]
) -> Record:
    mission_actor: dict[str, bool] = {}
    personnel: dict[str, dict[str, list[_F]]] = defaultdict(lambda: defaultdict(list))
    funding: dict[str, dict[str, list[_F]]] = defaultdict(lambda: defaultdict(list))
    events: list[_F] = []
    for f in prepared:
        fact = f.sf.fact
        if fact.kind == "event":
            events.append(f)
        elif fact.actor and fact.status and f.value is not None:
            target = personnel if fact.kind == "personnel" else funding
            target[fact.actor][fact.status].append(f)

    conflicts: list[Conflict] = []
    series: list[SeriesPoint] = []
    rows: list[PersonnelRow] = []
    mission_row: PersonnelRow | None = None
    for actor in sorted(personnel):
        m = personnel[actor]
        est: dict[str, Estimate | None] = {}
        for measure in STOCK_MEASURES:
            fs = m.get(measure) or []
            picks = _picks(fs) if fs else []
            est[measure] = _latest(actor, measure, fs, picks) if fs else None
            if fs:
                conflicts.extend(_conflicts("personnel", actor, measure, fs))
            if fs and measure in ("present", "pledged"):
                series.extend(_stock_points(actor, measure, fs, picks))
        flows: dict[str, FlowTotal | None] = {}
        for measure in PERSONNEL_FLOWS:
            fs = [_flow_view(f) for f in m.get(measure) or []]
            flows[measure] = _flows(actor, measure, fs) if fs else None
            if fs:
                conflicts.extend(_conflicts("personnel", actor, measure, m[measure]))
        row = PersonnelRow(
            actor,
            est["pledged"],
            est["authorized"],
            flows["arrived"],
            est["present"],
            flows["withdrawn"],
        )
        arrived = flows["arrived"]
        if arrived is not None:
            series.extend(_flow_points(arrived))
        if actor not in mission_actor:
            mission_actor[actor] = mission.is_mission_actor(actor)
        if mission_actor[actor]:
            mission_row = row if mission_row is None else mission_row
        else:
            rows.append(row)

    money_rows: list[FundingRow] = []
    for actor in sorted(funding):
        m = funding[actor]
        mest: dict[str, Estimate | None] = {}
        for measure in FUNDING_MEASURES:
            fs = m.get(measure) or []
            picks = _picks(fs) if fs else []
            mest[measure] = _latest(actor, measure, fs, picks) if fs else None
            if fs:
                conflicts.extend(_conflicts("funding", actor, measure, fs))
            if fs and measure == "pledged":
                series.extend(_stock_points(actor, "pledged_usd", fs, picks))
        mflows: dict[str, FlowTotal | None] = {}
        for measure in FUNDING_FLOWS:
            fs = [_flow_view(f) for f in m.get(measure) or []]
            mflows[measure] = _flows(actor, measure, fs) if fs else None
        money_rows.append(
            FundingRow(
                actor,
                mest["pledged"],
                mest["deposited"],
                mest["disbursed"],
                mflows["deposited"],
                mflows["disbursed"],
            )
        )

    rows.sort(key=lambda r: (-_val(r.present), -_val(r.pledged), r.actor))
    money_rows.sort(key=lambda r: (-_val(r.pledged), -_val(r.deposited), r.actor))
    conflicts.sort(key=lambda c: (c.kind, c.actor, c.measure, c.date or ""))
    series.sort(key=lambda s: (s.actor, s.measure, _dates.order_key(s.date), s.date))
    return Record(
        as_of=day,
        mission=mission,
        personnel=tuple(rows),
        mission_level=mission_row,
        funding=tuple(money_rows),
        events=tuple(_events(events)),
        conflicts=tuple(conflicts),
        series=tuple(series),
        facts=tuple(known),
    )


def _val(e: Estimate | None) -> float:
    return e.value if e is not None and e.value is not None else 0.0
