"""One figure as written, the pattern every numeric extractor reads: sign, currency, number, scale, percent.

"$3.4bn", "3.4 bn euros", "25k", "£15m", "12 500", "(+9)", "minus three percent", "4 percentage points",
"25 basis points", "42 cents".  `FIGURE` is the verbose regex (named groups sign, sym, num, abbr, sabbr,
scale, plus, pct, cur, sub); the functions read a match of it.  Counts (`quantities`) and ranges
(`ranges`) share it, so a form is read the same way alone and in a range.
"""

from __future__ import annotations

import re

from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.units import unit_after
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_SCALE_WORDS = [w for w in _LEX.scales if len(w) > 3]
_GLUED_ABBR = [w for w in _LEX.scales if len(w) <= 3] + list(_LEX.scale_abbreviations)
_SPACED_ABBR = [w for w in _GLUED_ABBR if len(w) >= 2]
_PERCENT_WORDS = [w for w in _LEX.percent_words if w != "%"]
FIGURE = rf"""
    (?P<sign>(?<![\w.,+\-−])[+\-−](?=[\d$€£¥₹])|(?i:minus)\s+)?
    (?:(?P<sym>{alternation(_LEX.currency_symbols)})[ ]?)?
    (?P<num>{NUMBER})
    (?:(?P<abbr>{alternation(_GLUED_ABBR)})\b|[ ](?P<sabbr>{alternation(_SPACED_ABBR)})\b
       |(?:\s+|-)(?P<scale>(?i:{alternation(_SCALE_WORDS)}))\b)?
    (?P<plus>\+)?
    (?:\s*(?P<pct>%|(?i:{alternation(_PERCENT_WORDS)})\b))?
    (?:\s+(?P<cur>(?i:{alternation(_LEX.currency_words)}))\b)?
    (?:\s+(?P<sub>(?i:{alternation(_LEX.currency_subunits)}))\b)?
"""
FIGURE_RE = re.compile(FIGURE, re.X)
"""The compiled `FIGURE`."""


def scale_of(m: re.Match) -> str | None:
    """The scale a figure's match gives ("bn" -> billion), if any."""
    word = m["scale"] or m["abbr"] or m["sabbr"]
    if not word:
        return None
    word = word.lower()
    return _LEX.scales.get(word) or _LEX.scale_abbreviations[word]


def currency_of(m: re.Match) -> str | None:
    """The ISO code of a figure's currency symbol or word, if any."""
    if m["sym"]:
        return _LEX.currency_symbols[m["sym"]]
    if m["cur"]:
        return _LEX.currency_words[" ".join(m["cur"].lower().split())]
    if m["sub"]:
        return _LEX.currency_subunits[m["sub"].lower()][0]
    return None


def amount_of(m: re.Match) -> int | float:
    """The figure's number, in the currency's main unit for subunits ("42 cents" -> 0.42), signed when written so."""
    amount = parse_number(m["num"])
    if m["sub"] and not m["sym"] and not m["cur"]:
        amount = round(amount / _LEX.currency_subunits[m["sub"].lower()][1], 6)
    if m["sign"] and m["sign"].strip().lower() in ("-", "−", "minus"):
        amount = -amount
    return amount


def percent_kind(m: re.Match) -> str | None:
    """percent, points or basis_points for a percentage figure; None for any other figure."""
    if not m["pct"]:
        return None
    return _LEX.percent_words.get(" ".join(m["pct"].lower().split()), "percent")


def percentage_value(amount, approx: str | None, kind: str) -> dict:
    """A percentage's value fields; basis points become percentage points (25 bp -> 0.25 points)."""
    if kind == "basis_points":
        amount = round(amount / 100, 6)
    return {"kind": "percentage", **bounded(amount, approx), "points": kind != "percent"}


def bounded(amount, approx: str | None) -> dict:
    """The value fields of a figure and its approximator ("exact" when there is none)."""
    return {"amount": amount, "approx": approx or "exact"}


def glued(text: str, m: re.Match) -> bool:
    """True when the digits are part of a word or code ("COVID-19", "G20", "5G", "A380")."""
    after = text[m.end()] if m.end() < len(text) else " "
    return glued_before(text, m) or after == "-" and not m["pct"]


def glued_before(text: str, m: re.Match) -> bool:
    """True when the figure is glued to the word before or after it ("COVID-19", "G20", "5G"), a dash after it
    aside (the caller decides whether "70-80" is a range)."""
    start = m.start()
    before = text[start - 1] if start > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if m["sym"]:
        return after.isalnum()
    return (
        before.isalnum()
        or before in "-/" and start > 1 and text[start - 2].isalpha()
        or after.isalnum() and unit_after(text, m.end())[0] is None
    )
