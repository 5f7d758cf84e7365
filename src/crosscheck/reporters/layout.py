"""Styled text, word wrapping and boxed tables for the terminal report, written straight to ANSI or plain text.

rich lays a table out by measuring every cell several times: 20 ms a finding, minutes for a
large report.  The terminal report needs only a little of it (wrap words, fold a long word,
draw a box, colour some spans), done here in one pass per cell: the report of 30,000
findings renders in the time the JSON report takes to write, give or take.  Text is never
parsed for markup (there is none: styles are spans given beside the text); escape and control
characters are stripped by `escape.terminal` before text reaches a `Styled`.  Widths are
terminal cells (`rich.cells.cell_len`: East Asian characters take two).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from rich.cells import cell_len

_CODES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "reverse": "7"}
_COLOURS = {"black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7}


@cache
def sgr(style: str) -> str:
    """The SGR parameters of a style written as rich writes them ("bold white on red", "bold red underline")."""
    codes = []
    words = style.split()
    background = False
    for word in words:
        if word == "on":
            background = True
        elif word in _COLOURS:
            codes.append(str((40 if background else 30) + _COLOURS[word]))
            background = False
        elif word in _CODES:
            codes.append(_CODES[word])
    return ";".join(codes)


@dataclass(slots=True)
class Styled:
    """Text with styled spans (start, end, style); spans may overlap, their styles add up."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def of(cls, *parts: str | tuple[str, str | None]) -> Styled:
        """Pieces of text, each plain or (text, style)."""
        pieces, spans, at = [], [], 0
        for part in parts:
            text, style = part if isinstance(part, tuple) else (part, None)
            pieces.append(text)
            if style:
                spans.append((at, at + len(text), style))
            at += len(text)
        return cls("".join(pieces), spans)

    def append(self, text: str, style: str | None = None) -> Styled:
        start = len(self.text)
        self.text += text
        if style:
            self.spans.append((start, len(self.text), style))
        return self

    def stylize(self, style: str, start: int, end: int) -> None:
        self.spans.append((start, end, style))

    def render(self, start: int = 0, end: int | None = None, *, color: bool) -> str:
        """The characters start..end, with ANSI styles when `color`."""
        end = len(self.text) if end is None else end
        if not color or not self.spans:
            return self.text[start:end]
        cuts = {start, end}
        for s, e, _ in self.spans:
            if s < end and e > start:
                cuts.update((max(s, start), min(e, end)))
        ordered = sorted(cuts)
        out = []
        for a, b in zip(ordered, ordered[1:]):
            piece = self.text[a:b]
            codes = ";".join(code for s, e, style in self.spans if s <= a and e >= b and (code := sgr(style)))
            out.append(f"\x1b[{codes}m{piece}\x1b[0m" if codes else piece)
        return "".join(out)


_WORD = re.compile(r"\S+")


_RANGES = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0),
           (0x2100, 0x214F), (0x2190, 0x23FF), (0x2500, 0x25FF))
_ONE_CELL = frozenset(c for low, high in _RANGES for c in map(chr, range(low, high + 1)) if c.isprintable() and cell_len(c) == 1)
"""Printable characters of Latin, Greek, Cyrillic, punctuation, currency, arrows, mathematical operators and boxes
that take one terminal cell (as rich measures them): a text of only these needs no measuring per character."""


def narrow(text: str) -> bool:
    """Whether `text` is one line whose every character takes one cell (then cells are characters)."""
    if text.isascii():
        return text.isprintable()
    return _ONE_CELL.issuperset(text) or (text.isprintable() and cell_len(text) == len(text))


def wrap(text: str, width: int, one_cell: bool | None = None) -> list[tuple[int, int]]:
    """Line ranges (start, end) of `text` wrapped at `width` cells: at spaces, a longer word folded.

    Each line of `text` is a paragraph; one keeps the spaces it starts with (an indent, a badge's margin).
    """
    width = max(width, 1)
    if one_cell if one_cell is not None else narrow(text):  # `one_cell`: `narrow(text)`, when the caller knows it
        if len(text) <= width:
            return [(0, len(text.rstrip(" ")))]
        return _wrap_narrow(text, width)
    lines: list[tuple[int, int]] = []
    for paragraph_start, paragraph_end in _paragraphs(text):
        line: list[int] = []  # [start, end] of the line being filled
        used = 0
        first = True
        for match in _WORD.finditer(text, paragraph_start, paragraph_end):
            start, end = match.span()
            if first:
                start, first = paragraph_start, False
            size = cell_len(text[start:end])
            if line and used + 1 + size <= width:
                line[1], used = end, used + 1 + size
                continue
            if line:
                lines.append((line[0], line[1]))
            while size > width:  # fold a word that fits no line
                cut = _fit(text, start, end, width)
                lines.append((start, cut))
                start = cut
                size = cell_len(text[start:end])
            line, used = [start, end], size
        lines.append((line[0], line[1]) if line else (paragraph_start, paragraph_start))
    return lines


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap` for one line of text whose every character takes one cell: string searches, not a walk over words."""
    lines = []
    start, size = 0, len(text)
    while size - start > width:
        cut = text.rfind(" ", start + 1, start + width + 1)
        if cut <= start:  # no space to break at: fold the word, or break after it when it fits no line
            cut = start + width
            lines.append((start, cut))
            start = cut
        else:
            lines.append((start, len(text[start:cut].rstrip(" ")) + start))
            start = cut + 1
        while start < size and text[start] == " ":
            start += 1
    lines.append((start, len(text[start:].rstrip(" ")) + start))
    return lines


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The end of the longest run of text[start:end] that fits `width` cells (at least one character)."""
    used = 0
    for i in range(start, end):
        used += cell_len(text[i])
        if used > width:
            return max(i, start + 1)
    return end


def block(styled: Styled, width: int, *, color: bool, indent: int = 0) -> list[str]:
    """The text wrapped at `width`, each line indented."""
    pad = " " * indent
    return [pad + styled.render(s, e, color=color) for s, e in wrap(styled.text, width - indent)]


BOX = {"top": "╭─┬╮", "middle": "├─┼┤", "bottom": "╰─┴╯", "side": "│"}


def table(header: Sequence[Styled], rows: Sequence[Sequence[Styled]], width: int, *, color: bool, indent: int = 0,
          ratios: Sequence[int] | None = None, fixed: Sequence[bool] | None = None) -> list[str]:
    """A boxed table with a header row and a rule between rows, at most `width` cells wide.

    Columns share the width by `ratios` (equal by default) and shrink to their content;
    a `fixed` column keeps its content's width unwrapped.
    """
    count = len(header)
    ratios = ratios or [1] * count
    fixed = fixed or [False] * count
    every = [header, *rows]
    one_cell = [[narrow(cell.text) for cell in row] for row in every]
    natural = [0] * count
    for row, narrows in zip(every, one_cell):
        for i, cell in enumerate(row):
            size = len(cell.text) if narrows[i] else _natural(cell)
            if size > natural[i]:
                natural[i] = size
    widths = _widths(natural, max(width - indent - (count + 1) - 2 * count, count), ratios, fixed)
    pad = " " * indent
    side = BOX["side"]
    rules = {}
    for kind in ("top", "middle", "bottom"):
        left, line, cross, right = tuple(BOX[kind])
        rules[kind] = pad + left + cross.join(line * (w + 2) for w in widths) + right
    out = [rules["top"]]
    for n, (row, narrows) in enumerate(zip(every, one_cell)):
        if n:
            out.append(rules["middle"])
        columns = []
        for i, cell in enumerate(row):
            text, room = cell.text, widths[i]
            lines = []
            for s, e in wrap(text, room, narrows[i]):
                shown = e - s if narrows[i] else cell_len(text[s:e])
                lines.append(" " + (cell.render(s, e, color=True) if color else text[s:e]) + " " * (room - shown + 1))
            columns.append(lines)
        height = max(len(lines) for lines in columns)
        for i, lines in enumerate(columns):
            if len(lines) < height:
                lines.extend([" " * (widths[i] + 2)] * (height - len(lines)))
        out.extend(pad + side + side.join(parts) + side for parts in zip(*columns))
    out.append(rules["bottom"])
    return out


def _widths(natural: list[int], room: int, ratios: Sequence[int], fixed: Sequence[bool]) -> list[int]:
    """Each column's width: a fixed one its content's; the others share the rest by ratio, none wider than its content."""
    count = len(natural)
    widths = [natural[i] if fixed[i] else 0 for i in range(count)]
    free = max(room - sum(widths), count)
    flexible = [i for i in range(count) if not fixed[i]]
    total = sum(ratios[i] for i in flexible) or 1
    for i in flexible:
        widths[i] = max(1, min(natural[i], free * ratios[i] // total))
    spare = room - sum(widths)
    for i in reversed(flexible):  # what a column does not need goes to the others that do (the last first, as rich)
        extra = min(spare, natural[i] - widths[i])
        if extra > 0:
            widths[i] += extra
            spare -= extra
    return widths


def _natural(cell: Styled) -> int:
    return max((cell_len(line) for line in cell.text.split("\n")), default=0)
