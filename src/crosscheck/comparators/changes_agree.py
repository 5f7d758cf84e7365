"""changes_agree: two changes of one fact agree when some pair of levels fits both, direction included.

A change states a direction and some of: its size (in percent of the earlier level, in
percentage points, or in the value's unit), the earlier level and the level reached
(`kinds.changes`).  "gained 2.1%" and "lost 2.1%" conflict; "tripled to 9,000" agrees with
"rose 200%"; "went from 4% to 6.5%" agrees with "up 2.5 percentage points to 6.5%"; "rose 0.4
percentage points to 3.1%" and "rose 0.4% to 3.1%" conflict.  A level of the same fact
("6.5%") is compared with the level a change reached, and a drafted change that does
not say which way with a change's size.  Levels against levels are `intervals_overlap`'s
business.
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.kinds import Tolerances, intervals
from crosscheck.kinds.changes import SIDES, Movement, is_change, movement, side_words
from crosscheck.kinds.units import canonical_unit
from crosscheck.model.values import PercentageValue, QuantityValue

WAYS = {"up": "went up", "down": "went down", "unchanged": "did not change"}


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly" changes (defaults from the lexicon)."""


def _level_unit(item: Item) -> str | None:
    """The unit of a level claim ("%" for a percentage, the unit or currency of a quantity)."""
    value = item.value
    if isinstance(value, PercentageValue):
        return "pp" if value.points else "%"
    if isinstance(value, QuantityValue):
        return value.currency or (canonical_unit(value.unit).name if value.unit else None)
    return None


def _units_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _explain(side: str, a: Item, ma: Movement, b: Item, mb: Movement) -> str | None:
    sa, sb = ma.side(side), mb.side(side)
    if sa is None or sb is None or intervals.overlaps(sa, sb):
        return None
    if side != "ratio" and not _units_fit(ma.level_unit, mb.level_unit):
        return None
    return (
        f"{quoted(a.text)} means {side_words(side, sa, ma.level_unit)}; {quoted(b.text)} means "
        f"{side_words(side, sb, mb.level_unit)}, so both cannot hold."
    )


def _against_level(change: Item, found: Movement, level: Item, params: Params) -> str | None:
    """A level claim against the level a change reached."""
    unit = _level_unit(level)
    end = found.end
    if end is None or unit is None or found.level_unit != unit or change.value.kind != level.value.kind:
        return None
    stated = level.normal(params)
    if stated.interval is None or intervals.overlaps(stated.interval, end):
        return None
    return (
        f"{quoted(change.text)} means {side_words('end', end, found.level_unit)}; {quoted(level.text)} means "
        f"{stated.meaning}, so both cannot hold."
    )


def _against_size(change: Item, found: Movement, undirected: Item, params: Params) -> str | None:
    """A change against one whose direction is not known: their sizes, as `intervals_overlap` compares two sizes."""
    value, other = change.value, undirected.value
    if value.kind != other.kind or getattr(value, "points", False) != getattr(other, "points", False):
        return None
    if _level_unit(change) != _level_unit(undirected):
        return None
    side = "ratio" if isinstance(value, PercentageValue) and not value.points else "delta"
    signed, size = found.side(side), undirected.normal(params).interval
    if side not in found.stated or signed is None or size is None:
        return None
    magnitude = intervals.negate(signed) if found.direction == "down" else signed
    if intervals.overlaps(magnitude, size):
        return None
    return (
        f"{quoted(change.text)} means {side_words(side, magnitude, found.level_unit)} in size; {quoted(undirected.text)} "
        f"means {side_words(side, size, found.level_unit)}, so both cannot hold."
    )


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when two changes (or a change and a level) of one fact cannot both hold."""
    if not (is_change(a.value, a.claim.frame) or is_change(b.value, b.claim.frame)):
        return None  # two levels: the common case, decided without reading either
    if not isinstance(a.value, QuantityValue | PercentageValue) or not isinstance(b.value, QuantityValue | PercentageValue):
        return None
    ma = movement(a.value, a.claim.frame, a.text, params)
    mb = movement(b.value, b.claim.frame, b.text, params)
    if ma is None and mb is None:
        return None
    explanation: str | None
    if ma is None or mb is None:
        change, found, level = (b, mb, a) if ma is None else (a, ma, b)
        assert found is not None
        if is_change(level.value, level.claim.frame):  # a drafted change that does not say which way
            explanation = _against_size(change, found, level, params)
        else:
            explanation = _against_level(change, found, level, params)
    elif ma.direction and mb.direction and ma.direction != mb.direction:
        explanation = f"{quoted(a.text)} says it {WAYS[ma.direction]}; {quoted(b.text)} says it {WAYS[mb.direction]}, so both cannot hold."
    else:
        # explain by a side both claims state, else one states, before one only derived from them
        ordered = sorted(SIDES, key=lambda side: -((side in ma.stated) + (side in mb.stated)))
        explanation = next((said for side in ordered if (said := _explain(side, a, ma, b, mb))), None)
    if explanation is None:
        return None
    na, nb = a.normal(params), b.normal(params)
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="changes_agree",
    summary="changes of one fact agree in direction, size and levels; a level agrees with the level a change reached",
    kinds=("quantity", "percentage"),
    params=Params,
    pair=compare,
    facts=FACTS,
)
