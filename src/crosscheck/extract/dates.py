"""Dates, relative time expressions and durations, resolved against the dateline when there is one.

"in 2024", "by 2035", "since 2014", "January 16", "last December", "on Wednesday" become dates;
"a nine-year reign", "a one-hour supply chain", "over the next five years" become durations, and
"within the next decade" a duration of at most one decade.
A relative expression keeps its words in `relative`; `date` is filled only when the anchor makes it certain.
"""

from __future__ import annotations

import datetime as dt
import re

from crosscheck.extract.anchor import Anchor, nearest_year, tense_before
from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.periods import extract_periods
from crosscheck.extract.relative_days import clause_start, extract_relative_days
from crosscheck.text.lexicon import alternation, lexicon

__all__ = ["Anchor", "extract_dates", "extract_durations"]

_LEX = lexicon()
_WHOLE_MONTHS = [m.capitalize() for m in _LEX.months if len(m) > 4 or m in ("may", "june", "july")]
_SHORT_MONTHS = [m.capitalize() for m in _LEX.months if m.capitalize() not in _WHOLE_MONTHS]
_MONTH = rf"(?:{alternation(_WHOLE_MONTHS)}|(?:{alternation(_SHORT_MONTHS)})\.?)"
"""A month name; only an abbreviation takes a dot ("Jan.", "Sept."), so "3 February." leaves the full stop."""
_MONTH_FULL = rf"(?:{alternation(m.capitalize() for m in _LEX.months if len(m) > 3 and m not in ('may', 'march', 'sept'))})"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_WORD_START = r"(?<![^\W_])"
"""A match begins a word: "on last April" is not read out of "London last April" (and the engine tries the
patterns' long alternations at a fifth of the text's positions)."""
_REL = alternation(_LEX.date_relations)
_UNIT = alternation(_LEX.duration_units)

_DAY_DATE = re.compile(
    rf"{_WORD_START}(?:(?P<rel>(?i:{_REL}))\s+)?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}))(?:,?\s+(?P<year>{_YEAR})|\s+(?P<which>last|this|next)\s+year)?(?![\d,]\d)"
)
_MONTH_YEAR = re.compile(rf"{_WORD_START}(?:(?P<rel>(?i:{_REL}))\s+)?(?P<month>{_MONTH})\s+(?P<year>{_YEAR})")
_YEAR_RANGE = re.compile(
    rf"{_WORD_START}(?:(?i:between|from)\s+)?(?P<a>{_YEAR})\s*(?:-|–|—|to|and|through)\s*(?P<b>{_YEAR}|\d\d(?!\d))"
)
_YEAR_REL = re.compile(
    rf"(?<![\w-])(?P<rel>(?i:{_REL}))\s+(?:the\s+(?:end|start|beginning|middle|close)\s+of\s+|at\s+least\s+)?(?P<year>{_YEAR})(?![\w-])"
)
_MONTH_ALONE = re.compile(
    rf"{_WORD_START}(?:(?P<rel>(?i:{_REL}))\s+)?(?:(?P<mod>(?i:last|this|next|early|late|mid-|mid|the\s+end\s+of|the\s+start\s+of))\s*)?(?P<month>{_MONTH_FULL}|May|March)\b(?!\s+\d)"
)
_FIRST_TIME = re.compile(
    rf"(?<![\w-])(?i:for\s+the\s+first\s+time)\b(?!\s+(?i:since|in|ever|on\s+record|in\s+(?:{NUMBER}|an?|the)\b))"
)
_RECENT = re.compile(
    r"(?<![\w-])(?P<w>(?i:recently|recent))(?:\s+(?P<pp>[a-z]+ed)\b)?(?!\s+(?:years|months|weeks|decades|data|figures|trend)\b)"
)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WITHIN = re.compile(
    rf"{_WORD_START}(?i:within|in)\s+(?:the\s+)?(?i:next|coming)\s+(?:(?P<num>{NUMBER})\s+)?(?P<unit>(?i:{_UNIT}))\b"
)
_DURATION_ADJ = re.compile(rf"(?<![\w-])(?P<num>{NUMBER}|an?|one)-(?P<unit>(?i:{_UNIT}))(?:-long|-old)?(?![\w-]*\d)")
_DURATION_SPAN = re.compile(
    rf"(?:(?i:over|for|during|in)\s+)?(?i:the)\s+(?:(?i:next|past|last|coming|previous|following)\s+)(?:(?P<num>{NUMBER})\s+)?(?P<unit>(?i:{_UNIT}))\b"
    rf"|(?i:for|over)\s+(?P<num2>{NUMBER}|a|an)\s+(?P<unit2>(?i:{_UNIT}))\b"
)


def _relation(rel: str | None) -> str:
    return _LEX.date_relations.get(" ".join(rel.lower().split()), "on") if rel else "on"


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def _named_year(text: str, start: int, end: int) -> bool:
    """True for a year inside a name: "Global Innovation Index 2025", "2025 Global Innovation Index"."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 30]
    prev_word = re.search(r"([A-Za-z][\w’'-]*)\s+$", before)
    next_word = re.match(r"\s+([A-Za-z][\w’'-]*)", after)
    if prev_word and prev_word.group(1)[0].isupper() and prev_word.group(1).lower() not in _LEX.date_relations:
        return True
    return bool(next_word and next_word.group(1)[0].isupper() and not re.search(r"[,.;:]\s*$", text[start:end + 1]))


def _date(start, end, relation, date=None, end_date=None, relative=None, **extras) -> Mention:
    value = {"kind": "date", "relation": relation}
    if date:
        value["date"] = date
    if end_date:
        value["end"] = end_date
    if relative:
        value["relative"] = relative
    return Mention("date", start, end, value, extras=extras)


def extract_dates(article: Article, published: str | None = None) -> list[Mention]:
    """Every date and relative time expression in the article (durations are `extract_durations`)."""
    text, anchor = article.text, Anchor.of(article, published)
    found: list[Mention] = []
    skip = (article.dateline.start, article.dateline.end) if article.dateline else (0, 0)

    for m in _DAY_DATE.finditer(text):
        if skip[0] <= m.start() < skip[1]:
            continue
        month = _LEX.months[(m["m1"] or m["m2"]).rstrip(".").lower()]
        day = int(m["d1"] or m["d2"])
        if not 1 <= day <= 31:
            continue
        if m["year"]:
            year: int | None = int(m["year"])
        elif m["which"] and anchor.year:
            year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["which"]]
        else:
            year = nearest_year(month, day, anchor, tense_before(text, clause_start(article, m.start()), m.start()))
        try:
            date = _iso(year, month, day) if year else None
            if year:
                dt.date(year, month, day)
        except ValueError:
            continue
        relative = None if m["year"] else text[m.start("m1") if m["m1"] else m.start("d2"):m.end()]
        found.append(_date(m.start(), m.end(), _relation(m["rel"]), date, relative=relative))
    for m in _MONTH_YEAR.finditer(text):
        month = _LEX.months[m["month"].rstrip(".").lower()]
        found.append(_date(m.start(), m.end(), _relation(m["rel"]), _iso(int(m["year"]), month)))
    for m in _YEAR_RANGE.finditer(text):
        a = int(m["a"])
        b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
        if b <= a or b - a > 50 or _named_year(text, m.start("a"), m.end()):
            continue
        found.append(_date(m.start(), m.end(), "on", _iso(a), _iso(b)))
    for m in _YEAR_REL.finditer(text):
        if re.match(r"\s*(?:-|–|to\b|and\b)\s*\d", text[m.end():m.end() + 8]):
            continue  # a range, read above
        relation = _relation(m["rel"])
        found.append(_date(m.start(), m.end(), relation, m["year"], scopable=relation in ("on", "by")))
    for m in _MONTH_ALONE.finditer(text):
        if m["month"] in ("May", "March") and not (m["rel"] or m["mod"]):
            continue
        if skip[0] <= m.start() < skip[1] or re.match(r"\s+\d", text[m.end():m.end() + 3]):
            continue
        found.append(_month_alone(m, anchor))
    found += extract_relative_days(article, anchor)
    found += extract_periods(article, anchor)
    for m in _FIRST_TIME.finditer(text):
        # a first occurrence happens when the sentence's one year says, if it names exactly one
        sentence = article.sentence_at(m.start())
        years = set(_ANY_YEAR.findall(text, sentence.start, sentence.end))
        if years:
            continue  # the sentence's year dates the first occurrence, and is read as a date of its own
        date = None
        found.append(_date(m.start(), m.end(), "on", date, relative=m.group()))
    for m in _RECENT.finditer(text):
        found.append(_date(m.start(), m.end(), "on", None, relative=m.group()))
    return found


def _month_alone(m: re.Match, anchor: Anchor) -> Mention:
    month = _LEX.months[m["month"].lower()]
    mod = (m["mod"] or "").lower()
    date = None
    if anchor.year and anchor.month:
        if mod == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif mod == "this":
            year = anchor.year
        elif mod == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        date = _iso(year, month)
    start = m.start("mod") if m["mod"] else m.start("month")
    return _date(m.start(), m.end(), _relation(m["rel"]), date, relative=m.string[start:m.end()])


def extract_durations(article: Article) -> list[Mention]:
    """Every length of time: "nine-year reign", "one-hour supply chain", "over the next five years"."""
    text = article.text
    found: list[Mention] = []
    for m in _DURATION_ADJ.finditer(text):
        n = m["num"].lower()
        amount = 1 if n in ("a", "an", "one") else parse_number(m["num"])
        thing = re.match(r"\s+([a-z][\w-]*)", text[m.end():m.end() + 30])
        found.append(Mention("duration", m.start(), m.end(),
                             {"kind": "duration", "amount": amount, "approx": "exact",
                              "unit": _LEX.duration_units[m["unit"].lower()]},
                             thing.group(1) if thing else None, thing.group(1) if thing else None))
    for m in _DURATION_SPAN.finditer(text):
        num = m["num"] or m["num2"]
        unit = m["unit"] or m["unit2"]
        if num is None and unit.lower().endswith("s"):
            continue  # "the past years": no length given
        if num is None and text.startswith(" of ", m.end()) and re.search(r"(?i)\blast\s+\w+$", m.group()):
            continue  # "in the last week of the festival": a part of the festival, no length
        amount = 1 if num is None or num.lower() in ("a", "an") else parse_number(num)
        if re.match(r"(?i)in\s+the\s+(next|coming)", m.group()):
            continue  # read by _WITHIN: "in the next decade" is at most a decade
        found.append(Mention("duration", m.start(), m.end(),
                             {"kind": "duration", "amount": amount, "approx": "exact",
                              "unit": _LEX.duration_units[unit.lower()]}))
    for m in _WITHIN.finditer(text):
        amount = parse_number(m["num"]) if m["num"] else 1
        found.append(Mention("duration", m.start(), m.end(),
                             {"kind": "duration", "amount": amount, "approx": "at_most",
                              "unit": _LEX.duration_units[m["unit"].lower()]}))
    return found
