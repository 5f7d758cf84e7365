"""Figures that are not finite numbers and file names with a NUL byte are located schema errors, never internal ones (issue 19)."""

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


@pytest.mark.parametrize("amount", [".inf", "-.inf", "1e309", ".nan", "1" + "0" * 400])
def test_an_amount_that_is_not_a_finite_number_is_refused(corpus, run_cli, amount):
    result = validate(corpus, run_cli, HEAD + CLAIM.format(value=f"{{kind: quantity, amount: {amount}, unit: person}}"))
    assert result.code == 2 and "internal error" not in result.err
    assert "schema: expected a finite number" in result.out or "found NaN" in result.out


def test_a_nul_byte_in_the_article_path_is_a_located_error(corpus, run_cli):
    result = validate(corpus, run_cli, HEAD.replace("a.txt", '"a\\0.txt"') + CLAIM.format(value="{kind: quantity, amount: 5, unit: person}"))
    assert result.code == 2 and "internal error" not in result.err
    assert "a.claims.yaml:3:12: schema: expected a file name, found one with a NUL byte" in result.out
