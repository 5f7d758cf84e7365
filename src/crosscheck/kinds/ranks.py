"""Ranks as sets of positions: "top five" -> {1..5}; "first place", "topped", "No. 1" -> {1}."""

from __future__ import annotations

from crosscheck.kinds import intervals
from crosscheck.kinds.base import Normal
from crosscheck.model.values import RankValue


def _position(x: float) -> str:
    return f"No. {int(x)}"


def normalize(value: RankValue, text: str) -> Normal:
    """The positions a rank as written allows."""
    if value.position is not None:
        interval = intervals.point(value.position, unit="rank")
        meaning = f"position {value.position}"
    else:
        assert value.top is not None
        interval = intervals.make(1, value.top, unit="rank")
        meaning = "position 1" if value.top == 1 else f"a position from 1 to {value.top}"
    if value.of is not None:
        meaning += f" of {value.of}"
    return Normal(text=text, interval=interval, fmt=_position, plain=_position, wording=meaning)
