"""Reporters: one module per output format, each a `render(report, out, options)` function.

The registry maps a `--format` name to its render function.  Built-in formats
are listed here; other packages add formats through the entry-point group
`crosscheck.reporters` (name = format, value = "module:render"), loaded by
`crosscheck.plugins` each in its own try, so a broken one names itself and
leaves the others working.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO, cast

from crosscheck import plugins
from crosscheck.errors import CrosscheckError, Diagnostic, did_you_mean

if TYPE_CHECKING:  # the report model (pydantic) is imported by whoever builds a report, not by `--help`
    from crosscheck.model.corpus import Document
    from crosscheck.model.report import ClaimRef, Finding, Position, Report

BUILTIN: dict[str, str] = {
    "rich": "crosscheck.reporters.terminal:render",
    "markdown": "crosscheck.reporters.markdown:render",
    "json": "crosscheck.reporters.json_report:render",
    "sarif": "crosscheck.reporters.sarif:render",
    "github": "crosscheck.reporters.github:render",
    "html": "crosscheck.reporters.html:render",
    "concise": "crosscheck.reporters.concise:render",
    "json-lines": "crosscheck.reporters.json_lines:render",
    "junit": "crosscheck.reporters.junit:render",
    "gitlab": "crosscheck.reporters.gitlab:render",
}

SHOWS_DIAGNOSTICS = frozenset({"json", "sarif", "github", "concise", "json-lines", "junit", "gitlab"})
"""Built-in formats that carry input problems: with invalid input they still write a report, of those problems."""
SHOWS_ARTICLES = frozenset({"html"})
"""Built-in formats that show whole articles with their claims: they need `RenderOptions.documents`."""


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about a rule beyond its id (SARIF rule metadata, headings)."""

    id: str
    name: str | None = None
    summary: str | None = None
    rationale: str | None = None
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Everything a reporter needs besides the report itself."""

    color: bool | None = None
    """True or False to force colour; None to decide from the output (a TTY, and NO_COLOR unset)."""
    width: int | None = None
    """Terminal width; None to ask the terminal."""
    link_base: str | None = None
    """Base URL for links to documents (`URL/path#L12`), for Markdown."""
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    """Rule metadata by id, for SARIF `tool.driver.rules` and headings."""
    focus: frozenset[str] = frozenset()
    """Documents that changed (`--changed`): their claims are the primary location of a finding."""
    tool_version: str = "0"
    """Version of crosscheck, for SARIF's tool driver."""
    max_findings: int | None = None
    """Show at most this many findings (most severe first), then counts of the rest; None: all (rich, markdown)."""
    max_chars: int | None = None
    """Markdown: the most characters the report may have; None: `PR_COMMENT_LIMIT` (a pull-request comment); 0: no limit."""
    full_report: str | None = None
    """Where the whole report is when one is cut short (a command, a file, a CI artifact's URL)."""
    resolve: Callable[[Finding], Sequence[str]] | None = None
    """How to resolve a finding, as lines of Markdown (an alias to register, a waiver, the baseline command); None: no hints."""
    documents: Sequence[Document] = ()
    """The checked documents, their claims located in the article text, for formats in `SHOWS_ARTICLES`; empty when not given."""


class Render(Protocol):
    def __call__(self, report: Report, out: TextIO, options: RenderOptions) -> None: ...


_plugin_errors: list[str] = []


def _load(target: str) -> Callable[..., None]:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr or "render")


def _as_render(obj: object) -> Callable[..., None]:
    if not callable(obj):
        raise TypeError(f"expected a render(report, out, options) function, found {type(obj).__name__}")
    return obj


def registry() -> dict[str, str | Callable[..., None]]:
    """Format name -> built-in target or loaded plugin render function."""
    formats: dict[str, str | Callable[..., None]] = dict(BUILTIN)
    loaded = plugins.load(plugins.REPORTERS, "reporter", _as_render)
    formats.update((plugin.name, plugin.loaded) for plugin in loaded.plugins)
    _plugin_errors[:] = loaded.problems
    return formats


def plugin_errors() -> list[str]:
    """Messages about reporter plugins that failed in the last `registry()` call."""
    return list(_plugin_errors)


def names() -> list[str]:
    """Every available format name, sorted."""
    return sorted(registry())


def get(name: str) -> Render:
    """The render function for `--format name`; an unknown name is a usage error with a suggestion."""
    formats = registry()
    if name not in formats:
        raise CrosscheckError(
            Diagnostic("crosscheck", 1, 1, "usage",
                       f"unknown format {name!r} (expected one of {', '.join(sorted(formats))}){did_you_mean(name, formats)}")
        )
    target = formats[name]
    return cast(Render, _load(target) if isinstance(target, str) else target)  # a plugin is trusted to follow Render


# --------------------------------------------------------------------------- shared helpers


def problem_report(diagnostics: Iterable[Diagnostic], documents: int = 0, claims: int = 0) -> Report:
    """A report of input problems and no findings: what a check that could not compare renders (exit 2)."""
    from crosscheck.model.report import InputProblem, Report, Summary

    problems = [
        InputProblem(path=d.path, line=max(d.line, 1), column=max(d.column, 1), code=d.code, message=d.message,
                     json_path=d.json_path, severity="warning" if d.severity == "warning" else "error")
        for d in diagnostics
    ]
    return Report(summary=Summary(documents=documents, claims=claims), diagnostics=problems, findings=[])


PR_COMMENT_LIMIT = 65_536
"""GitHub's limit on the characters of a pull-request comment."""


def primary_claim(finding: Finding, focus: frozenset[str] = frozenset()) -> ClaimRef | None:
    """The claim a finding is anchored to: the first in a changed document, else the first."""
    for claim in finding.claims:
        if claim.document in focus:
            return claim
    return finding.claims[0] if finding.claims else None


def quote_end(claim: ClaimRef) -> tuple[int, int]:
    """(line, column) just past the claim's quote: where its region ends (SARIF's exclusive end column).

    Computed from the quote as the claims file gives it, which matches the article up to
    whitespace and typography: exact for a quote on one line of the article.
    """
    lines = claim.quote.split("\n")
    if len(lines) == 1:
        return claim.line, claim.column + len(claim.quote)
    return claim.line + len(lines) - 1, len(lines[-1]) + 1


def group_findings(findings: list[Finding]) -> list[tuple[tuple[str, str], list[Finding]]]:
    """Findings grouped by (subject, property); the most severe group first, then report order."""
    from crosscheck.model.report import severity_rank

    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.subject, finding.property), []).append(finding)
    order = {key: i for i, key in enumerate(groups)}
    return sorted(groups.items(), key=lambda kv: (min(severity_rank(f.severity) for f in kv[1]), order[kv[0]]))


def key_label(finding: Finding) -> str:
    """`subject · property` with the scope when there is one."""
    label = f"{finding.subject} · {finding.property}"
    return f"{label} ({finding.scope})" if finding.scope else label


def rule_label(finding: Finding) -> str:
    """`CC101 figure.conflict`, or just the id when the rule has no name."""
    return f"{finding.rule} {finding.rule_name}" if finding.rule_name else finding.rule


def summary_parts(report: Report) -> list[str]:
    """The summary line's parts: documents, claims, findings by severity, waived."""
    s = report.summary
    claims = _plural(s.claims, "claim") + (f" ({s.drafted} drafted)" if s.drafted else "")
    return [
        _plural(s.documents, "document"),
        claims,
        _plural(s.error, "error"),
        _plural(s.warning, "warning"),
        f"{s.info} info",
        f"{s.waived} waived",
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def position_claims(finding: Finding, focus: frozenset[str] = frozenset()) -> list[tuple[Position, list[ClaimRef]]]:
    """Each position with its claims, a changed document's first (`focus`).

    A finding built without positions (by a plugin, or by hand) takes each claim as one; a stale
    baseline entry has no claims and no positions.
    """
    from crosscheck.model.report import Position

    positions = finding.positions or [
        Position(reading=claim.normalized, value=claim.value, claims=[i], documents=[claim.document])
        for i, claim in enumerate(finding.claims)
    ]
    shown = []
    for position in positions:
        claims = [finding.claims[i] for i in position.claims]
        if focus:
            claims.sort(key=lambda claim: claim.document not in focus)
        shown.append((position, claims))
    return shown


def documents_label(documents: Sequence[str], shown: int = 3) -> str:
    """`a.txt, b.txt, c.txt and 4 more`: the first `shown` documents and how many others."""
    if len(documents) <= shown:
        return ", ".join(documents)
    return f"{', '.join(documents[:shown])} and {len(documents) - shown} more"


def severity_counts(findings: Iterable[Finding]) -> str:
    """`2 errors, 1 warning, 0 info`: what a cut-short report left out."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] += 1
    return f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, {counts['info']} info"


def most_severe_first(findings: list[Finding]) -> list[Finding]:
    """The findings by severity, report order within one."""
    from crosscheck.model.report import severity_rank

    return sorted(findings, key=lambda f: severity_rank(f.severity))
