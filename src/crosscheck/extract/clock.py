"""Clock times ("around 1:30 p.m. local time", "12:50 GMT") and race or finish times ("2:01:25", "2 hours, 35 seconds").

A clock time is a quantity in hours of the day (1:30 p.m. is 13.5) whose unit is its zone as written
("local time", "GMT"; "o'clock" when none is given): "around" widens it to the quarter-hour either side,
"shortly after" makes it a lower bound.  It is keyed by the event its clause names (the lexicon's
`time_clock_events`: "the quake struck", "the tremor came") and the day written with it, so two articles'
times of one event meet and a day's other times do not.  A race time is a duration in minutes, to the second
("35 seconds over 2 hours" is 2:00:35); `performances` reads whose time it is and of which race, and a duration
stated as a margin ("by 34 seconds", "3min 27sec ahead of") is `margins`' instead.
"""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.margins import extract_margins
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.relative_days import clause_start
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon

_WORDS = time_words()
_LEX = lexicon()
_APPROX = {"around": "about", "about": "about", "approximately": "about", "roughly": "about", "some": "about",
           "shortly after": "over", "just after": "over", "after": "over", "shortly before": "under",
           "just before": "under", "before": "under"}
_CLOCK = re.compile(
    rf"(?<![\w:.,])(?P<at>(?i:at)\s+)?(?:(?P<approx>(?i:{alternation(_APPROX)}))\s+)?"
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.])(?P<m>[0-5]\d))?(?![:.]?\d)"
    r"(?:\s*(?P<ampm>(?i:[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)))?"
    r"(?:\s+(?P<zone>local\s+time|local|[A-Z]{2,4})\b)?"
)
_RACE = re.compile(r"(?<![\w:.])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d(?:\.\d+)?)(?![\w:])(?!\s*(?i:[ap]\.?m\b))")
_MIN_SEC = re.compile(r"(?<![\w:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d\.\d+)(?![\w:])")
_H = r"(?i:hours?|hrs?|h)"
_M = r"(?i:minutes?|mins?|min)"
_S = r"(?i:seconds?|secs?|sec)"
_PART = r"(?:,?\s*(?:and\s+)?)"
_COMPOUND = re.compile(
    rf"(?<![\w-])(?:(?P<h>{NUMBER})\s*{_H}\b(?:{_PART}(?P<m>{NUMBER})\s*{_M}\b)?(?:{_PART}(?P<s>{NUMBER})\s*{_S}\b)?"
    rf"|(?P<m2>{NUMBER})\s*{_M}{_PART}(?P<s2>{NUMBER})\s*{_S}\b)"
)
_BEYOND = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s*(?P<u>{_S}|{_M})\s+(?P<dir>(?i:over|outside|under|inside))\s+(?P<h>{NUMBER})\s*{_H}\b")
"""A time told against a round figure: "just 35 seconds over 2 hours" is 2:00:35."""
_DAY = re.compile(
    rf"\b(?P<day>{alternation(d.capitalize() for d in _LEX.weekdays)}|"
    rf"(?:{alternation(m.capitalize() for m in _LEX.months if len(m) > 3 or m == 'may')})\s+\d{{1,2}})\b"
)


def _minutes(hours: float, minutes: float, seconds: float) -> float:
    return round(hours * 60 + minutes + seconds / 60, 4)


def _race(start: int, end: int, amount: float) -> Mention:
    return Mention("duration", start, end, {"kind": "duration", "amount": amount, "unit": "minute"},
                   extras={"timing": "race"})


def extract_race_times(article: Article) -> list[Mention]:
    """Every race or finish time ("2:01:25", "3:05.4", "two hours, five minutes and 12 seconds", "35 seconds over 2
    hours"), and every margin (`margins.extract_margins`), which a time it overlaps gives way to."""
    text = article.text
    found: list[Mention] = []
    for m in _RACE.finditer(text):
        found.append(_race(m.start(), m.end(), _minutes(int(m["h"]), int(m["m"]), float(m["s"]))))
    for m in _MIN_SEC.finditer(text):
        found.append(_race(m.start(), m.end(), _minutes(0, int(m["m"]), float(m["s"]))))
    for m in _BEYOND.finditer(text):
        part = parse_number(m["n"]) * (1 / 60 if m["u"].lower().startswith("s") else 1)
        sign = 1 if m["dir"].lower() in ("over", "outside") else -1
        found.append(_race(m.start(), m.end(), round(parse_number(m["h"]) * 60 + sign * part, 4)))
    for m in _COMPOUND.finditer(text):
        parts = [m["h"], m["m"], m["s"]] if m["h"] else [None, m["m2"], m["s2"]]
        if sum(p is not None for p in parts) < 2:
            continue  # "two hours" alone is read as a length by the dates
        h, mi, s = (parse_number(p) if p else 0 for p in parts)
        found.append(_race(m.start(), m.end(), _minutes(h, mi, s)))
    margins = extract_margins(article)
    found = [t for t in found if not any(g.start < t.end and t.start < g.end for g in margins)]
    return found + margins


def extract_clock_times(article: Article) -> list[Mention]:
    """Every time of day given with a.m./p.m., a zone, or as "at 14:05"."""
    text = article.text
    found: list[Mention] = []
    for m in _CLOCK.finditer(text):
        zone = _WORDS.clock_zones.get(" ".join((m["zone"] or "").lower().split())) if m["zone"] else None
        end = m.end() if zone or not m["zone"] else m.start("zone")
        while text[end - 1].isspace():
            end -= 1
        if article.is_metadata(m.start()) or not (m["ampm"] or zone or (m["at"] and m["m"] and m["sep"] == ":")):
            continue  # "2:1", "chapter 3:16": not a time of day
        if m["sep"] == "." and not m["ampm"]:
            continue  # "6.45" alone is a decimal number
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ampm = (m["ampm"] or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        elif hour > 23:
            continue
        amount = round(hour + minute / 60, 4)
        approx = _APPROX.get(" ".join((m["approx"] or "").lower().split()), "exact")
        value: dict = {"kind": "quantity", "unit": zone or "o'clock"}
        if approx == "about":
            value.update(approx="between", low=round(amount - 0.25, 4), high=round(amount + 0.25, 4))
        else:
            value.update(approx=approx, amount=amount)
        start = m.start("approx") if m["approx"] else m.start("h")
        event = _event_property(article, start, end)
        found.append(Mention("quantity", start, end, value, property_hint=event,
                             subject_hint="article" if event else None, extras={"own_key": True}))
    return found


def _event_property(article: Article, start: int, end: int) -> str | None:
    """ "time.struck.friday": the event the clause names and the day given with the time; None without an event."""
    text = article.text
    sentence = article.sentence_at(start)
    clause = text[clause_start(article, start):min(sentence.end, end + 60)].lower()
    words = re.findall(r"[a-z]+(?:\s+(?:off|down))?", clause)
    events = [_WORDS.clock_events[w] for w in words if w in _WORDS.clock_events]
    if not events or any(w in frame_lexicon().other_instance for w in clause.split()):
        return None  # no event, or "a further earthquake": another one
    days = [d for d in _DAY.finditer(text, sentence.start, sentence.end)]
    day = min(days, key=lambda d: abs(d.start() - end)).group("day") if days else None
    return ".".join(p for p in ("time", events[0], slug(day) if day else None) if p)
