"""docs/annotating.md cannot rot: every file it shows is written out and validated, every value
kind has its example, and the validate output it shows is what validate prints."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT

DOC = (ROOT / "docs" / "annotating.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"<!-- (file|output of): (?P<name>[^>]+?) -->\n```[a-z]*\n(?P<body>.*?)```\n", re.S)
FILES = {m["name"]: m["body"] for m in BLOCK.finditer(DOC) if m[1] == "file"}
OUTPUTS = {m["name"]: m["body"] for m in BLOCK.finditer(DOC) if m[1] == "output of"}
EXAMPLES = sorted(name for name in FILES if name.endswith(".claims.yaml") and name != "mistakes.claims.yaml")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    for name, body in FILES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_yaml_block_of_the_doc_is_a_file_the_tests_write():
    assert DOC.count("```yaml") == sum(name.endswith(".yaml") for name in FILES)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_claims_file_is_valid(corpus, run_cli, name):
    result = run_cli("validate", name)
    assert result.code == 0, result.out + result.err


def test_the_examples_together_are_a_corpus_that_checks(corpus, run_cli):
    (corpus / "mistakes.claims.yaml").unlink()
    result = run_cli("validate", ".")
    assert result.code == 0, result.out + result.err


def test_every_value_kind_has_an_example():
    from crosscheck.model.values import VALUE_KINDS

    shown = {claim["value"]["kind"] for name in EXAMPLES for claim in yaml.safe_load(FILES[name])["claims"]}
    assert shown == set(VALUE_KINDS)
    assert any("currency" in claim["value"] for name in EXAMPLES for claim in yaml.safe_load(FILES[name])["claims"])


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_the_output_the_doc_shows_is_what_crosscheck_prints(corpus, run_cli, command):
    result = run_cli(*command.split()[1:])
    assert result.out == OUTPUTS[command]


def test_the_doc_names_the_published_schemas():
    from crosscheck.schemas import schema_url

    assert f"$schema={schema_url('registry')}" in FILES["registry.yaml"]
    assert f"$schema={schema_url('claims')}" in FILES["quantity.claims.yaml"]
