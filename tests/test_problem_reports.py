"""Invalid input still gives a report in the machine formats: the problems, where they are, and exit status 2."""

from __future__ import annotations

import json

import pytest

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use

PROBLEM = ("news/b.claims.yaml:8:15: unknown-property: unknown property 'partner-company' "
           "(expected a property id from the registry; did you mean 'partner-companies'?) [at $.claims[0].property]")


@pytest.fixture
def broken(corpus):
    claims = corpus / "b.claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("property: partner-companies", "property: partner-company"), encoding="utf-8")
    return corpus


def test_sarif_to_a_file_is_written_with_the_problems_as_notifications_and_results(broken, run_cli, tmp_path):
    result = run_cli("check", "news", "-f", "sarif", "-o", "x.sarif")
    assert result.code == 2 and result.err.strip() == PROBLEM
    run = json.loads((tmp_path / "x.sarif").read_text(encoding="utf-8"))["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["descriptor"]["id"] == "unknown-property"
    location = {"artifactLocation": {"uri": "news/b.claims.yaml"}, "region": {"startLine": 8, "startColumn": 15}}
    assert notification["locations"][0]["physicalLocation"] == location
    [shown] = run["results"]
    assert (shown["ruleId"], shown["level"], shown["locations"][0]["physicalLocation"]) == ("input/unknown-property", "error", location)


def test_github_prints_an_error_annotation_per_problem(broken, run_cli):
    result = run_cli("check", "news", "-f", "github")
    assert result.code == 2
    assert result.out.splitlines()[0] == (
        "::error file=news/b.claims.yaml,line=8,col=15,title=crosscheck unknown-property::unknown property 'partner-company' "
        "(expected a property id from the registry; did you mean 'partner-companies'?)"
    )


def test_json_lists_the_problems(broken, run_cli):
    result = run_cli("check", "news", "-f", "json")
    assert result.code == 2
    report = json.loads(result.out)
    assert report["findings"] == []
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]] == [("news/b.claims.yaml", 8, 15, "unknown-property")]


def test_a_report_of_a_check_that_ran_has_no_diagnostics_key(corpus, run_cli):
    assert "diagnostics" not in json.loads(run_cli("check", "news", "-f", "json").out)


def test_validate_writes_the_problems_in_the_format_asked(broken, run_cli):
    result = run_cli("validate", "news", "-f", "json")
    assert result.code == 2
    assert [d["code"] for d in json.loads(result.out)["diagnostics"]] == ["unknown-property"]
    assert run_cli("validate", "news", "--format", "github").out.startswith("::error file=news/b.claims.yaml,line=8,col=15,")


def test_validate_refuses_a_format_that_cannot_show_problems(corpus, run_cli):
    result = run_cli("validate", "news", "-f", "markdown")
    assert result.code == 2 and "--format: expected text or one of" in result.err
