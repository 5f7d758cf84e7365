"""Units of measure and rates after a figure, as written: "45 km", "41°C", "320 sq km", "65 miles per hour",
"3,000 patients a week", "42 cents per share"; and whether "pounds" weighs or pays.

Drafting writes each unit in the one short form the lexicon's `units` gives
("kilometres" and "km" are both "km"; "km2" and "square kilometres" are both "sq km"), so the
comparison side reads one vocabulary.  A rate is the counted thing "per" what the text divides
by ("patient per week", "per share" for money): a rate is never compared with a count.
"""

from __future__ import annotations

import re

from crosscheck.extract.mention import singular
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_UNIT = re.compile(rf"(?P<space>\s*)(?P<unit>(?i:{alternation(_LEX.units)}))(?![\w²³/]|\.\w)")
_RATE = re.compile(
    rf"(?:\s+of\s+[a-z][\w-]*)?\s+(?P<marker>(?i:{alternation(_LEX.rate_words)}))\s+"
    rf"(?:(?P<num>{NUMBER})\s+)?(?P<per>[A-Za-z][A-Za-z-]*)\b"
)
_OF_NOUN = re.compile(r"\s+of\s+(?!the\b|a\b|an\b|their\b|its\b)[a-z]")


def unit_after(text: str, pos: int) -> tuple[str | None, int]:
    """The unit written right after a figure ending at `pos` (its short form) and where it ends; (None, pos) if none."""
    m = _UNIT.match(text, pos)
    if not m:
        return None, pos
    written = " ".join(m["unit"].lower().split())
    if written in _LEX.units_spaced_only and not m["space"]:
        return None, pos  # "40t", "5g": read only when written apart
    if not m["space"] and written[0].isalpha() and len(written) > 3:
        return None, pos  # "12kilometres" is not how a unit is written; "3,000miles" neither
    return _LEX.units[written], m.end()


def rate_after(text: str, pos: int) -> tuple[str | None, int]:
    """What a figure is a rate of, written after its noun or unit ("per share", "a week", "per 100,000 residents").

    Returns the "per ..." suffix ("per week", "per 100000 resident") and where it ends; (None, pos) if none.
    After "a", "an", "each" or "every" only a time noun makes a rate ("3,000 a week", not "3,000 a rival").
    """
    m = _RATE.match(text, pos)
    if not m:
        return None, pos
    marker, per = m["marker"].lower(), singular(m["per"])
    if marker != "per" and (per not in _LEX.rate_time_nouns or m["num"]):
        return None, pos
    if per in ("cent", "centum"):
        return None, pos  # "per cent" is a percentage
    count = f"{parse_number(m['num'])} " if m["num"] else ""
    return f"per {count}{per}", m.end()


def pounds_weigh(text: str, start: int, end: int, scaled: bool) -> bool:
    """True when "pounds" after the figure at [start, end) is a weight ("weighed nine pounds", "2,000 pounds of
    flour"), not money ("paid 2,000 pounds"); an amount with a scale word ("3 million pounds") is always money."""
    if scaled:
        return False
    if _OF_NOUN.match(text, end):
        return True
    window = text[max(0, start - 50):start].lower()
    clause = re.split(r"[.;:!?]|,\s", window)[-1]
    return any(re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", clause) for cue in _LEX.weight_cues)

