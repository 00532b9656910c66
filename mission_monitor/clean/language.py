"""The language of a document, with py3langid (its model ships with the package)."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_WORDS = 8  # below this, a guess is not worth storing
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 4000  # the start of a long text is enough to judge, and 5x quicker
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Languages whose texts the model cannot tell apart from a larger one written with the same
# words: Nigerian Pidgin ("pcm") takes short plain English for itself ("Kenya sent 400 police
# officers to Haiti on Tuesday." scores 0.64 pcm, 0.21 en). Their probability counts for the
# larger language, since the extractor reads them as that language anyway.
MERGED = {"pcm": "en"}
NO_LANGUAGE = "zxx"  # the model's label for text with no linguistic content


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when the text is too short to judge
    (fewer than ``MIN_WORDS`` words) or no language is likely enough."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    scores: dict[str, float] = {}
    for lang, prob in _identifier().rank(text[:SAMPLE_CHARS]):
        code = MERGED.get(str(lang), str(lang))
        scores[code] = scores.get(code, 0.0) + float(prob)
    lang, prob = max(scores.items(), key=lambda item: item[1])
    if lang == NO_LANGUAGE or prob < MIN_PROBABILITY:
        return None
    return lang
