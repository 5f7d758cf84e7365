"""The line of each claim in its claims file, for the claims a report names.

A reviewer told "the claim with id: toll-march-29" wants to land on it: every report format
links or prints `file.claims.yaml:42`.  The lines are found after the check, only for the claims
files a finding names, by one scan of each file for its `id:` keys (claim ids are plain words,
`CLAIM_ID_PATTERN`), so the check itself, its caches and the fingerprints never depend on them.
"""

from __future__ import annotations

import re
from pathlib import Path

from crosscheck.model.claims import CLAIM_ID_PATTERN
from crosscheck.model.report import Report

_ID_KEY = re.compile(rf"""(?:^[ \t]*(?:-[ \t]+)?|[{{,][ \t]*)id:[ \t]*(["']?)({CLAIM_ID_PATTERN.strip("^$")})\1[ \t]*(?=[,}}#\n]|$)""",
                     re.MULTILINE)
"""`- id: x`, `  id: 'x'` or `{id: x, ...}`: a claim's id key (a waiver or a value has no `id`).  The definition;
`claim_lines` finds the same keys faster, from each `id:` in the text (`tests/test_claim_lines.py` holds them equal)."""
_ID_VALUE = re.compile(_ID_KEY.pattern[_ID_KEY.pattern.index("id:"):], re.MULTILINE)
"""`_ID_KEY` from its `id:` on; what stands before it on its line is checked apart (`_LEADS`)."""
_LEADS = re.compile(r"[ \t]*(?:-[ \t]+)?")
"""What may stand between a line's start and an `id:` key outside a flow mapping: indentation, a list dash."""


def claim_lines(text: str) -> dict[str, int]:
    """Each claim id of a claims file's `text` -> the 1-based line of its `id:` key (the first, if repeated).

    The matches of `_ID_KEY`, found as matches of its tail (`_ID_VALUE`, which starts with a literal the
    regex engine scans for) whose line holds the right lead, rather than by trying the whole pattern at
    every character: a report names claims in up to one file per archived document.  (A tail's match
    holds no other `id:`, so skipping past a refused one skips no key.)
    """
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _ID_VALUE.finditer(text):
        at = match.start()
        lead = text[text.rfind("\n", 0, at) + 1 : at]
        if not (_LEADS.fullmatch(lead) or lead.rstrip(" \t").endswith(("{", ","))):
            continue
        line += text.count("\n", counted, match.start(2))
        counted = match.start(2)
        lines.setdefault(match.group(2), line)
    return lines


def with_claim_lines(report: Report, base: Path | None = None) -> Report:
    """Set `claims_line` on every claim of `report` from a claims file (each file read once); returns `report`.

    The claim refs are completed in place, before the report is shown to anyone: they were built
    for this report alone, and copying the findings of a whole-archive audit (a million of them)
    to add one number would double their memory.  Paths are as the report prints them (relative
    to `base`, the working directory by default).  A file that cannot be read leaves its claims
    without a line: the report stays true, only less precise.
    """
    base = base or Path.cwd()
    files: dict[str, dict[str, int]] = {}
    for finding in report.findings:
        for ref in finding.claims:
            if ref.claims_file is None or ref.claims_line is not None:
                continue
            lines = files.get(ref.claims_file)
            if lines is None:
                try:
                    text = (base / ref.claims_file).read_text(encoding="utf-8", errors="replace")
                except (OSError, ValueError):
                    text = ""
                lines = files[ref.claims_file] = claim_lines(text)
            line = lines.get(ref.claim)
            if line is not None:
                ref.__dict__["claims_line"] = line  # a frozen model's field, completed before anyone reads it
    return report
