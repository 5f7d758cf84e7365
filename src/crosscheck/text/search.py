"""Finding verbatim quotes in article text, tolerant only of typography.

A quote matches when it equals a stretch of the article after normalising
whitespace runs, curly quotes and apostrophes, and dashes; nothing else.  The
match is mapped back to offsets, line and column of the original text.
"""

from __future__ import annotations

import bisect
import re
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
    return " ".join(_translate(text).split())


_TYPOGRAPHIC = re.compile("[" + re.escape("".join(chr(c) for c in _TYPOGRAPHY)) + "]")


def _mapped(match: re.Match[str]) -> str:
    return _TYPOGRAPHY[ord(match.group())]  # type: ignore[return-value]


def _translate(text: str) -> str:
    """`text.translate(_TYPOGRAPHY)`, fast: ASCII text has nothing to map but the backtick, and a
    regex scan finds the few typographic characters of a long text quicker than translate() visits all."""
    if text.isascii() and "`" not in text:
        return text
    return _TYPOGRAPHIC.sub(_mapped, text)


_DRIFT = re.compile(r"\s\s+")
"""A whitespace run the normalised text shortens (a single blank only becomes a space)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote stands in the original text."""

    start: int
    end: int
    line: int
    column: int


class SearchableText:
    """An article prepared for repeated quote look-ups (one normalisation, many finds).

    Linear in the text: the normalised text is its whitespace-separated words joined by single
    spaces, so it only drifts from the original where whitespace is dropped: at the start, and
    at each run of two or more blanks.  Offsets map back through one (normalised start, original
    start, original end) triple per stretch between such runs; most articles have a few dozen.
    """

    def __init__(self, text: str):
        self.text = text
        translated = _translate(text)
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
        """1-based (line, column) of an offset in the original text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
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
