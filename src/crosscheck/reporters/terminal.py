"""`--format rich`: the report for an editor at a terminal.

Findings are grouped by subject and property; each shows its severity, the
quotes side by side with the disputed value highlighted, the explanation and
where each quote stands.  Everything is built from `rich.text.Text` objects,
so article text is never parsed as markup; escape and control characters are
stripped before they reach the terminal.
"""

from __future__ import annotations

import io
import os
import re
from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from crosscheck.model.report import ClaimRef, Finding, Report
from crosscheck.reporters import RenderOptions, group_findings, rule_label, summary_parts
from crosscheck.reporters.escape import terminal
from crosscheck.text import words

SEVERITY_STYLE = {"error": "bold white on red", "warning": "bold black on yellow", "info": "bold white on blue"}
VALUE_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SIDE_BY_SIDE_MAX = 3
"""Up to this many claims are shown as columns; more are listed as rows."""
INDENT = 2
LABELS = "ABC"


def use_color(out: TextIO, options: RenderOptions) -> bool:
    """Colour when forced, else only on a terminal and when NO_COLOR is unset."""
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    color = use_color(out, options)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )
    for (subject, prop), findings in group_findings(report.findings):
        console.print(Text.assemble((terminal(subject), "bold"), " · ", (terminal(prop), "bold")))
        for finding in findings:
            console.print(Padding(_finding(finding, console.width - INDENT, plain=not color), (0, 0, 1, INDENT), expand=False))
    console.print(_summary(report))
    text = buffer.getvalue()
    if not color:  # rich pads lines to the width; plain text (logs, snapshots) should not carry that
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    out.write(text)


def _finding(finding: Finding, width: int, *, plain: bool = False) -> Group:
    header = Text.assemble(
        (f" {finding.severity.upper()} ", SEVERITY_STYLE[finding.severity]),
        " ",
        (terminal(rule_label(finding)), "bold"),
        "  ",
        terminal(finding.message),
    )
    if finding.scope:
        header.append(f"  (scope {terminal(finding.scope)})", style="dim")
    parts: list[RenderableType] = [header]
    if finding.explanation:
        parts.append(Text(terminal(finding.explanation), style="italic"))
    extra = []
    shown = f"{finding.message} {finding.explanation}"
    if finding.similarity is not None and f"{finding.similarity:.2f}" not in shown:  # rule messages usually say it
        extra.append(f"similarity {finding.similarity:.2f}")
    if finding.confidence is not None:
        extra.append(f"match confidence {finding.confidence:.2f}")
    if extra:
        parts.append(Text(" · ".join(extra), style="dim"))
    if finding.claims:
        parts.extend(_claims_table(finding, width, plain=plain))
    return Group(*parts)


def _claims_table(finding: Finding, width: int, *, plain: bool = False) -> list[RenderableType]:
    """The claims side by side (or as rows), headed by where each stands.

    A location is only useful whole (`path:line:col`, to click or paste), so when
    one would not fit its column it is listed above the table and the column is
    headed by a letter instead.
    """
    marks = _differing_words(finding)
    style = VALUE_STYLE[finding.severity]
    table = Table(box=box.ROUNDED, show_header=True, header_style="bold", expand=False, padding=(0, 1))
    above: list[Text] = []
    if len(finding.claims) <= SIDE_BY_SIDE_MAX:
        count = len(finding.claims)
        column = (width - (count + 1) - 2 * count) // count  # borders and padding
        wheres = [_where(claim) for claim in finding.claims]
        if any(len(where) > column for where in wheres):
            above = [Text.assemble((f"{LABELS[i]} ", "bold"), where) for i, where in enumerate(wheres)]
            wheres = list(LABELS[:count])
        for where in wheres:
            table.add_column(where, overflow="fold", ratio=1)
        table.add_row(*(_quote(c, style, marks.get(i), plain) for i, c in enumerate(finding.claims)))
        table.add_section()
        table.add_row(*(_value(c) for c in finding.claims))
    else:
        table.add_column("where", no_wrap=True)
        table.add_column("quote", overflow="fold", ratio=3)
        table.add_column("value", overflow="fold", ratio=1)
        for i, claim in enumerate(finding.claims):
            table.add_row(_where(claim), _quote(claim, style, marks.get(i), plain), _value(claim))
    return [*above, table]


def _where(claim: ClaimRef) -> str:
    drafted = " (drafted)" if claim.drafted else ""
    return terminal(f"{claim.document}:{claim.line}:{claim.column}{drafted}")


def _value(claim: ClaimRef) -> Text:
    text = Text.assemble(("value ", "dim"), (terminal(claim.value), "bold"))
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


def _differing_words(finding: Finding) -> dict[int, tuple[set[int], tuple[int, int]]]:
    """For two-claim word-level findings (quotes, names): per claim, the start offsets of the
    compared words that differ, and the span of all compared words in the quote."""
    if finding.diff is None and finding.similarity is None or len(finding.claims) != 2:
        return {}
    (a, compared_a), (b, compared_b) = (_compared_words(c) for c in finding.claims)
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


def _quote(claim: ClaimRef, style: str, marks: tuple[set[int], tuple[int, int]] | None, plain: bool = False) -> Text:
    """The quote with the value (or, for word diffs, the compared words underlined and the differing ones marked).

    Without colour the differing words are shown between `DIFF_MARKS`, one pair per run of them.
    """
    quote = terminal(claim.quote)
    text = Text(quote)
    if marks is not None and plain:
        return Text(_marked(quote, marks[0]))
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


def _summary(report: Report) -> Text:
    parts = summary_parts(report)
    text = Text()
    styles = [None, None, "bold red" if report.summary.error else None, "bold yellow" if report.summary.warning else None, None, None]
    for i, (part, style) in enumerate(zip(parts, styles)):
        if i:
            text.append(" · ", style="dim")
        text.append(part, style=style)
    if not report.findings:
        text = Text.assemble(("No disagreements found. ", "bold green"), text)
    return text
