"""`--format rich`: the report for an editor at a terminal.

Findings are grouped by subject and property; each shows its severity, the
quotes side by side with the disputed value highlighted, the explanation and
where each quote stands.  Everything is built from `rich.text.Text` objects,
so article text is never parsed as markup; escape and control characters are
stripped before they reach the terminal.
"""

from __future__ import annotations

import difflib
import io
import os
import re
from typing import TextIO

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from crosscheck.report import ClaimRef, Finding, Report
from crosscheck.reporters import RenderOptions, group_findings, key_label, rule_label, summary_parts
from crosscheck.sanitize import terminal

SEVERITY_STYLE = {"error": "bold white on red", "warning": "bold black on yellow", "info": "bold white on blue"}
VALUE_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
SIDE_BY_SIDE_MAX = 3
"""Up to this many claims are shown as columns; more are listed as rows."""


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
            console.print(Padding(_finding(finding), (0, 0, 1, 2), expand=False))
    console.print(_summary(report))
    text = buffer.getvalue()
    if not color:  # rich pads lines to the width; plain text (logs, snapshots) should not carry that
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    out.write(text)


def _finding(finding: Finding) -> Group:
    header = Text.assemble(
        (f" {finding.severity.upper()} ", SEVERITY_STYLE[finding.severity]),
        " ",
        (terminal(rule_label(finding)), "bold"),
        "  ",
        terminal(finding.message),
    )
    if finding.scope:
        header.append(f"  (scope {terminal(finding.scope)})", style="dim")
    parts: list = [header]
    if finding.explanation:
        parts.append(Text(terminal(finding.explanation), style="italic"))
    extra = []
    if finding.similarity is not None:
        extra.append(f"similarity {finding.similarity:.2f}")
    if finding.confidence is not None:
        extra.append(f"match confidence {finding.confidence:.2f}")
    if extra:
        parts.append(Text(" · ".join(extra), style="dim"))
    if finding.claims:
        parts.append(_claims_table(finding))
    return Group(*parts)


def _claims_table(finding: Finding) -> Table:
    marks = _differing_words(finding)
    style = VALUE_STYLE[finding.severity]
    table = Table(box=box.ROUNDED, show_header=True, header_style="bold", expand=False, padding=(0, 1))
    if len(finding.claims) <= SIDE_BY_SIDE_MAX:
        for claim in finding.claims:
            table.add_column(_where(claim), overflow="fold", ratio=1)
        table.add_row(*(_quote(c, style, marks.get(i)) for i, c in enumerate(finding.claims)))
        table.add_section()
        table.add_row(*(_value(c) for c in finding.claims))
    else:
        table.add_column("where", no_wrap=True)
        table.add_column("quote", overflow="fold", ratio=3)
        table.add_column("value", overflow="fold", ratio=1)
        for i, claim in enumerate(finding.claims):
            table.add_row(_where(claim), _quote(claim, style, marks.get(i)), _value(claim))
    return table


def _where(claim: ClaimRef) -> str:
    drafted = " (drafted)" if claim.drafted else ""
    return terminal(f"{claim.document}:{claim.line}:{claim.column}{drafted}")


def _value(claim: ClaimRef) -> Text:
    text = Text.assemble(("value ", "dim"), (terminal(claim.value), "bold"))
    if claim.normalized and claim.normalized != claim.value:
        text.append(" → ")
        text.append(terminal(claim.normalized))
    return text


_WORD = re.compile(r"\S+")


def _differing_words(finding: Finding) -> dict[int, set[int]]:
    """For two-claim word-level findings (quotes, names): the indexes of the words of each value that differ."""
    if finding.diff is None and finding.similarity is None or len(finding.claims) != 2:
        return {}
    a, b = (_WORD.findall(c.value) for c in finding.claims)
    fold = lambda words: [w.strip("‘’“”\"',.").lower() for w in words]  # noqa: E731 - typography is not a difference
    matcher = difflib.SequenceMatcher(a=fold(a), b=fold(b), autojunk=False)
    keep_a: set[int] = set(range(len(a)))
    keep_b: set[int] = set(range(len(b)))
    for _, i1, i2, j1, j2 in (op for op in matcher.get_opcodes() if op[0] == "equal"):
        keep_a -= set(range(i1, i2))
        keep_b -= set(range(j1, j2))
    return {0: keep_a, 1: keep_b}


def _quote(claim: ClaimRef, style: str, words: set[int] | None) -> Text:
    """The quote with the value (or, for word diffs, its differing words) highlighted."""
    quote = terminal(claim.quote)
    text = Text(quote)
    value = terminal(claim.value)
    start = quote.find(value)
    if start < 0:
        start = quote.lower().find(value.lower())
    if start < 0:
        return text
    if words is None:
        text.stylize(f"{style} underline", start, start + len(value))
        return text
    text.stylize("underline", start, start + len(value))
    for i, match in enumerate(_WORD.finditer(value)):
        if i in words:
            text.stylize(f"{style} reverse", start + match.start(), start + match.end())
    return text


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
