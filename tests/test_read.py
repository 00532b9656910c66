"""Readers on real files: formats, encodings, and every kind of bad input as a value."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mission_monitor.errors import InputError
from mission_monitor.models import RawInput
from mission_monitor.read import decode_bytes, iter_inputs, normalise_date

FRENCH = "Le président kényan a annoncé l'arrivée des policiers à Port-au-Prince. Sécurité: élevée."


def read_all(*paths: Path | str) -> tuple[list[RawInput], list[InputError]]:
    good: list[RawInput] = []
    bad: list[InputError] = []
    for item in iter_inputs(paths):
        (bad if isinstance(item, InputError) else good).append(item)  # type: ignore[arg-type]
    return good, bad


def test_text_markdown_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain report.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "c.HTML").write_text("<p>Page</p>", encoding="utf-8")
    (tmp_path / "d.htm").write_text("<p>Page 2</p>", encoding="utf-8")
    good, bad = read_all(tmp_path)
    assert bad == []
    assert [(r.doc, r.format) for r in good] == [
        ("a.txt", "text"),
        ("b.md", "text"),
        ("c.HTML", "html"),
        ("d.htm", "html"),
    ]
    assert good[0].content == "Plain report.\n"
    assert good[0].source == str(tmp_path / "a.txt")


def test_folders_are_read_recursively_and_other_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "x.txt").write_text("deep", encoding="utf-8")
    (tmp_path / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    (tmp_path / "README.md").write_text("About this folder", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"doc": "x", "facts": []}) + "\n")
    good, bad = read_all(tmp_path)
    assert [r.doc for r in good] == ["x.txt"] and bad == []
    # named explicitly, the README is read, and an unknown type is an error
    good, bad = read_all(tmp_path / "README.md", tmp_path / "sub" / "photo.jpg")
    assert [r.doc for r in good] == ["README.md"]
    assert len(bad) == 1 and "unsupported file type '.jpg'" in bad[0].problem


def test_missing_path_is_an_error_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    good, bad = read_all(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert [r.doc for r in good] == ["ok.txt"]
    assert bad[0].source == str(tmp_path / "nope.txt")
    assert bad[0].problem == "no such file or directory"


def test_latin1_and_cp1252_texts_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (tmp_path / "short.txt").write_bytes("Café crème à Pétion-Ville.".encode("latin-1"))
    (tmp_path / "quotes.txt").write_bytes("Kenya’s “mission” – 2024".encode("cp1252"))
    good, bad = read_all(tmp_path)
    assert bad == []
    texts = {r.doc: r.content for r in good}
    assert texts["latin1.txt"] == FRENCH
    assert texts["short.txt"] == "Café crème à Pétion-Ville."
    assert texts["quotes.txt"] == "Kenya’s “mission” – 2024"


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        (
            "El presidente keniano anunció la llegada de los policías a Haití; la misión sigue.",
            "latin-1",
        ),
        (
            "Die kenianische Polizei in Haiti: größere Einsätze für die Mission geplant, heißt es.",
            "latin-1",
        ),
        (
            "Prezydent Kenii ogłosił przybycie policjantów na Haiti. Misja trwa, "
            "zażółć gęślą jaźń.",
            "cp1250",
        ),
        ("Президент Кении объявил о прибытии полицейских в Гаити. Миссия продолжается.", "cp1251"),
        ("Ελληνικά κείμενα για την αποστολή της αστυνομίας στην Αϊτή.", "cp1253"),
    ],
)
def test_single_byte_encodings_of_other_languages(sample: str, encoding: str) -> None:
    text, _ = decode_bytes(sample.encode(encoding))
    assert text == sample


def test_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(FRENCH.encode("utf-16"))
    good, bad = read_all(tmp_path)
    assert bad == [] and [r.content for r in good] == [FRENCH, FRENCH]


def test_binary_and_empty_files_are_named_with_their_problem(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n\t ")
    (tmp_path / "controls.html").write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8] * 50) + b"<p>x</p>")
    good, bad = read_all(tmp_path)
    assert good == []
    problems = {Path(e.source).name: e.problem for e in bad}
    assert problems["image.txt"].startswith("binary file")
    assert problems["controls.html"].startswith("binary file")
    assert problems["empty.txt"] == "empty file"
    assert problems["blank.md"] == "empty file"
    assert all(str(e) == f"{e.source}: {e.problem}" for e in bad)


def test_truncated_html_is_still_read(tmp_path: Path) -> None:
    page = "<html><body><article><p>Kenya sent 400 officers to Haiti on Tuesday, the minis"
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    good, bad = read_all(tmp_path)
    assert bad == [] and good[0].content == page and good[0].format == "html"


def dump_lines() -> list[str]:
    return [
        json.dumps(
            {
                "id": "n1",
                "text": "Kenya pledged 1,000 officers.",
                "url": "https://example.org/a",
                "published": "2024-03-04T10:00:00Z",
                "title": "Pledge",
                "outlet": "Example News",
            }
        ),
        "",
        '{"id": "n2", "text": "unterminated',
        json.dumps({"id": 3, "html": "<p>Benin offers troops</p>", "published": "4 March 2024"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "n5"}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "n7", "text": "x", "published": "someday"}),
        json.dumps({"id": "n8", "text": 42}),
    ]


def test_jsonl_dump_reads_good_lines_and_names_each_broken_one(tmp_path: Path) -> None:
    dump = tmp_path / "news.jsonl"
    dump.write_text("\n".join(dump_lines()) + "\n", encoding="utf-8")
    good, bad = read_all(dump)
    assert [r.doc for r in good] == ["n1", "3"]
    first = good[0]
    assert (first.source, first.format, first.published) == (f"{dump}:1", "text", "2024-03-04")
    assert (first.url, first.title, first.outlet) == (
        "https://example.org/a",
        "Pledge",
        "Example News",
    )
    assert (good[1].format, good[1].published) == ("html", "2024-03-04")
    problems = {e.source.rsplit(":", 1)[1]: e.problem for e in bad}
    assert problems["3"].startswith("invalid JSON: Unterminated string")
    assert problems["5"] == "expected a JSON object, got list"
    assert problems["6"] == "no 'text' or 'html' (or both are empty)"
    assert problems["7"].startswith("missing or invalid 'id'")
    assert problems["8"] == "'published' is not a date: 'someday'"
    assert problems["9"] == "'text' must be a string, got int"


def test_gzipped_dump_and_a_truncated_one(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"g{i}", "text": f"Report number {i} " * 50}) for i in range(40)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    (tmp_path / "ok.jsonl.gz").write_bytes(data)
    good, bad = read_all(tmp_path / "ok.jsonl.gz")
    assert len(good) == 40 and bad == []
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    good, bad = read_all(tmp_path / "cut.jsonl.gz")
    assert 0 < len(good) < 40
    assert len(bad) == 1 and "unreadable gzip data" in bad[0].problem
    (tmp_path / "fake.jsonl.gz").write_bytes(b"not gzip at all")
    good, bad = read_all(tmp_path / "fake.jsonl.gz")
    assert good == [] and "unreadable gzip data" in bad[0].problem


def test_nul_characters_in_a_dump_are_dropped(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"id": "a\u0000", "text": "Ken\u0000ya", "title": "T\u0000"}))
    good, bad = read_all(dump)
    assert bad == [] and (good[0].doc, good[0].content, good[0].title) == ("a", "Kenya", "T")


def test_dump_line_that_is_not_utf8(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "fine"}\n')
    good, bad = read_all(dump)
    assert [r.doc for r in good] == ["b"]
    assert bad[0].source == f"{dump}:1" and "not UTF-8" in bad[0].problem


def test_empty_dump_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_text("\n\n", encoding="utf-8")
    good, bad = read_all(tmp_path / "e.jsonl")
    assert good == [] and bad[0].problem == "empty file"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", "2024"),
        ("2024-03", "2024-03"),
        ("2024-03-04", "2024-03-04"),
        ("2024-03-04T23:10:00+03:00", "2024-03-04"),
        ("March 4, 2024", "2024-03-04"),
        ("not a date", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_value_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        assert str(exc) == "empty file" or str(exc).startswith("binary file")
    else:
        assert text.strip() and encoding


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=500).filter(lambda s: s.strip() != ""))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded, _ = decode_bytes(text.encode("utf-8"))
    except ValueError as exc:  # text of control characters is taken for binary
        assert str(exc).startswith("binary file")
    else:
        assert decoded == text
