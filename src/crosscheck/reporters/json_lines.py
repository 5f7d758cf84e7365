"""`--format json-lines`: one JSON object per line, for streaming consumers (`jq -c`, log shippers).

Each input problem is a line shaped as `InputProblem`, then each finding a line shaped as
`Finding` (both in `schemas/report.schema.json`); no summary line, so every line is one item.
"""

from __future__ import annotations

from typing import TextIO

from crosscheck.model.report import Report
from crosscheck.reporters import RenderOptions


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    for problem in report.diagnostics:
        out.write(problem.model_dump_json() + "\n")
    for finding in report.findings:
        out.write(finding.model_dump_json() + "\n")
