"""Accepted discrepancies recorded by fingerprint: `crosscheck baseline` writes them, `--baseline` hides them.

A fingerprint stays the same when lines move, unrelated claims change, another
article joins a position or the check runs from another folder (it names the rule,
the fact and the positions' readings, never a path), so a baseline survives edits
elsewhere and matches from any working directory.  The paths an entry lists for
people reading it are relative to the project root (the config file's folder, else
the baseline's), so the file is the same whichever folder wrote it.  An entry that no longer matches any finding
is stale: it is reported as an info finding (CC900 baseline.stale) so the file
gets cleaned up rather than silently hiding a future finding.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from crosscheck.errors import CrosscheckError, Diagnostic, json_path
from crosscheck.gate import with_findings
from crosscheck.model.base import Frozen
from crosscheck.model.report import Finding, Report

STALE_RULE = "CC900"
STALE_NAME = "baseline.stale"


class BaselineEntry(Frozen):
    """One accepted finding; the fields besides the fingerprint are for people reading the file."""

    fingerprint: str
    rule: str
    subject: str
    property: str
    scope: str | None = None
    message: str
    readings: list[str] = []
    """The readings of the positions accepted."""
    documents: list[str] = []
    """The documents stating them, relative to the project root."""


class Baseline(Frozen):
    """The baseline file."""

    version: Literal[1] = 1
    entries: list[BaselineEntry] = []


def from_report(report: Report, root: Path | None = None) -> Baseline:
    """A baseline accepting every finding of `report` (stale-entry findings excluded), sorted by fingerprint.

    `root`: the folder the entries' document paths are written relative to (default: as the report has them).
    """
    entries = {}
    for f in report.findings:
        if f.rule == STALE_RULE:
            continue
        paths = {d: _relative(d, root) for p in f.positions for d in p.documents}
        message = f.message
        for shown, relative in sorted(paths.items(), key=lambda kv: -len(kv[0])):  # the longest first: no path is part of another's
            message = message.replace(shown, relative)
        entries[f.fingerprint] = BaselineEntry(
            fingerprint=f.fingerprint, rule=f.rule, subject=f.subject, property=f.property, scope=f.scope, message=message,
            readings=[p.reading for p in f.positions], documents=sorted(set(paths.values())),
        )
    return Baseline(entries=[entries[k] for k in sorted(entries)])


def _relative(document: str, root: Path | None) -> str:
    if root is None:
        return document
    try:
        return Path(document).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # outside the project: as the report names it
        return document


def dumps(baseline: Baseline) -> str:
    """The file's text: stable, one entry per block, ready for review in a diff."""
    return json.dumps(baseline.model_dump(), indent=2, ensure_ascii=False) + "\n"


def load(path: str | Path) -> Baseline:
    """Read a baseline file; a missing or malformed file is an input error with its position."""
    path = Path(path)
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CrosscheckError(Diagnostic(
            shown, 1, 1, "baseline-missing", "no such baseline file (create it with `crosscheck baseline -o FILE`)"
        )) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CrosscheckError(Diagnostic(shown, 1, 1, "baseline-read", f"cannot read the baseline ({exc})")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CrosscheckError(Diagnostic(shown, exc.lineno, exc.colno, "baseline-syntax", f"invalid JSON: {exc.msg}")) from None
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        raise CrosscheckError(
            [
                Diagnostic(shown, 1, 1, "baseline-invalid", f"{e['msg']} (expected a file written by `crosscheck baseline`)",
                           json_path=json_path(e["loc"]))
                for e in exc.errors()
            ]
        ) from None


def apply(report: Report, baseline: Baseline, source: str) -> Report:
    """Hide findings in the baseline (counted as waived); add an info finding per stale entry."""
    accepted = {e.fingerprint for e in baseline.entries}
    kept = [f for f in report.findings if f.fingerprint not in accepted]
    present = {f.fingerprint for f in report.findings}
    stale = [_stale_finding(e, source) for e in baseline.entries if e.fingerprint not in present]
    return with_findings(report, kept + stale, waived=len(report.findings) - len(kept))


def _stale_finding(entry: BaselineEntry, source: str) -> Finding:
    return Finding(
        fingerprint=hashlib.sha256(f"{STALE_RULE}\0{entry.fingerprint}".encode()).hexdigest()[:16],
        rule=STALE_RULE,
        rule_name=STALE_NAME,
        severity="info",
        subject=entry.subject,
        property=entry.property,
        scope=entry.scope,
        message=f"baseline entry {entry.fingerprint} ({entry.rule}) no longer matches any finding",
        explanation=(
            f"{source} accepts '{entry.message}', which is no longer reported (fixed, or its claims changed). "
            "Regenerate the baseline with `crosscheck baseline -o FILE` or delete the entry."
        ),
        claims=[],
    )
