"""Histories as the time of the previous event of a kind, an interval of days like a date's.

"the first decline since 2011" and "the previous outbreak in 2011" put the one before in 2011:
[2011-01-01, 2012-01-01).  "since at least 2016" puts it in 2016 or earlier, or nowhere the
record knows: (-inf, 2017-01-01).  "The first strike in 30 years", written in 2024, puts it from 1993 to
1995: [1993-01-01, 1996-01-01).  "the first ever" says there was none: no interval, and
the words "none before".
"""

from __future__ import annotations

from crosscheck.kinds import intervals
from crosscheck.kinds.base import Normal
from crosscheck.kinds.dates import day_range, format_day
from crosscheck.model.values import HistoryValue

NONE_BEFORE = "none before"


def normalize(value: HistoryValue, text: str) -> Normal:
    """When the previous event of the kind was, as the history is written."""
    if value.since is None:
        return Normal(text=text, wording=NONE_BEFORE)
    start, end = day_range(value.since)
    if value.end is not None:
        end = day_range(value.end)[1]
        interval = intervals.make(start, end, high_closed=False, unit="date")
        wording = f"the previous one from {value.since} to {value.end}"
    elif value.at_least:
        interval = intervals.make(None, end, high_closed=False, unit="date")
        wording = f"the previous one in {value.since} or earlier, if any"
    else:
        interval = intervals.make(start, end, high_closed=False, unit="date")
        wording = f"the previous one in {value.since}"
    return Normal(text=text, interval=interval, fmt=format_day, plain=format_day, vocab=intervals.DATE_WORDS,
                  wording=wording)
