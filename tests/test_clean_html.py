"""Pages: the benchmark metric, our F1 against trafilatura's, metadata, language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mission_monitor.clean import clean_document
from mission_monitor.clean.benchmark import load_benchmark, ours, run, trafilatura_default
from mission_monitor.clean.language import detect_language
from mission_monitor.clean.scoring import page_counts, score
from mission_monitor.models import RawInput


@pytest.fixture(scope="module")
def bench_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "article-extraction-benchmark"


def test_metric_reproduces_the_benchmarks_published_trafilatura_figures(bench_dir: Path) -> None:
    truth = {
        k: v["articleBody"]
        for k, v in json.loads((bench_dir / "ground-truth.json").read_text()).items()
    }
    stored = json.loads((bench_dir / "reference-output" / "trafilatura.json").read_text())
    pred = {k: v["articleBody"] for k, v in stored["output"].items()}
    s = score(truth, pred)
    # README.rst: trafilatura 2.0.0  F1 0.958  precision 0.938  recall 0.978
    assert s.f1 == pytest.approx(0.958, abs=0.001)
    assert s.precision == pytest.approx(0.938, abs=0.001)
    assert s.recall == pytest.approx(0.978, abs=0.001)


def test_page_counts_are_normalised() -> None:
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("one two three four five", "zero one two three four")
    assert tp == pytest.approx(1 / 3) and fp == pytest.approx(1 / 3) and fn == pytest.approx(1 / 3)
    assert page_counts("a b c d", "") == (0.0, 0.0, 1.0)


def test_our_f1_is_no_lower_than_trafilatura_alone(bench_dir: Path) -> None:
    truth, html, urls = load_benchmark(bench_dir, limit=60)
    base = run("trafilatura", trafilatura_default, truth, html, urls)
    mine = run("ours", ours, truth, html, urls)
    assert mine.score.f1 >= base.score.f1, (mine.score, base.score)
    assert mine.score.f1 >= 0.9


PAGE = """<!doctype html><html lang="en"><head>
<title>Kenyan police land in Haiti | Example Times</title>
<meta property="og:title" content="Kenyan police land in Haiti">
<meta property="og:site_name" content="Example Times">
<link rel="canonical" href="https://example.org/world/kenyan-police-land-in-haiti">
<meta property="article:published_time" content="2024-06-25T14:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kenyan police land in Haiti</h1>
<p>The first 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, the start of a
mission that Kenya leads with the backing of the United Nations Security Council.</p>
<p>The officers were met at the airport by Haitian officials, who said the force would begin
patrols in the coming days in districts held by armed gangs.</p>
<p>Other countries, including Jamaica and the Bahamas, have promised personnel, and the United
States has pledged money and equipment for the mission.</p>
</article>
<footer>Copyright 2024 Example Times. All rights reserved.</footer>
</body></html>"""


def test_page_text_and_metadata() -> None:
    doc = clean_document(RawInput(doc="p", source="p.html", content=PAGE, format="html"))
    assert doc.text.startswith("Kenyan police land in Haiti\n\nThe first 400 Kenyan police")
    assert "\n\nThe officers were met" in doc.text  # paragraphs apart by a blank line
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title == "Kenyan police land in Haiti"
    assert doc.published == "2024-06-25"
    assert doc.site == "Example Times"
    assert doc.url == "https://example.org/world/kenyan-police-land-in-haiti"
    assert doc.language == "en"
    assert doc.dropped == ()


def test_dump_metadata_wins_over_the_page() -> None:
    raw = RawInput(
        doc="p",
        source="dump.jsonl:3",
        content=PAGE,
        format="html",
        url="https://mirror.example.net/a",
        published="2024-06-26T08:00:00+03:00",
        title="Given title",
        outlet="Given Outlet",
    )
    doc = clean_document(raw)
    assert (doc.url, doc.published, doc.title, doc.site) == (
        "https://mirror.example.net/a",
        "2024-06-26",
        "Given title",
        "Given Outlet",
    )


def test_garbage_html_gives_empty_text() -> None:
    doc = clean_document(RawInput(doc="x", source="x.html", content="", format="html"))
    assert doc.text == "" and doc.language is None


def test_language_detection() -> None:
    assert (
        detect_language("Kenyan police officers arrived in Haiti on Tuesday, officials said.")
        == "en"
    )
    assert (
        detect_language(
            "Die kenianische Polizei ist am Dienstag in Haiti angekommen, teilte die Regierung mit."
        )
        == "de"
    )
    assert (
        detect_language(
            "La police kényane est arrivée mardi en Haïti, a annoncé le gouvernement haïtien."
        )
        == "fr"
    )
    assert detect_language("Photo credit") is None


def test_non_english_text_is_flagged_and_extraction_skips_it() -> None:
    from mission_monitor.pipeline import process

    text = (
        "La policía de Kenia llegó a Haití el martes\n\n"
        "Un primer grupo de 400 policías kenianos llegó el martes a Puerto Príncipe, al inicio "
        "de una misión que Kenia dirige con el respaldo del Consejo de Seguridad de la ONU.\n"
    )
    result = process(RawInput(doc="es.txt", source="es.txt", content=text, format="text"))
    assert result.clean.language == "es"
    assert result.facts == []
    assert result.note is not None and "not English" in result.note


def test_short_plain_english_is_english_not_pidgin() -> None:
    # py3langid alone labels this Nigerian Pidgin (0.64), which would skip its extraction
    assert detect_language("Kenya sent 400 police officers to Haiti on Tuesday.") == "en"
    assert (
        detect_language("Jamaica will send 24 soldiers to Haiti next week, officials said.") == "en"
    )
