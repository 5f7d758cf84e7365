"""`--format junit`: JUnit XML, which every CI system shows as a test report.

One test suite, `crosscheck`; one failed test case per finding (class name: the document
of its primary claim; name: rule and key), one test case with an error per input problem,
and a single passing test case when there is nothing to report, so the suite is never empty.
Only findings of severity error count as failures: warnings and info are test cases with
their message in `system-out`, passing, as the default `--fail-on error` treats them.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from crosscheck.model.report import Report
from crosscheck.reporters import RenderOptions, key_label, primary_claim, rule_label
from crosscheck.reporters.escape import strip_control


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    suite = ET.Element("testsuite", name="crosscheck")
    failures = errors = 0
    for problem in report.diagnostics:
        case = ET.SubElement(suite, "testcase", classname=_text(problem.path), name=_text(f"input {problem.code}"))
        where = f"{problem.path}:{problem.line}:{problem.column}"
        if problem.severity == "error":
            errors += 1
            ET.SubElement(case, "error", message=_text(problem.message), type=problem.code).text = _text(f"{where}: {problem.message}")
        else:
            ET.SubElement(case, "system-out").text = _text(f"{where}: {problem.message}")
    for finding in report.findings:
        primary = primary_claim(finding, options.focus)
        document = primary.document if primary is not None else "crosscheck"
        case = ET.SubElement(suite, "testcase", classname=_text(document), name=_text(f"{rule_label(finding)}: {key_label(finding)}"))
        lines = [
            finding.message,
            finding.explanation,
            *(f"{c.document}:{c.line}:{c.column}: {c.value} ({c.normalized})" for c in finding.claims),
        ]
        body = _text("\n".join(line for line in lines if line))
        if finding.severity == "error":
            failures += 1
            ET.SubElement(case, "failure", message=_text(finding.message), type=finding.rule).text = body
        else:
            ET.SubElement(case, "system-out").text = body
    if not len(suite):
        ET.SubElement(suite, "testcase", classname="crosscheck", name="the articles agree")
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites", name="crosscheck", tests=suite.get("tests", "0"), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _text(text: str) -> str:
    """Text XML 1.0 can hold: control characters (which no escaping admits) removed."""
    return strip_control(text)
