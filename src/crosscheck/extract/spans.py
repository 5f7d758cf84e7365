"""Which of an article's spans hold a position: found by bisection, so drafting stays linear in the text's length.

The drafting filters ask, for every mention, whether a quotation, a title or a conversion holds it; scanning
every span per mention made a long article (a live blog, a transcript) quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Half-open spans `[start, end)`, indexed once, asked by bisection which of them hold a span or an offset."""

    __slots__ = ("_spans", "_order", "_starts", "_reach", "_longest")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._spans = [(s, e) for s, e in spans]
        self._order = sorted(range(len(self._spans)), key=lambda i: self._spans[i][0])
        self._starts = [self._spans[i][0] for i in self._order]
        # the furthest end of any span starting at or before each sorted position
        self._reach = list(accumulate((self._spans[i][1] for i in self._order), max))
        self._longest = max((e - s for s, e in self._spans), default=0)

    def covers(self, start: int, end: int) -> bool:
        """True when some span holds `[start, end)` whole (`s <= start and end <= e`)."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end

    def holds(self, offset: int) -> bool:
        """True when some span holds `offset` (`s <= offset < e`)."""
        i = bisect.bisect_right(self._starts, offset)
        return i > 0 and self._reach[i - 1] > offset

    def covering(self, start: int, end: int) -> list[int]:
        """The indices, in the order the spans were given, of every span that holds `[start, end)` whole."""
        # a span that holds it starts at or before `start` and no earlier than `end` minus the longest span
        lo = bisect.bisect_left(self._starts, end - self._longest)
        hi = bisect.bisect_right(self._starts, start)
        return sorted(i for i in self._order[lo:hi] if self._spans[i][1] >= end)
