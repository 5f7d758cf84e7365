"""The window of a price's extreme: "a three-year high of €58", "a 52-week low", "an all-time high".

A high or a low is the price's level at that moment, so it is the same measure as the price; but two
extremes over different windows are different facts, so the window is a qualifier of the figure
(`window`: "3-year-high", "52-week-low", "record-high", or just "high" when the text gives no window).
A price with no window meets an extreme's at most at info (`change_intervals.inferred_partitions`).
The window's own count ("three-year") is no figure.
"""

from __future__ import annotations

from typing import Any

from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.text.lexicon import lexicon

_MODIFIERS = ("compound", "amod", "nmod", "npadvmod", "nummod")


def window_of(noun: Any | None) -> str | None:
    """The window of an extreme the noun names ("high" in "a three-year high" -> "3-year-high", "a high" -> "high");
    None when the noun names no extreme."""
    lex = frame_lexicon()
    if noun is None or noun.lemma_.lower() not in lex.window_nouns:
        return None
    units = lexicon().duration_units
    for child in noun.lefts:
        if child.dep_ not in _MODIFIERS:
            continue
        if child.lower_ in lex.record_words or child.lemma_.lower() in lex.record_words:
            return f"record-{noun.lemma_.lower()}"
        unit = units.get(child.lower_)
        counts = [c for c in child.children if c.dep_ == "nummod"]
        if unit and counts:
            written = counts[0].lower_.replace(",", "")
            number = lexicon().number_words.get(written, written)
            return f"{number}-{unit}-{noun.lemma_.lower()}"
    return noun.lemma_.lower()


def is_window(span: Any) -> bool:
    """True for a count that is the window of an extreme ("three-year" in "a three-year high"): no figure of its own."""
    root = span.root
    return root.dep_ in _MODIFIERS and (window_of(root.head) or "").endswith(f"-{root.head.lemma_.lower()}")
