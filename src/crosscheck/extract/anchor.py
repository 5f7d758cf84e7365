"""The date relative expressions are read against, and which way a clause points from it.

The anchor is the publication date when the caller gives one, completed by the dateline's month and
day when it gives only a year; else the dateline's or the timestamp line's date.  A clause points ahead
("will reopen on Monday", "is due on Friday") or back ("reopened on Monday", "said Monday") by the last
tense marker before the expression: a future word of the lexicon, or a past-tense verb.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from crosscheck.extract.article import Article
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation

Tense = Literal["future", "past"] | None
_TENSE_REACH = 183
"""Days ahead of the anchor within which a future clause puts a day written without a year."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are read against (from `published` or the dateline)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, article: Article, published: str | None = None) -> Anchor:
        d = article.dateline if article.dateline is not None and article.dateline.year else article.stamp or article.dateline
        if published:
            parts = [int(p) for p in published.split("-")]
            year, month, day = (parts + [None, None])[:3]
            if month is None and d is not None and d.month and (d.year in (None, year)):
                return cls(year, d.month, d.day)  # a year given, the dateline gives the day
            return cls(year, month, day)
        return cls(d.year, d.month, d.day) if d else cls()

    @property
    def date(self) -> dt.date | None:
        """The anchor as a day, when it is one."""
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = time_words()
    future = re.compile(rf"(?<![\w'’])(?:{alternation(words.future_markers)})(?![\w])", re.I)
    past = re.compile(rf"(?<![\w'’])(?:{alternation(words.past_markers)}|[a-z]{{2,}}ed)(?![\w'’])", re.I)
    return future, past


def tense_before(text: str, start: int, at: int) -> Tense:
    """Which way the clause in `text[start:at]` points: its last tense marker decides; None without one."""
    future, past = _markers()
    not_past = time_words().not_past
    last_future = max((m.end() for m in future.finditer(text, start, at)), default=-1)
    last_past = max((m.end() for m in past.finditer(text, start, at) if m.group().lower() not in not_past),
                    default=-1)
    if last_future < 0 and last_past < 0:
        return None
    return "future" if last_future >= last_past else "past"


def nearest_year(month: int, day: int, anchor: Anchor, tense: Tense) -> int | None:
    """The year of a day written without one: the last such day on or before the anchor for a past clause,
    the next one on or after it (within half a year) for a future clause, else the nearest to it."""
    if not anchor.year:
        return None
    base = anchor.date or (dt.date(anchor.year, anchor.month, 15) if anchor.month else None)
    if base is None:
        return anchor.year
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c <= base]
        return max(before).year if before else None
    if tense == "future" and (after := [c for c in candidates if base <= c <= base + dt.timedelta(_TENSE_REACH)]):
        return min(after).year
    # no day ahead within half a year: a day that far ahead would have been written with its year, so the future
    # word belongs to another part of the clause ("will pay ... a premium to its closing price on Aug. 2")
    return min(candidates, key=lambda c: (abs((c - base).days), c)).year
