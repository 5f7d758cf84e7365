"""Percentages: rounding to the stated precision, approximators, points vs percent."""

from __future__ import annotations

import pytest

from crosscheck.kinds import intervals, normalize
from crosscheck.model.values import PercentageValue

CASES = [
    ("7.2%", {"amount": 7.2}, (7.15, 7.25)),
    ("6.58%", {"amount": 6.58}, (6.575, 6.585)),
    ("30%", {"amount": 30}, (29.5, 30.5)),
    ("over 30%", {"amount": 30, "approx": "over"}, (30, None)),
    ("less than 0.6%", {"amount": 0.6, "approx": "under"}, (None, 0.6)),
]


@pytest.mark.parametrize(("text", "fields", "bounds"), CASES, ids=[c[0] for c in CASES])
def test_percentage_interval(text, fields, bounds):
    interval = normalize(PercentageValue(**fields), text).interval
    assert interval.unit == "%"
    assert (interval.low, interval.high) == pytest.approx(bounds) if None not in bounds else (interval.low, interval.high) == bounds


@pytest.mark.parametrize(("a", "b", "agree"), [("5.82%", "5.8%", True), ("5.82%", "5.9%", False), ("7.2%", "7.24%", True), ("7.2%", "7.26%", False), ("7.2%", "7.25%", True)])
def test_rounded_restatements_agree(a, b, agree):
    ia = normalize(PercentageValue(amount=float(a[:-1])), a).interval
    ib = normalize(PercentageValue(amount=float(b[:-1])), b).interval
    assert intervals.overlaps(ia, ib) is agree


def test_points_have_their_own_unit():
    assert normalize(PercentageValue(amount=2, points=True), "2 percentage points").interval.unit == "pp"
