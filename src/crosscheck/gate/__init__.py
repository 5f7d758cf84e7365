"""The CI gate: inline waivers, the `--changed` filter, recounting, and the exit status.

These run after the engine, on its Report: the comparison always covers the
whole corpus, and only what is shown (and what fails the build) is narrowed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Protocol

from crosscheck.errors import EXIT_FINDINGS, EXIT_OK, CrosscheckError, Diagnostic

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


def changed_documents(documents: Iterable[Placed], changed: Iterable[str | Path]) -> frozenset[str]:
    """Ids of the documents whose article or claims file is among `changed` (other files are ignored)."""
    wanted = {Path(p).resolve() for p in changed}
    ids = set()
    for document in documents:
        files = {document.article_path.resolve()}
        if document.claims_path is not None:
            files.add(document.claims_path.resolve())
        if files & wanted:
            ids.add(document.id)
    return frozenset(ids)


def only_changed(report: Report, documents: frozenset[str]) -> Report:
    """Keep only findings with a claim in one of `documents`; counts follow, waived stays."""
    kept = [f for f in report.findings if any(c.document in documents for c in f.claims)]
    return with_findings(report, kept)


def git_changed_files(since: str, cwd: Path | None = None) -> list[Path]:
    """Files changed since `since` (committed or not, plus untracked ones), as existing paths."""

    import subprocess

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise CrosscheckError(Diagnostic("crosscheck", 1, 1, "usage", "--since needs git, which is not installed")) from None
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["git failed"])[-1]
            raise CrosscheckError(Diagnostic("crosscheck", 1, 1, "usage", f"--since {since}: {detail}"))
        return done.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    names = git("diff", "--name-only", "--diff-filter=ACMR", since, "--").splitlines()
    names += git("ls-files", "--others", "--exclude-standard", "--full-name").splitlines()
    return sorted({top / n for n in names if n and (top / n).is_file()})
