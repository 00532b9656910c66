"""Rich tables for the terminal, drawn from the same data as ``--json`` (so the two agree)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

QUAL = {"approx": "~", "at_least": "≥", "at_most": "≤"}


def _n(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}"
    return f"{int(v):,}"


def _cell(d: dict[str, Any], prefix: str, value_key: str | None = None) -> Text:
    value = d.get(value_key or prefix)
    if value is None:
        return Text("—", style="dim")
    q = QUAL.get(d.get(f"{prefix}_qualifier") or "", "")
    text = Text(f"{q}{_n(value)}", style="bold")
    n = d.get(f"{prefix}_sources", 0)
    date = d.get(f"{prefix}_date") or "undated"
    if d.get(f"{prefix}_dated_by") == "known":
        date += " (published)"
    text.append(f"\n{date} · {n} source{'s' if n != 1 else ''}", style="dim")
    for old in reversed(d.get(f"{prefix}_history") or []):
        text.append(f"\nsupersedes {_n(old['value'])} ({old['date']})", style="dim italic")
    return text


def _usd(d: dict[str, Any], prefix: str) -> Text:
    cell = _cell(d, prefix, f"{prefix}_usd")
    if d.get(f"{prefix}_usd") is None:
        return cell
    cell = Text("USD ") + cell
    orig = d.get(f"{prefix}_original")
    cur = d.get(f"{prefix}_currency")
    if orig:
        cell.append(f"\n(stated {orig['currency']} {_n(orig['amount'])})", style="dim")
    elif cur and cur != "USD":
        fx = d.get(f"{prefix}_fx") or {}
        cell.append(
            f"\n({cur} {_n(d.get(f'{prefix}_amount'))} at {fx.get('per_usd')}/USD, "
            f"{fx.get('year')})",
            style="dim",
        )
    return cell


def personnel_table(status: dict[str, Any]) -> Table:
    t = Table(title="Force generation", title_justify="left", show_lines=True)
    for col in ("State", "Pledged", "Arrived (distinct)", "Present"):
        t.add_column(col, justify="left" if col == "State" else "right")
    rows = list(status["personnel"])
    if status.get("mission_level"):
        rows.append(status["mission_level"])
    for r in rows:
        t.add_row(f"{r['name']} ({r['actor']})", _cell(r, "pledged"), _cell(r, "arrived"),
                  _cell(r, "present"))  # fmt: skip
    return t


def totals_line(status: dict[str, Any]) -> Text:
    m, tot = status["mission"], status["totals"]
    text = Text("Mission total present: ", style="bold")
    text.append(_n(tot["present"]), style="bold green")
    if m.get("ceiling"):
        share = tot.get("share_of_ceiling") or 0
        text.append(f" of the ceiling of {_n(m['ceiling'])} ({share:.0%})")
    text.append(f"; distinct arrivals {_n(tot['arrived'])}")
    if tot.get("present_reported") is not None:
        text.append(
            f"; mission-wide figure reported: {_n(tot['present_reported'])} "
            f"({tot.get('present_reported_date')})"
        )
    return text


def mandate_line(status: dict[str, Any]) -> Text:
    m = status["mission"]
    if m.get("mandate_end") is None:
        return Text(f"Mandate: none in force on {status['as_of']}", style="yellow")
    days = m["days_to_expiry"]
    state = f"{days} days to expiry" if days >= 0 else f"expired {-days} days ago"
    style = "green" if days > 60 else "yellow" if days >= 0 else "red"
    return Text.assemble(
        "Mandate: ", (m["mandate_resolution"] or "", "bold"), f" ends {m['mandate_end']}: ",
        (state, style),
    )  # fmt: skip


def funding_table(status: dict[str, Any]) -> Table:
    t = Table(title="Funding", title_justify="left", show_lines=True)
    for col in ("Donor", "Pledged", "Deposited (latest)", "Deposits (distinct, sum)"):
        t.add_column(col, justify="left" if col == "Donor" else "right")
    for r in status["funding"]:
        dep_sum = r.get("deposits_sum_usd")
        t.add_row(
            f"{r['name']} ({r['actor']})",
            _usd(r, "pledged"),
            _usd(r, "deposited"),
            Text(f"USD {_n(dep_sum)}") if dep_sum is not None else Text("—", style="dim"),
        )
    return t


def events_table(events: Iterable[dict[str, Any]], title: str = "Latest events") -> Table:
    t = Table(title=title, title_justify="left")
    for col in ("Date", "Event", "Actors", "Sources"):
        t.add_column(col)
    for e in events:
        date = e["date"] or "undated"
        if e.get("dated_by") == "known":
            date += " (published)"
        t.add_row(date, e["type"].replace("_", " "), ", ".join(e["actors"]), str(e["sources"]))
    return t


def conflicts_table(conflicts: list[dict[str, Any]], sources: dict[str, Any]) -> Table:
    t = Table(title="Conflicts", title_justify="left", show_lines=True)
    for col in ("Actor", "Measure", "Date", "Sides (value: documents)"):
        t.add_column(col)
    for c in conflicts:
        sides = Text()
        for i, s in enumerate(c["sides"]):
            docs = sorted(
                {
                    (sources.get(str(f)) or {}).get("site")
                    or (sources.get(str(f)) or {}).get("doc")
                    or f"#{f}"
                    for f in s["facts"]
                }
            )
            if i:
                sides.append("\n")
            q = QUAL.get(s.get("qualifier") or "", "")
            sides.append(f"{q}{_n(s['value'])}", style="bold")
            sides.append(f" ({s['sources']} source{'s' if s['sources'] != 1 else ''}): ")
            sides.append(", ".join(str(d) for d in docs), style="dim")
        t.add_row(c["actor"], c["measure"], c["date"] or "undated", sides)
    return t


def status_view(status: dict[str, Any]) -> RenderableType:
    m = status["mission"]
    parts: list[RenderableType] = [
        Text.assemble((m["name"], "bold"), f" ({m['code']}) as known on {status['as_of']}"),
        mandate_line(status),
        personnel_table(status),
        totals_line(status),
    ]
    if status["funding"]:
        parts.append(funding_table(status))
        tot = status["totals"]
        parts.append(
            Text(f"Total pledged USD {_n(tot['pledged_usd'])}; "
                 f"deposited USD {_n(tot['deposited_usd'])}")
        )  # fmt: skip
    if status["events"]:
        parts.append(events_table(status["events"]))
    n = len(status["conflicts"])
    parts.append(
        Text(f"{n} conflict{'s' if n != 1 else ''} between sources"
             + (": run `mission-monitor conflicts`" if n else ""), style="yellow" if n else "dim")
    )  # fmt: skip
    return Group(*parts)


def timeline_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title="Timeline", title_justify="left")
    for col in ("Date", "What", "Actor", "Value", "Sources"):
        t.add_column(col)
    for r in rows:
        what = r["what"] if r["what"] != "event" else r["detail"]
        value = _n(r["value"]) if r["value"] is not None else ""
        t.add_row(r["date"] or "undated", what, r["actor"], value, str(r["sources"]))
    return t


def history_table(actor: str, rows: list[dict[str, Any]]) -> Table:
    t = Table(title=f"History of {actor}", title_justify="left", show_lines=True)
    # ids and dates are never cut ("2024-01-…" says nothing); the long texts wrap instead
    t.add_column("Fact", no_wrap=True, min_width=5)
    for col in ("Valid", "Published"):
        t.add_column(col, no_wrap=True, min_width=10)
    for col in ("Kind/status", "Value", "Source", "What became of it"):
        t.add_column(col, overflow="fold")
    for r in rows:
        q = QUAL.get(r.get("qualifier") or "", "")
        value = r["value"]
        shown = f"{q}{_n(value)}" if isinstance(value, int | float) else str(value or "")
        t.add_row(
            f"#{r['fact_id']}",
            r["date"] or "—",
            r["published"] or "—",
            f"{r['kind']}/{r['status']}",
            shown,
            f"{r['site'] or r['doc']} ({r['source_kind']})",
            "\n".join(r["fate"]) or "—",
        )
    return t
