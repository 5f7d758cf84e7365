"""Changes: a figure that says how much something moved, which way, and between which levels.

A change has four sides, each an interval: the earlier level (`start`), the level reached
(`end`), the absolute change (`delta`, in the level's unit: percentage points for a
percentage) and the relative change (`ratio`, in percent of the earlier level).  A claim
states some of them and its direction; the others follow by interval arithmetic, once,
so that every side holds every value the claim allows (a sound, never a narrower, reading):

    "up 2.5 percentage points to 6.5%"   delta [2.45, 2.55) pp, end [6.45, 6.55) %  -> start [3.9, 4.1]
    "went from 4% to 6.5%"               start [3.5, 4.5), end [6.45, 6.55)         -> delta [1.95, 3.05]
    "tripled to 9,000"                   ratio {200}%, end [8999.5, 9000.5)         -> start [2999.8, 3000.2]
    "gained 2.1%" / "lost 2.1%"          ratio [2.05, 2.15) / (-2.15, -2.05]        -> they conflict

Two changes of one fact conflict when some side of one shares no value with the same side of
the other.  So "rose 0.4 percentage points to 3.1%" (a rise of 12.5% to 17.3% of the earlier
rate) and "rose 0.4% to 3.1%" cannot both hold.  Drafted claims say a figure is a change in
their frame (`level: change`, `direction`, `change_from`); `movement` reads either form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crosscheck.kinds import intervals
from crosscheck.kinds.approx import Tolerances, figure_interval
from crosscheck.kinds.base import Normal
from crosscheck.kinds.numbers import SCALES, figures, format_number
from crosscheck.kinds.units import canonical_unit
from crosscheck.model.frame import Direction, Frame
from crosscheck.model.values import Change, Interval, PercentageValue, QuantityValue

SIDES = ("ratio", "delta", "end", "start")
"""The sides of a change, in the order a conflict is explained."""


@dataclass(frozen=True, slots=True)
class Movement:
    """What a change claim allows on each side (None: the claim says nothing there)."""

    direction: Direction | None
    ratio: Interval | None
    """Relative change in percent of the earlier level (signed)."""
    delta: Interval | None
    """Absolute change in the level's unit (signed; percentage points for a percentage)."""
    end: Interval | None
    start: Interval | None
    level_unit: str | None
    """The unit of `start`, `end` and `delta` ("%", "visitor", "USD"); None when the claim does not say."""
    stated: tuple[str, ...]
    """The sides the claim states itself (the rest are derived)."""

    def side(self, name: str) -> Interval | None:
        """One side by name ("ratio", "delta", "end", "start")."""
        found: Interval | None = getattr(self, name)
        return found


def change_of(value: object, frame: Frame | None) -> Change | None:
    """The change a value states: its own `change`, else a drafted frame's (`level: change`)."""
    own = getattr(value, "change", None)
    if isinstance(own, Change):
        return own
    if frame is None or frame.level != "change" or frame.direction is None:
        return None
    return Change.model_validate({"direction": frame.direction, "from": _level_number(frame.change_from)})


def is_change(value: object, frame: Frame | None) -> bool:
    """True when a figure is a change rather than a level (hand-written `change`, or a drafted frame's)."""
    return getattr(value, "change", None) is not None or (frame is not None and frame.level == "change")


def is_directed_change(value: object, frame: Frame | None) -> bool:
    """A change whose direction is known, so it has sides to compare (a drafted change may not say which way)."""
    return getattr(value, "change", None) is not None or (frame is not None and frame.level == "change" and frame.direction is not None)


def _level_number(written: str | None) -> float | None:
    """The figure of a drafted earlier level as written ("4.2%", "$25.1 billion"), in base units."""
    if not written:
        return None
    found = figures(written, words=False)
    if not found:
        return None
    figure = found[0]
    after = written[figure.end :].strip().lower().split(" ", 1)[0]
    return float(figure.value * SCALES.get(after, 1))


def _level(number: float | None, text: str, multiplier: float, unit: str | None) -> Interval | None:
    """A level as written ("to 6.5%"): its rounding interval, precision read from the text."""
    if number is None:
        return None
    scaled = _scaled_figure(number, text, multiplier)
    if scaled is not None:
        return scaled
    return figure_interval("exact", number, text, multiplier=multiplier, unit=unit)


def _scaled_figure(number: float, text: str, multiplier: float) -> Interval | None:
    """A level given in base units (4500000) that the text writes with a scale word ("4.5 million")."""
    for figure in figures(text, words=False):
        after = text[figure.end :].strip().lower().split(" ", 1)[0]
        scale = SCALES.get(after)
        if scale and multiplier == 1 and float(figure.value * scale) == number:
            half = float(figure.precision) * scale / 2
            return intervals.make(number - half, number + half, high_closed=False)
    return None


def _finite(i: Interval | None) -> tuple[float, float] | None:
    if i is None or i.low is None or i.high is None:
        return None
    return i.low, i.high


def _closed(low: float, high: float) -> Interval:
    """A derived side, widened by a hair so floating-point noise never makes a conflict."""
    slack = 1e-9 * max(abs(low), abs(high), 1.0)
    return intervals.make(low - slack, high + slack)


def _products(a: tuple[float, float], b: tuple[float, float]) -> Interval:
    values = [x * y for x in a for y in b]
    return _closed(min(values), max(values))


def _quotient(a: tuple[float, float], b: tuple[float, float]) -> Interval | None:
    if b[0] <= 0 <= b[1]:
        return None
    return _products(a, (1 / b[1], 1 / b[0]))


def _narrow(current: Interval | None, derived: Interval | None) -> Interval | None:
    """`current` narrowed by a derived interval (kept as is when they share nothing: the claim contradicts itself)."""
    if derived is None:
        return current
    if current is None:
        return derived
    return intervals.intersect(current, derived) or current


def _propagate(sides: dict[str, Interval | None]) -> None:
    """Derive each side from the others, twice over (enough for one unknown level)."""
    for _ in range(2):
        start, end, delta, ratio = (_finite(sides[k]) for k in ("start", "end", "delta", "ratio"))
        growth = None if ratio is None else (1 + ratio[0] / 100, 1 + ratio[1] / 100)
        if start and end:
            sides["delta"] = _narrow(sides["delta"], _closed(end[0] - start[1], end[1] - start[0]))
            quotient = _quotient(end, start)
            if quotient is not None and quotient.low is not None and quotient.high is not None:
                sides["ratio"] = _narrow(sides["ratio"], _closed((quotient.low - 1) * 100, (quotient.high - 1) * 100))
        if end and delta and not start:
            sides["start"] = _closed(end[0] - delta[1], end[1] - delta[0])
        if start and delta and not end:
            sides["end"] = _closed(start[0] + delta[0], start[1] + delta[1])
        if end and growth and not start:
            sides["start"] = _quotient(end, growth)
        if start and growth:
            sides["end"] = _narrow(sides["end"], _products(start, growth))
            sides["delta"] = _narrow(sides["delta"], _products(start, (growth[0] - 1, growth[1] - 1)))
        if start and delta and start[0] > 0:
            ratio_from = _quotient(delta, start)
            if ratio_from is not None and ratio_from.low is not None and ratio_from.high is not None:
                sides["ratio"] = _narrow(sides["ratio"], _closed(ratio_from.low * 100, ratio_from.high * 100))


def _signed(size: Interval, direction: Direction) -> Interval:
    if direction == "down":
        return intervals.negate(size)
    if direction == "unchanged":
        return intervals.point(0, unit=size.unit)
    return size


def _direction_only(direction: Direction) -> Interval:
    """What a direction alone says of a change: above zero, below zero, or zero."""
    if direction == "up":
        return intervals.make(0, None, low_closed=False)
    if direction == "down":
        return intervals.make(None, 0, high_closed=False)
    return intervals.point(0)


def movement(value: object, frame: Frame | None, text: str, tolerances: Tolerances | None = None) -> Movement | None:
    """The sides of the change a claim states, or None when its figure is a level."""
    change = change_of(value, frame)
    if change is None or not isinstance(value, QuantityValue | PercentageValue):
        return None
    direction = change.direction
    multiplier = float(SCALES[value.scale]) if isinstance(value, QuantityValue) and value.scale else 1.0
    if isinstance(value, PercentageValue):
        level_unit: str | None = "%" if value.points or value.amount is None else None
        size_side = "delta" if value.points else "ratio"
    else:
        level_unit = value.currency or (canonical_unit(value.unit).name if value.unit else None)
        size_side = "delta"
    sides: dict[str, Interval | None] = {"ratio": None, "delta": None, "end": None, "start": None}
    if value.amount is not None or value.approx == "between":
        size = figure_interval(value.approx, value.amount, text, low=value.low, high=value.high,
                               multiplier=multiplier, tolerances=tolerances)
        sides[size_side] = _signed(size, direction)
    if change.factor is not None:
        growth = (change.factor - 1) * 100
        sides["ratio"] = _narrow(sides["ratio"], intervals.point(growth))
    drafted_from = frame.change_from if frame is not None and getattr(value, "change", None) is None else None
    sides["start"] = _level(change.from_, f"{text} {drafted_from}" if drafted_from else text, multiplier, None)
    sides["end"] = _level(change.to, text, multiplier, None)
    stated = tuple(side for side in SIDES if sides[side] is not None)
    _propagate(sides)
    for side in ("ratio", "delta"):
        sides[side] = _narrow(sides[side], _direction_only(direction))
    if sides["ratio"] is not None:  # nothing falls by more than all of it
        sides["ratio"] = _narrow(sides["ratio"], intervals.make(-100, None))
    return Movement(direction, sides["ratio"], sides["delta"], sides["end"], sides["start"], level_unit, stated)


def side_words(side: str, interval: Interval, level_unit: str | None) -> str:
    """One side in words: "a relative change of at least 12.5% and at most 17.3%"."""
    unit = "%" if side == "ratio" else ("pp" if level_unit == "%" and side == "delta" else (level_unit or ""))

    def fmt(x: float) -> str:
        if math.isinf(x):
            return str(x)
        shown = format_number(x)
        return f"{shown}%" if unit == "%" else (f"{shown} {unit}" if unit else shown)

    label = {"ratio": "a relative change", "delta": "a change", "end": "a level reached", "start": "an earlier level"}[side]
    return f"{label} of {intervals.words(interval, fmt)}"


def words_of(found: Movement) -> str:
    """The change in words: "up: a relative change of at least 2.05% and less than 2.15%; a level reached of ..."."""
    parts = [side_words(side, interval, found.level_unit) for side in found.stated if (interval := found.side(side)) is not None]
    way = {"up": "up", "down": "down", "unchanged": "unchanged", None: "a change"}[found.direction]
    return f"{way}: {'; '.join(parts)}" if parts else way


def normal(value: QuantityValue | PercentageValue, text: str, tolerances: Tolerances | None = None) -> Normal:
    """The normal form of a hand-written change: its first stated side as the interval, the whole in words."""
    found = movement(value, None, text, tolerances)
    assert found is not None  # called for values with a `change`
    side = next((s for s in found.stated if found.side(s) is not None), "ratio")
    interval = found.side(side) or intervals.make(None, None)
    unit = "%" if side == "ratio" else ("pp" if found.level_unit == "%" and side == "delta" else found.level_unit)
    interval = interval.model_copy(update={"unit": unit})
    suffix = "%" if unit == "%" else (f" {unit}" if unit else "")
    return Normal(text=text, interval=interval, fmt=lambda x: f"{format_number(x)}{suffix}", wording=words_of(found))
