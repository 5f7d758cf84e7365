"""Units as written -> one vocabulary (units of measure, rates, counted nouns), and conversion between them."""

from __future__ import annotations

import pytest

from crosscheck.kinds import intervals, normalize
from crosscheck.kinds.units import canonical_unit, convert, currency_problem, unit_problem
from crosscheck.model.values import QuantityValue

# as written (by an annotator or by drafting) -> (canonical name, unit of measure, rate)
UNITS = [
    ("km", "kilometer", True, False),
    ("kilometres", "kilometer", True, False),
    ("mi", "mile", True, False),
    ("miles", "mile", True, False),
    ("mph", "mile / hour", True, False),
    ("miles per hour", "mile / hour", True, False),
    ("km/h", "kilometer / hour", True, False),
    ("kg", "kilogram", True, False),
    ("mg", "milligram", True, False),
    ("t", "metric_ton", True, False),
    ("tonnes", "metric_ton", True, False),
    ("°C", "degree_Celsius", True, False),
    ("ft", "foot", True, False),
    ("feet", "foot", True, False),
    ("sq km", "kilometer ** 2", True, False),
    ("km2", "kilometer ** 2", True, False),
    ("square miles", "mile ** 2", True, False),
    ("cubic metres", "meter ** 3", True, False),
    ("per share", "per share", False, True),
    ("a week", "per week", False, True),
    ("cents per share", "cent per share", False, True),
    ("companies", "company", False, False),
    ("boxes", "box", False, False),
    ("mumps cases", "mumps case", False, False),
    ("people", "person", False, False),
    ("laboratory", "laboratory", False, False),
]


@pytest.mark.parametrize(("written", "name", "measure", "rate"), UNITS, ids=[u[0] for u in UNITS])
def test_canonical_unit(written, name, measure, rate):
    unit = canonical_unit(written)
    assert (unit.name, unit.measure, unit.rate) == (name, measure, rate)
    assert unit.counted is (not measure and not rate)


# (amount, unit, text) against (amount, unit, text): do the converted intervals share a value?
CONVERSIONS = [
    ((10, "km", "10 km"), (6.2, "miles", "6.2 miles"), True),
    ((10, "km", "10 km"), (10, "miles", "10 miles"), False),
    ((180, "lb", "180 lb"), (82, "kg", "82 kg"), True),
    ((180, "lb", "180 lb"), (90, "kg", "90 kg"), False),
    ((30, "°C", "30°C"), (86, "°F", "86°F"), True),
    ((1, "sq mi", "1 sq mi"), (2.6, "km2", "2.6 km2"), True),
    ((100, "km/h", "100 km/h"), (62, "mph", "62 mph"), True),
]


@pytest.mark.parametrize(("a", "b", "agree"), CONVERSIONS, ids=[f"{c[0][2]} vs {c[1][2]}" for c in CONVERSIONS])
def test_measures_convert_with_their_rounding(a, b, agree):
    na = normalize(QuantityValue(amount=a[0], unit=a[1]), a[2]).interval
    nb = normalize(QuantityValue(amount=b[0], unit=b[1]), b[2]).interval
    converted = convert(nb, canonical_unit(b[1]), canonical_unit(a[1]))
    assert converted is not None
    assert intervals.overlaps(na, converted) is agree


def test_different_dimensions_do_not_convert():
    interval = intervals.make(1, 2)
    assert convert(interval, canonical_unit("kg"), canonical_unit("km")) is None
    assert convert(interval, canonical_unit("company"), canonical_unit("km")) is None


@pytest.mark.parametrize(
    ("written", "declared", "fits"),
    [("miles", "km", True), ("kg", "km", False), ("companies", "company", True), ("firms", "company", False),
     ("anything", "CNY", True), ("anything", "% of GDP", True), ("km", None, True)],
)
def test_a_unit_fits_its_property(written, declared, fits):
    assert (unit_problem(written, declared) is None) is fits


@pytest.mark.parametrize(("code", "known"), [("USD", True), ("CNY", True), ("EUR", True), ("USS", False), ("ABC", False)])
def test_currency_codes_are_iso_4217(code, known):
    assert (currency_problem(code) is None) is known
