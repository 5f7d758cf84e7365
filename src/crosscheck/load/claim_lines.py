"""The line of each claim in its claims file, for the claims a report names.

A reviewer told "the claim with id: toll-march-29" wants to land on it: every report format
links or prints `file.claims.yaml:42`.  The lines are found after the check, only for the claims
files a finding names, by one scan of each file for its `id:` keys (claim ids are plain words,
`CLAIM_ID_PATTERN`), so the check itself, its caches and the fingerprints never depend on them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
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


def claim_lines(text: str, ids: Collection[str] | None = None) -> dict[str, int]:
    """Each claim id of a claims file's `text` (or each of `ids` found there) -> the 1-based line of its
    `id:` key (the first, if repeated).

    The matches of `_ID_KEY`, found as matches of its tail (`_ID_VALUE`, which starts with a literal the
    regex engine scans for) whose line holds the right lead, rather than by trying the whole pattern at
    every character: a report names claims in up to one file per archived document.  (A tail's match
    holds no other `id:`, so skipping past a refused one skips no key.)  With `ids`, only the places
    each id is written are looked at: a finding names one or two claims of such a file.
    """
    if ids is not None:
        found = ((claim_id, _line_of(text, claim_id)) for claim_id in ids)
        return {claim_id: line for claim_id, line in found if line is not None}
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _ID_VALUE.finditer(text):
        if not _leads_a_key(text, match.start()):
            continue
        line += text.count("\n", counted, match.start(2))
        counted = match.start(2)
        lines.setdefault(match.group(2), line)
    return lines


def _leads_a_key(text: str, at: int) -> bool:
    """Whether what stands before the `id:` at `at` on its line makes it a key (`_ID_KEY`'s lead)."""
    lead = text[text.rfind("\n", 0, at) + 1 : at]
    return bool(_LEADS.fullmatch(lead) or lead.rstrip(" \t").endswith(("{", ",")))


def _line_of(text: str, claim_id: str) -> int | None:
    """The line of the first `id:` key whose value is `claim_id`, from the places `claim_id` is written."""
    at = text.find(claim_id) if claim_id else -1
    while at >= 0:
        key = at - 1 if at and text[at - 1] in "\"'" else at  # `id:`, blanks, a quote, the id
        while key and text[key - 1] in " \t":
            key -= 1
        key -= 3
        if key >= 0 and text.startswith("id:", key):
            match = _ID_VALUE.match(text, key)
            if match is not None and match.start(2) == at and match.group(2) == claim_id and _leads_a_key(text, key):
                return text.count("\n", 0, at) + 1
        at = text.find(claim_id, at + 1)
    return None


def with_claim_lines(report: Report, base: Path | None = None) -> Report:
    """Set `claims_line` on every claim of `report` from a claims file (each file read once); returns `report`.

    The claim refs are completed in place, before the report is shown to anyone: they were built
    for this report alone, and copying the findings of a whole-archive audit (a million of them)
    to add one number would double their memory.  Paths are as the report prints them (relative
    to `base`, the working directory by default).  A file that cannot be read leaves its claims
    without a line: the report stays true, only less precise.
    """
    base = base or Path.cwd()
    wanted: dict[str, set[str]] = {}
    for finding in report.findings:
        for ref in finding.claims:
            if ref.claims_file is not None and ref.claims_line is None:
                wanted.setdefault(ref.claims_file, set()).add(ref.claim)
    files: dict[str, dict[str, int]] = {}
    for claims_file, ids in wanted.items():
        try:
            text = (base / claims_file).read_text(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            text = ""
        files[claims_file] = claim_lines(text, ids)
    for finding in report.findings:
        for ref in finding.claims:
            if ref.claims_file is None or ref.claims_line is not None:
                continue
            line = files[ref.claims_file].get(ref.claim)
            if line is not None:
                ref.__dict__["claims_line"] = line  # a frozen model's field, completed before anyone reads it
    return report
