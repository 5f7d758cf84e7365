"""`--format rich`: the report for an editor at a terminal.

The summary comes first.  Findings are grouped by subject and property; each
shows its severity, the message, what a changed article says against the
corpus, why the positions clash, and the first quote of each position side by
side with the disputed value highlighted, then who else states each position.
`--max-findings N` shows the N most severe and counts the rest.

Text is laid out by `layout` (styles are spans beside the text, never markup
parsed from it: article text cannot style itself); escape and control
characters are stripped before they reach the terminal.  Without colour (a
file, a pipe, `NO_COLOR`) the output is plain text.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import TextIO

from crosscheck.model.report import ClaimRef, Finding, Position, Report
from crosscheck.reporters import (
    RenderOptions,
    documents_label,
    group_findings,
    most_severe_first,
    position_claims,
    rule_label,
    severity_counts,
    summary_parts,
)
from crosscheck.reporters.escape import terminal
from crosscheck.reporters.layout import Styled, block, table
from crosscheck.text import words

SEVERITY_STYLE = {"error": "bold white on red", "warning": "bold black on yellow", "info": "bold white on blue"}
VALUE_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SIDE_BY_SIDE_MAX = 3
"""Up to this many positions are shown as columns; more are listed as rows."""
INDENT = 2
LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DEFAULT_WIDTH = 80
"""The width when the output is not a terminal and none is given."""


def use_color(out: TextIO, options: RenderOptions) -> bool:
    """Colour when forced, else only on a terminal and when NO_COLOR is unset."""
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def _width(out: TextIO, options: RenderOptions) -> int:
    if options.width is not None:
        return options.width
    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    color = use_color(out, options)
    width = _width(out, options)
    lines = block(_summary(report), width, color=color)
    shown = report.findings
    if options.max_findings is not None and len(shown) > options.max_findings:
        chosen = {id(finding) for finding in most_severe_first(shown)[: options.max_findings]}
        shown = [finding for finding in report.findings if id(finding) in chosen]  # grouped as the whole report would be
    if shown:
        lines.append("")
    out.write("\n".join(lines) + "\n")
    for (subject, prop), findings in group_findings(shown):
        lines = block(Styled.of((terminal(subject), "bold"), " · ", (terminal(prop), "bold")), width, color=color)
        for finding in findings:
            lines += _finding(finding, width, options.focus, color=color)
            lines.append("")
        out.write("\n".join(lines) + "\n")
    if len(shown) < len(report.findings):
        kept = {id(finding) for finding in shown}
        left_out = [finding for finding in report.findings if id(finding) not in kept]
        note = Styled(f"{len(left_out)} more findings not shown (--max-findings {options.max_findings}): {severity_counts(left_out)}")
        note.stylize("bold", 0, len(note.text))
        out.write("\n".join(block(note, width, color=color)) + "\n")


def _finding(finding: Finding, width: int, focus: frozenset[str] = frozenset(), *, color: bool) -> list[str]:
    header = Styled.of(
        (f" {finding.severity.upper()} ", SEVERITY_STYLE[finding.severity]),
        " ",
        (terminal(rule_label(finding)), "bold"),
        "  ",
        terminal(finding.message),
    )
    if finding.scope:
        header.append(f"  (scope {terminal(finding.scope)})", "dim")
    parts = [header]
    if finding.view:
        parts.append(Styled(terminal(finding.view[0].upper() + finding.view[1:]), [(0, len(finding.view), "bold")]))
    if finding.explanation:
        explanation = terminal(finding.explanation)
        parts.append(Styled(explanation, [(0, len(explanation), "italic")]))
    extra = []
    shown = f"{finding.message} {finding.explanation}"
    if finding.similarity is not None and f"{finding.similarity:.2f}" not in shown:  # rule messages usually say it
        extra.append(f"similarity {finding.similarity:.2f}")
    if finding.confidence is not None:
        extra.append(f"match confidence {finding.confidence:.2f}")
    if extra:
        parts.append(Styled.of((" · ".join(extra), "dim")))
    lines = [line for part in parts for line in block(part, width, color=color, indent=INDENT)]
    positions = position_claims(finding, focus)
    if positions:
        lines += _claims_table(finding, positions, width, color=color)
        for more in _more(finding, positions):
            lines += block(more, width, color=color, indent=INDENT)
    return lines


def _more(finding: Finding, positions: list[tuple[Position, list[ClaimRef]]]) -> list[Styled]:
    """Who else states each position, and, with three positions or more, which clash and why."""
    lines = []
    labels = _labels(len(positions))
    for label, (position, claims) in zip(labels, positions):
        shown = claims[0].document
        others = [document for document in position.documents if document != shown]
        if others:
            lines.append(Styled.of((f"{label} ", "bold"), ("also stated by ", "dim"), terminal(documents_label(others))))
    if len(positions) > 2:
        for conflict in finding.conflicts:
            i, j = conflict.positions
            pair = f"{labels[i]} and {labels[j]}" if i != j else f"within {labels[i]}"
            lines.append(Styled.of((f"{pair}: ", "bold"), (terminal(conflict.explanation), "italic")))
    return lines


def _labels(count: int) -> list[str]:
    return [LABELS[i] if i < len(LABELS) else str(i + 1) for i in range(count)]


def _claims_table(finding: Finding, positions: list[tuple[Position, list[ClaimRef]]], width: int, *, color: bool) -> list[str]:
    """Each position's first claim side by side (or as rows), headed by where it stands.

    A location is only useful whole (`path:line:col`, to click or paste), so every
    location is listed above the table, one line each, and the columns are headed by
    their letters: one layout for every finding, whatever the lengths of its paths.
    """
    claims = [claims[0] for _, claims in positions]
    marks = _differing_words(finding, claims)
    style = VALUE_STYLE[finding.severity]
    labels = _labels(len(claims))
    plain = not color
    lines: list[str] = []
    if len(claims) <= SIDE_BY_SIDE_MAX:
        for label, claim in zip(labels, claims):
            lines += block(Styled.of((f"{label} ", "bold"), _where(claim)), width, color=color, indent=INDENT)
        header = [Styled(label, [(0, len(label), "bold")]) for label in labels]
        rows = [[_quote(c, style, marks.get(i), plain) for i, c in enumerate(claims)], [_value(c) for c in claims]]
        return lines + table(header, rows, width, color=color, indent=INDENT)
    header = [Styled(name, [(0, len(name), "bold")]) for name in ("where", "quote", "value")]
    rows = [[Styled(f"{labels[i]} {_where(claim)}"), _quote(claim, style, marks.get(i), plain), _value(claim)]
            for i, claim in enumerate(claims)]
    return table(header, rows, width, color=color, indent=INDENT, ratios=[1, 3, 1], fixed=[True, False, False])


def _where(claim: ClaimRef) -> str:
    drafted = " (drafted)" if claim.drafted else ""
    return terminal(f"{claim.document}:{claim.line}:{claim.column}{drafted}")


def _value(claim: ClaimRef) -> Styled:
    text = Styled.of(("value ", "dim"), (terminal(claim.value), "bold"))
    if claim.interval is not None and claim.normalized and claim.normalized != claim.value:  # words need no reading
        text.append(" → ")
        text.append(terminal(claim.normalized))
    return text


_WORD = re.compile(r"\S+")


def _compared_words(claim: ClaimRef) -> tuple[list[re.Match[str]], list[str]]:
    """The words of the quote that the comparison looked at, and those words as it compared them.

    For quotations the normalised value is the quoted words folded, so find that
    run of words in the quote; otherwise (or if it is not there) the value as written.
    Words are folded as the comparison folds them (`text.words.fold`); marks that
    are only punctuation are not words.  A name may stand in the quote with a
    possessive ("the Center's partners"): the "'s" is the sentence's, not the name's.
    """
    quote = terminal(claim.quote)
    tokens = [t for t in _WORD.finditer(quote) if words.fold(t.group())]
    folded = [words.fold(t.group()) for t in tokens]
    for target in (claim.normalized, claim.value):
        wanted = [w for w in (words.fold(w) for w in target.split()) if w]
        if not wanted:
            continue
        size = len(wanted)
        for i in range(len(folded) - size + 1):
            run = folded[i : i + size]
            if run[:-1] == wanted[:-1] and run[-1] in (wanted[-1], wanted[-1] + "'s"):
                return tokens[i : i + size], wanted
    return [], []


def _differing_words(finding: Finding, claims: list[ClaimRef]) -> dict[int, tuple[set[int], tuple[int, int]]]:
    """For two-position word-level findings (quotes, names): per claim shown, the start offsets of the
    compared words that differ, and the span of all compared words in the quote."""
    if finding.diff is None and finding.similarity is None or len(claims) != 2:
        return {}
    (a, compared_a), (b, compared_b) = (_compared_words(c) for c in claims)
    if not a or not b:
        return {}
    differ_a, differ_b = words.differing(compared_a, compared_b)
    return {
        0: ({a[k].start() for k in differ_a}, (a[0].start(), a[-1].end())),
        1: ({b[k].start() for k in differ_b}, (b[0].start(), b[-1].end())),
    }


_PUNCTUATION = "\"'‘’“”«»()[],.;:!?"

DIFF_MARKS = ("*", "*")
"""Around each run of differing words when there is no colour to show them (logs, `NO_COLOR`, `-o`)."""


def _quote(claim: ClaimRef, style: str, marks: tuple[set[int], tuple[int, int]] | None, plain: bool = False) -> Styled:
    """The quote with the value (or, for word diffs, the compared words underlined and the differing ones marked).

    Without colour the differing words are shown between `DIFF_MARKS`, one pair per run of them.
    """
    quote = terminal(claim.quote)
    text = Styled(quote)
    if marks is not None and plain:
        return Styled(_marked(quote, marks[0]))
    if marks is not None:
        words, span = marks
        text.stylize("underline", *span)
        for match in _WORD.finditer(quote):
            if match.start() in words:
                text.stylize(f"{style} reverse", match.start(), match.end())
        return text
    value = terminal(claim.value)
    start = quote.find(value)
    if start < 0:
        start = quote.lower().find(value.lower())
    if start >= 0:
        text.stylize(f"{style} underline", start, start + len(value))
    return text


def _marked(quote: str, differing: set[int]) -> str:
    """`quote` with each run of the words starting at `differing` offsets put between `DIFF_MARKS`."""
    runs: list[list[int]] = []
    previous_differs = False
    for match in _WORD.finditer(quote):
        differs = match.start() in differing
        token = match.group()
        start = match.start() + len(token) - len(token.lstrip(_PUNCTUATION))  # marks go round the word, not its quotation marks
        end = match.end() - (len(token) - len(token.rstrip(_PUNCTUATION)))
        if differs and previous_differs:
            runs[-1][1] = max(end, runs[-1][1])
        elif differs and end > start:
            runs.append([start, end])
        if words.fold(match.group()) or not differs:  # punctuation alone neither starts nor ends a run
            previous_differs = differs
    opening, closing = DIFF_MARKS
    out, last = [], 0
    for start, end in runs:
        out += [quote[last:start], opening, quote[start:end], closing]
        last = end
    return "".join(out) + quote[last:]


def _summary(report: Report) -> Styled:
    parts = summary_parts(report)
    text = Styled("")
    if not report.findings:
        text.append("No disagreements found. ", "bold green")
    styles = [None, None, "bold red" if report.summary.error else None, "bold yellow" if report.summary.warning else None, None, None]
    for i, (part, style) in enumerate(zip(parts, styles)):
        if i:
            text.append(" · ", "dim")
        text.append(part, style)
    return text
