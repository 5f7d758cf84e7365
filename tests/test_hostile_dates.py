"""Relative dates at the calendar's edges (published 9999-12-31 or 0001-01-01) stay unresolved or end at
the edge, never an internal error (issue 19)."""

from __future__ import annotations

import datetime

import pytest

from crosscheck.kinds import dates
from crosscheck.model.values import DateValue


@pytest.mark.parametrize("published, value", [
    ("9999-12-31", {"relative": "next December"}),
    ("9999-12-31", {"relative": "next year"}),
    ("0001-01-01", {"relative": "last December"}),
    ("0001-01-01", {"relative": "last year"}),
    ("9999-12-31", {"relation": "within", "relative": "within the next decade"}),
])
def test_relative_dates_past_the_calendar_do_not_fail(published, value):
    normal = dates.normalize(DateValue(**value), "text", published)
    if value.get("relation") == "within":
        assert normal.interval is not None and normal.interval.high == datetime.date.max.toordinal()
    else:
        assert normal.interval is None  # past the calendar: left unresolved
