"""Claim keys and groups: only claims with the same key are ever compared.

The key is (subject, property), partitioned by time scope.  Claims with the
same scope are compared with each other; a claim without a scope is compared
with every scoped partition too, but such a comparison is flagged so the
engine reports it as info at most (a figure with a year in one article and
none in another may describe different times).  Grouping is one pass over
the claims, so cost grows with the number of claims and the size of each
group, never with the square of the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from crosscheck.comparators import Item


@dataclass(slots=True)
class Group:
    """Claims sharing a subject and property, partitioned by scope key (None: no scope)."""

    subject: str
    property: str
    by_scope: dict[str | None, list[Item]] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)
    """The value kinds among the group's claims."""
    documents: set[str] = field(default_factory=set)
    """The documents the group's claims come from: with fewer than two there is nothing to compare."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two claims to compare, from different documents."""

    a: Item
    b: Item
    scope: str | None
    """The scope key of the comparison (the scoped claim's, when only one has a scope)."""
    scope_missing: bool
    """True when one claim has a scope and the other none: a finding is info at most."""


def scope_key(item: Item) -> str | None:
    """The scope part of a claim's key ("2024", "2021..2025") or None."""
    scope = item.claim.scope
    return scope.key if scope is not None else None


def group_items(items: Iterable[Item]) -> dict[tuple[str, str], Group]:
    """Items grouped by (subject, property) and partitioned by scope, in a stable order."""
    groups: dict[tuple[str, str], Group] = {}
    for item in items:
        key = (item.claim.subject, item.claim.property)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(*key)
        group.by_scope.setdefault(scope_key(item), []).append(item)
        group.kinds.add(item.value.kind)
        group.documents.add(item.document)
    return dict(sorted(groups.items()))


def _cross_document(left: list[Item], right: list[Item] | None = None) -> Iterator[tuple[Item, Item]]:
    if right is None:
        for i, a in enumerate(left):
            for b in left[i + 1 :]:
                if a.document != b.document:
                    yield a, b
    else:
        for a in left:
            for b in right:
                if a.document != b.document:
                    yield a, b


def pairs(group: Group) -> Iterator[Pair]:
    """Every pair of the group's claims that should be compared, each once, across documents."""
    unscoped = group.by_scope.get(None, [])
    for scope, items in sorted(group.by_scope.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")):
        for a, b in _cross_document(items):
            yield Pair(a, b, scope, False)
        if scope is not None:
            for a, b in _cross_document(unscoped, items):
                yield Pair(a, b, scope, True)
