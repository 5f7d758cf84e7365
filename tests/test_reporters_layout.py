"""The terminal report's own layout: wrapping by terminal cells, folding long words, boxed tables, styles as spans."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from crosscheck.reporters.layout import Styled, block, table, wrap


def lines_of(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width)]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("The council approved the budget on Tuesday.", 20, ["The council approved", "the budget on", "Tuesday."]),
        ("short", 20, ["short"]),
        ("  an indented first line keeps its margin", 16, ["  an indented", "first line keeps", "its margin"]),
        ("a https://example.org/a-very-long-address-without-spaces here", 12,
         ["a", "https://exam", "ple.org/a-ve", "ry-long-addr", "ess-without-", "spaces here"]),
        ("市议会周二批准了预算方案", 10, ["市议会周二", "批准了预算", "方案"]),  # two cells a character
    ],
)
def test_text_wraps_at_spaces_by_terminal_cells_and_folds_what_fits_no_line(text, width, lines):
    assert lines_of(text, width) == lines
    assert all(cell_len(line) <= width for line in lines)


def test_a_table_fits_its_width_and_pads_every_row_to_the_same_cells():
    rows = [[Styled("The mayor said 1,200 homes were built."), Styled("Officials counted 900 homes.")]]
    drawn = table([Styled("a.txt:3:1"), Styled("b.txt:7:12")], rows, 40, color=False, indent=2)
    assert {cell_len(line) for line in drawn} == {40}
    assert drawn[0].startswith("  ╭") and drawn[-1].startswith("  ╰")


def test_styles_are_spans_beside_the_text_and_never_read_from_it():
    text = Styled.of(("[bold]not markup[/bold] ", None), ("600+", "bold red"))
    assert block(text, 80, color=False) == ["[bold]not markup[/bold] 600+"]
    (coloured,) = block(text, 80, color=True)
    assert coloured == "[bold]not markup[/bold] \x1b[1;31m600+\x1b[0m"
