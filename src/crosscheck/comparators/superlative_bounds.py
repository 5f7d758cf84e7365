"""superlative_bounds: a member of a class beyond the figure another article gives as the class's extreme.

"The strongest aftershock measured 6.1" says no aftershock exceeded 6.1; another article's "a
6.5-magnitude aftershock" cannot then hold.  A superlative's claim has the frame its class's
members have plus the qualifier `extreme` (`max`, or `min` for "the smallest"); a member is a
claim of the same subject whose frame is that frame without `extreme` (same measure, same
qualifiers of place, basis or division, same period, modality and level) and whose scope is the
same.  The superlative's key and a member's differ, so this is a corpus comparator: it indexes
the members once and looks each superlative's class up.  A superlative stated without a unit
("measured 6.1") meets members whose measure is that unit of the class ("6.5-magnitude
aftershock": `magnitude-aftershock`).  Claims of one article are not held against each other.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict, quoted
from crosscheck.kinds import Normal, intervals
from crosscheck.kinds.changes import is_change
from crosscheck.model.frame import Frame
from crosscheck.model.values import Interval, PercentageValue, QuantityValue, Value

EXTREME = "extreme"
"""The frame qualifier that marks a superlative's claim: `max` or `min`."""
SIDES = {"max": "highest", "min": "lowest"}

ClassKey = tuple[str, str, tuple[tuple[str, str], ...], str | None, str, str, str | None, str | None]
"""(subject, measure, other qualifiers, period, modality, level, scope, unit): what makes claims one class."""


class Params(NoParams):
    """No parameters: a member beyond the extreme is a conflict at any tolerance (the bounds are as written)."""


def is_level_figure(value: Value) -> bool:
    """Only levels of quantities and percentages take part (a change is no member of a class of levels)."""
    return isinstance(value, QuantityValue | PercentageValue) and value.change is None


def _class_key(item: Item, frame: Frame, measure: str, unit: str | None) -> ClassKey:
    scope = item.claim.scope
    qualifiers = tuple(sorted((k, v) for k, v in frame.qualifiers.items() if k != EXTREME))
    return (item.claim.subject, measure, qualifiers, frame.period, frame.modality, frame.level,
            scope.key if scope is not None else None, unit)


def _unit(value: Value) -> str | None:
    return value.unit if isinstance(value, QuantityValue) else None


def _member_keys(item: Item, frame: Frame) -> list[ClassKey]:
    """The classes a member belongs to: its own, and, for a measure that is its unit of a noun
    ("magnitude-aftershock"), the class of that noun as a superlative without a unit names it."""
    unit = _unit(item.value)
    keys = [_class_key(item, frame, frame.measure, unit)]
    prefix = f"{unit.replace(' ', '-')}-" if unit else None
    if prefix and frame.measure.startswith(prefix) and len(frame.measure) > len(prefix):
        keys.append(_class_key(item, frame, frame.measure[len(prefix):], None))
    return keys


def _plain(normal: Normal) -> Interval | None:
    """The interval without its unit, for a superlative that names none (its class names it)."""
    return normal.interval.model_copy(update={"unit": None}) if normal.interval is not None else None


def compare_all(items: Sequence[Item], params: Params) -> list[Verdict]:
    """A verdict for each member (another article's claim) beyond a superlative's bound of its class."""
    bounds: list[tuple[Item, Frame]] = []
    members: dict[ClassKey, list[Item]] = {}
    for item in items:
        frame = item.claim.frame
        if frame is None or is_change(item.value, frame):
            continue
        if EXTREME in frame.qualifiers:
            if frame.qualifiers[EXTREME] in SIDES:
                bounds.append((item, frame))
            continue
        for key in _member_keys(item, frame):
            members.setdefault(key, []).append(item)
    verdicts = []
    for bound, frame in bounds:
        side = frame.qualifiers[EXTREME]
        key = _class_key(bound, frame, frame.measure, _unit(bound.value))
        for member in members.get(key, ()):
            if member.document == bound.document:
                continue
            verdict = _beyond(bound, member, side)
            if verdict is not None:
                verdicts.append(verdict)
    return verdicts


def _beyond(bound: Item, member: Item, side: str) -> Verdict | None:
    nb, nm = bound.normal(), member.normal()
    limit, figure = _plain(nb), _plain(nm)
    if limit is None or figure is None or nb.by_currency.keys() != nm.by_currency.keys():
        return None
    if nb.interval is not None and nm.interval is not None and nb.interval.unit and nb.interval.unit != nm.interval.unit:
        return None
    outside = intervals.below(limit, figure) if side == "max" else intervals.below(figure, limit)
    if not outside:
        return None
    extreme = SIDES[side]
    explanation = (
        f"{quoted(bound.text)} is stated as the {extreme} of its class, so no member of the class can be "
        f"{'above' if side == 'max' else 'below'} it; {quoted(member.text)} states a member that is {nm.meaning}."
    )
    scope = bound.claim.scope
    return Verdict(items=(bound, member), normals=(nb, nm), explanation=explanation,
                   key=(bound.claim.subject, bound.claim.property, scope.key if scope is not None else None),
                   facts={"extreme": extreme, "direction": "above" if side == "max" else "below"})


FACTS: tuple[str, ...] = ("extreme", "direction")

COMPARATOR = Comparator(
    name="superlative_bounds",
    summary="a member of a class beyond the extreme another article gives for the class",
    kinds=("quantity", "percentage"),
    params=Params,
    corpus=compare_all,
    facts=FACTS,
    selects=is_level_figure,
    within_subject=True,
)
