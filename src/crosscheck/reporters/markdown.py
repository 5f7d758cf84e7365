"""`--format markdown`: a reviewer's report for a pull request, GitHub or GitLab.

A summary table first, and what a filtered run covered (the changed articles of
`--changed`/`--since`/`--against`); then one section per finding, most severe
first: severity badge, message, what the changed article says against the
corpus, why the positions clash, the word diff rendered (~~removed~~ / **added**),
and a table of the positions (the reading, who states it with outlet and date,
the first quote with the value in bold); info findings folded inside
`<details>`.  The report fits a pull-request comment (`PR_COMMENT_LIMIT`
characters, or `RenderOptions.max_chars`; 0 for no limit): findings are added
until the next would not fit, then a note says how many were left out and where
the full report is.  With `--link-base URL` each document links to
`URL/path#Lline`.  All article-derived text goes through `escape.markdown_inline`
(or `html_text` inside raw HTML).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO
from urllib.parse import quote as url_quote

from crosscheck.model.report import ClaimRef, Finding, Position, Report
from crosscheck.reporters import (
    PR_COMMENT_LIMIT,
    RenderOptions,
    key_label,
    most_severe_first,
    position_claims,
    resolve,
    rule_label,
    severity_counts,
)
from crosscheck.reporters.escape import html_text, markdown_inline

BADGE = {"error": "🔴 **Error**", "warning": "🟠 **Warning**", "info": "🔵 **Info**"}
ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}
LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DOCUMENTS_SHOWN = 3
"""Documents named per position; the others are counted."""
SCOPE_SHOWN = 20
"""Changed articles named in the scope line; the others are counted."""
READING_MAX = 160
"""Characters of a name's or quote's reading shown before it is cut with an ellipsis."""
FULL_REPORT = "run `crosscheck check` with `-f markdown --max-chars 0 -o report.md` (or `-f html -o report.html`)"
"""Where the full report is, when the caller does not say (`RenderOptions.full_report`)."""


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    limit = PR_COMMENT_LIMIT if options.max_chars is None else options.max_chars
    if options.resolve is None:
        options = replace(options, resolve=resolve_lines)
    head = _head(report, options)
    foot = _baseline_note(report)
    findings = most_severe_first(report.findings)  # stable: report order within a severity
    if options.max_findings is not None:
        findings = findings[: options.max_findings]
    sections: list[str] = []
    reserve = len(_cut_note(report.findings, options, limit)) + len(foot)  # the longest the end can be
    used = len(head)
    for n, finding in enumerate(findings, 1):
        section = _section(finding, n, options)
        if limit and used + len(section) + reserve > limit:
            break
        sections.append(section)
        used += len(section)
    text = head + "".join(sections) + foot
    if len(sections) < len(report.findings):
        by_count = len(sections) == len(findings)  # every finding --max-findings allows fitted
        text += _cut_note(most_severe_first(report.findings)[len(sections) :], options, 0 if by_count else limit)
    out.write(text.rstrip("\n") + "\n")


def resolve_lines(finding: Finding) -> list[str]:
    """How to resolve one finding, as Markdown (`resolve.hints`): the alias, the waiver and where it goes, or
    a correction; the baseline command is the same for every finding, so it is said once (`_baseline_note`)."""
    lines: list[str] = []
    shown = [hint for hint in resolve.hints(finding, []) if hint.action != "baseline"]
    for hint in shown:
        advice = hint.advice
        if len(shown) == 1 and advice.startswith("Otherwise c"):  # the only way left is no "otherwise"
            advice = "C" + advice.removeprefix("Otherwise c")
        lines.append(f"- {markdown_inline(advice)}")
        if hint.claims:
            places = [markdown_inline(resolve.place(claim)) for claim in hint.claims[:DOCUMENTS_SHOWN]]
            more = f" (or {len(hint.claims) - DOCUMENTS_SHOWN} more)" if len(hint.claims) > DOCUMENTS_SHOWN else ""
            lines.append(f"  in {'; or '.join(places)}{more}")
        if hint.snippet:
            lines += [*_fenced(hint.snippet, hint.language, "  "), ""]
    return lines


def _baseline_note(report: Report) -> str:
    """The commands that record every current finding as known (once per report, after the findings)."""
    if not report.findings:
        return ""
    documents = dict.fromkeys(ref.document for finding in report.findings for ref in finding.claims)
    commands = resolve.baseline_commands(documents)
    return "\n".join(["", "To record every current finding as known, so that later runs show only new ones:", "",
                      *_fenced("\n".join(commands), "shell", ""), ""]) + "\n"


def _fenced(snippet: str, language: str, indent: str) -> list[str]:
    """A code block holding `snippet` verbatim: its fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", snippet)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{indent}{fence}{language}", *(f"{indent}{line}" for line in snippet.splitlines()), f"{indent}{fence}"]


def _head(report: Report, options: RenderOptions) -> str:
    s = report.summary
    claims = f"{s.claims}" + (f" ({s.drafted} drafted)" if s.drafted else "")
    lines = [
        "## crosscheck report",
        "",
        "| Documents | Claims | 🔴 Errors | 🟠 Warnings | 🔵 Info | Waived |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s.documents} | {claims} | {s.error} | {s.warning} | {s.info} | {s.waived} |",
        "",
    ]
    if options.focus:
        changed = sorted(options.focus)
        named = ", ".join(markdown_inline(d) for d in changed[:SCOPE_SHOWN])
        more = f" and {len(changed) - SCOPE_SHOWN} more" if len(changed) > SCOPE_SHOWN else ""
        article = "article" if len(changed) == 1 else "articles"
        lines += [f"**Scope:** only findings involving the {len(changed)} changed {article}, compared with the whole corpus: "
                  f"{named}{more}.", ""]
    if not report.findings:
        lines += ["No disagreements found.", ""]
    return "\n".join(lines) + "\n"


def _cut_note(left_out: Sequence[Finding], options: RenderOptions, limit: int) -> str:
    """What a cut-short report says at its end: how many findings are missing, why (the character `limit`,
    or with 0 the `--max-findings` count) and where they are."""
    if not left_out:
        return ""
    why = f"a pull-request comment holds at most {limit:,} characters" if limit else f"`--max-findings {options.max_findings}`"
    where = markdown_inline(options.full_report) if options.full_report else FULL_REPORT
    return f"---\n\n**{len(left_out)} more findings not shown** ({severity_counts(left_out)}; {why}). The full report: {where}.\n"


def _title(finding: Finding) -> str:
    return f"{rule_label(finding)}: {key_label(finding)}"


def _section(finding: Finding, n: int, options: RenderOptions) -> str:
    if finding.severity == "info":
        # Raw HTML block: the <summary> line is HTML (escape as HTML); the blank line after it returns to Markdown.
        summary = f"{n}. {ICON[finding.severity]} {html_text(_title(finding))}"
        lines = ["<details>", f"<summary>{summary}</summary>", "", *_body(finding, options), "</details>", ""]
    else:
        lines = [f"### {n}. {ICON[finding.severity]} {markdown_inline(_title(finding))}", "", *_body(finding, options)]
    return "\n".join(lines) + "\n"


def _body(finding: Finding, options: RenderOptions) -> list[str]:
    lines = [f"{BADGE[finding.severity]} · {markdown_inline(finding.message)}", ""]
    if finding.view:
        lines += [f"**Changed article:** {markdown_inline(finding.view)}", ""]
    if finding.explanation:
        lines += [f"> {markdown_inline(finding.explanation)}", ""]
    facts = []
    if finding.similarity is not None:
        facts.append(f"similarity {finding.similarity:.2f}")
    if finding.confidence is not None:
        facts.append(f"match confidence {finding.confidence:.2f}")
    if finding.diff:
        facts.append(f"word diff: {word_diff(finding.diff)}")
    if facts:
        lines += [" · ".join(facts), ""]
    positions = position_claims(finding, options.focus)
    if positions:
        lines += [
            "| | Position | Read as | Stated by | Quote (value in bold) |",
            "|---|---|---|---|---|",
            *(_position_row(LABELS[i % len(LABELS)], position, claims, options) for i, (position, claims) in enumerate(positions)),
            "",
        ]
    if len(positions) > 2 and finding.conflicts:
        lines += [f"- **{_pair(c.positions)}:** {markdown_inline(c.explanation)}" for c in finding.conflicts] + [""]
    if options.resolve is not None:
        hints = list(options.resolve(finding))
        if hints:
            lines += ["**How to resolve:**", "", *hints, ""]
    lines += [f"<sub>fingerprint `{markdown_inline(finding.fingerprint)}`</sub>", ""]
    return lines


def _pair(positions: list[int]) -> str:
    i, j = positions
    return f"{LABELS[i % len(LABELS)]} and {LABELS[j % len(LABELS)]}" if i != j else f"within {LABELS[i % len(LABELS)]}"


def _position_row(label: str, position: Position, claims: list[ClaimRef], options: RenderOptions) -> str:
    first = claims[0]
    cells = [f"**{label}**", markdown_inline(_shortened(position.value)), _reading(position, first), _stated_by(claims, options),
             _highlighted(first)]
    return "| " + " | ".join(cells) + " |"


def _reading(position: Position, claim: ClaimRef) -> str:
    """The position's reading: an interval, a date range, a rank set; for names and quotes the words compared."""
    reading = position.reading
    if claim.interval is not None:
        return markdown_inline(reading)
    if reading == position.value:
        return "*as written*"
    return f"“{markdown_inline(_shortened(reading))}”"


def _shortened(text: str) -> str:
    return text if len(text) <= READING_MAX else text[: READING_MAX - 1].rstrip() + "…"


def _stated_by(claims: list[ClaimRef], options: RenderOptions) -> str:
    """The documents stating a position (each at its first claim, with outlet and date), then how many more."""
    firsts: dict[str, ClaimRef] = {}
    for claim in claims:
        firsts.setdefault(claim.document, claim)
    shown = ", ".join(_document(claim, options) for claim in list(firsts.values())[:DOCUMENTS_SHOWN])
    more = len(firsts) - DOCUMENTS_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _document(claim: ClaimRef, options: RenderOptions) -> str:
    where = f"{markdown_inline(claim.document)}:{claim.line}"
    if options.link_base:
        where = f"[{where}]({document_url(options.link_base, claim)})"
    about = [part for part in (claim.outlet, claim.published) if part]
    drafted = " *(drafted)*" if claim.drafted else ""
    return where + (f" ({markdown_inline(', '.join(about))})" if about else "") + drafted


def document_url(link_base: str, claim: ClaimRef) -> str:
    """`BASE/path/to/article.txt#L12`, the path percent-encoded so it cannot end the link early."""
    return f"{link_base.rstrip('/')}/{url_quote(claim.document, safe='/')}#L{claim.line}"


def _highlighted(claim: ClaimRef) -> str:
    """The quote with the value in bold; each piece escaped on its own so the <b> tags stay ours.

    HTML tags, unlike `**`, do not depend on the neighbouring characters.
    """
    quote, value = claim.quote, claim.value
    start = quote.find(value) if value else -1
    if start < 0:
        return markdown_inline(quote)
    before, after = quote[:start], quote[start + len(value) :]
    return f"{markdown_inline(before)}<b>{markdown_inline(value)}</b>{markdown_inline(after)}".strip()


_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def word_diff(diff: str) -> str:
    """A word diff ("[-old-] {+new+}") as Markdown: ~~removed~~ words struck through, **added** ones in bold.

    The words are escaped (an escaped `~` or `*` cannot close a mark early); the diff puts a space
    around each run, so the marks always open and close.
    """
    out, last = [], 0
    for match in _DIFF.finditer(diff):
        out.append(markdown_inline(diff[last : match.start()]))
        removed, added = match.group(1), match.group(2)
        out.append(f"~~{markdown_inline(removed)}~~" if removed is not None else f"**{markdown_inline(added)}**")
        last = match.end()
    out.append(markdown_inline(diff[last:]))
    return "".join(out)
