"""`--format json`: the Report itself, conforming to `schemas/report.schema.json`.

Text stays verbatim (JSON string escaping makes it inert), but controls, bidi overrides and
invisible characters are written as JSON escapes (`escape.json_safe`), so no raw one reaches a
viewer of the file; consumers that display it must escape it for their own target.  The report is written one
finding at a time, byte for byte what `Report.model_dump_json(indent=2)` gives,
so a large report is never held as one string.
"""

from __future__ import annotations

from typing import TextIO

from crosscheck.model.report import Report
from crosscheck.reporters import RenderOptions
from crosscheck.reporters.escape import json_safe

_EMPTY_FINDINGS = '"findings": []\n}'
_BATCH = 500
"""Findings written per call: fewer, larger writes (a call per finding cost 0.5 s of 108k findings)."""


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    head = report.model_copy(update={"findings": []}).model_dump_json(indent=2)
    if not report.findings or not head.endswith(_EMPTY_FINDINGS):  # findings come last in a Report
        out.write(json_safe(report.model_dump_json(indent=2)))
        out.write("\n")
        return
    out.write(json_safe(head[: -len("[]\n}")]) + "[\n    ")
    findings = report.findings
    for start in range(0, len(findings), _BATCH):
        if start:
            out.write(",\n    ")
        # JSON strings hold no raw newline: indenting every line nests a finding one level deeper
        out.write(json_safe(",\n    ".join(f.model_dump_json(indent=2).replace("\n", "\n    ") for f in findings[start : start + _BATCH])))
    out.write("\n  ]\n}\n")
