"""A claim's value must say what its own text says: "More than 300" is not `under 250`.

The value is what gets compared, the text is what people read; when they disagree every
finding (or the lack of one) is about a figure the article does not state.  Only texts that
can be read one way are checked: one figure written in digits, qualified by nothing but an
approximator phrase from the lexicon before it or a suffix mark after it ("300", "more than
300", "600+", "about 1,200 companies", "$1.6 trillion").  Anything else (two figures, a range,
a figure in words, other words before it) is left alone: the annotator knows better than a
guess.  Quantities and percentages are checked; they share the approximators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from crosscheck.kinds.numbers import SCALES
from crosscheck.model.claims import Claim
from crosscheck.text.lexicon import alternation, lexicon
from crosscheck.text.typography import normalize_typography

_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]|\.\d)")
_SCALE_WORD = re.compile(rf"\b({'|'.join(SCALES)})\b", re.IGNORECASE)
"""A scale word in the text: an amount may be given with it applied ("2.4 million" as 2400000)."""


@cache
def _phrases() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An approximator phrase filling the whole text before a figure, a suffix mark starting the text after it, any qualifier."""
    words = lexicon()
    currency = alternation(words.currency_symbols)
    before = re.compile(rf"(?:(?P<approx>{alternation(words.approximators)})\s+)?(?:{currency})?\s*", re.IGNORECASE)
    after = re.compile(rf"[\s-]*(?P<approx>\+|(?:{alternation(w for w in words.suffix_approximators if w != '+')})\b)", re.IGNORECASE)
    anywhere = re.compile(rf"\b(?:{alternation([*words.approximators, *words.suffix_approximators])})\b|\+", re.IGNORECASE)
    return before, after, anywhere


def disagreements(claim: Claim) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(path under the claim, code, message) of each part of the value its text contradicts."""
    value = claim.value
    if value.kind not in ("quantity", "percentage") or value.approx == "between" or value.amount is None:
        return
    read = _read(claim.text)
    if read is None:
        return
    approx, figure = read
    if approx != value.approx:
        yield (("value", "approx"), "value-contradicts-text",
               f"the text {claim.text!r} says approx {approx}, the value says {value.approx} (expected approx: {approx})")
    amount = Decimal(str(value.amount))
    if amount != figure and amount not in {figure * SCALES[w.lower()] for w in _SCALE_WORD.findall(claim.text)}:
        yield (("value", "amount"), "value-contradicts-text",
               f"the text {claim.text!r} says {_shown(figure)}, the value says amount {value.amount} (expected amount: {_shown(figure)})")


@lru_cache(maxsize=1 << 16)
def _read(text: str) -> tuple[str, Decimal] | None:
    """The approximator and the figure `text` states, when it can be read only one way; else None.

    Cached: the same few wordings ("nearly 600", "over 200") recur across a corpus, and this runs on every claim loaded.
    """
    folded = normalize_typography(text)
    figures = list(_FIGURE.finditer(folded))
    if len(figures) != 1:
        return None
    figure = figures[0]
    before, after, anywhere = _phrases()
    head = before.fullmatch(folded[: figure.start()])
    if head is None:
        return None
    tail = after.match(folded, figure.end())
    if anywhere.search(folded, tail.end() if tail else figure.end()):
        return None  # "300 companies or more", "over 200+": a qualifier elsewhere; the annotator reads it, not this
    if head["approx"] and tail:
        return None
    words = lexicon()
    if tail:
        approx = words.suffix_approximators[tail["approx"].lower()]
    elif head["approx"]:
        approx = words.approximators[" ".join(head["approx"].lower().split())]
    else:
        approx = "exact"
    try:
        return approx, Decimal(figure[1].replace(",", "") + (figure[2] or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None


def _shown(figure: Decimal) -> str:
    return format(figure.normalize(), "f") if figure == figure.to_integral() else str(figure)
