"""intervals_overlap: two figures agree when the intervals their wording allows share a point.

Handles quantities (same unit; units of measure converted, so "10 km" and
"6.2 miles" agree; a common currency through a paired conversion),
percentages (percent with percent, points with points) and durations
(calendar with calendar, clock with clock).  Changes whose direction is
known ("rose 2%") are `changes_agree`'s business; a drafted change that does
not say which way is compared here by its size.
"""

from __future__ import annotations

from dataclasses import replace

from crosscheck.comparators.base import Comparator, Item, Verdict, disjoint
from crosscheck.kinds import Normal, Tolerances, units
from crosscheck.kinds.changes import is_directed_change
from crosscheck.kinds.numbers import format_number
from crosscheck.kinds.quantities import money_formatter
from crosscheck.model.values import Interval, QuantityValue


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly" (defaults from the lexicon)."""


def _comparable(a: Item, na: Normal, b: Item, nb: Normal) -> tuple[Normal, Normal] | None:
    """The two normals to compare, or None when the values measure different things."""
    if a.value.kind != b.value.kind or na.interval is None or nb.interval is None:
        return None
    va, vb = a.value, b.value
    if not (isinstance(va, QuantityValue) and isinstance(vb, QuantityValue)):
        return (na, nb) if na.interval.unit == nb.interval.unit else None
    if va.unit and vb.unit and va.unit != vb.unit:
        converted = _in_unit(nb, vb.unit, va.unit)
        if converted is None:
            return None
        nb = converted
    money_a, money_b = na.by_currency, nb.by_currency
    if not money_a and not money_b:
        return na, nb
    for currency in (*money_a, *money_b):  # the first currency both give, primary amounts first
        if currency in money_a and currency in money_b:
            return (
                _with_interval(na, money_a[currency]),
                _with_interval(nb, money_b[currency]),
            )
    return None


def _in_unit(normal: Normal, unit: str, target: str) -> Normal | None:
    """The value in another unit: the same counted noun, or a unit of measure converted ("6.2 miles" in km)."""
    source, wanted = units.canonical_unit(unit), units.canonical_unit(target)
    if source.name == wanted.name:
        return normal
    assert normal.interval is not None
    converted = units.convert(normal.interval, source, wanted)
    if converted is None:
        return None
    return replace(normal, interval=converted.model_copy(update={"unit": target}), fmt=lambda x: f"{format_number(x)} {target}")


def _with_interval(normal: Normal, interval: Interval) -> Normal:
    """The same value seen in another currency (its paired conversion)."""
    return replace(normal, interval=interval, fmt=money_formatter(interval.unit))


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when the two figures cannot both hold."""
    if is_directed_change(a.value, a.claim.frame) or is_directed_change(b.value, b.claim.frame):
        return None
    na, nb = a.normal(params), b.normal(params)
    pair = _comparable(a, na, b, nb)
    if pair is None:
        return None
    return disjoint(a, pair[0], b, pair[1])


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="intervals_overlap",
    summary="figures agree when the intervals their wording allows overlap",
    kinds=("quantity", "percentage", "duration"),
    params=Params,
    pair=compare,
    facts=FACTS,
)
