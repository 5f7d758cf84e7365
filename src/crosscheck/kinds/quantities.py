"""Counts and amounts: approximators, rounding to the stated precision, scale words, currencies.

"approximately 11.5 trillion yuan (around 1.6 trillion USD)" becomes
[10.35e12, 12.65e12] CNY, with the paired conversion kept by currency so an
amount given only in dollars elsewhere can still be compared.
"""

from __future__ import annotations

from crosscheck.kinds.approx import Tolerances, figure_interval
from crosscheck.kinds.base import Normal
from crosscheck.kinds.intervals import Formatter
from crosscheck.kinds.numbers import SCALES, format_number
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


def normalize(value: QuantityValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """The interval a quantity as written allows, in base units (CNY, not trillion CNY)."""
    own_text = text.replace(value.converted.text, " ") if value.converted else text
    unit = value.currency or value.unit
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
