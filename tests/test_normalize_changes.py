"""Changes as written -> the intervals of their four sides (relative, absolute, earlier level, level reached)."""

from __future__ import annotations

import pytest

from crosscheck.kinds import normalize
from crosscheck.kinds.changes import movement
from crosscheck.model.frame import Frame
from crosscheck.model.values import PercentageValue, QuantityValue


def pct(**fields) -> PercentageValue:
    return PercentageValue.model_validate(fields)


def qty(**fields) -> QuantityValue:
    return QuantityValue.model_validate(fields)


# text, value, side, (low, high) the side must lie within (approximately)
SIDES = [
    ("gained 2.1%", pct(amount=2.1, change={"direction": "up"}), "ratio", (2.05, 2.15)),
    ("lost 2.1%", pct(amount=2.1, change={"direction": "down"}), "ratio", (-2.15, -2.05)),
    ("tripled to 9,000", qty(unit="visitor", change={"direction": "up", "factor": 3, "to": 9000}), "start", (2999.8, 3000.2)),
    ("halved to 40", qty(unit="bed", change={"direction": "down", "factor": 0.5, "to": 40}), "ratio", (-50, -50)),
    ("went from 4% to 6.5%", pct(change={"direction": "up", "from": 4, "to": 6.5}), "delta", (1.95, 3.05)),
    ("up 2.5 percentage points to 6.5%", pct(amount=2.5, points=True, change={"direction": "up", "to": 6.5}), "start", (3.9, 4.1)),
    ("rose 0.4 percentage points to 3.1%", pct(amount=0.4, points=True, change={"direction": "up", "to": 3.1}), "ratio", (12.5, 17.31)),
    ("rose by 1.2 million to 4.5 million", qty(amount=1.2, scale="million", unit="user",
                                               change={"direction": "up", "to": 4.5}), "start", (3.2e6, 3.4e6)),
]


@pytest.mark.parametrize(("text", "value", "side", "bounds"), SIDES, ids=[s[0] for s in SIDES])
def test_change_sides(text, value, side, bounds):
    found = movement(value, None, text)
    assert found is not None
    interval = found.side(side)
    assert interval is not None and interval.low is not None and interval.high is not None
    assert interval.low == pytest.approx(bounds[0], rel=1e-3) and interval.high == pytest.approx(bounds[1], rel=1e-3)


def test_a_direction_alone_says_which_side_of_zero():
    up = movement(pct(change={"direction": "up", "factor": 1.5}), None, "rose by half")
    assert up is not None and up.ratio is not None and up.ratio.low == pytest.approx(50)


def test_a_drafted_frame_makes_a_change():
    frame = Frame(measure="revenue", level="change", direction="down", change_from="$25.1 billion")
    found = movement(pct(amount=3), frame, "fell 3%")
    assert found is not None and found.direction == "down"
    assert found.start is not None and found.start.low == pytest.approx(25.05e9)
    assert found.end is not None and found.end.high == pytest.approx(25.15e9 * 0.975)


def test_a_level_is_no_change():
    assert movement(pct(amount=6.5), None, "6.5%") is None
    assert movement(pct(amount=6.5), Frame(measure="rate", direction="down"), "fell to 6.5%") is None


def test_a_change_reads_in_words():
    assert normalize(pct(amount=2.1, change={"direction": "down"}), "lost 2.1%").meaning.startswith("down: a relative change of")


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"direction": "down", "factor": 3}, "does not go down"), ({"direction": "up", "factor": 0.5}, "does not go up")],
)
def test_a_factor_must_go_the_stated_way(fields, message):
    with pytest.raises(ValueError, match=message):
        pct(change=fields)
