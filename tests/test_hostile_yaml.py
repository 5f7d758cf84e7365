"""Values YAML cannot build, figures that are not finite and a NUL byte in a file name are located errors (exit 2), never internal ones; duplicate keys and scalar aliases are refused (issue 19)."""

from __future__ import annotations

import pytest

HEAD = "version: 1\ndocument:\n  article: a.txt\n"
CLAIM = """claims:
  - id: c1
    subject: acme
    property: hires
    text: 5 people
    quote: 5 people were hired
    value: {value}
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Acme said 5 people were hired.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(corpus, run_cli, text):
    (corpus / "a.claims.yaml").write_text(text, encoding="utf-8")
    return run_cli("validate", ".")


@pytest.mark.parametrize("text, where, message", [
    (HEAD + "  title: 0000-00-00\n" + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"), "4:10", "not a calendar date"),
    (HEAD + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}") + "    note: 2024-02-30\n", "11:11", "not a calendar date"),
    (HEAD + "  title: !!timestamp x\n" + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"), "4:10", "not a calendar date"),
    (HEAD + CLAIM.format(value="{kind: quantity, amount: " + "9" * 5000 + ", unit: person}"), "10:37", "integer of 5000 digits"),
], ids=["year-0", "feb-30", "timestamp-tag", "huge-int"])
def test_a_value_yaml_cannot_build_is_a_located_error(corpus, run_cli, text, where, message):
    result = validate(corpus, run_cli, text)
    assert result.code == 2 and "internal error" not in result.err
    assert f"a.claims.yaml:{where}: yaml-value: invalid YAML: {message}" in result.out


def test_a_duplicate_key_is_located_at_its_second_occurrence(corpus, run_cli):
    result = validate(corpus, run_cli, HEAD + "  title: x\n  title: y\n" + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"))
    assert result.code == 2
    assert ("a.claims.yaml:5:3: duplicate-key: key 'title' given twice (first given on line 4; a YAML reader keeps only the last)"
            in result.out)


def test_a_scalar_anchor_and_alias_are_refused_as_the_message_says(corpus, run_cli):
    result = validate(corpus, run_cli, HEAD + "  title: &t x\n  publisher: *t\n" + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"))
    assert result.code == 2 and "a.claims.yaml:4:10: yaml-alias:" in result.out


def test_a_block_scalar_is_not_taken_for_an_anchor(corpus, run_cli):
    text = HEAD + "  title: >-\n    A & B *said*\n" + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}")
    assert validate(corpus, run_cli, text).code == 0


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}")])
def test_deep_flow_nesting_is_refused_quickly(corpus, run_cli, opening, closing):
    import time

    depth = 50_000
    started = time.monotonic()
    result = validate(corpus, run_cli, HEAD + "  title: " + opening * depth + "1" + closing * depth + "\n")
    assert time.monotonic() - started < 3
    assert result.code == 2 and "exceeded maximum nesting depth" in result.out


def test_moderate_nesting_still_takes_the_fast_path():
    from crosscheck.load import read as loading

    assert loading._parse_fast("a: [[[[1]]], {b: {c: [2]}}]\n") == {"a": [[[[1]]], {"b": {"c": [2]}}]}


@pytest.mark.parametrize("amount", [".inf", "-.inf", "1e309", ".nan", "1" + "0" * 400])
def test_an_amount_that_is_not_a_finite_number_is_refused(corpus, run_cli, amount):
    result = validate(corpus, run_cli, HEAD + CLAIM.format(value=f"{{kind: quantity, amount: {amount}, unit: person}}"))
    assert result.code == 2 and "internal error" not in result.err
    assert "schema: expected a finite number" in result.out or "found NaN" in result.out


def test_a_nul_byte_in_the_article_path_is_a_located_error(corpus, run_cli):
    result = validate(corpus, run_cli, HEAD.replace("a.txt", '"a\\0.txt"') + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"))
    assert result.code == 2 and "internal error" not in result.err
    assert "a.claims.yaml:3:12: schema: expected a file name, found one with a NUL byte" in result.out
