"""The formats for editors and CI systems: concise, json-lines, junit, gitlab; end positions in SARIF and annotations."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


def check(run_cli, fmt: str, *args: str):
    result = run_cli("check", "news", "-f", fmt, *args)
    assert result.code == 1, result.err
    return result.out


def test_concise_is_one_located_line_per_finding(corpus, run_cli):
    assert check(run_cli, "concise").splitlines() == [
        "news/a.txt:1:37: CC101 'nearly 600' (news/a.txt) and '600+' (news/b.txt) cannot both hold for harbour-institute partner-companies"
    ]


def test_json_lines_is_one_finding_object_per_line(corpus, run_cli):
    [line] = check(run_cli, "json-lines").splitlines()
    finding = json.loads(line)
    assert (finding["rule"], [c["document"] for c in finding["claims"]]) == ("CC101", ["news/a.txt", "news/b.txt"])


def test_junit_has_a_failed_case_per_error_finding(corpus, run_cli):
    root = ET.fromstring(check(run_cli, "junit"))
    suite = root.find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "1", "0")
    [case] = suite.findall("testcase")
    assert case.get("classname") == "news/a.txt" and case.find("failure").get("type") == "CC101"


def test_junit_of_agreeing_articles_is_one_passing_case(corpus, run_cli):
    write_article(corpus, "b", "nearly 600", 600, "nearly")
    result = run_cli("check", "news", "-f", "junit")
    suite = ET.fromstring(result.out).find("testsuite")
    assert result.code == 0 and suite is not None and (suite.get("tests"), suite.get("failures")) == ("1", "0")


def test_gitlab_is_a_code_quality_report(corpus, run_cli):
    [issue] = json.loads(check(run_cli, "gitlab"))
    assert issue["check_name"] == "CC101" and issue["severity"] == "major" and len(issue["fingerprint"]) >= 16
    assert issue["location"] == {"path": "news/a.txt", "lines": {"begin": 1, "end": 1}}


def test_sarif_and_github_give_where_the_quote_ends(corpus, run_cli):
    region = json.loads(check(run_cli, "sarif"))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    quote = "now works with nearly 600 companies"
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 37, 1, 37 + len(quote))
    assert check(run_cli, "github").startswith(f"::error file=news/a.txt,line=1,col=37,endLine=1,endColumn={37 + len(quote) - 1},")


def test_every_new_format_carries_input_problems(corpus, run_cli):
    (corpus / "b.claims.yaml").write_text("version: 1\ndocument: [\n", encoding="utf-8")
    for fmt in ("concise", "json-lines", "junit", "gitlab"):
        result = run_cli("check", "news", "-f", fmt)
        assert result.code == 2 and "news/b.claims.yaml" in result.out, fmt
    assert run_cli("check", "news", "-f", "concise").out.startswith("news/b.claims.yaml:3:1: yaml-syntax invalid YAML")


def test_sarif_names_the_home_page_pyproject_gives():
    import tomllib
    from pathlib import Path

    from crosscheck.reporters.sarif import information_uri

    ROOT = Path(__file__).resolve().parents[1]

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert information_uri() == urls["Homepage"]
