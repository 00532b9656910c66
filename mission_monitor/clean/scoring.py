"""Token-shingle F1 of extracted article bodies, as the article-extraction benchmark scores it.

The benchmark (scrapinghub/article-extraction-benchmark, ``../shared/data/...``) compares
extracted and true article bodies as bags of word 4-grams (tokens are ``\\w+`` runs). Per page,
true positives, false positives and false negatives are counted over the shingles and then
normalised to sum to 1, so that long pages weigh no more than short ones; precision, recall and
F1 come from the sums over pages. Scoring the benchmark's own stored predictions with this code
reproduces its published figures (``tests/test_clean_html.py`` checks trafilatura 2.0.0's).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
NGRAM = 4


def _shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def score(truth: Mapping[str, str], predicted: Mapping[str, str]) -> Score:
    """Precision, recall and F1 of ``predicted`` bodies against ``truth``, over truth's pages."""
    tp = fp = fn = 0.0
    for key, true in truth.items():
        a, b, c = page_counts(true, predicted.get(key, ""))
        tp, fp, fn = tp + a, fp + b, fn + c
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(truth))
