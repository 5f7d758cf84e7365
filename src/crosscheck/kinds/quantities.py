"""Counts and amounts: approximators, rounding to the stated precision, scale words, currencies.

"approximately 11.5 trillion yuan (around 1.6 trillion USD)" becomes
[10.35e12, 12.65e12] CNY, with the paired conversion kept by currency so an
amount given only in dollars elsewhere can still be compared.
"""

from __future__ import annotations

from crosscheck.kinds import changes, intervals
from crosscheck.kinds.approx import Tolerances, figure_interval
from crosscheck.kinds.base import Normal
from crosscheck.kinds.intervals import Formatter
from crosscheck.kinds.numbers import SCALES, format_number, precision_of
from crosscheck.kinds.units import canonical_unit
from crosscheck.kinds.vocabulary import vocabulary
from crosscheck.model.values import Interval, QuantityValue


def money_formatter(currency: str | None) -> Formatter:
    """How to print an amount: with its currency code after it, when it has one."""
    if currency is None:
        return format_number
    return lambda x: f"{format_number(x)} {currency}"


def conversion_interval(value: QuantityValue, tolerances: Tolerances | None = None) -> Interval | None:
    """The interval of the paired conversion ("around 1.6 trillion USD"), if the value has one."""
    conv = value.converted
    if conv is None:
        return None
    return figure_interval(
        conv.approx,
        conv.amount,
        conv.text,
        low=conv.low,
        high=conv.high,
        multiplier=SCALES[conv.scale] if conv.scale else 1,
        unit=conv.currency,
        tolerances=tolerances,
    )


def is_count(value: QuantityValue) -> bool:
    """A count of things ("7 patients", "31"): no currency, and no unit of measure or rate."""
    return value.currency is None and (value.unit is None or canonical_unit(value.unit).counted)


def exact_count(value: QuantityValue, text: str) -> bool:
    """A small count written as a whole figure without trailing zeros: "7 patients" is 7, not [6.5, 7.5).

    Large round figures ("7,000", "1.2 million") keep their rounding interval: news rounds them.
    """
    amount = value.amount
    if value.approx != "exact" or value.scale is not None or amount is None or not float(amount).is_integer():
        return False
    if int(amount) % 10 == 0 or not is_count(value):
        return False
    return precision_of(amount, text) == 1


def vague_interval(value: QuantityValue) -> Interval:
    """The counts a vague quantity allows ("dozens" -> [24, 145)), bounds from the lexicon."""
    assert value.vague is not None
    low, high = vocabulary().vague_bounds[value.vague]
    return intervals.make(low, high, high_closed=False, unit=value.unit)


def normalize(value: QuantityValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """The interval a quantity as written allows, in base units (CNY, not trillion CNY)."""
    if value.change is not None:
        return changes.normal(value, text, tolerances)
    if value.vague is not None:
        return Normal(text=text, interval=vague_interval(value))
    own_text = text.replace(value.converted.text, " ") if value.converted else text
    unit = value.currency or value.unit
    if exact_count(value, own_text):
        assert value.amount is not None  # exact_count holds only for a figure
        return Normal(text=text, interval=intervals.point(value.amount, unit=unit))
    interval = figure_interval(
        value.approx,
        value.amount,
        own_text,
        low=value.low,
        high=value.high,
        multiplier=SCALES[value.scale] if value.scale else 1,
        unit=unit,
        tolerances=tolerances,
    )
    by_currency: dict[str, Interval] = {}
    if value.currency:
        by_currency[value.currency] = interval
    converted = conversion_interval(value, tolerances)
    if converted is not None and value.converted is not None:
        by_currency.setdefault(value.converted.currency, converted)
    return Normal(text=text, interval=interval, fmt=money_formatter(value.currency), by_currency=by_currency)
