"""`--format concise`: one line per finding, `path:line:col: CODE message`, for editors and grep.

The finding is placed at its primary claim (in a changed document, else the first); input
problems come first, as `path:line:col: code message`.  No summary line: every line is a
location an editor's problem matcher can jump to.
"""

from __future__ import annotations

from typing import TextIO

from crosscheck.model.report import Report
from crosscheck.reporters import RenderOptions, primary_claim
from crosscheck.reporters.escape import strip_control


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    for problem in report.diagnostics:
        out.write(f"{problem.path}:{problem.line}:{problem.column}: {problem.code} {_line(problem.message)}\n")
    for finding in report.findings:
        primary = primary_claim(finding, options.focus)
        where = f"{primary.document}:{primary.line}:{primary.column}" if primary is not None else "crosscheck:1:1"
        out.write(f"{where}: {finding.rule} {_line(finding.message)}\n")


def _line(text: str) -> str:
    return strip_control(text, keep_newlines=False)
