"""The line of each claim in its claims file, for the claims a report names.

A reviewer told "the claim with id: toll-march-29" wants to land on it: every report format
links or prints `file.claims.yaml:42`.  The lines are found after the check, only for the claims
files a finding names, by one scan of each file for its `id:` keys (claim ids are plain words, see
`CLAIM_ID_PATTERN`), so the check itself, its caches and the fingerprints never depend on them.
"""

from __future__ import annotations

import re
from pathlib import Path

from crosscheck.model.report import ClaimRef, Finding, Report

_ID_KEY = re.compile(r"""(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)id:[ \t]*(["']?)([A-Za-z0-9][A-Za-z0-9_.-]*)\1[ \t]*(?=[,}#\n]|$)""",
                     re.MULTILINE)
"""`- id: x`, `  id: 'x'` or `{id: x, ...}`: a claim's id key (a waiver or a value has no `id`)."""


def claim_lines(text: str) -> dict[str, int]:
    """Each claim id of a claims file's `text` -> the 1-based line of its `id:` key (the first, if repeated)."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _ID_KEY.finditer(text):
        line += text.count("\n", counted, match.start(2))
        counted = match.start(2)
        lines.setdefault(match.group(2), line)
    return lines


def with_claim_lines(report: Report, base: Path | None = None) -> Report:
    """`report` with `claims_line` set on every claim from a claims file (each file read once).

    Paths are as the report prints them (relative to `base`, the working directory by default).
    A file that cannot be read leaves its claims without a line: the report stays true, only less precise.
    """
    base = base or Path.cwd()
    files: dict[str, dict[str, int]] = {}
    built: dict[int, ClaimRef] = {}  # the engine shares one ref per claim across findings: keep that

    def located(ref: ClaimRef) -> ClaimRef:
        if ref.claims_file is None or ref.claims_line is not None:
            return ref
        done = built.get(id(ref))
        if done is None:
            lines = files.get(ref.claims_file)
            if lines is None:
                try:
                    text = (base / ref.claims_file).read_text(encoding="utf-8", errors="replace")
                except (OSError, ValueError):
                    text = ""
                lines = files[ref.claims_file] = claim_lines(text)
            line = lines.get(ref.claim)
            done = built[id(ref)] = ref if line is None else ref.model_copy(update={"claims_line": line})
        return done

    findings: list[Finding] = []
    changed = False
    for finding in report.findings:
        claims = [located(ref) for ref in finding.claims]
        if any(new is not old for new, old in zip(claims, finding.claims)):
            changed = True
            finding = finding.model_copy(update={"claims": claims})
        findings.append(finding)
    return report.model_copy(update={"findings": findings}) if changed else report
