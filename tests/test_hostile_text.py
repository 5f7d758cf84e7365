"""Claims in articles written with any line ending are placed on their own line (issue 19: all were on line 1)."""

from __future__ import annotations

import pytest

from crosscheck.text.search import SearchableText


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_a_quote_is_placed_on_its_line_whatever_the_line_ending(ending):
    text = SearchableText(ending.join(["Headline", "", "Acme said 5 people were hired.", "The end."]))
    span = text.find("5 people were hired")
    assert span is not None and (span.line, span.column) == (3, 11)


def test_crlf_counts_as_one_line_break():
    text = SearchableText("a\r\nb\r\nc")
    assert text.position(text.text.index("c")) == (3, 1)
