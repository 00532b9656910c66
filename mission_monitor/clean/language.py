"""The language of a document, with py3langid (its model ships with the package)."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_WORDS = 8  # below this, a guess is not worth storing
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 4000  # the start of a long text is enough to judge, and 5x quicker
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when the text is too short to judge
    (fewer than ``MIN_WORDS`` words) or no language is likely enough."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang) if float(prob) >= MIN_PROBABILITY else None
