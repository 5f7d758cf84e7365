"""Durations (years or hours, rounded to the stated precision) and ranks (sets of positions)."""

from __future__ import annotations

import pytest

from crosscheck.kinds import intervals, normalize
from crosscheck.model.values import DurationValue, RankValue


@pytest.mark.parametrize(
    ("text", "fields", "bounds", "unit"),
    [
        ("nine-year", {"amount": 9, "unit": "year"}, (8.5, 9.5), "year"),
        ("a decade", {"amount": 1, "unit": "decade"}, (5, 15), "year"),
        ("18 months", {"amount": 18, "unit": "month"}, (17.5 / 12, 18.5 / 12), "year"),
        ("over five years", {"amount": 5, "unit": "year", "approx": "over"}, (5, None), "year"),
        ("one-hour", {"amount": 1, "unit": "hour"}, (0.5, 1.5), "hour"),
    ],
)
def test_duration_interval(text, fields, bounds, unit):
    interval = normalize(DurationValue(**fields), text).interval
    assert interval.unit == unit
    assert interval.low == pytest.approx(bounds[0])
    assert interval.high == (None if bounds[1] is None else pytest.approx(bounds[1]))


@pytest.mark.parametrize(
    ("fields", "bounds"),
    [({"position": 1}, (1, 1)), ({"position": 2}, (2, 2)), ({"top": 5}, (1, 5)), ({"top": 3, "of": 40}, (1, 3))],
)
def test_rank_positions(fields, bounds):
    interval = normalize(RankValue(**fields), "rank").interval
    assert (interval.low, interval.high) == bounds and interval.unit == "rank"


def test_ranks_overlap_when_a_position_fits_both():
    first = normalize(RankValue(position=1), "topped").interval
    assert intervals.overlaps(first, normalize(RankValue(top=3), "top three").interval)
    assert not intervals.overlaps(first, normalize(RankValue(position=2), "second").interval)
