"""A waiver that cannot waive (an unknown rule) or that gives no reason is a located error, exit 2."""

from __future__ import annotations

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


def test_a_waiver_naming_an_unknown_rule_is_located_at_its_rule(corpus, run_cli):
    write_article(corpus, "b", "600+", 600, "at_least", waive="    waive: {rule: CC11, reason: wire copy rounds up}\n")
    result = run_cli("check", "news")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == (
        "news/b.claims.yaml:12:19: unknown-rule: the waiver names rule 'CC11', which does not exist "
        "(expected a rule id from `crosscheck rules`; did you mean 'CC101'?) [at $.claims[0].waive.rule]"
    )


def test_a_waiver_with_a_blank_reason_is_located_at_its_reason(corpus, run_cli):
    write_article(corpus, "b", "600+", 600, "at_least", waive="    waive: {rule: CC101, reason: '    '}\n")
    result = run_cli("validate", "news")
    assert result.code == 2
    assert result.out.splitlines() == [
        "news/b.claims.yaml:12:34: schema: a waiver needs a reason (expected why the discrepancy is accepted, found only spaces)"
        " [at $.claims[0].waive.reason]"
    ]
