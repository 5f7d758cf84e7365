"""Property tests of the interval logic the rules rest on."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.kinds import intervals, normalize
from crosscheck.model.values import Interval, PercentageValue, QuantityValue

APPROX = ["exact", "over", "at_least", "nearly", "about", "under", "at_most"]

bounds = st.one_of(st.none(), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))


@st.composite
def any_interval(draw) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    low_closed, high_closed = draw(st.booleans()), draw(st.booleans())
    if low is not None and low == high:
        low_closed = high_closed = True
    return intervals.make(low, high, low_closed=low_closed, high_closed=high_closed)


@st.composite
def written_figure(draw) -> tuple[str, float, int]:
    """A figure as written, with 0..3 decimals: ("12.345", 12.345, 3)."""
    decimals = draw(st.integers(0, 3))
    units = draw(st.integers(1, 10**6))
    value = Decimal(units).scaleb(-decimals)
    return f"{value:.{decimals}f}", float(value), decimals


@given(any_interval(), any_interval())
def test_overlap_is_symmetric(a, b):
    assert intervals.overlaps(a, b) == intervals.overlaps(b, a)


@given(any_interval())
def test_every_interval_agrees_with_itself(a):
    assert intervals.overlaps(a, a)


@given(any_interval(), any_interval())
def test_disjoint_intervals_always_conflict(a, b):
    if intervals.below(a, b):
        assert not intervals.overlaps(a, b) and not intervals.overlaps(b, a)
    assert intervals.overlaps(a, b) == (intervals.tightest_pair([a, b]) is None)


@given(written_figure(), st.sampled_from(APPROX))
def test_every_value_agrees_with_itself_under_any_approximator(figure, approx):
    text, amount, _ = figure
    interval = normalize(QuantityValue(amount=amount, approx=approx), text).interval
    assert intervals.overlaps(interval, interval)


@given(written_figure(), st.data())
def test_a_value_agrees_with_its_own_rounded_restatement(figure, data):
    text, amount, decimals = figure
    fewer = data.draw(st.integers(0, decimals))
    rounded = Decimal(text).quantize(Decimal(1).scaleb(-fewer), rounding=ROUND_HALF_UP)
    rounded_text = f"{rounded:.{fewer}f}"
    precise = normalize(PercentageValue(amount=amount), f"{text}%").interval
    restated = normalize(PercentageValue(amount=float(rounded)), f"{rounded_text}%").interval
    assert intervals.overlaps(precise, restated), (text, rounded_text)


@given(written_figure(), written_figure())
def test_exact_figures_of_the_same_precision_conflict_exactly_when_they_differ(a, b):
    (text_a, amount_a, dec_a), (text_b, amount_b, dec_b) = a, b
    if dec_a != dec_b:
        return
    ia = normalize(QuantityValue(amount=amount_a), text_a).interval
    ib = normalize(QuantityValue(amount=amount_b), text_b).interval
    assert intervals.overlaps(ia, ib) == (text_a == text_b)


UNITS_OF_A_DIMENSION = [("km", "miles"), ("kg", "lb"), ("°C", "°F"), ("sq km", "square miles"), ("km/h", "mph")]


@settings(deadline=None)  # the first example builds the units library's registry (a second or more)
@given(written_figure(), st.sampled_from(UNITS_OF_A_DIMENSION))
def test_a_measure_agrees_with_its_conversion_back_and_forth(figure, pair):
    from crosscheck.kinds.units import canonical_unit, convert

    text, amount, _ = figure
    source, target = canonical_unit(pair[0]), canonical_unit(pair[1])
    interval = normalize(QuantityValue(amount=amount, unit=pair[0]), f"{text} {pair[0]}").interval
    there = convert(interval, source, target)
    back = convert(there, target, source)
    assert intervals.overlaps(interval, back)


@given(written_figure(), st.sampled_from(["up", "down"]), st.booleans())
def test_a_change_agrees_with_itself_and_not_with_its_opposite(figure, direction, points):
    from crosscheck.kinds.changes import SIDES, movement

    text, amount, _ = figure
    value = PercentageValue(amount=amount, points=points, change={"direction": direction})
    opposite = PercentageValue(amount=amount, points=points, change={"direction": "down" if direction == "up" else "up"})
    found, other = movement(value, None, f"{text}%"), movement(opposite, None, f"{text}%")
    assert found is not None and other is not None
    for side in SIDES:
        mine = found.side(side)
        assert mine is None or intervals.overlaps(mine, mine)
    side = "delta" if points else "ratio"
    assert not intervals.overlaps(found.side(side), other.side(side))


@given(st.integers(1, 10**6))
def test_a_count_agrees_with_itself_and_is_never_more_than_itself(count):
    text = str(count)
    exact = normalize(QuantityValue(amount=count, unit="patient"), f"{text} patients").interval
    over = normalize(QuantityValue(amount=count, approx="over", unit="patient"), f"more than {text} patients").interval
    assert intervals.overlaps(exact, exact)
    assert intervals.overlaps(exact, over) is (count % 10 == 0)
