"""The parsing pipeline: pinned, checked against its recorded hashes, and named by the settings."""

from __future__ import annotations

import hashlib

import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.extract.nlp import DEFAULT_PIPELINE, PIPELINE_HASHES, configured_pipeline, load_pipeline, verify


def test_the_default_pipeline_loads_verified_without_the_unused_sentence_splitter():
    nlp = load_pipeline(DEFAULT_PIPELINE)
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names and "senter" not in nlp.pipe_names
    assert {"meta.json", "ner/model", "parser/model"} <= set(PIPELINE_HASHES[DEFAULT_PIPELINE])


def test_a_changed_model_file_is_a_one_line_error(tmp_path):
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    good = hashlib.sha256(b"{}").hexdigest()
    verify(tmp_path, {"meta.json": good}, "mine")  # the recorded hash: no error
    with pytest.raises(CrosscheckError) as caught:
        verify(tmp_path, {"meta.json": "0" * 64}, "mine")
    message = str(caught.value)
    assert len(message.splitlines()) == 1 and "nlp-model" in message and "'mine'" in message
    with pytest.raises(CrosscheckError, match="missing"):
        verify(tmp_path, {"ner/model": "0" * 64}, "mine")


def test_the_settings_name_the_pipeline(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert configured_pipeline() == DEFAULT_PIPELINE
    monkeypatch.setenv("CROSSCHECK_NLP", "my_pipeline")
    assert configured_pipeline() == "my_pipeline"
    (tmp_path / "crosscheck.toml").write_text('nlp = "from_file"\n', encoding="utf-8")
    monkeypatch.delenv("CROSSCHECK_NLP")
    assert configured_pipeline() == "from_file"


def test_a_pipeline_that_is_not_installed_is_a_one_line_error():
    with pytest.raises(CrosscheckError) as caught:
        load_pipeline("no_such_pipeline_installed")
    assert len(str(caught.value).splitlines()) == 1 and "no_such_pipeline_installed" in str(caught.value)


def test_the_parse_multiplies_with_numpys_blas():
    """thinc's bundled BLIS multiplied the parser's small matrices at a third of OpenBLAS's speed on our machines."""
    nlp = load_pipeline(DEFAULT_PIPELINE)
    models = [c.model for _, c in nlp.pipeline if getattr(c, "model", None) is not None]
    assert models and all(not getattr(node.ops, "use_blis", True) for m in models for node in m.walk())
