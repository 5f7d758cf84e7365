"""Shares of a whole: whole-number counts when the whole is known, shares otherwise."""

from __future__ import annotations

import pytest

from crosscheck.kinds import intervals, normalize
from crosscheck.model.values import FractionValue


def _count(text, **fields):
    return normalize(FractionValue(**fields), text).interval


CASES = [
    ("over half of the top ten", {"numerator": 1, "denominator": 2, "of": 10, "approx": "over"}, (6, 10)),
    ("six of the top ten", {"numerator": 6, "denominator": 10, "of": 10}, (6, 6)),
    ("at least half of ten", {"numerator": 1, "denominator": 2, "of": 10, "approx": "at_least"}, (5, 10)),
    ("fewer than a third of nine", {"numerator": 1, "denominator": 3, "of": 9, "approx": "under"}, (0, 2)),
]


@pytest.mark.parametrize(("text", "fields", "bounds"), CASES, ids=[c[0] for c in CASES])
def test_count_of_a_known_whole(text, fields, bounds):
    interval = _count(text, **fields)
    assert (interval.low, interval.high) == bounds and interval.unit == f"of {fields['of']}"


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ({"numerator": 7, "denominator": 10, "of": 10}, {"numerator": 1, "denominator": 2, "of": 10, "approx": "over"}, True),
        ({"numerator": 4, "denominator": 10, "of": 10}, {"numerator": 1, "denominator": 2, "of": 10, "approx": "over"}, False),
        ({"numerator": 5, "denominator": 10, "of": 10}, {"numerator": 1, "denominator": 2, "of": 10, "approx": "over"}, False),
    ],
)
def test_counts_against_shares(a, b, agree):
    assert intervals.overlaps(_count("a", **a), _count("b", **b)) is agree


def test_share_without_a_whole():
    interval = normalize(FractionValue(numerator=1, denominator=9, approx="about"), "about one-ninth").interval
    assert interval.unit == "share"
    assert interval.low == pytest.approx(0.1) and interval.high == pytest.approx(1 / 9 * 1.1)
