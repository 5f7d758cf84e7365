"""Finding verbatim quotes in article text, tolerant only of typography.

A quote matches when it equals a stretch of the article after normalising
whitespace runs, curly quotes and apostrophes, and dashes (the one fold of
`text.typography`); nothing else.  The match is mapped back to offsets, line
and column of the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from crosscheck.text.typography import fold_characters, normalize_typography

__all__ = ["SearchableText", "Span", "normalize_typography"]

_DRIFT = re.compile(r"\s\s+")
"""A whitespace run the normalised text shortens (a single blank only becomes a space)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote stands in the original text."""

    start: int
    end: int
    line: int
    column: int


_LINE_END = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Every line boundary `str.splitlines` knows, CRLF as one."""


class SearchableText:
    """An article prepared for repeated quote look-ups (one normalisation, many finds).

    Linear in the text: the normalised text is its whitespace-separated words joined by single
    spaces, so it only drifts from the original where whitespace is dropped: at the start, and
    at each run of two or more blanks.  Offsets map back through one (normalised start, original
    start, original end) triple per stretch between such runs; most articles have a few dozen.
    """

    def __init__(self, text: str):
        self.text = text
        translated = fold_characters(text)
        self.normalized = " ".join(translated.split())
        lead = len(translated) - len(translated.lstrip())
        norm_starts = [0]
        orig_starts = [lead]
        orig_ends: list[int] = []
        """Original offset of the first blank after each stretch (a joining space still maps there)."""
        dropped = lead
        for match in _DRIFT.finditer(translated, lead):
            begin, end = match.span()
            orig_ends.append(begin)
            if end == len(translated):
                break  # trailing blanks: nothing follows
            dropped += end - begin - 1
            norm_starts.append(end - dropped)
            orig_starts.append(end)
        else:
            orig_ends.append(len(translated))
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts
        self._orig_ends = orig_ends
        self._line_starts: list[int] | None = None

    def _origin(self, at: int) -> int:
        """Original offset of normalised offset `at` (a joining space maps to its run's first blank)."""
        k = bisect.bisect_right(self._norm_starts, at) - 1
        return self._orig_starts[k] + (at - self._norm_starts[k])

    def _normalized_index(self, start: int) -> int:
        """The first normalised offset whose original offset is at or after `start`."""
        k = bisect.bisect_right(self._orig_starts, start) - 1
        if k < 0:
            return 0
        if start <= self._orig_ends[k]:
            return self._norm_starts[k] + (start - self._orig_starts[k])
        return self._norm_starts[k + 1] if k + 1 < len(self._norm_starts) else len(self.normalized)

    def find(self, quote: str, start: int = 0) -> Span | None:
        """Locate `quote` (typography-normalised) at or after original offset `start`."""
        needle = normalize_typography(quote)
        if not needle:
            return None
        at = self.normalized.find(needle, self._normalized_index(start) if start else 0)
        if at < 0:
            return None
        begin = self._origin(at)
        end = self._origin(at + len(needle) - 1) + 1
        return Span(begin, end, *self.position(begin))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the original text.

        Lines end where `str.splitlines` ends them: CRLF, a lone CR, NEL, U+2028 and the rest, so an
        article written with any of them does not put every claim on line 1.
        """
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
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
