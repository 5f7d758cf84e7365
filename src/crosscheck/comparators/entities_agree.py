"""entities_agree: two name values that point at different registry entities conflict.

"Chengdu-based" (entity chengdu) and "Beijing-based" (entity beijing) for the
same company's base cannot both hold.  Values without an entity id are left
to names_match.
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict, quoted


def compare(a: Item, b: Item, params: NoParams) -> Verdict | None:
    """A verdict when both values name registry entities and the entities differ."""
    entity_a, entity_b = getattr(a.value, "entity", None), getattr(b.value, "entity", None)
    if not entity_a or not entity_b or entity_a == entity_b:
        return None
    na, nb = a.normal(), b.normal()
    explanation = f"{quoted(a.text)} refers to {entity_a}; {quoted(b.text)} refers to {entity_b}, so both cannot hold."
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="entities_agree",
    summary="name values agree when they refer to the same registry entity",
    kinds=("name",),
    params=NoParams,
    pair=compare,
    facts=FACTS,
)
