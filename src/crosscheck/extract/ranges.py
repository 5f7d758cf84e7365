"""Ranges of figures, each kept as a range: "70-80 mm", "90–110 km/h", "3,000 to 4,000 workers",
"from 5,000 to 8,000 tickets", "40 through 60", "between $5 million and $7 million", "2–3%".

A range is two figures joined by a dash, "to", "through" or (after "between") "and", with
something counted or measured after it: a noun, a unit, a percent sign or a currency.  Without
one ("ended 3-2", "passed 52-48", "grades 6 through 8 will") it is a score, a vote or a label, not
a range.  "rose from 1,200 to 1,450" is a change between two levels, not a range: the figures stay
apart.  Counts of time ("6-12 months") are left to the durations.
"""

from __future__ import annotations

import bisect
import re

from crosscheck.extract.figures import FIGURE_RE, currency_of, glued_before, percent_kind, percentage_value, scale_of
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.numbers import parse_number, scale_factor
from crosscheck.extract.phrases import in_headline, noun_phrase_after
from crosscheck.extract.spreads import aside_join, spread_before, spread_ends
from crosscheck.extract.units import rate_after, unit_after
from crosscheck.text.lexicon import lexicon

_LEX = lexicon()
_JOIN = re.compile(r"(?P<sep>[-–—]|\s*[–—]\s*|\s+(?i:to|through|and)\s+)(?=\S)")
_LEAD = re.compile(r"(?P<lead>\b(?i:between|from))\s+$")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)\s+$")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


def extract_ranges(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Every range in `text`, and the spans it takes (so its two figures are not read again alone)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    by_start: list[tuple[int, int]] = []  # `taken`, sorted: only spans starting within the longest's length can hold
    longest = 0
    for a in FIGURE_RE.finditer(text):
        at = a.start()
        window = by_start[bisect.bisect_left(by_start, (at - longest,)):bisect.bisect_right(by_start, (at, len(text) + 1))]
        if any(s <= at < e for s, e in window) or glued_before(text, a) or a["sign"]:
            continue
        if (ends := _spread(text, a)) is not None:  # "terms ranged from three to 20 years": the least and the most
            found += ends
            taken.append((ends[0].start, ends[-1].end))
            continue
        join = _JOIN.match(text, a.end())
        if not join:
            continue
        b = FIGURE_RE.match(text, join.end())
        if b is None or b["sign"] or (b.end() < len(text) and text[b.end()].isalnum() and unit_after(text, b.end())[0] is None):
            continue
        mention = _range(text, a, join["sep"].strip().lower(), b)
        if isinstance(mention, Mention):
            found.append(mention)
            taken.append((mention.start, mention.end))
        elif mention is not None:
            taken.append(mention)  # "6-12 months": a span of time, neither figure a count
        if mention is not None:
            bisect.insort(by_start, taken[-1])
            longest = max(longest, taken[-1][1] - taken[-1][0])
    return found, taken


def _spread(text: str, a: re.Match) -> list[Mention] | None:
    """The two ends of a spread starting at figure `a` ("ranged from three years, two of them suspended, to 20
    years"), else None (`spreads` says which ranges are spreads)."""
    measure = spread_before(text, a.start())
    if measure is None or a["sym"] or scale_of(a):
        return None
    join = _JOIN.match(text, a.end())
    unit_a, low_end = None, a.end()
    if join is not None:
        sep, b_start = join["sep"].strip().lower(), join.end()
    elif (aside := aside_join(text, a.end())) is not None:
        (unit_a, low_end, b_start), sep = aside, "to"
    else:
        return None
    lead = _LEAD.search(text, max(0, a.start() - 10), a.start())
    if sep == "and" and not (lead and lead["lead"].lower() == "between"):
        return None
    b = FIGURE_RE.match(text, b_start)
    if b is None or b["sign"] or b["sym"] or scale_of(b) or (_YEAR.match(a["num"]) and _YEAR.match(b["num"])):
        return None
    low, high = parse_number(a["num"]), parse_number(b["num"])
    unit, end = unit_after(text, b.end())
    if unit is None:
        _, unit, end = noun_phrase_after(text, b.end())
    if low >= high or unit is None or (unit_a is not None and singular(unit_a) != unit):
        return None
    unit = _LEX.duration_units.get(unit, unit)
    return spread_ends(measure, (a.start(), low_end, low), (b.start(), end, high), unit, {})


def _range(text: str, a: re.Match, sep: str, b: re.Match) -> Mention | tuple[int, int] | None:
    """The range `a` `sep` `b`; the span alone when it is a span of time; None when it is no range."""
    lead_match = _LEAD.search(text, max(0, a.start() - 10), a.start())
    lead = lead_match["lead"].lower() if lead_match else None
    if sep == "and" and lead != "between":
        return None
    if sep in ("to", "through") or lead == "from":
        anchor = lead_match.start() if lead_match else a.start()
        before = _WORD_BEFORE.search(text, max(0, anchor - 20), anchor)
        if before and before["word"].lower() in _LEX.change_verb_forms:
            return None  # "rose from 1,200 to 1,450", "rose 4 points to 52%": a change and the level it reached
    if percent_kind(a) and percent_kind(b) and percent_kind(a) != percent_kind(b):
        return None  # "4 percentage points to 52%": a change and a level
    if _YEAR.match(a["num"]) and _YEAR.match(b["num"]) and not (a["sym"] or b["sym"]):
        return None  # "2019-2023" is a period
    low, high = parse_number(a["num"]), parse_number(b["num"])
    scale = scale_of(b) or scale_of(a)
    if scale_of(a) and scale_of(b) and scale_of(a) != scale_of(b):
        low = low * scale_factor(scale_of(a)) / scale_factor(scale)
    if low >= high:
        return None
    start = lead_match.start("lead") if lead_match else a.start()
    value: dict = {"approx": "between", "low": low, "high": high}
    kind = percent_kind(b) or percent_kind(a)
    if kind:
        if a["sym"] or b["sym"]:
            return None
        value = {**percentage_value(0, None, kind), **value}
        if kind == "basis_points":
            value.update(low=low / 100, high=high / 100)
        value.pop("amount")
        return Mention("percentage", start, b.end(), value)
    currency = currency_of(b) or currency_of(a)
    end = b.end()
    if currency:
        value = {"kind": "quantity", **value, "currency": currency}
        rate, rate_end = rate_after(text, end)
        if rate:
            value["unit"], end = rate, rate_end
        if scale:
            value["scale"] = scale
        return Mention("quantity", start, end, value)
    unit, unit_end = unit_after(text, end)
    thing, head = unit, unit
    if unit is None:
        thing, head, _ = noun_phrase_after(text, end, headline=in_headline(text, end))
    if head and (head in _LEX.duration_units or head in _LEX.duration_units.values()):
        return (start, end)
    if not head:
        return None  # a score, a vote, a label ("ended 3-2")
    value = {"kind": "quantity", **value, "unit": head}
    if scale:
        value["scale"] = scale
    return Mention("quantity", start, unit_end if unit else end, value, thing, head)
