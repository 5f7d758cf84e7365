"""Dates and periods at their stated granularity, as intervals of days.

Bounds are proleptic Gregorian day numbers (`date.toordinal()`), half-open at
the top: "2023" is [2023-01-01, 2024-01-01), "March 2023" is
[2023-03-01, 2023-04-01).  The relation turns the date into the set of times
the event can fall in:

    on / since / until  the date itself       "in 2023", "since 2016" (the start point)
    by                  up to its end         "by 2035" -> (-∞, 2036-01-01)
    before / after      strictly outside it
    within              from the dateline to the end of the window

Relative expressions ("last December", "within the next five years") resolve
against the article's dateline (`meta.published`); a window that cannot be
resolved keeps its length, so two undated "next decade"s can still be compared.
Days and weeks need a dateline to the day (`kinds.relative_days`): "yesterday",
"last Friday", "on Monday" (the latest Monday up to the dateline), "will reopen
on Monday" (the next one: a future cue of the lexicon makes it read forward),
"last week", "this month", "last month".
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.kinds import intervals
from crosscheck.kinds.base import Normal
from crosscheck.kinds.numbers import figures
from crosscheck.kinds.relative_days import resolve_day
from crosscheck.model.values import DateValue, Interval

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

UNIT_YEARS = {"year": 1.0, "years": 1.0, "decade": 10.0, "decades": 10.0, "half-decade": 5.0, "month": 1 / 12, "months": 1 / 12}

_WINDOW = re.compile(
    r"\b(?:within|over|in|during|for)\s+the\s+(?:next|coming|following|upcoming)\s+(?P<count>[\w.-]+\s+)?(?P<unit>half-decade|decades?|years?|months?)\b",
    re.IGNORECASE,
)
_LAST_MONTH = re.compile(rf"\b(?P<which>last|this|next)\s+(?P<month>{'|'.join(MONTHS)})\b", re.IGNORECASE)
_YEAR_WORD = re.compile(r"\b(?P<which>last|this|next)\s+year\b", re.IGNORECASE)


def day_range(partial: str) -> tuple[int, int]:
    """[first day, day after the last) of a year, month or day, as ordinals."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0] + 1, 1, 1).toordinal()
    if len(parts) == 2:
        year, month = parts
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return dt.date(year, month, 1).toordinal(), nxt.toordinal()
    day = dt.date(*parts)
    return day.toordinal(), day.toordinal() + 1


def year_of(partial: str) -> int:
    """The year of a partial date string."""
    return int(partial[:4])


def format_day(ordinal: float) -> str:
    """A day number as an ISO date."""
    return dt.date.fromordinal(int(ordinal)).isoformat()


def add_years(day: dt.date, years: float) -> dt.date:
    """`day` moved by a number of years (fractions as months); Feb 29 falls back to Feb 28."""
    months = round(years * 12)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # a window past year 9999 (or before year 1) ends at the calendar's edge
        return dt.date.max if year > dt.MAXYEAR else dt.date.min
    while True:
        try:
            return dt.date(year, month, min(day.day, 31))
        except ValueError:
            day = day.replace(day=day.day - 1)


def window_years(relative: str) -> float | None:
    """Length in years of a forward window: "within the next decade" -> 10, "the coming half-decade" -> 5."""
    match = _WINDOW.search(relative)
    if not match:
        return None
    unit = match.group("unit").lower()
    count_text = (match.group("count") or "").strip()
    count = 1.0
    if count_text:
        found = figures(count_text)
        if not found:
            return None
        count = float(found[0].value)
    return count * UNIT_YEARS[unit]


def resolve(relative: str, published: str | None, context: str = "") -> tuple[str, str | None, str] | None:
    """A relative day, week, month or year as (date, end of a period or None, relation).

    "last December" on 2025-01-16 -> ("2024-12", None, "on"); "last week" -> its Monday and Sunday.
    `context` is the text around it (the claim's words), read for a future cue ("will reopen on Monday").
    """
    if published is None:
        return None
    day = resolve_day(relative, published, context)
    if day is not None:
        return day
    pub_year = year_of(published)
    pub_month = int(published[5:7]) if len(published) >= 7 else None
    match = _LAST_MONTH.search(relative)
    if match:
        month = MONTHS.index(match.group("month").lower()) + 1
        which = match.group("which").lower()
        year = pub_year
        if which == "last" and (pub_month is None or month >= pub_month):
            year -= 1
        elif which == "next" and (pub_month is None or month <= pub_month):
            year += 1
        return (f"{year:04d}-{month:02d}", None, "on") if dt.MINYEAR <= year <= dt.MAXYEAR else None  # past the calendar
    match = _YEAR_WORD.search(relative)
    if match:
        year = pub_year + {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
        return (f"{year:04d}", None, "on") if dt.MINYEAR <= year <= dt.MAXYEAR else None
    return None


def _relation_interval(relation: str, start: int, end: int, published: str | None) -> Interval:
    if relation in ("on", "since", "until"):
        return intervals.make(start, end, high_closed=False, unit="date")
    if relation == "by":
        return intervals.make(None, end, high_closed=False, unit="date")
    if relation == "before":
        return intervals.make(None, start, high_closed=False, unit="date")
    if relation == "after":
        return intervals.make(end, None, unit="date")
    if relation == "within":
        low = day_range(published)[0] if published else None
        return intervals.make(low, end, high_closed=False, unit="date")
    raise ValueError(f"unknown date relation {relation!r}")


def _dated(text: str, interval: Interval | None = None, *, window_years: float | None = None, wording: str | None = None) -> Normal:
    """A normal form whose bounds print as days and read as dates ("on or after 2024-01-01")."""
    return Normal(
        text=text, interval=interval, fmt=format_day, plain=format_day, vocab=intervals.DATE_WORDS,
        window_years=window_years, wording=wording,
    )


def normalize(value: DateValue, text: str, published: str | None = None) -> Normal:
    """The days an event can fall on, given the relation and granularity as written."""
    date: str | None = value.date
    period_end: str | None = value.end
    relation: str = value.relation
    if date is None and value.relative:
        resolved = resolve(value.relative, published, text)
        if resolved is not None:
            date, period_end = resolved[0], resolved[1] or period_end
            relation = resolved[2] if relation == "on" else relation
    if date is not None:
        start = day_range(date)[0]
        end = day_range(period_end or date)[1]
        interval = _relation_interval(relation, start, end, published)
        return _dated(text, interval)
    years = window_years(value.relative or text)
    if years is None:
        return _dated(text)
    if published is not None:
        first = dt.date.fromordinal(day_range(published)[0])
        last = add_years(first, years)
        interval = intervals.make(first.toordinal(), last.toordinal(), unit="date")
        return _dated(text, interval, window_years=years)
    return _dated(text, window_years=years, wording=f"a window of {years:g} years from an unstated date")
