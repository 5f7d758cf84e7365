"""A unit conversion in brackets restates the figure before it: "10 km (6.2 miles)", "a 180-pound (82 kg)
fighter", "70-80 mm (2.8-3.1 inches)", "1,000km (about 620 miles)".

The bracketed figure is the same fact in another unit, so it is never drafted as a claim of its own (two
claims of one fact that round differently would be compared, and a conversion must never conflict with
its own figure); the figure before it keeps the brackets in its span.  A conversion is a bracket holding
only a figure (or a range) with a unit of measure, right after a figure with a unit of measure.  Money in
brackets ("$5 million (£3.9 million)") is read by `quantities` as the amount's paired conversion.
"""

from __future__ import annotations

import re

from crosscheck.extract.figures import FIGURE_RE
from crosscheck.extract.numbers import DIGITS, NUMBER
from crosscheck.extract.units import unit_after
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_BRACKET = re.compile(rf"\s*\(\s*(?:(?i:{alternation(_LEX.approximators)})\s+)?")
_MEASURED_BEFORE = re.compile(
    rf"(?:{DIGITS}|{NUMBER})(?:\s+(?i:{alternation(w for w in _LEX.scales if len(w) > 3)}))?(?:[ \t]*|-)"
    rf"(?i:{alternation(_LEX.units)})$")
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|\s(?i:to)\s)\s*")
_CLOSE = re.compile(r"\s*\)")
_HYPHEN_UNIT = re.compile(rf"-(?P<unit>(?i:{alternation(_LEX.units)}))(?![\w-])")


def conversion_after(text: str, pos: int) -> int | None:
    """Where a unit conversion in brackets starting at `pos` ends ("(6.2 miles)"), or None when there is none.

    Only the bracket's own form is checked; the caller knows a measured figure ends at `pos`.
    """
    opening = _BRACKET.match(text, pos)
    if opening is None:
        return None
    figure = FIGURE_RE.match(text, opening.end())
    if figure is None or figure["sym"] or figure["pct"] or figure["cur"] or figure["sub"]:
        return None
    end = figure.end()
    join = _RANGE_JOIN.match(text, end)
    second = FIGURE_RE.match(text, join.end()) if join else None
    if second is not None and not (second["sym"] or second["pct"] or second["cur"]):
        end = second.end()
    hyphened = _HYPHEN_UNIT.match(text, end)  # "(3-mile)", "(44-ton)"
    unit, unit_end = (hyphened["unit"], hyphened.end()) if hyphened else unit_after(text, end)
    close = _CLOSE.match(text, unit_end) if unit else None
    return close.end() if close else None


def conversion_spans(text: str) -> list[tuple[int, int]]:
    """Every bracketed unit conversion right after a measured figure: the spans no figure is read in."""
    spans = []
    for m in re.finditer(r"\(", text):
        window = max(0, m.start() - 40)
        before = text[window:m.start()].rstrip(" \t")
        if not before or not _MEASURED_BEFORE.search(before):
            continue
        end = conversion_after(text, window + len(before))
        if end is not None:
            spans.append((m.start(), end))
    return spans
