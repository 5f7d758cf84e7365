"""The CI gate: what is shown and what fails the build, decided after the engine, on its Report.

The comparison always covers the whole corpus (inline waivers apply there); here
only what is shown is narrowed: the baseline (`gate.baseline`), the `--changed` /
`--since` filter (`gate.changed`), and the exit status from `--fail-on`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from crosscheck.errors import EXIT_FINDINGS, EXIT_OK, CrosscheckError

if TYPE_CHECKING:  # the CLI reads FAIL_ON to build its parser before any model is needed
    from crosscheck.model.report import Finding, Report

FAIL_ON = ("error", "warning", "info", "never")


class Placed(Protocol):
    """A checked document's files: a loaded `Document`, or one recorded with a reused report."""

    @property
    def id(self) -> str: ...
    @property
    def article_path(self) -> Path: ...
    @property
    def claims_path(self) -> Path | None: ...


def exit_status(report: Report, fail_on: str) -> int:
    """0 when no finding is at or above `fail_on` (error > warning > info; `never` always passes), else 1."""
    if fail_on not in FAIL_ON:
        raise CrosscheckError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, found {fail_on!r}")
    if fail_on == "never":
        return EXIT_OK
    from crosscheck.model.report import severity_rank

    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) <= threshold for f in report.findings) else EXIT_OK


def with_findings(report: Report, findings: list[Finding], *, waived: int = 0) -> Report:
    """The report with `findings` in place of its own, counts recomputed, `waived` more findings waived."""
    from crosscheck.model.report import Summary

    s = report.summary
    counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in ("error", "warning", "info")}
    summary = Summary(documents=s.documents, claims=s.claims, drafted=s.drafted, waived=s.waived + waived, **counts)
    return report.model_copy(update={"summary": summary, "findings": findings})


def focused(report: Report, documents: frozenset[str]) -> Report:
    """The report seen from the changed `documents`: each finding leads with their positions and says
    "this article says X; the corpus says Y (N articles)" (`Finding.view`).

    A finding whose every position a changed document states is left as it is: it has no corpus side.
    """
    if not documents:
        return report
    return report.model_copy(update={"findings": [_focused(finding, documents) for finding in report.findings]})


def _focused(finding: Finding, documents: frozenset[str]) -> Finding:
    positions = finding.positions
    mine = [i for i, p in enumerate(positions) if any(d in documents for d in p.documents)]
    theirs = [i for i in range(len(positions)) if i not in mine]
    if not mine or not theirs:
        return finding
    order = mine + theirs
    renumber = {old: new for new, old in enumerate(order)}
    conflicts = [c.model_copy(update={"positions": sorted(renumber[i] for i in c.positions)}) for c in finding.conflicts]
    lead = len(mine)
    conflicts.sort(key=lambda c: c.positions[0] >= lead)  # the changed article's clashes first, each kind in its order
    first = conflicts[0]
    changed = sorted({d for i in mine for d in positions[i].documents if d in documents})
    said = "; ".join(f"'{positions[i].value}' ({positions[i].reading})" for i in mine)
    subject = f"this article ({changed[0]})" if len(changed) == 1 else f"the changed articles ({', '.join(changed)})"
    verb = "says" if len(changed) == 1 else "say"
    corpus = []
    for i in theirs:
        count = sum(1 for d in positions[i].documents if d not in documents)
        corpus.append(f"'{positions[i].value}' ({positions[i].reading}; {count} article{'' if count == 1 else 's'})")
    view = f"{subject} {verb} {said}; the corpus says {', '.join(corpus)}"
    return finding.model_copy(update={
        "positions": [positions[i] for i in order], "conflicts": conflicts, "view": view,
        "severity": first.severity if first.positions[0] < lead else finding.severity,
        "message": first.message, "explanation": first.explanation,
    })
