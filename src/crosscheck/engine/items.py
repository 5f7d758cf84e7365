"""The claims a check compares, as comparator items.

A key (subject, property) stated by one document has no pair to compare, and most
keys of a large corpus are such keys: their claims never become items, unless a
corpus rule (which groups across keys) wants them.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping

from crosscheck.comparators import Comparator, Item
from crosscheck.model.corpus import Corpus, LocatedClaim
from crosscheck.model.registry import Entity, Property
from crosscheck.model.values import Value
from crosscheck.rules.schema import Rule

Key = tuple[str, str]
"""A claim key without its scope: (subject, property)."""


def items(corpus: Corpus, keys: Container[Key] | None, wanted: Callable[[Value], bool] | None) -> tuple[list[Item], list[Item]]:
    """The items of the selected `keys` (all when None) that two documents or more state, and every item `wanted` accepts.

    Items keep corpus order; a claim that is both is one item.
    """
    entities = corpus.registry.entities if corpus.registry is not None else {}
    properties = corpus.registry.properties if corpus.registry is not None else {}
    by_key: dict[Key, list[LocatedClaim]] = {}
    selected: list[Item] = []
    made: dict[int, Item] = {}
    for document in corpus.documents:
        published = document.meta.published
        for located in document.claims:
            claim = located.claim
            key = (claim.subject, claim.property)
            if keys is None or key in keys:
                same = by_key.get(key)
                if same is None:
                    by_key[key] = [located]
                else:
                    same.append(located)
            if wanted is not None and wanted(claim.value):
                made[id(located)] = item = _item(located, published, entities, properties)
                selected.append(item)
    documents = {document.id: document.meta.published for document in corpus.documents}
    keyed = []
    for located_claims in by_key.values():
        first = located_claims[0].document
        if any(located.document != first for located in located_claims):
            for located in located_claims:
                both = made.get(id(located))
                keyed.append(both if both is not None else _item(located, documents[located.document], entities, properties))
    return keyed, selected


def wanted_by(corpus_rules: list[tuple[Rule, Comparator]]) -> Callable[[Value], bool] | None:
    """Whether some corpus rule takes a value (its kind, and its comparator's `selects`); None when none runs."""
    if not corpus_rules:
        return None
    tests: dict[str, list[Callable[[Value], bool] | None]] = {}
    for rule, comparator in corpus_rules:
        for kind in rule.applies_to.kinds:
            tests.setdefault(kind, []).append(comparator.selects)

    def wanted(value: Value) -> bool:
        found = tests.get(value.kind)
        return found is not None and any(test is None or test(value) for test in found)

    return wanted


def _item(located: LocatedClaim, published: str | None, entities: Mapping[str, Entity], properties: Mapping[str, Property]) -> Item:
    claim = located.claim
    named = claim.value.__dict__.get("entity") or claim.subject  # only names have `entity`
    return Item(located, published, entities.get(named), properties.get(claim.property))
