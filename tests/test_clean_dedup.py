"""Near-duplicate detection: fingerprints are stable, copies of one story meet, others do not."""

from __future__ import annotations

import pytest

from mission_monitor.clean.dedup import (
    SAME_STORY_THRESHOLD,
    StoryIndex,
    fingerprint,
    similarity,
)

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
