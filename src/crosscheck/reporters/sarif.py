"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

One run; every rule that fired (plus any known from the rule catalogue) in
`tool.driver.rules` with its summary and rationale as help text; one result
per finding, located at its primary claim (the claim in a changed document,
else the first), with the other claims as related locations.  The finding's
fingerprint becomes a partial fingerprint, so dashboards track it across runs.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, TextIO
from urllib.parse import quote as url_quote

from pydantic_core import to_json

from crosscheck.model.report import ClaimRef, Finding, InputProblem, Report
from crosscheck.reporters import RenderOptions, RuleInfo, primary_claim, quote_end
from crosscheck.reporters.escape import sarif_text, strip_control

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/crosscheck/crosscheck"
"""The project's home page when the installed metadata does not say (a source tree run without installing)."""


@cache
def information_uri() -> str:
    """The project's home page, as pyproject's `[project.urls]` gives it to the installed distribution."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("crosscheck-news").get_all("Project-URL") or []
    except PackageNotFoundError:
        return INFORMATION_URI
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "homepage" and url.strip():
            return url.strip()
    return INFORMATION_URI


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    # pydantic's JSON writer: what `json.dumps(..., indent=2, ensure_ascii=False)` writes, ten times as fast
    out.write(to_json(sarif_log(report, options), indent=2).decode("utf-8") + "\n")


def sarif_log(report: Report, options: RenderOptions) -> dict[str, Any]:
    """The SARIF log as a plain dict."""
    rules = _rules(report, options)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "crosscheck",
                "version": options.tool_version,
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
    }
    if report.diagnostics:
        # the input stopped the check: say so as the tool's own notifications, and as results a dashboard shows
        failed = any(p.severity == "error" for p in report.diagnostics)
        run["invocations"] = [{
            "executionSuccessful": not failed,
            "exitCode": 2 if failed else 0,
            "toolExecutionNotifications": [_notification(p) for p in report.diagnostics],
        }]
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [_problem_result(p) for p in report.diagnostics] + [_result(f, index[f.rule], options) for f in report.findings]
    run["properties"] = {"summary": report.summary.model_dump()}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _problem_location(problem: InputProblem) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": url_quote(problem.path, safe="/")},
            "region": {"startLine": problem.line, "startColumn": problem.column},
        }
    }


def _notification(problem: InputProblem) -> dict[str, Any]:
    return {
        "level": LEVEL[problem.severity],
        "message": {"text": _text(problem.message)},
        "descriptor": {"id": problem.code},
        "locations": [_problem_location(problem)],
    }


def _problem_result(problem: InputProblem) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f"input/{problem.code}",
        "level": LEVEL[problem.severity],
        "message": {"text": _text(problem.message)},
        "locations": [_problem_location(problem)],
    }
    if problem.json_path:
        result["properties"] = {"jsonPath": problem.json_path}
    return result


def _rules(report: Report, options: RenderOptions) -> list[dict[str, Any]]:
    by_id: dict[str, RuleInfo] = dict(options.rules)
    for finding in report.findings:
        if finding.rule not in by_id:
            by_id[finding.rule] = RuleInfo(id=finding.rule, name=finding.rule_name, severity=finding.severity)
    return [_rule(by_id[rule_id]) for rule_id in sorted(by_id)]


def _rule(info: RuleInfo) -> dict[str, Any]:
    summary = info.summary or info.name or info.id
    help_text = "\n\n".join(part for part in (info.summary, info.rationale) if part) or summary
    rule: dict[str, Any] = {
        "id": info.id,
        "shortDescription": {"text": _text(summary)},
        "fullDescription": {"text": _text(info.rationale or summary)},
        "help": {"text": _text(help_text)},
    }
    if info.name:
        rule["name"] = info.name
    if info.severity:
        rule["defaultConfiguration"] = {"level": LEVEL.get(info.severity, "warning")}
    return rule


def _text(text: str) -> str:
    return sarif_text(text)


def _result(finding: Finding, rule_index: int, options: RenderOptions) -> dict[str, Any]:
    primary = primary_claim(finding, options.focus)
    others = [c for c in finding.claims if c is not primary]
    message = finding.message + ("\n" + finding.explanation if finding.explanation else "")
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": _text(message)},
        "partialFingerprints": {"crosscheckFinding/v2": finding.fingerprint},  # v2: one finding per fact, by its positions
        "properties": {"subject": finding.subject, "property": finding.property, "scope": finding.scope},
    }
    if primary is not None:
        result["locations"] = [_location(primary, f"{primary.claim}: {primary.value}")]
    if others:
        result["relatedLocations"] = [
            {**_location(claim, _reading(claim.value, claim.normalized), escaped=True), "id": i} for i, claim in enumerate(others, 1)
        ]
    return result


@cache
def _uri(document: str) -> str:
    """A document's path as a URI reference (asked once per document, not once per claim)."""
    return url_quote(document, safe="/")


@lru_cache(maxsize=4096)
def _reading(value: str, normalized: str) -> str:
    """A related location's message, escaped: the claims of one position share it."""
    return _text(f"{value} ({normalized})")


def _location(claim: ClaimRef, message: str, *, escaped: bool = False) -> dict[str, Any]:
    quote = claim.quote
    end_line, end_column = (claim.line, claim.column + len(quote)) if "\n" not in quote else quote_end(claim)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(claim.document)},
            "region": {
                "startLine": claim.line,
                "startColumn": claim.column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": strip_control(quote)},
            },
        },
        "message": {"text": message if escaped else _text(message)},
    }
