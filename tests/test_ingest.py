"""``ingest``, ``reextract`` and ``facts`` end to end: real files, a real SQLite file, the CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mission_monitor.cli import app
from mission_monitor.models import Evidence, Fact, RawInput
from mission_monitor.pipeline import NO_TEXT, IngestEvent, Processed, ingest, process, reextract
from mission_monitor.store import Store

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "Kenya's first contingent of 400 police officers landed in Port-au-Prince on Tuesday, "
    "the start of the long-delayed Multinational Security Support mission in Haiti. "
    "The officers were met at the airport by Haitian police commanders and will be based near "
    "the capital, where armed groups control most neighbourhoods. President William Ruto said "
    "the deployment answered a call from the people of Haiti, and that Kenya would send its "
    "remaining officers in the coming weeks once the bases are ready for them."
)
FRENCH_LATIN1 = (
    "Le président kényan William Ruto a annoncé l'arrivée à Port-au-Prince des premiers "
    "policiers de la mission multinationale. Sécurité détériorée, élections reportées: "
    "les Haïtiens attendent beaucoup de cette opération soutenue par l'ONU."
)


def bad_folder(root: Path) -> Path:
    """The folder of the issue: binary, empty, Latin-1, truncated HTML, a dump with a bad line."""
    folder = root / "inbox"
    (folder / "pages").mkdir(parents=True)
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03binary\x00" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(FRENCH_LATIN1.encode("latin-1"))
    page = (
        "<html><head><title>Kenyan police land in Haiti</title></head><body><article>"
        f"<h1>Kenyan police land in Haiti</h1><p>{ARTICLE}</p><p>More officers are expected "
        "in the coming weeks as the mission builds up its bases near the capi"
    )
    (folder / "pages" / "truncated.html").write_text(page, encoding="utf-8")
    lines = [
        json.dumps({"id": "wire-1", "text": ARTICLE, "published": "2024-06-25"}),
        '{"id": "wire-2", "text": "Benin offers troops", "published": ',
        json.dumps(
            {
                "id": "wire-3",
                "text": "Benin has offered 2,000 troops for the Haiti mission, its foreign "
                "minister said in Cotonou on Monday after talks with US diplomats on funding.",
                "url": "https://www.state.gov/benin",
            }
        ),
    ]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_bad_input_folder_stores_the_good_names_the_bad_and_exits_1(
    tmp_path: Path, db_path: Path
) -> None:
    folder = bad_folder(tmp_path)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == sorted(
        [
            f"error: {folder / 'dump.jsonl'}:2: invalid JSON: Expecting value (column 62)",
            f"error: {folder / 'empty.txt'}: empty file",
            f"error: {folder / 'scan.txt'}: binary file (NUL bytes)",
        ]
    )
    stored = dict(rows(db_path, "SELECT doc, text FROM documents"))
    assert set(stored) == {"wire-1", "wire-3", "latin1.txt", "truncated.html"}
    assert "président kényan" in stored["latin1.txt"]
    assert "Kenya's first contingent of 400 police officers" in stored["truncated.html"]
    assert "new" in result.stdout and "4" in result.stdout
    # consistent: integrity, foreign keys, no fact without its document, no half-written row
    assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db_path, "PRAGMA foreign_key_check") == []
    assert rows(
        db_path, "SELECT count(*) FROM facts WHERE document_id NOT IN (SELECT id FROM documents)"
    ) == [(0,)]
    with Store.open(db_path) as store:
        assert store.check() == []
        published = {d.doc: (d.published, d.published_from) for d in store.documents()}
    assert published["wire-1"] == ("2024-06-25", "input")
    assert published["wire-3"][1] == "ingested"
    # a second run adds nothing and fails the same inputs again
    again = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db_path), "-q"])
    assert again.exit_code == 1
    assert rows(db_path, "SELECT count(*) FROM documents") == [(4,)]


def test_no_article_text_is_an_error_named_with_the_file(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "shell.html").write_text(
        "<html><head><title>Loading</title><script>render()</script></head><body></body></html>"
    )
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    events: list[IngestEvent] = []
    with Store.open(db_path) as store:
        summary = ingest([tmp_path], store, progress=events.append)
        assert store.stats().documents == 1
    assert summary.failed == [(str(tmp_path / "shell.html"), NO_TEXT)]
    assert (summary.new, summary.unchanged) == (1, 0)
    assert [e.status for e in events] == ["new", "failed"]


def test_seeds_ingested_twice_add_nothing_the_second_time(seeds_dir: Path, db_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    with Store.open(db_path) as store:
        before = store.stats()
        facts_before = [sf.fact.to_dict() for sf in store.sourced_facts()]
    second = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db_path)])
    assert second.exit_code == 0, second.output
    with Store.open(db_path) as store:
        after = store.stats()
        facts_after = [sf.fact.to_dict() for sf in store.sourced_facts()]
    assert before.documents == after.documents == 5
    assert before.facts == after.facts and facts_before == facts_after
    assert before.facts_by_kind == after.facts_by_kind
    table = second.stdout
    assert "│ new             │     0 │" in table and "│ unchanged       │     5 │" in table


def test_reextract_replaces_machine_facts_with_a_fresh_extraction(
    tmp_path: Path, db_path: Path
) -> None:
    raw = RawInput(doc="a.txt", source="a.txt", content=ARTICLE, format="text")
    stale = Fact(
        kind="personnel",
        actor="KEN",
        status="pledged",
        count=12345,
        evidence=Evidence("stale rule output", 0, 17, "old.rule"),
    )
    first = process(raw, published="2024-06-26")
    with Store.open(db_path) as store:
        # the document as an older rule set saw it: one wrong fact
        store.add(Processed(raw, first.clean, [stale], first.published), published="2024-06-26")
        summary = reextract(store)
        now = [sf.fact for sf in store.sourced_facts()]
        (doc,) = store.documents()
    expected = process(raw, published="2024-06-26").facts
    assert summary.replaced_facts == 1 and summary.unchanged == 1 and summary.failed == []
    assert stale not in now
    assert now == expected
    assert (doc.published, doc.published_from) == ("2024-06-26", "input")
    result = CliRunner().invoke(app, ["reextract", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "documents re-extracted" in result.stdout


def test_syndicated_copy_in_a_dump_is_one_story_with_two_documents(
    tmp_path: Path, db_path: Path
) -> None:
    dump = tmp_path / "wire.jsonl"
    copies = [
        {"id": "star", "text": "Kenyan police land in Haiti\n\n" + ARTICLE + "\n\nSubscribe now."},
        {
            "id": "standard",
            "text": "First Kenyan officers arrive in Haiti\n\n"
            + ARTICLE
            + "\n\nCopyright 2024 The Standard Group. All rights reserved.",
        },
    ]
    dump.write_text("\n".join(json.dumps(c) for c in copies) + "\n", encoding="utf-8")
    with Store.open(db_path) as store:
        summary = ingest([dump], store)
        docs = store.documents()
        stats = store.stats()
        counts = store.story_counts()
    assert summary.new == 2
    assert stats.documents == 2 and stats.stories == 1
    assert docs[0].story_id == docs[1].story_id
    # whatever extraction finds, each fact is stated by both documents of the one story
    assert set(counts.values()) <= {1}


def test_a_folder_without_reports_is_an_error(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: no reports found in {tmp_path}")


def test_published_option_forces_the_date_of_every_document(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            "-q",
            str(tmp_path / "a.txt"),
            "--db",
            str(db_path),
            "--published",
            "2024-06-26",
        ],
    )
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        (doc,) = store.documents()
    assert (doc.published, doc.published_from) == ("2024-06-26", "input")
    bad = CliRunner().invoke(
        app, ["ingest", str(tmp_path), "--db", str(db_path), "--published", "June"]
    )
    assert bad.exit_code == 2 and "--published" in bad.output


def test_facts_json_lines_carry_doc_fields_evidence_and_story_count(db_path: Path) -> None:
    fact = Fact(
        kind="personnel",
        actor="KEN",
        status="arrived",
        count=400,
        qualifier="exact",
        force="police",
        date="2024-06-25",
        evidence=Evidence("Kenya's first contingent", 0, 24, "personnel.arrived"),
    )
    raw = RawInput(doc="a.txt", source="a.txt", content=ARTICLE, format="text")
    raw_copy = RawInput(
        doc="b.txt",
        source="b.txt",
        content=ARTICLE + " Updated.",
        format="text",
        url="https://un.org/x",
    )
    with Store.open(db_path) as store:
        for r in (raw, raw_copy):
            p = process(r, published="2024-06-26")
            store.add(Processed(r, p.clean, [fact], p.published))
    runner = CliRunner()
    out = runner.invoke(app, ["facts", "--db", str(db_path), "--json", "--actor", "ken"])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 2
    first = lines[0]
    assert first["doc"] == "a.txt"
    assert {k: first[k] for k in fact.to_dict(evidence=False)} == fact.to_dict(evidence=False)
    assert first["evidence"] == fact.evidence.to_dict() if fact.evidence else False
    assert first["published"] == "2024-06-26" and first["url"] is None
    assert first["stories"] == 1  # two documents of one story
    assert lines[1]["source_kind"] == "official"
    by_name = runner.invoke(app, ["facts", "--db", str(db_path), "--json", "--actor", "Kenya"])
    assert by_name.exit_code == 0 and by_name.stdout == out.stdout  # a name, as history takes
    none = runner.invoke(app, ["facts", "--db", str(db_path), "--json", "--kind", "funding"])
    assert none.exit_code == 0 and none.stdout == ""
    unmatched = runner.invoke(app, ["facts", "--db", str(db_path), "--kind", "funding"])
    assert unmatched.exit_code == 0 and "match these filters" in unmatched.stderr
    table = runner.invoke(app, ["facts", "--db", str(db_path)])
    assert table.exit_code == 0 and "a.txt" in table.stdout and "400 police" in table.stdout
    bad = runner.invoke(app, ["facts", "--db", str(db_path), "--kind", "troops"])
    assert bad.exit_code == 2


def test_db_from_environment_and_a_bad_db_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("MISSION_MONITOR_DB", str(env_db))
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "-q", str(tmp_path / "a.txt")]).exit_code == 0
    assert rows(env_db, "SELECT doc FROM documents") == [("a.txt",)]
    missing = runner.invoke(app, ["facts", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "no such database" in missing.stderr
    assert not (tmp_path / "nope.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_text("not a database " * 100)
    result = runner.invoke(app, ["facts", "--db", str(junk)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {junk}: cannot open the database")


def test_many_inputs_through_the_entry_point_in_a_subprocess(tmp_path: Path, db_path: Path) -> None:
    for i in range(25):
        (tmp_path / f"r{i:02}.txt").write_text(f"Report {i}. " + ARTICLE, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mission_monitor", "ingest", str(tmp_path), "--db", str(db_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        # rich draws its progress bar only on a terminal; TTY_COMPATIBLE=1 says stderr is one
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TTY_COMPATIBLE": "1"},
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ingesting" in proc.stderr  # the progress bar, on stderr
    assert "new" in proc.stdout and "25" in proc.stdout
    assert rows(db_path, "SELECT count(*) FROM documents") == [(25,)]
