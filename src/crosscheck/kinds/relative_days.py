"""Days, weeks and months named relative to the dateline: "yesterday", "last Friday", "on Monday", "last month".

News dates most events by weekday.  Against a dateline to the day:

    "yesterday", "today", "tomorrow"   the day before, of or after (words and offsets in the lexicon)
    "last Friday"                      the latest Friday before the dateline
    "on Monday", "Monday"              the latest Monday up to the dateline (news reports what happened) ...
    "will reopen on Monday"            ... unless a future cue reads it forward: the next Monday after it
    "next Monday"                      the next Monday after the dateline
    "last week", "this week"           Monday to Sunday of the week before, or of the dateline's week
    "last month", "next month"         the calendar month before or after the dateline's

A dateline at month granularity resolves months only; at year granularity, nothing here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from crosscheck.kinds.vocabulary import vocabulary


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = vocabulary()
    days = "|".join(sorted((re.escape(w) for w in words.relative_days), key=len, reverse=True))
    weekdays = "|".join(words.weekdays)
    cues = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words.future_cues), key=len, reverse=True))
    return (
        re.compile(rf"\b(?P<day>{days})\b", re.IGNORECASE),
        re.compile(rf"\b(?:(?P<which>last|this|next|past|coming)\s+)?(?P<weekday>{weekdays})\b", re.IGNORECASE),
        re.compile(r"\b(?P<which>last|this|next|past)\s+(?P<period>week|month)\b", re.IGNORECASE),
        re.compile(rf"(?<![\w'])(?:{cues})(?!\w)", re.IGNORECASE),
    )


def _day(published: str) -> dt.date | None:
    return dt.date.fromisoformat(published) if len(published) == 10 else None


def _weekday(name: str, which: str | None, pub: dt.date, forward: bool) -> dt.date:
    target = vocabulary().weekdays.index(name.lower())
    back = (pub.weekday() - target) % 7
    if which in ("last", "past"):
        return pub - dt.timedelta(days=back or 7)
    if which in ("next", "coming") or forward:
        return pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
    return pub - dt.timedelta(days=back)


def _month(published: str, offset: int) -> str:
    year, month = int(published[:4]), int(published[5:7])
    total = year * 12 + month - 1 + offset
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def resolve_day(relative: str, published: str, context: str = "") -> tuple[str, str | None, str] | None:
    """(date, end of the period or None, relation) for a relative day, week or month; None when not one."""
    day_word, weekday, period, future = _patterns()
    pub = _day(published)
    match = period.search(relative)
    if match and match.group("period").lower() == "month" and len(published) >= 7:
        offset = {"last": -1, "past": -1, "this": 0, "next": 1}[match.group("which").lower()]
        return _month(published, offset), None, "on"
    if pub is None:
        return None
    if match:
        offset = {"last": -7, "past": -7, "this": 0, "next": 7}[match.group("which").lower()]
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=offset)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "on"
    match = day_word.search(relative)
    if match:
        return (pub + dt.timedelta(days=vocabulary().relative_days[match.group("day").lower()])).isoformat(), None, "on"
    match = weekday.search(relative)
    if match:
        which = (match.group("which") or "").lower() or None
        forward = bool(future.search(relative) or future.search(context))
        return _weekday(match.group("weekday"), which, pub, forward).isoformat(), None, "on"
    return None
