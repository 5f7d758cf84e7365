"""`--format json`: the Report itself, conforming to `schemas/report.schema.json`.

Text stays verbatim (JSON string escaping makes it inert); consumers that
display it must escape it for their own target.
"""

from __future__ import annotations

from typing import TextIO

from crosscheck.report import Report
from crosscheck.reporters import RenderOptions


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    out.write(report.model_dump_json(indent=2))  # a large report is written once, not copied to add the newline
    out.write("\n")
