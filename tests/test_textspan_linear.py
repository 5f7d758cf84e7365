"""The linear SearchableText finds exactly what the straightforward per-character version finds."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.text.search import SearchableText, normalize_typography
from crosscheck.text.typography import CHARACTERS


class _Reference:
    """The obvious implementation: one origin entry per normalised character."""

    def __init__(self, text: str):
        chars: list[str] = []
        origin: list[int] = []
        in_space = False
        for i, ch in enumerate(text.translate(CHARACTERS)):
            if ch.isspace():
                if not in_space and chars:
                    chars.append(" ")
                    origin.append(i)
                in_space = True
            else:
                chars.append(ch)
                origin.append(i)
                in_space = False
        self.normalized = "".join(chars)
        self.origin = origin
        self.lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def find(self, quote: str, start: int = 0):
        needle = normalize_typography(quote)
        if not needle:
            return None
        at = self.normalized.find(needle, bisect.bisect_left(self.origin, start))
        if at < 0:
            return None
        begin, end = self.origin[at], self.origin[at + len(needle) - 1] + 1
        line = bisect.bisect_right(self.lines, begin)
        return begin, end, line, begin - self.lines[line - 1] + 1


TEXT = st.text(alphabet="ab c\n\t\u00a0\u2019'\u2014-`.", max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.text(alphabet="ab c'-", min_size=1, max_size=6), st.integers(0, 70))
def test_find_matches_reference(text, quote, start):
    fast, ref = SearchableText(text), _Reference(text)
    span = fast.find(quote, start)
    assert (span and (span.start, span.end, span.line, span.column)) == ref.find(quote, start)
    assert fast.normalized == ref.normalized.rstrip(" ")


def test_find_is_linear_in_article_size():
    text = "word " * 200_000 + "needle here"
    assert SearchableText(text).find("needle  here").start == 1_000_000
