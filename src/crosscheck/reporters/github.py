"""`--format github`: GitHub Actions workflow-command annotations.

One `::error|warning|notice file=…,line=…,col=…,title=…::message` line per
finding, at its primary claim, then a plain summary line.  Property values and
the message are %-encoded as the runner expects, so article text can neither
end the command nor start another one.
"""

from __future__ import annotations

from typing import TextIO

from crosscheck.model.report import Finding, InputProblem, Report
from crosscheck.reporters import RenderOptions, key_label, primary_claim, quote_end, rule_label, summary_parts
from crosscheck.reporters.escape import github_data, github_property

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    for problem in report.diagnostics:
        out.write(problem_annotation(problem) + "\n")
    for finding in report.findings:
        out.write(annotation(finding, options) + "\n")
    out.write("crosscheck: " + " · ".join(summary_parts(report)) + _stopped(report) + "\n")


def _stopped(report: Report) -> str:
    errors = sum(1 for p in report.diagnostics if p.severity == "error")
    return f" · {errors} input problem{'s' * (errors != 1)}" if errors else ""


def problem_annotation(problem: InputProblem) -> str:
    """The workflow command for one input problem, at its place in the input file."""
    props = [f"file={github_property(problem.path)}", f"line={problem.line}", f"col={problem.column}",
             f"title={github_property(f'crosscheck {problem.code}')}"]
    return f"::{COMMAND[problem.severity]} {','.join(props)}::{github_data(problem.message)}"


def annotation(finding: Finding, options: RenderOptions) -> str:
    """The workflow command for one finding."""
    primary = primary_claim(finding, options.focus)
    props = []
    if primary is not None:
        end_line, end_column = quote_end(primary)
        props += [f"file={github_property(primary.document)}", f"line={primary.line}", f"col={primary.column}",
                  f"endLine={end_line}", f"endColumn={max(end_column - 1, primary.column)}"]  # GitHub's end column is the last one
    props.append(f"title={github_property(f'{rule_label(finding)}: {key_label(finding)}')}")
    lines = [finding.message]
    if finding.explanation:
        lines.append(finding.explanation)
    for claim in finding.claims:
        lines.append(f"- {claim.document}:{claim.line}: {claim.value!s} ({claim.normalized})")
    return f"::{COMMAND[finding.severity]} {','.join(props)}::{github_data(chr(10).join(lines))}"
