"""Days and weeks written relative to the dateline: weekdays, "yesterday", "a fortnight ago", "last week".

"on Tuesday" and "said Monday" in a past clause are the last such day on or before the anchor; "will reopen
on Monday", "is due on Friday" and "next Tuesday" the next one on or after it ("last Friday" and "next
Friday" never the anchor's own day).  "N days ago" is a day, "N weeks ago" (and "a fortnight ago") the
seven days around it, "N months ago" a month, "N years ago" a year.  "last week", "this week" and
"next week" are Monday to Sunday.  Each keeps its words in `relative`; `date` is set only with an anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.extract.anchor import Anchor, tense_before
from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_WEEKDAY = alternation(d.capitalize() for d in _LEX.weekdays)
_MONTH = alternation(m.capitalize() for m in _LEX.months)
_UNITS = alternation([*_LEX.duration_units, *time_words().counted_periods])
_DAY = re.compile(
    rf"(?:(?P<prefix>(?i:last|this\s+coming|this|next|on|by|until|till|since|before|after|from|for))\s+)?"
    rf"(?P<weekday>{_WEEKDAY})(?:['’]s)?(?![\w-])"
)
_AFTER_WEEKDAY = re.compile(rf",?\s+(?:(?:{_MONTH})\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH}))|\s+[A-Z]")
_AGO = re.compile(rf"(?<![\w-])(?P<n>{NUMBER}|an?)\s+(?P<unit>(?i:{_UNITS}))\s+ago\b", re.I)
_NEXT_DAY = re.compile(r"(?<![\w'’-])(?P<w>(?i:yesterday|tomorrow))(?!['’]s|[\w-])")
_PART_OF = re.compile(r"\s+of\b")
_DETERMINED = re.compile(r"(?i)\b(?:the|its|his|her|their|our|my|your)\s+(?:[a-z]+\s+and\s+)?$")
"""Before "last year of ...", the words that make it a part of something named after ("the last year of the deal"),
not the year before the article's ("revenue last year of $5 billion" is)."""
_WEEK = re.compile(r"(?<![\w-])(?P<which>(?i:last|this|next|past))\s+(?P<unit>(?i:week|month|year))\b(?!['’]s)")
_CLAUSE = re.compile(r"[;:—–]|,\s+(?:but|while|and|although|though)\b")


def _date(start: int, end: int, relation: str, date: str | None, end_date: str | None, relative: str) -> Mention:
    value: dict = {"kind": "date", "relation": relation, "relative": relative}
    if date:
        value["date"] = date
    if end_date:
        value["end"] = end_date
    return Mention("date", start, end, value)


def _relation(word: str | None) -> str:
    if not word or word.lower() in ("last", "this", "next", "this coming", "on", "for"):
        return "on"
    return _LEX.date_relations.get(word.lower(), "on")


def clause_start(article: Article, at: int) -> int:
    """Where the clause holding `at` starts (its sentence's start, or the last clause break before it)."""
    start = article.sentence_at(at).start
    breaks = [m.end() for m in _CLAUSE.finditer(article.text, start, at)]
    return breaks[-1] if breaks else start


def extract_relative_days(article: Article, anchor: Anchor) -> list[Mention]:
    """Every weekday, "yesterday"/"tomorrow", "N units ago" and "last/this/next week/month/year" in the article."""
    text, base = article.text, anchor.date
    found: list[Mention] = []
    for m in _DAY.finditer(text):
        if article.is_metadata(m.start()):
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if _AFTER_WEEKDAY.match(text, m.end("weekday")) or (not m["prefix"] and re.search(r"[A-Z][\w-]*\s+$", before)
                                                            and not re.search(r"[.!?]\s+$", before)):
            continue  # "Monday, March 3" is read as the day; "Black Friday", "Friday Night Lights" are names
        prefix = (m["prefix"] or "").lower()
        date = None
        if base is not None:
            target = _LEX.weekdays.index(m["weekday"].lower())
            if prefix == "last":
                back = (base.weekday() - target) % 7 or 7
                date = base - dt.timedelta(days=back)
            elif prefix in ("next", "this coming"):
                date = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
            elif tense_before(text, clause_start(article, m.start()), m.start()) == "future" \
                    or prefix in ("by", "until", "till", "before"):
                date = base + dt.timedelta(days=(target - base.weekday()) % 7)
            else:
                date = base - dt.timedelta(days=(base.weekday() - target) % 7)
        start = m.start("weekday") if prefix == "for" else m.start()
        found.append(_date(start, m.end("weekday"), _relation(m["prefix"]), date.isoformat() if date else None, None,
                           text[start:m.end("weekday")]))
    for m in _NEXT_DAY.finditer(text):
        if article.is_metadata(m.start()):
            continue
        shift = -1 if m["w"].lower() == "yesterday" else 1
        day = (base + dt.timedelta(days=shift)).isoformat() if base else None
        found.append(_date(m.start(), m.end(), "on", day, None, m.group()))
    for m in _AGO.finditer(text):
        found.append(_ago(m, anchor))
    for m in _WEEK.finditer(text):
        if _PART_OF.match(text, m.end()) and _DETERMINED.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the fourth and last year of the contract", "in the last week of the trial": a part of it
        found.append(_last_period(m, anchor))
    return found


def _ago(m: re.Match, anchor: Anchor) -> Mention:
    words = time_words()
    unit_word = m["unit"].lower()
    n = 1 if m["n"].lower() in ("a", "an") else parse_number(m["n"])
    if unit_word in words.counted_periods:
        times, unit = words.counted_periods[unit_word]
        n = n * times
    else:
        unit = _LEX.duration_units.get(unit_word, unit_word)
    date = end = None
    base = anchor.date
    if m["n"].lower() in ("a", "an") and unit not in ("day", "week"):
        date = None  # "a year ago" compares a figure with last year's: it is not the date of an event
    elif isinstance(n, float) and not n.is_integer():
        date = None
    elif unit == "day" and base:
        date = (base - dt.timedelta(days=int(n))).isoformat()
    elif unit == "week" and base:
        middle = base - dt.timedelta(days=7 * int(n))
        date, end = (middle - dt.timedelta(days=3)).isoformat(), (middle + dt.timedelta(days=3)).isoformat()
    elif unit == "month" and anchor.year and anchor.month:
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 - int(n), 12)
        date = f"{y:04d}-{mo + 1:02d}"
    elif unit in ("year", "decade") and anchor.year:
        date = f"{anchor.year - int(n) * (10 if unit == 'decade' else 1):04d}"
    return _date(m.start(), m.end(), "on", date, end, m.group())


def _last_period(m: re.Match, anchor: Anchor) -> Mention:
    which, unit = m["which"].lower(), m["unit"].lower()
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    date = end = None
    if unit == "year" and anchor.year:
        date = f"{anchor.year + shift:04d}"
    elif unit == "month" and anchor.year and anchor.month:
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        date = f"{y:04d}-{mo + 1:02d}"
    elif unit == "week" and anchor.date and which == "past":
        date, end = (anchor.date - dt.timedelta(days=7)).isoformat(), anchor.date.isoformat()
    elif unit == "week" and anchor.date:
        monday = anchor.date - dt.timedelta(days=anchor.date.weekday()) + dt.timedelta(weeks=shift)
        date, end = monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    return _date(m.start(), m.end(), "on", date, end, m.group())
