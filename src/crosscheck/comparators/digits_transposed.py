"""digits_transposed: two compatible figures of one fact whose digits differ by one swap of neighbours.

"At least 3,148" and "reached 3,184" can both hold, but an official figure rarely moves by
exactly the amount that swapping two neighbouring digits makes: one of the two is probably
a typo of the other ("1,432" / "1,342").  Only figures precise enough for the coincidence to
be unlikely take part: three significant digits or more, not round (no trailing zero), and
stated exactly or with a bound ("at least", "more than", "under", "up to"), never with
"about" or "nearly".  Pairs that cannot both hold are `intervals_overlap`'s (an error), so
this comparator speaks only when the intervals agree: one finding per fact.
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.kinds import Tolerances, intervals
from crosscheck.kinds.changes import is_change
from crosscheck.kinds.numbers import precision_of, to_decimal
from crosscheck.model.values import PercentageValue, QuantityValue

STATED = frozenset({"exact", "over", "at_least", "under", "at_most"})
"""Approximators that state a figure precisely (exact, or a bound of it); "about" and "nearly" do not."""
MIN_SIGNIFICANT = 3
"""Fewer significant digits ("56" / "65") swap by chance too often to suggest a typo."""


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly" (used only to see that the two figures agree)."""


def written_digits(value: QuantityValue | PercentageValue, text: str) -> str | None:
    """The figure's digits as written ("3,148" -> "3148", "1.34" -> "1.34"), or None when it takes no part:
    a range, a vague word, a loose approximator, a round figure or one of fewer than three significant digits."""
    if value.amount is None or value.approx not in STATED:
        return None
    amount = to_decimal(value.amount)
    if amount <= 0:
        return None
    written = format(amount.quantize(precision_of(value.amount, text)), "f")
    significant = written.replace(".", "").lstrip("0")
    if len(significant) < MIN_SIGNIFICANT or significant.endswith("0"):
        return None
    return written


def one_adjacent_swap(a: str, b: str) -> bool:
    """True when `b` is `a` with exactly two neighbouring (different) digits swapped: "3148" / "3184"."""
    if len(a) != len(b) or a == b:
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    i, j = differ
    return a[i].isdigit() and a[j].isdigit() and a[i] == b[j] and a[j] == b[i]


def _same_measure(a: QuantityValue | PercentageValue, b: QuantityValue | PercentageValue) -> bool:
    if isinstance(a, QuantityValue) and isinstance(b, QuantityValue):
        return (a.unit, a.currency, a.scale) == (b.unit, b.currency, b.scale)
    return isinstance(a, PercentageValue) and isinstance(b, PercentageValue) and a.points == b.points


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when two agreeing figures differ only by two swapped neighbouring digits."""
    va, vb = a.value, b.value
    if not isinstance(va, QuantityValue | PercentageValue) or not isinstance(vb, QuantityValue | PercentageValue):
        return None
    if not _same_measure(va, vb) or is_change(va, a.claim.frame) or is_change(vb, b.claim.frame):
        return None
    digits_a, digits_b = written_digits(va, a.text), written_digits(vb, b.text)
    if digits_a is None or digits_b is None or not one_adjacent_swap(digits_a, digits_b):
        return None
    na, nb = a.normal(params), b.normal(params)
    if na.interval is None or nb.interval is None or not intervals.overlaps(na.interval, nb.interval):
        return None  # figures that cannot both hold are reported as a conflict, not as a possible typo
    shown_a, shown_b = _grouped(digits_a), _grouped(digits_b)
    explanation = (
        f"{quoted(a.text)} and {quoted(b.text)} can both hold, but {shown_a} and {shown_b} differ only by two "
        "swapped digits: one may be a typo of the other."
    )
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation,
                   facts={"a_figure": shown_a, "b_figure": shown_b})


def _grouped(digits: str) -> str:
    """Digits with thousands separators, as a reader writes them ("3148" -> "3,148")."""
    whole, _, decimals = digits.partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{decimals}" if decimals else grouped


FACTS: tuple[str, ...] = ("a_figure", "b_figure")

COMPARATOR = Comparator(
    name="digits_transposed",
    summary="agreeing figures whose digits differ by one swap of neighbours, a likely typo",
    kinds=("quantity", "percentage"),
    params=Params,
    pair=compare,
    facts=FACTS,
)
