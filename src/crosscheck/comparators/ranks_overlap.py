"""ranks_overlap: ranks agree when their sets of positions share one ("top five" and "second" do)."""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict, quoted
from crosscheck.kinds import intervals


def compare(a: Item, b: Item, params: NoParams) -> Verdict | None:
    """A verdict when no position satisfies both ranks."""
    na, nb = a.normal(), b.normal()
    assert na.interval is not None and nb.interval is not None
    of_a, of_b = getattr(a.value, "of", None), getattr(b.value, "of", None)
    if of_a is not None and of_b is not None and of_a != of_b:
        return None  # ranked among different fields
    if intervals.overlaps(na.interval, nb.interval):
        return None
    explanation = f"{quoted(a.text)} means {na.meaning}; {quoted(b.text)} means {nb.meaning}, so both cannot hold."
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="ranks_overlap",
    summary="ranks agree when some position satisfies both",
    kinds=("rank",),
    params=NoParams,
    pair=compare,
    facts=FACTS,
)
