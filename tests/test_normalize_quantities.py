"""Quantities as written -> the interval they allow (approximators, precision, scale, currency)."""

from __future__ import annotations

import math

import pytest

from crosscheck.kinds import Tolerances, normalize
from crosscheck.kinds.numbers import figures, format_number, precision_of
from crosscheck.model.values import QuantityValue

INF = math.inf

# text, value fields, (low, high, low_closed, high_closed); None bounds are written as ±inf
CASES = [
    ("nearly 600", {"amount": 600, "approx": "nearly"}, (540, 600, True, False)),
    ("600+", {"amount": 600, "approx": "at_least"}, (600, INF, True, False)),
    ("over 200", {"amount": 200, "approx": "over"}, (200, INF, False, False)),
    ("under 50", {"amount": 50, "approx": "under"}, (-INF, 50, False, False)),
    ("up to 10", {"amount": 10, "approx": "at_most"}, (-INF, 10, False, True)),
    ("about 100", {"amount": 100, "approx": "about"}, (90, 110, True, True)),
    ("between 5 and 7", {"low": 5, "high": 7, "approx": "between"}, (5, 7, True, True)),
    ("31", {"amount": 31}, (31, 31, True, True)),  # a small count is exact
    ("nine", {"amount": 9}, (9, 9, True, True)),
    ("31 km", {"amount": 31, "unit": "km"}, (30.5, 31.5, True, False)),  # a measure is rounded
    ("$31", {"amount": 31, "currency": "USD"}, (30.5, 31.5, True, False)),  # so is money
    ("2.4 billion", {"amount": 2.4, "scale": "billion"}, (2.35e9, 2.45e9, True, False)),
    ("$1.5 billion", {"amount": 1.5, "scale": "billion", "currency": "USD"}, (1.45e9, 1.55e9, True, False)),
    ("3.2 trillion yuan", {"amount": 3.2, "scale": "trillion", "currency": "CNY"}, (3.15e12, 3.25e12, True, False)),
    ("1,250 firms", {"amount": 1250}, (1249.5, 1250.5, True, False)),
    ("2.40 billion", {"amount": 2.4, "scale": "billion"}, (2.395e9, 2.405e9, True, False)),
]


@pytest.mark.parametrize(("text", "fields", "expected"), CASES, ids=[c[0] for c in CASES])
def test_quantity_interval(text, fields, expected):
    interval = normalize(QuantityValue(**fields), text).interval
    low = -INF if interval.low is None else interval.low
    high = INF if interval.high is None else interval.high
    assert low == pytest.approx(expected[0]) and high == pytest.approx(expected[1])
    assert (interval.low_closed, interval.high_closed) == expected[2:]


def test_currency_is_the_unit_and_a_conversion_is_kept_by_currency():
    value = QuantityValue(
        amount=11.5,
        scale="trillion",
        currency="CNY",
        approx="about",
        converted={"amount": 1.6, "scale": "trillion", "currency": "USD", "approx": "about", "text": "around 1.6 trillion USD"},
    )
    normal = normalize(value, "approximately 11.5 trillion yuan (around 1.6 trillion USD)")
    assert normal.interval.unit == "CNY"
    usd = normal.by_currency["USD"]
    assert usd.low == pytest.approx(1.44e12) and usd.high == pytest.approx(1.76e12)


def test_about_is_never_narrower_than_rounding():
    # "about 0.3" with δ = 1% would be [0.297, 0.303]; the written precision (0.05) is wider
    interval = normalize(QuantityValue(amount=0.3, approx="about"), "about 0.3", tolerances=Tolerances(about=0.01)).interval
    assert interval.low == pytest.approx(0.25) and interval.high == pytest.approx(0.35)


def test_tolerance_is_a_parameter():
    interval = normalize(QuantityValue(amount=600, approx="nearly"), "nearly 600", tolerances=Tolerances(nearly=0.05)).interval
    assert interval.low == pytest.approx(570)


@pytest.mark.parametrize(
    ("text", "number", "precision"),
    [("2.4 billion", 2.4, "0.1"), ("6.58%", 6.58, "0.01"), ("nine-year", 9, "1"), ("twenty-five", 25, "1"), ("1,200", 1200, "1"), ("unrelated", 7.25, "0.01")],
)
def test_precision_comes_from_the_text_as_written(text, number, precision):
    assert str(precision_of(number, text)) == precision


def test_figures_reads_digits_and_number_words():
    assert [float(f.value) for f in figures("seven of the top ten, 2.5 million and 1,000")] == [7, 10, 2.5, 1000]


@pytest.mark.parametrize(("value", "shown"), [(2.35e9, "2.35 billion"), (540.0000001, "540"), (11.45e12, "11.45 trillion"), (0.5, "0.5")])
def test_format_number(value, shown):
    assert format_number(value) == shown
