"""A test set for near-duplicate detection, and the precision and recall of a threshold on it.

Positive pairs: a story and the edited copies a syndicating site makes of it (another headline,
another footer, a wire dateline, a dropped paragraph, reworded words, a truncated end).
Negative pairs: different stories on the same topic, including pairs written independently
about the same event. The base stories are supplied by the caller (the tests use files under
``tests/data/clean/``); the edits are deterministic (seeded).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mission_monitor.clean.dedup import SAME_STORY_THRESHOLD, fingerprint, similarity

FOOTERS = (
    "This article first appeared on a partner site and is republished under licence.",
    "Follow us on WhatsApp and Telegram for more news from the region.",
    "Additional reporting by our correspondents; editing by the world desk.",
    "Copyright the news agency. All rights reserved. Distributed by our syndication service.",
)
DATELINES = ("NAIROBI, Kenya (Agencies) — ", "PORT-AU-PRINCE, Haiti — ", "UNITED NATIONS (AP) — ")
REWORDS = {
    "said": "stated",
    "says": "states",
    "officers": "personnel",
    "officials": "authorities",
    "police": "security",
    "mission": "operation",
    "force": "contingent",
    "told": "informed",
    "capital": "city",
    "country": "nation",
}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _headline_from(paras: list[str], rng: random.Random) -> str:
    words = paras[min(1, len(paras) - 1)].split()
    start = rng.randrange(0, max(1, len(words) - 8))
    return " ".join(words[start : start + 7]).strip(",.;").capitalize()


def edited_copies(text: str, seed: int) -> list[tuple[str, str]]:
    """(edit name, copy) pairs of ``text``; its first paragraph is taken as the headline."""
    rng = random.Random(seed)
    paras = _paragraphs(text)
    head, body = paras[0], paras[1:] or paras
    copies: list[tuple[str, str]] = []

    def join(h: str, b: list[str], footer: str | None = None) -> str:
        return "\n\n".join([h, *b, *([footer] if footer else [])])

    copies.append(("headline+footer", join(_headline_from(paras, rng), body, rng.choice(FOOTERS))))
    copies.append(("dateline", join(head, [rng.choice(DATELINES) + body[0], *body[1:]])))
    if len(body) > 2:
        k = rng.randrange(1, len(body))
        shorter = body[:k] + body[k + 1 :]
        copies.append(("drop paragraph", join(_headline_from(paras, rng), shorter)))
    words = join(head, body).split(" ")
    for i in rng.sample(range(len(words)), k=max(1, len(words) // 20)):
        words[i] = REWORDS.get(words[i].lower(), words[i].upper() if rng.random() < 0.5 else "")
    copies.append(("reword 5%", " ".join(w for w in words if w)))
    keep = max(1, round(len(body) * 0.7))
    copies.append(("truncated", join(head, body[:keep], "Read the full story on our website.")))
    copies.append(
        (
            "all of it",
            join(
                _headline_from(paras, rng),
                [rng.choice(DATELINES) + body[0], *body[1:keep]],
                rng.choice(FOOTERS),
            ),
        )
    )
    return copies


@dataclass(frozen=True, slots=True)
class PairSet:
    positives: list[float]  # similarities of pairs that are one story
    negatives: list[float]  # similarities of pairs of different stories

    def precision_recall(self, threshold: float) -> tuple[float, float]:
        tp = sum(1 for s in self.positives if s >= threshold)
        fp = sum(1 for s in self.negatives if s >= threshold)
        fn = len(self.positives) - tp
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return precision, recall


def build_pairs(stories: Mapping[str, str], fp: Callable[[str], bytes] = fingerprint) -> PairSet:
    """Similarities of every positive and negative pair built from ``stories`` (name -> text)."""
    groups: dict[str, list[bytes]] = {}
    for n, (name, text) in enumerate(sorted(stories.items())):
        groups[name] = [fp(text)] + [fp(c) for _, c in edited_copies(text, seed=n)]
    positives = [
        similarity(a, b) for fps in groups.values() for a, b in itertools.combinations(fps, 2)
    ]
    negatives = [
        similarity(a, b)
        for g1, g2 in itertools.combinations(groups.values(), 2)
        for a in g1
        for b in g2
    ]
    return PairSet(positives, negatives)


def report(pairs: PairSet, threshold: float = SAME_STORY_THRESHOLD) -> str:
    p, r = pairs.precision_recall(threshold)
    return (
        f"{len(pairs.positives)} positive pairs (min similarity {min(pairs.positives):.3f}), "
        f"{len(pairs.negatives)} negative pairs (max similarity {max(pairs.negatives):.3f}); "
        f"threshold {threshold:.2f}: precision {p:.3f}, recall {r:.3f}"
    )
