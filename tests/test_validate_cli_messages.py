"""What `crosscheck validate` tells a person annotating by hand (issue 16, "Annotating is documented").

Every problem of a file in one pass, each at its line; messages in the words of the file format,
never the validator's own (no union members in the path, no regular expressions, no class names).
"""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA

VALID = (DATA / "invalid" / "valid.claims.yaml").read_text(encoding="utf-8")
VALUE = "    value: {kind: quantity, amount: 600, approx: nearly, unit: company}\n"
INTERNALS = ("Input should", "valid dictionary", "instance of", "String should", "^[", "$]", ".int]", ".float]",
             ".quantity.", "function-after", "literal[")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    for name in ("registry.yaml", "article.txt"):
        shutil.copy(DATA / "invalid" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(corpus, run_cli, text: str) -> list[str]:
    (corpus / "a.claims.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", "a.claims.yaml")
    assert result.code == 2 and "internal error" not in result.err
    return result.out.splitlines()


@pytest.mark.parametrize("old, new, message", [
    (VALUE, "    value: {kind: quantity, amount: six hundred, approx: nearly, unit: company}\n",
     "11:37: schema: expected a number like 600 or 1.5, found 'six hundred' [at $.claims[0].value.amount]"),
    (VALUE, "    value: {kind: quantity, amount: [600], approx: nearly, unit: company}\n",
     "11:29: schema: expected a number like 600 or 1.5, found a list [at $.claims[0].value.amount]"),
    ("  - id: partners\n", "  - id: the partners\n",
     "6:9: schema: expected an id of letters, digits, '.', '_' and '-' with no spaces (such as partners-2024), "
     "found 'the partners' [at $.claims[0].id]"),
    ("    subject: harbour-institute\n", "    subject: Harbour-Institute\n",
     "7:14: schema: expected an id in lower case (letters, digits, '.', '_' and '-', such as harbour-institute), "
     "found 'Harbour-Institute' [at $.claims[0].subject]"),
    (VALUE, "    value: {kind: quantity, amount: 600, approx: nearly, currency: usd}\n",
     "11:68: schema: expected a three-letter ISO 4217 currency code in capitals (such as USD or EUR), found 'usd' "
     "[at $.claims[0].value.currency]"),
    (VALUE, VALUE + "    scope: 2024\n",
     "12:12: schema: expected a mapping such as {as_of: 2024} or {start: 2021, end: 2025}, found 2024 [at $.claims[0].scope]"),
    (VALUE, VALUE + "    waive: CC101\n",
     "12:12: schema: expected a mapping such as {rule: CC101, reason: why the difference is accepted}, found 'CC101' "
     "[at $.claims[0].waive]"),
    (VALUE, "    value: 600\n",
     "11:12: schema: expected a mapping with a kind and its fields (such as {kind: quantity, amount: 600, unit: company}), "
     "found 600 [at $.claims[0].value]"),
    ("    text: nearly 600\n", "    text: 600\n",
     "9:11: schema: expected text, found the number 600 (put it in quotes: '600') [at $.claims[0].text]"),
    (VALUE, "    value: {kind: rank, position: 1.5}\n",
     "11:35: schema: expected a whole number like 3, found 1.5 [at $.claims[0].value.position]"),
    (VALUE, "    value: {kind: rank, position: 0}\n",
     "11:35: schema: expected at least 1, found 0 [at $.claims[0].value.position]"),
    (VALUE, "    value: {kind: duration, amount: 2, unit: fortnight}\n",
     "11:46: schema: expected one of day, week, month, year, decade, hour, minute, found 'fortnight' "
     "[at $.claims[0].value.unit]"),
    (VALUE, "    value: {kind: percentage, amount: 5, points: maybe}\n",
     "11:50: schema: expected true or false, found 'maybe' [at $.claims[0].value.points]"),
    (VALUE, "    value: {kind: date, relation: on, date: 2024-03}\n",
     "11:35: schema: expected one of on, by, since, before, after, until, within, found true (YAML reads a bare on, off, "
     "yes or no as true or false: put the word in quotes, as 'on') [at $.claims[0].value.relation]"),
], ids=["word-number", "list-number", "claim-id", "registry-id", "currency", "scope", "waiver", "bare-value", "number-as-text",
        "fractional-rank", "rank-zero", "duration-unit", "points", "yaml-boolean"])
def test_a_schema_error_says_what_the_field_takes_in_the_words_of_the_format(corpus, run_cli, old, new, message):
    lines = validate(corpus, run_cli, VALID.replace(old, new, 1))
    assert lines[0] == f"a.claims.yaml:{message}"
    assert not any(fragment in line for line in lines for fragment in INTERNALS), lines


def test_every_problem_of_a_file_is_reported_in_one_pass(corpus, run_cli):
    # a value of the wrong type in the first claim, a quote not in the article and an unknown
    # subject in the second: fixing the first must not be needed to hear of the others
    text = VALID.replace("amount: 600,", "amount: six hundred,").replace(
        "    subject: dana-reyes\n", "    subject: dana-reye\n").replace(
        "'\"We are growing faster than ever,\" said Dana Reyes'", "'\"We are growing faster than ever,\" said Dana'")
    text = text.replace("said Dana'", "said Dana Reyes loudly'")
    lines = validate(corpus, run_cli, text)
    codes = [line.split(": ")[1] for line in lines]
    assert codes == ["schema", "unknown-subject", "quote-not-found"], lines
    assert lines[1].startswith("a.claims.yaml:13:14: unknown-subject:") and "[at $.claims[1].subject]" in lines[1]
    assert lines[2].startswith("a.claims.yaml:16:12: quote-not-found:") and "[at $.claims[1].quote]" in lines[2]


def test_a_file_with_only_a_schema_error_is_not_reported_twice(corpus, run_cli):
    lines = validate(corpus, run_cli, VALID.replace("amount: 600,", "amount: six hundred,"))
    assert len(lines) == 1


@pytest.mark.parametrize("line, column", [
    ("    quote: \"We are growing faster than ever,\" said Dana Reyes\n", 12),
    ("    quote: 'We are growing' faster than ever\n", 12),
])
def test_a_quote_that_starts_with_a_quotation_mark_says_how_to_quote_it(corpus, run_cli, line, column):
    text = VALID.replace("    quote: '\"We are growing faster than ever,\" said Dana Reyes'\n", line)
    lines = validate(corpus, run_cli, text)
    assert lines == [
        f"a.claims.yaml:16:{column}: yaml-syntax: invalid YAML: the value of 'quote' starts with a quotation mark, "
        "so YAML ends it at the closing one and cannot read the rest (wrap the whole value in single quotes, "
        "doubling each ' inside, or use a block scalar: `quote: >-` with the text indented on the next line)"
    ]


def test_a_quoted_value_followed_by_a_comment_is_no_such_case(corpus, run_cli):
    text = VALID.replace("    quote: '\"We are growing faster than ever,\" said Dana Reyes'\n",
                         "    quote: '\"We are growing faster than ever,\" said Dana Reyes'  # checked\n  oops\n")
    lines = validate(corpus, run_cli, text)
    assert len(lines) == 1 and "starts with a quotation mark" not in lines[0]


def _patterns(node):
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


@pytest.mark.parametrize("name", ["claims", "registry", "rules"])
def test_every_pattern_a_file_must_match_has_words_for_a_person(name):
    from crosscheck.load.diagnostics import PATTERN_WORDS
    from crosscheck.schemas import schema_for

    # the partial-date pattern is checked by its own validator, whose message names the forms
    patterns = set(_patterns(schema_for(name))) - {r"^\d{4}(-\d{2}(-\d{2})?)?$"}
    assert patterns <= set(PATTERN_WORDS), patterns - set(PATTERN_WORDS)
