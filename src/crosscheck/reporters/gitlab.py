"""`--format gitlab`: a GitLab Code Quality report (a JSON array of issues), for merge request widgets.

Each finding is an issue at its primary claim, with the finding's fingerprint (so GitLab
tracks it between pipelines); each input problem is an issue at its place in the input file.
Severities: error -> major, warning -> minor, info -> info.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from crosscheck.model.report import InputProblem, Report
from crosscheck.reporters import RenderOptions, key_label, primary_claim, quote_end, rule_label
from crosscheck.reporters.escape import strip_control

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    issues = [_problem(p) for p in report.diagnostics]
    for finding in report.findings:
        primary = primary_claim(finding, options.focus)
        issue: dict[str, Any] = {
            "description": strip_control(f"{rule_label(finding)}: {finding.message}", keep_newlines=False),
            "check_name": finding.rule,
            "fingerprint": finding.fingerprint,
            "severity": SEVERITY[finding.severity],
            "categories": ["Bug Risk"],
            "content": {"body": strip_control(f"{key_label(finding)}\n\n{finding.explanation}")},
        }
        if primary is not None:
            end_line, _ = quote_end(primary)
            issue["location"] = {"path": primary.document, "lines": {"begin": primary.line, "end": end_line}}
        issues.append(issue)
    out.write(json.dumps(issues, indent=2, ensure_ascii=False) + "\n")


def _problem(problem: InputProblem) -> dict[str, Any]:
    identity = f"{problem.path}\0{problem.line}\0{problem.column}\0{problem.code}\0{problem.message}"
    return {
        "description": strip_control(problem.message, keep_newlines=False),
        "check_name": f"input/{problem.code}",
        "fingerprint": hashlib.sha256(identity.encode()).hexdigest()[:32],
        "severity": "blocker" if problem.severity == "error" else SEVERITY[problem.severity],
        "categories": ["Bug Risk"],
        "location": {"path": problem.path, "lines": {"begin": problem.line}},
    }
