"""Parts of a year: "early 2023", "mid-2022", "late last year", "Q2 2023", "the first half of 2025", "fiscal 2024".

Each reads as the months it covers (the lexicon's `time_period_parts` and `time_quarters`: early is
January to April, the second quarter April to June).  A quarter without a year ("in the third quarter")
is the last such quarter begun by the anchor, or in a future clause the next one not yet over; without an
anchor it is not drafted (a game has quarters and halves too).  A fiscal year is its twelve months only
when the article says when its fiscal year ends ("whose fiscal year ends in March": fiscal 2023 is April
2022 to March 2023, named by the year it ends in); otherwise it keeps its words (`relative`).
Every period is marked `period` so that, in a sentence with figures, it becomes their scope, not a claim.
"""

from __future__ import annotations

import re

from crosscheck.extract.anchor import Anchor, tense_before
from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_WORDS = time_words()
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_REL = rf"(?:(?P<rel>(?i:{alternation(_LEX.date_relations)}))\s+)?"
_PART = re.compile(
    rf"(?<![\w-]){_REL}(?P<part>(?i:{alternation(_WORDS.period_parts)}))(?:-|\s+)"
    rf"(?:(?P<year>{_YEAR})|(?P<which>(?i:last|this|next))\s+year)(?![\w'’-])"
)
_QUARTER = re.compile(
    rf"(?<![\w-]){_REL}(?P<the>(?i:the)\s+)?(?P<q>(?i:{alternation(_WORDS.quarters)}))"
    rf"(?:\s+(?:(?i:of)\s+)?(?:(?P<fiscal>(?i:fiscal|financial|FY))\s*)?(?P<year>{_YEAR})|['’](?P<yy>\d\d))?(?![\w-])"
)
_FISCAL = re.compile(
    rf"(?<![\w-]){_REL}(?:(?P<w>(?i:fiscal|financial)(?:\s+year)?\s+|FY\s?)(?P<year>{_YEAR}|['’]?\d\d)"
    rf"|(?P<the>(?i:the)\s+)(?P<year2>{_YEAR})\s+(?i:fiscal|financial)\s+year)(?![\w-])"
)
_MONTH = alternation(m for m in _LEX.months if len(m) > 3 or m == "may")
_FISCAL_END = re.compile(
    rf"(?i:fiscal|financial)(?:\s+year|\s+{_YEAR},?)\s+(?:that\s+|which\s+)?"
    rf"(?P<tail>(?i:ends|ended|ending|runs\s+(?:to|through|until)|closes)"
    rf"\s+(?:(?i:on|in|at\s+the\s+end\s+of)\s+)?(?P<month>(?i:{_MONTH}))(?:\s+\d{{1,2}}\b)?)"
)


def _relation(m: re.Match) -> str:
    rel = m["rel"]
    return _LEX.date_relations.get(" ".join(rel.lower().split()), "on") if rel else "on"


def _period(m: re.Match, start: int, date: str | None, end: str | None, relative: str | None) -> Mention:
    value: dict = {"kind": "date", "relation": _relation(m)}
    if date:
        value["date"] = date
    if end:
        value["end"] = end
    if relative:
        value["relative"] = relative
    return Mention("date", start, m.end(), value, extras={"period": True})


def _months(year: int, first: int, last: int) -> tuple[str, str]:
    return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}"


def fiscal_year_end(text: str) -> int | None:
    """The month the article's fiscal year ends in, when it says ("whose fiscal year ends on June 30" -> 6)."""
    m = _FISCAL_END.search(text)
    return _LEX.months[m["month"].lower()] if m else None


def fiscal_end_spans(text: str) -> list[tuple[int, int]]:
    """Where the article says when its fiscal year ends: the day there is not an event's date."""
    return [(m.start("tail"), m.end()) for m in _FISCAL_END.finditer(text)]


def extract_periods(article: Article, anchor: Anchor) -> list[Mention]:
    """Every part of a year, quarter, half and fiscal year in the article."""
    text = article.text
    found: list[Mention] = []
    for m in _PART.finditer(text):
        first, last = _WORDS.period_parts[m["part"].lower()]
        if m["year"]:
            year: int | None = int(m["year"])
        else:
            year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()] if anchor.year else None
        words = text[m.start("part"):m.end()]
        date, end = _months(year, first, last) if year else (None, None)
        found.append(_period(m, m.start(), date, end, None if m["year"] else words))
    for m in _QUARTER.finditer(text):
        first, last = _WORDS.quarters[" ".join(m["q"].lower().split())]
        year = int(m["year"]) if m["year"] else (2000 + int(m["yy"]) if m["yy"] else None)
        if m["fiscal"]:
            continue  # a quarter of a fiscal year: its months depend on the fiscal year, which we do not know
        if year is None:
            if last - first > 2 or anchor.year is None or anchor.month is None:
                continue  # a half without a year, or a quarter with no anchor: a game's, or unknown
            tense = tense_before(text, article.sentence_at(m.start()).start, m.start())
            if tense == "future":
                year = anchor.year if last >= anchor.month else anchor.year + 1
            else:
                year = anchor.year if first <= anchor.month else anchor.year - 1
        date, end = _months(year, first, last)
        found.append(_period(m, m.start(), date, end, None))
    fiscal_end = fiscal_year_end(text)
    for m in _FISCAL.finditer(text):
        raw = (m["year"] or m["year2"]).lstrip("'’")
        year = int(raw) if len(raw) == 4 else 2000 + int(raw)
        words = text[(m.start("w") if m["w"] else m.start("the")):m.end()]
        if fiscal_end is None:
            found.append(_period(m, m.start(), None, None, words))
            continue
        if fiscal_end == 12:
            date, end = _months(year, 1, 12)
        else:
            date, end = f"{year - 1:04d}-{fiscal_end + 1:02d}", f"{year:04d}-{fiscal_end:02d}"
        found.append(_period(m, m.start(), date, end, words))
    return found
