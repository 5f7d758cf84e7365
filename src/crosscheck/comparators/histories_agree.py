"""histories_agree: two histories of one event agree when some time for the previous event of its kind fits both.

"the first annual decline ever" (none before) and "the first annual decline since 2011" (the previous
one in 2011) cannot both hold; "since 2011" and "since at least 2016" can (2011 is 2016 or earlier), and
so can "ever" and "since at least 2016" (the record may start there).  Two histories that say what
the events are of ("in EV sales", "in revenue") and say different things are different facts; when only
one says, the rule's `unspecific` parameter decides whether the pair is compared (a rule of lower severity
does, since the two may still be of different things).
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.kinds import intervals
from crosscheck.model.base import Frozen
from crosscheck.model.values import HistoryValue
from crosscheck.text.words import fold


class Params(Frozen):
    """Which pairs the rule compares: both saying what the events are of (or neither), or only one of them."""

    unspecific: bool = False
    """True: compare only pairs where exactly one history says what its events are of ("in EV sales")."""


def _of(value: HistoryValue) -> str | None:
    return " ".join(fold(value.of).split()) if value.of else None


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when no time for the previous event fits both histories."""
    va, vb = a.value, b.value
    if not isinstance(va, HistoryValue) or not isinstance(vb, HistoryValue):
        return None
    of_a, of_b = _of(va), _of(vb)
    if of_a is not None and of_b is not None and of_a != of_b:
        return None  # histories of different things
    if params.unspecific != ((of_a is None) != (of_b is None)):
        return None  # the other rule's pair
    na, nb = a.normal(), b.normal()
    if va.ever or vb.ever:
        ever, other, n_other = (a, b, nb) if va.ever else (b, a, na)
        other_value = other.value
        assert isinstance(other_value, HistoryValue)
        if other_value.ever or other_value.at_least:
            return None  # "ever" fits a record that starts at the year given
        explanation = f"{quoted(ever.text)} says none came before; {quoted(other.text)} puts {n_other.meaning}, so both cannot hold."
        return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)
    assert na.interval is not None and nb.interval is not None
    if intervals.overlaps(na.interval, nb.interval):
        return None
    explanation = f"{quoted(a.text)} puts {na.meaning}; {quoted(b.text)} puts {nb.meaning}, so both cannot hold."
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="histories_agree",
    summary="histories of one event agree when some time for the previous event of its kind fits both",
    kinds=("history",),
    params=Params,
    pair=compare,
    facts=FACTS,
)
