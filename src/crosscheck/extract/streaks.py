"""Streaks and firsts: "the sixth year running", "a fourth straight win", "the first time in 15 years".

A streak of periods is a length of time ("for the eleventh consecutive season" is 11 years, the lexicon's
`time_streak_units`; "a third consecutive monthly decline" three months), so it compares with a start
point ("every year since 2020") through the duration rules.  A streak of events is a count of them ("a
fourth straight win" is 4 wins).  "The first ... in 15 years" states the length of the gap before it (a
duration); "the first ... since 1999" is a start point, read by the dates.
"""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_WORDS = time_words()
_ORD = rf"(?:{alternation(_LEX.ordinals)}|\d{{1,3}}(?:st|nd|rd|th))"
_OWNER = r"(?:the|a|an|its|their|his|her|our|my|your|a\s+record)"
_BEFORE = alternation(_WORDS.streak_before)
_AFTER = alternation(_WORDS.streak_after)
_UNITS = alternation(_WORDS.streak_units)
_NOUN = r"[a-z][a-z-]*[a-z]"
_ORDINAL_STREAK = re.compile(
    rf"(?<![\w-])(?i:{_OWNER})\s+(?P<ord>(?i:{_ORD}))\s+"
    rf"(?:(?i:{_BEFORE})\s+(?:(?P<adj>[a-z]+ly|annual)\s+)?(?P<noun>{_NOUN})|(?P<unit>(?i:{_UNITS}))\s+(?i:{_AFTER})"
    rf"|(?P<event>(?!(?i:time|times)\b){_NOUN})\s+(?:(?i:in\s+a\s+row)|(?i:running)(?=\s*[.,;:!?)]|\s*$)))(?![\w-])"
)
_COUNTED_STREAK = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})\s+(?:(?i:{_BEFORE})\s+(?P<noun>{_NOUN})|(?P<noun2>{_NOUN})\s+(?i:{_AFTER}))(?![\w-])"
)
_FIRST_IN = re.compile(
    rf"(?<![\w-])(?i:first)\b(?:[\s,]+[\w’'-]+){{0,6}}?\s+(?P<span>(?i:in)\s+(?:(?i:the\s+(?:past|last)\s+))?"
    rf"(?P<n>{NUMBER}|an?|(?i:more\s+than\s+)?{NUMBER})\s+(?P<unit>(?i:{alternation(_LEX.duration_units)})))(?![\w-])"
)


def _amount(word: str) -> int | float:
    low = word.lower()
    if low in _LEX.ordinals:
        return _LEX.ordinals[low]
    digits = re.match(r"\d+", low)
    return int(digits.group()) if digits else parse_number(word)


def _streak(start: int, end: int, n: int | float, noun: str, adjective: str | None) -> Mention | None:
    low = noun.lower()
    unit = _WORDS.streak_units.get(low) or (_WORDS.period_adjectives.get(adjective.lower()) if adjective else None)
    if unit is not None:
        value = {"kind": "duration", "amount": n, "approx": "exact", "unit": unit}
        return Mention("duration", start, end, value, extras={"own_key": True})
    if n < 2 and not adjective:
        return None
    head = singular(low)
    return Mention("quantity", start, end, {"kind": "quantity", "amount": n, "approx": "exact", "unit": head},
                   thing=noun, head=head, extras={"own_key": True})


def extract_streaks(article: Article) -> list[Mention]:
    """Every streak ("the sixth year running", "a fourth straight win") and first-in-N ("the first in 30 years")."""
    text = article.text
    found: list[Mention] = []
    for m in _ORDINAL_STREAK.finditer(text):
        n = _amount(m["ord"])
        noun = m["noun"] or m["unit"] or m["event"]
        if (mention := _streak(m.start(), m.end(), n, noun, m["adj"])) is not None:
            found.append(mention)
    for m in _COUNTED_STREAK.finditer(text):
        n = parse_number(m["n"])
        noun = m["noun"] or m["noun2"]
        if re.fullmatch(r"\d{4}", m["n"]) or not (noun.endswith("s") or noun.lower() in _WORDS.streak_units):
            continue  # a year, or one event: not a streak of several
        if (mention := _streak(m.start(), m.end(), n, noun, None)) is not None:
            found.append(mention)
    for m in _FIRST_IN.finditer(text):
        word = m["n"].lower()
        n = 1 if word in ("a", "an") else parse_number(re.sub(r"(?i)^more\s+than\s+", "", m["n"]))
        approx = "over" if word.startswith("more") else "exact"
        found.append(Mention("duration", m.start("span"), m.end("span"),
                             {"kind": "duration", "amount": n, "approx": approx,
                              "unit": _LEX.duration_units[m["unit"].lower()]}, extras={"first": True}))
    return found
