"""Near-duplicate documents: the same story printed by several sites is one source.

A document's *fingerprint* is a MinHash (datasketch) of the word shingles of its normalised
text; two fingerprints estimate the Jaccard similarity of the two shingle sets. Copies of one
wire story with a different headline, a different footer or a few edited words share most of
their shingles; different stories on the same topic share names and phrases but few runs of
``SHINGLE_WORDS`` consecutive words.

The API is small and stable, for the store:

- :func:`fingerprint` ``(text) -> bytes``: deterministic (fixed seed), serialisable;
- :func:`similarity` ``(a, b) -> float`` in [0, 1];
- :data:`SAME_STORY_THRESHOLD`: from this similarity on, two documents are one story;
- :class:`StoryIndex`: ``add(key, fp)`` and ``query(fp) -> [key, ...]`` (best first), backed by
  datasketch's MinHashLSH so that a query does not compare against every stored document.

Calibration of the threshold: see :data:`SAME_STORY_THRESHOLD` and ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import re
import struct
import unicodedata

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 20240625  # fixed: fingerprints stored today must compare with those made tomorrow
SHINGLE_WORDS = 3
SCHEME = "affine32"  # datasketch >= 2: 32-bit hash values, stored little-endian

SAME_STORY_THRESHOLD: float = 0.3
"""Estimated Jaccard similarity of word 3-shingles from which two documents are one story.

Chosen on the calibration set of ``tests/test_clean_dedup.py`` (module
:mod:`mission_monitor.clean.dedup_calibration`): 13 stories on the Haiti mission (the cleaned
seeds, our own test dumps, and pairs of reports written independently about one event), each
with 6 edited copies as a syndicating site makes them. Edited copies of one story: 273 pairs,
similarity 0.375 to 1.0; different stories: 3,822 pairs, similarity at most 0.109. At 0.3 (about
midway, with room for MinHash's estimation error, +-0.04 at 128 permutations): precision 1.000,
recall 1.000 on that set; at 0.5 recall would fall to 0.971.
"""

_WORD = re.compile(r"\w+", re.UNICODE)
_HEADER = struct.Struct("<4sII")  # magic, num_perm, seed
_MAGIC = b"MMH1"
_EMPTY = np.uint32((1 << 32) - 1)  # datasketch's initial hash value: nothing was added


def normalise(text: str) -> list[str]:
    """The words of ``text``: Unicode-normalised (NFKC), case-folded, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[str]:
    """The set of runs of ``n`` consecutive words (the whole text where it is shorter)."""
    words = normalise(text)
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _minhash(text: str) -> LeanMinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    grams = shingles(text)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return LeanMinHash(mh)


def fingerprint(text: str) -> bytes:
    """A serialisable MinHash of ``text``'s word shingles (same text, same bytes)."""
    lean = _minhash(text)
    values = np.asarray(lean.hashvalues, dtype="<u4")
    return _HEADER.pack(_MAGIC, NUM_PERM, SEED) + values.tobytes()


def _load(fp: bytes) -> LeanMinHash:
    if len(fp) != _HEADER.size + 4 * NUM_PERM:
        raise ValueError(f"not a fingerprint of this version: {len(fp)} bytes")
    magic, num_perm, seed = _HEADER.unpack_from(fp)
    if magic != _MAGIC or num_perm != NUM_PERM or seed != SEED:
        raise ValueError("not a fingerprint of this version (magic, permutations or seed differ)")
    values = np.frombuffer(fp, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def _is_empty(mh: LeanMinHash) -> bool:
    """A text without words: it is like no other text (not even another empty one)."""
    return bool(np.all(mh.hashvalues == _EMPTY))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets, in [0, 1].

    A text without words has similarity 0 to everything.
    """
    ma, mb = _load(a), _load(b)
    if _is_empty(ma) or _is_empty(mb):
        return 0.0
    return float(ma.jaccard(mb))


def same_story(a: bytes, b: bytes) -> bool:
    return similarity(a, b) >= SAME_STORY_THRESHOLD


class StoryIndex:
    """Fingerprints by key (e.g. a document id); ``query`` finds the keys of the same story."""

    def __init__(self, threshold: float = SAME_STORY_THRESHOLD) -> None:
        self.threshold = threshold
        # LSH finds candidates a little below the threshold; the exact estimate then decides.
        self._lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=NUM_PERM)
        self._hashes: dict[int, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, key: object) -> bool:
        return key in self._hashes

    def add(self, key: int, fp: bytes) -> None:
        """Index ``fp`` under ``key``; adding a key again replaces its fingerprint."""
        mh = _load(fp)
        if key in self._hashes:
            self._lsh.remove(key)
        self._lsh.insert(key, mh)
        self._hashes[key] = mh

    def query(self, fp: bytes) -> list[int]:
        """Keys whose similarity to ``fp`` reaches the threshold, most similar first."""
        mh = _load(fp)
        scored: list[tuple[float, int]] = []
        if _is_empty(mh):
            return []
        for key in self._lsh.query(mh):
            sim = float(mh.jaccard(self._hashes[key]))
            if sim >= self.threshold:
                scored.append((sim, key))
        scored.sort(key=lambda sk: (-sk[0], sk[1]))
        return [key for _, key in scored]
