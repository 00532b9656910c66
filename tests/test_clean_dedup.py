"""Near-duplicate detection: fingerprints are stable, copies of one story meet, others do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from mission_monitor.clean import clean_text
from mission_monitor.clean.dedup import (
    SAME_STORY_THRESHOLD,
    StoryIndex,
    fingerprint,
    similarity,
)
from mission_monitor.clean.dedup_calibration import build_pairs, edited_copies

STORY = (
    "Kenyan police officers landed in Port-au-Prince on Tuesday, the first contingent of a force "
    "that Nairobi has promised will reach one thousand officers. The officers were greeted at the "
    "airport by Haitian officials and by the head of the transitional council, who said the "
    "mission would help restore order in neighbourhoods held by armed gangs. A second group is "
    "expected within weeks, officials said, once barracks near the airport are ready."
)


def test_fingerprint_is_deterministic_bytes() -> None:
    a = fingerprint(STORY)
    assert isinstance(a, bytes)
    assert a == fingerprint(STORY)
    assert similarity(a, a) == 1.0


def test_case_and_punctuation_do_not_matter() -> None:
    assert similarity(fingerprint(STORY), fingerprint(STORY.upper().replace(",", ""))) == 1.0


def test_copy_with_new_headline_and_footer_is_same_story() -> None:
    copy = "Kenya's first officers arrive in Haiti\n\n" + STORY + "\n\nRead more on our app."
    assert similarity(fingerprint(STORY), fingerprint(copy)) >= SAME_STORY_THRESHOLD


def test_empty_text_matches_nothing() -> None:
    empty = fingerprint("")
    assert similarity(empty, empty) == 0.0
    index = StoryIndex()
    index.add(1, empty)
    assert index.query(empty) == []


def test_index_returns_matches_best_first() -> None:
    index = StoryIndex()
    index.add(1, fingerprint(STORY))
    index.add(2, fingerprint(STORY + " The police chief declined to comment on the timetable."))
    index.add(3, fingerprint("Benin offered two thousand troops for the mission at the UN."))
    assert index.query(fingerprint(STORY)) == [1, 2]
    assert len(index) == 3 and 3 in index


def test_bad_fingerprint_is_refused() -> None:
    with pytest.raises(ValueError):
        similarity(b"nonsense", fingerprint(STORY))


DATA = Path(__file__).parent / "data" / "clean"


def _stories(seeds_dir: Path) -> dict[str, str]:
    stories = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / "dedup").glob("*.txt"))
    }
    for folder in (DATA / "dumps", seeds_dir):
        for p in sorted(folder.glob("*.txt")):
            stories[p.name] = clean_text(p.read_text(encoding="utf-8"))[0]
    return stories


def test_threshold_on_the_calibration_set(seeds_dir: Path) -> None:
    """Edited copies vs different stories on the same topic (figures in RESULTS.md)."""
    pairs = build_pairs(_stories(seeds_dir))
    assert len(pairs.positives) >= 200 and len(pairs.negatives) >= 2000
    precision, recall = pairs.precision_recall(SAME_STORY_THRESHOLD)
    assert precision >= 0.99
    assert recall >= 0.97
    # the threshold sits in the gap, not against either side
    assert max(pairs.negatives) < SAME_STORY_THRESHOLD - 0.1


def test_independent_reports_of_one_event_are_different_stories() -> None:
    for event in ("airport", "funding"):
        a = (DATA / "dedup" / f"{event}_a.txt").read_text(encoding="utf-8")
        b = (DATA / "dedup" / f"{event}_b.txt").read_text(encoding="utf-8")
        assert similarity(fingerprint(a), fingerprint(b)) < SAME_STORY_THRESHOLD


def test_seed_with_new_headline_and_footer_is_one_story(seeds_dir: Path) -> None:
    text = clean_text((seeds_dir / "004_de6dd166a4080cc0.txt").read_text(encoding="utf-8"))[0]
    body = text.split("\n\n", 1)[1]
    copy = "Kenya open to talks on Haiti force\n\n" + body + "\n\nFollow us on X for more."
    index = StoryIndex()
    index.add(7, fingerprint(text))
    assert index.query(fingerprint(copy)) == [7]
    for _, edited in edited_copies(text, seed=1):
        assert index.query(fingerprint(edited)) == [7]
