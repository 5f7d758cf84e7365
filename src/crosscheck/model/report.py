"""The report: the one intermediate representation every reporter renders.

The engine produces a `Report`; reporters (rich, markdown, json, sarif, github)
only read it.  It is also the shape of `--format json` and of
`schemas/report.schema.json`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from crosscheck.model.base import Frozen
from crosscheck.model.values import Interval

REPORT_VERSION = "2.1"

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Most severe first."""


_RANKS: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info: smaller is more severe."""
    return _RANKS[severity]


class ClaimRef(Frozen):
    """One claim involved in a finding, located in its article."""

    document: str
    """Path of the article, relative to the working directory, with forward slashes."""
    claims_file: str | None = None
    """Path of the claims file the claim comes from; null for drafted claims."""
    claims_line: int | None = Field(default=None, ge=1)
    """1-based line of the claim's `id:` in its claims file; null for drafted claims or when not found."""
    claim: str
    """Claim id."""
    quote: str
    """Verbatim article text that states the claim."""
    line: int = Field(ge=1)
    """1-based line of the quote in the article."""
    column: int = Field(ge=1)
    """1-based column of the quote in the article."""
    value: str
    """The value exactly as written ("nearly 600")."""
    interval: Interval | None = None
    """The normalised interval, for numeric, date and rank values."""
    normalized: str
    """The normalised value in words ("[540, 600) company")."""
    drafted: bool = False
    """True when the claim was drafted by `crosscheck extract`, not annotated by a person."""
    confidence: float | None = None
    """For drafted claims: confidence in the claim's key."""
    outlet: str | None = None
    """The article's outlet or source, when its claims file names one."""
    published: str | None = None
    """The article's publication date, when known."""


class Position(Frozen):
    """One reading of a fact that some claims state: every claim of a position reads the same."""

    reading: str
    """The reading, normalised ("[540, 600) company"); for names and quotes the compared form."""
    value: str
    """The value as its first claim writes it ("nearly 600")."""
    claims: list[int]
    """The claims stating it, as indices into the finding's `claims`, in document order."""
    documents: list[str]
    """The documents stating it, in order."""


class Conflict(Frozen):
    """Two positions that cannot both hold (or one whose own claims cannot all hold)."""

    positions: list[int] = Field(min_length=2, max_length=2)
    """The two positions, as indices into the finding's `positions` (the same index twice: within one position)."""
    severity: Severity
    """The severity this pair of positions has on its own."""
    message: str
    """The rule's one-line message about this pair."""
    explanation: str
    """Why the two cannot both hold, in plain English."""


class Finding(Frozen):
    """One disagreement about one fact (key, time scope, modality): the positions its claims take and why they clash."""

    fingerprint: str
    """Stable id of the finding: rule, key and the positions' readings; not lines, paths, file order or how many articles agree."""
    rule: str
    """Id of the rule that fired."""
    rule_name: str | None = None
    """Dotted human name of the rule."""
    severity: Severity
    """error, warning or info."""
    subject: str
    """Registry id of the subject."""
    property: str
    """Registry id of the property."""
    scope: str | None = None
    """Time scope of the key, if any."""
    message: str
    """One-line message, of the most severe pair of positions."""
    explanation: str
    """Why the most severe pair of positions cannot both hold, in plain English."""
    claims: list[ClaimRef]
    """Every claim of every position, in document order."""
    positions: list[Position] = []
    """The distinct readings in conflict, in order of their first claim; claims that agree with every position are left out."""
    conflicts: list[Conflict] = []
    """Which positions clash, and why, most severe first."""
    similarity: float | None = None
    """For name and quote findings: how similar the two forms are (0..1)."""
    diff: str | None = None
    """For quote findings: a word-level diff ("[-old-] {+new+}")."""
    confidence: float | None = None
    """For findings between drafted claims: confidence that the claims state the same fact (None: annotated claims)."""
    view: str | None = None
    """With --changed, --since or --against: what the changed article says against the rest of the corpus."""


class Summary(Frozen):
    """Counts for the summary line."""

    documents: int
    """Documents checked."""
    claims: int
    """Claims compared."""
    drafted: int = 0
    """Of which drafted on the fly."""
    error: int = 0
    """Findings of severity error."""
    warning: int = 0
    """Findings of severity warning."""
    info: int = 0
    """Findings of severity info."""
    waived: int = 0
    """Findings hidden by waivers or the baseline."""


class InputProblem(Frozen):
    """A problem with the input that stopped the check (invalid YAML, an unknown id, a quote not in its article)."""

    path: str
    """The file the problem is in, as the diagnostic line shows it."""
    line: int = Field(ge=1)
    """1-based line."""
    column: int = Field(ge=1)
    """1-based column."""
    code: str
    """Short code of the problem ("yaml-syntax", "unknown-property")."""
    message: str
    """What was expected and what was found."""
    json_path: str | None = None
    """Where in the file's data, as a JSON path ("$.claims[0].property")."""
    severity: Severity = "error"
    """error, or warning for a problem that does not stop the check."""


class Report(Frozen):
    """Everything a check found."""

    version: str = REPORT_VERSION
    """Report format version."""
    summary: Summary
    """Counts."""
    diagnostics: list[InputProblem] = []
    """Problems with the input; when there is an error among them nothing was compared (exit status 2)."""
    findings: list[Finding]
    """Findings, sorted by document, line and rule."""

    @model_serializer(mode="wrap")
    def _without_empty_diagnostics(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # a report of a check that ran has no input problems: written as before they could be listed
        data: dict[str, Any] = handler(self)
        if not data.get("diagnostics"):
            data.pop("diagnostics", None)
        return data
