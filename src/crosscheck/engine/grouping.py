"""Claim keys and groups: only claims with the same key are ever compared.

The key is (subject, property), partitioned by time scope.  Claims with the
same scope are compared with each other; a claim without a scope is compared
with every scoped partition too, but such a comparison is flagged so the
engine reports it as info at most (a figure with a year in one article and
none in another may describe different times).  Grouping is one pass over
the claims, so cost grows with the number of claims and the size of each
group, never with the square of the corpus.  Within a group, claims stating
the same value in the same words form one class and comparators judge one
pair per pair of classes (`blocks`), so a figure restated by a hundred
articles costs one comparison, not five thousand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from crosscheck.comparators import Item


@dataclass(slots=True)
class Group:
    """Claims sharing a subject and property, partitioned by scope key (None: no scope)."""

    subject: str
    property: str
    by_scope: dict[str | None, list[Item]] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)
    """The value kinds among the group's claims."""


def scope_key(item: Item) -> str | None:
    """The scope part of a claim's key ("2024", "2021..2025") or None."""
    scope = item.claim.scope
    key = scope.key if scope is not None else None
    frame = item.claim.frame
    if frame is not None and frame.partition:
        # a forecast, an estimate or a change is a fact of its own: never compared as the reported level
        return f"{key} {frame.partition}" if key else frame.partition
    return key


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
    return dict(sorted(groups.items()))


def value_key(item: Item) -> tuple[object, str, str | None]:
    """What a pair comparator may look at: the value, its wording and, for dates, the dateline."""
    value = item.value
    return (value, item.text, item.published if value.kind == "date" else None)


def value_classes(items: list[Item]) -> list[list[Item]]:
    """The items split into classes that state the same value in the same words, in first-seen order."""
    classes: dict[tuple[object, str, str | None], list[Item]] = {}
    for item in items:
        classes.setdefault(value_key(item), []).append(item)
    return list(classes.values())


def cross_document(left: list[Item], right: list[Item] | None = None) -> Iterator[tuple[Item, Item]]:
    """Pairs of items from different documents: within `left` (each once), or across `left` and `right`."""
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


@dataclass(frozen=True, slots=True)
class Block:
    """Two value classes to compare: every cross-document pair of their items gets the same verdict."""

    left: list[Item]
    right: list[Item] | None
    """None: pairs within `left` (claims stating the same value in the same words)."""
    scope: str | None
    scope_missing: bool
    position: dict[int, int] | None = None
    """For two classes of one partition: each item's place in it (by id), so pairs keep corpus order."""

    def pairs(self) -> Iterator[tuple[Item, Item, bool]]:
        """(a, b, flipped): each cross-document pair in corpus order; flipped when `a` is from `right`."""
        if self.right is None:
            for a, b in cross_document(self.left):
                yield a, b, False
            return
        position = self.position
        for a, b in cross_document(self.left, self.right):
            if position is not None and position[id(b)] < position[id(a)]:
                yield b, a, True
            else:
                yield a, b, False


def blocks(group: Group) -> Iterator[Block]:
    """The group's comparisons by value class: a comparator judges one pair per block, not per claim pair."""
    unscoped = value_classes(group.by_scope.get(None, []))
    for scope, items in sorted(group.by_scope.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")):
        classes = unscoped if scope is None else value_classes(items)
        position = {id(item): i for i, item in enumerate(items)} if len(classes) > 1 else None
        for i, left in enumerate(classes):
            yield Block(left, None, scope, False)
            for right in classes[i + 1 :]:
                yield Block(left, right, scope, False, position)
        if scope is not None:
            for left in unscoped:
                for right in classes:
                    yield Block(left, right, scope, True)
