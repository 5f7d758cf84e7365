"""A claim whose value contradicts its own text ("More than 300" annotated as under 250) is a located error."""

from __future__ import annotations

import pytest

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


@pytest.mark.parametrize(("partners", "amount", "approx", "expected"), [
    ("more than 600", 600, "under", ["news/a.claims.yaml:11:50: value-contradicts-text: the text 'more than 600' says approx over, "
                                     "the value says under (expected approx: over) [at $.claims[0].value.approx]"]),
    ("600+", 250, "at_least", ["news/a.claims.yaml:11:37: value-contradicts-text: the text '600+' says 600, "
                               "the value says amount 250 (expected amount: 600) [at $.claims[0].value.amount]"]),
    ("1,200", 1200, "about", ["news/a.claims.yaml:11:51: value-contradicts-text: the text '1,200' says approx exact, "
                              "the value says about (expected approx: exact) [at $.claims[0].value.approx]"]),
], ids=["approximator", "amount", "no-approximator"])
def test_a_value_that_contradicts_its_text_is_located(corpus, run_cli, partners, amount, approx, expected):
    write_article(corpus, "a", partners, amount, approx)
    result = run_cli("validate", "news")
    assert result.code == 2 and result.out.splitlines() == expected
    assert run_cli("check", "news", "-f", "json").code == 2


@pytest.mark.parametrize(("partners", "amount", "approx"), [
    ("nearly 600", 600, "nearly"),
    ("600 or more", 600, "at_least"),
    ("300-odd", 300, "about"),
    ("2.4 million", 2400000, "exact"),  # the amount with its scale applied
    ("600 partners or so", 600, "exact"),  # a qualifier after other words: not read
    ("six hundred", 600, "about"),  # a figure in words: not read
    ("500 to 600", 600, "nearly"),  # two figures: not read
], ids=["nearly", "suffix", "hyphen-suffix", "scaled", "qualifier-elsewhere", "words", "two-figures"])
def test_values_that_agree_or_texts_read_more_than_one_way_pass(corpus, run_cli, partners, amount, approx):
    write_article(corpus, "a", partners, amount, approx)
    result = run_cli("validate", "news")
    assert result.code == 0, result.out
