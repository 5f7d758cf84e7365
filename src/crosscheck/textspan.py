"""Finding verbatim quotes in article text, tolerant only of typography.

A quote matches when it equals a stretch of the article after normalising
whitespace runs, curly quotes and apostrophes, and dashes; nothing else.  The
match is mapped back to offsets, line and column of the original text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ",
    }
)


def normalize_typography(text: str) -> str:
    """Map curly quotes, apostrophes and dashes to ASCII and collapse whitespace runs to one space."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote stands in the original text."""

    start: int
    end: int
    line: int
    column: int


class SearchableText:
    """An article prepared for repeated quote look-ups (one normalisation, many finds)."""

    def __init__(self, text: str):
        self.text = text
        translated = text.translate(_TYPOGRAPHY)
        chars: list[str] = []
        origin: list[int] = []
        in_space = False
        for i, ch in enumerate(translated):
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
        self._origin = origin
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def find(self, quote: str, start: int = 0) -> Span | None:
        """Locate `quote` (typography-normalised) at or after original offset `start`."""
        needle = normalize_typography(quote)
        if not needle:
            return None
        nstart = bisect.bisect_left(self._origin, start)
        at = self.normalized.find(needle, nstart)
        if at < 0:
            return None
        begin = self._origin[at]
        end = self._origin[at + len(needle) - 1] + 1
        return Span(begin, end, *self.position(begin))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the original text."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def closest_prefix(self, quote: str) -> int:
        """How many leading characters of the normalised quote occur in the text (for error hints)."""
        needle = normalize_typography(quote)
        lo, hi = 0, len(needle)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if needle[:mid] in self.normalized:
                lo = mid
            else:
                hi = mid - 1
        return lo
