"""Dates: granularity, relations, and relative expressions resolved against the dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.kinds import intervals, normalize
from crosscheck.model.values import DateValue


def d(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


CASES = [
    ("2023", {"date": 2023}, None, (d("2023-01-01"), d("2024-01-01"))),
    ("March 2023", {"date": "2023-03"}, None, (d("2023-03-01"), d("2023-04-01"))),
    ("on 10 March 2023", {"date": "2023-03-10"}, None, (d("2023-03-10"), d("2023-03-11"))),
    ("by 2035", {"relation": "by", "date": 2035}, None, (None, d("2036-01-01"))),
    ("before 2020", {"relation": "before", "date": 2020}, None, (None, d("2020-01-01"))),
    ("after 2020", {"relation": "after", "date": 2020}, None, (d("2021-01-01"), None)),
    ("since 2016", {"relation": "since", "date": 2016}, None, (d("2016-01-01"), d("2017-01-01"))),
    ("2021-2025", {"date": 2021, "end": 2025}, None, (d("2021-01-01"), d("2026-01-01"))),
    ("last December", {"relative": "last December"}, "2025-01-16", (d("2024-12-01"), d("2025-01-01"))),
    ("last March", {"relative": "last March"}, "2025-06-01", (d("2025-03-01"), d("2025-04-01"))),
    ("next year", {"relative": "next year"}, "2025-06-01", (d("2026-01-01"), d("2027-01-01"))),
    ("within the next five years", {"relation": "within", "relative": "within the next five years"}, "2025-01-16", (d("2025-01-16"), d("2030-01-16"))),
    ("within the next decade", {"relation": "within", "relative": "within the next decade"}, "2025-01-16", (d("2025-01-16"), d("2035-01-16"))),
    ("over the coming half-decade", {"relation": "within", "relative": "over the coming half-decade"}, "2025", (d("2025-01-01"), d("2030-01-01"))),
]


@pytest.mark.parametrize(("text", "fields", "published", "bounds"), CASES, ids=[c[0] for c in CASES])
def test_date_interval(text, fields, published, bounds):
    interval = normalize(DateValue(**fields), text, published=published).interval
    assert (interval.low, interval.high) == bounds


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ({"date": 2023}, {"relation": "by", "date": 2023}, True),
        ({"date": "2023-03"}, {"date": 2023}, True),
        ({"relation": "by", "date": 2030}, {"date": 2032}, False),
        ({"relation": "within", "relative": "within the next five years"}, {"relation": "by", "date": 2030}, True),
        ({"relation": "within", "relative": "over the coming half-decade"}, {"date": 2031}, False),
    ],
)
def test_dates_agree_with_granularity(a, b, agree):
    ia = normalize(DateValue(**a), "a", published="2025-01-16").interval
    ib = normalize(DateValue(**b), "b", published="2025-01-16").interval
    assert intervals.overlaps(ia, ib) is agree


def test_undated_window_keeps_its_length():
    normal = normalize(DateValue(relation="within", relative="over the next 10 years"), "over the next 10 years")
    assert normal.interval is None and normal.window_years == 10


def test_unresolvable_expression_has_no_interval():
    assert normalize(DateValue(relative="recently concluded"), "recently concluded", published="2025").interval is None
