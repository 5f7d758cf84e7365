"""names_match: the same entity named by two different forms, one of them not registered, is a warning.

Forms that differ only in typography, case or a leading "the" are the same
form.  A registered name or alias (in the registry) is always accepted; so two
different forms are silent only when both are registered.  An entity the
registry does not know has no accepted forms, so the rule does not apply.  The finding carries
a similarity score (0..1) so an editor can tell a variant spelling from a
different name.
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict, quoted
from crosscheck.kinds.names import registered_forms, similarity
from crosscheck.model.values import NameValue


def compare(a: Item, b: Item, params: NoParams) -> Verdict | None:
    """A verdict when two forms differ and at least one is not a registered name of the entity."""
    if a.entity is None and b.entity is None:
        return None  # no registry entry: no accepted forms to hold names to (and drafted keys are guesses)
    va, vb = a.value, b.value
    if not (isinstance(va, NameValue) and isinstance(vb, NameValue)):
        return None
    na, nb = a.normal(), b.normal()
    entity_a, entity_b = va.entity, vb.entity
    if entity_a and entity_b and entity_a != entity_b:
        return None  # different entities: the business of entities_agree
    if na.form == nb.form:
        return None
    registered = registered_forms(a.entity) | registered_forms(b.entity)
    unregistered = [item for item, normal in ((a, na), (b, nb)) if normal.form not in registered]
    if not unregistered:
        return None
    score = similarity(va.name, vb.name)
    named = entity_a or entity_b or a.claim.subject
    which = f"{quoted(unregistered[0].text)} is not" if len(unregistered) == 1 else "neither is"
    explanation = (
        f"{quoted(a.text)} and {quoted(b.text)} both name {named}, but {which} a registered name or alias "
        f"(similarity {score:.2f}); add accepted forms to the registry's aliases."
    )
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation, similarity=score, facts={"similarity": f"{score:.2f}"})


FACTS = ("similarity",)

COMPARATOR = Comparator(
    name="names_match",
    summary="one entity named by forms that are not registered aliases",
    kinds=("name",),
    params=NoParams,
    pair=compare,
    facts=FACTS,
)
