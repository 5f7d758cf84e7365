"""Claim keys and groups: only claims with the same key are ever compared.

The key is (subject, property), partitioned by time scope.  Claims with the
same scope are compared with each other; a claim without a scope is compared
with every scoped partition too, but such a comparison is flagged so the
engine reports it as info at most (a figure with a year in one article and
none in another may describe different times).  Grouping is one pass over
the claims, so cost grows with the number of claims and the size of each
group, never with the square of the corpus.  Within a group, claims stating
the same value in the same words form one class and comparators judge one
pair per pair of classes (`clashes`), so a figure restated by a hundred
articles costs one comparison, not five thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from crosscheck.comparators import Item, Verdict
from crosscheck.engine.findings import Clash


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


@dataclass(slots=True)
class _Class:
    """One value class of a partition: its items, where the first and last stand, and their documents."""

    items: list[Item]
    first: int
    last: int
    documents: set[str]

    @property
    def other_document(self) -> Item | None:
        """An item from another document than the first's: the partner of a clash within the class."""
        first = self.items[0].document
        return next((item for item in self.items if item.document != first), None)


def _classes(items: list[Item]) -> list[_Class]:
    """The items split into classes that state the same value in the same words (`value_key`), in first-seen
    order, each with its first and last place in the partition and its documents."""
    classes: dict[tuple[object, str, str | None], _Class] = {}
    for i, item in enumerate(items):
        key = value_key(item)
        found = classes.get(key)
        if found is None:
            classes[key] = _Class([item], i, i, {item.document})
        else:
            found.items.append(item)
            found.last = i
            found.documents.add(item.document)
    return list(classes.values())


def _apart(left: _Class, right: _Class) -> bool:
    """Whether some claim of `left` and some claim of `right` are in different documents."""
    return not (len(left.documents) == 1 and left.documents == right.documents)


Judge = Callable[[Item, Item], "Verdict | None"]
"""A pair comparator with its rule's params bound."""


def _clash(judge: Judge, left: _Class, a: Item, right: _Class, b: Item, scope_missing: bool = False) -> Clash | None:
    verdict = judge(a, b)
    if verdict is None:
        return None
    first = verdict.items[0] if verdict.items else a
    na, nb = (verdict.normals[0], verdict.normals[1]) if first is a else (verdict.normals[1], verdict.normals[0])
    return Clash(left.items, right.items, verdict, (na, nb), scope_missing)


def clashes(group: Group, judge: Judge, comparable: Callable[[Item], bool],
            keep: Callable[[Item], bool] | None = None) -> Iterator[tuple[str | None, list[Clash]]]:
    """Each scope of the group whose value classes clash under `judge`, with its clashes.

    A comparator judges the first claims of two classes, in corpus order (and the other way
    round when some pair of them stands that way and the first order agrees); claims without
    a scope are judged against each scoped partition too, flagged as missing the scope.
    `comparable`: whether the rule applies to a claim's kind; `keep`: which items take part.
    """

    def classes_of(items: list[Item]) -> list[_Class]:
        return _classes([item for item in items if keep(item)] if keep is not None else items)

    unscoped = classes_of(group.by_scope.get(None, []))
    for scope, items in sorted(group.by_scope.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")):
        classes = unscoped if scope is None else classes_of(items)
        usable = [c for c in classes if comparable(c.items[0])]
        found: list[Clash] = []
        for i, left in enumerate(usable):
            partner = left.other_document
            if partner is not None:
                within = _clash(judge, left, left.items[0], left, partner)
                if within is not None:
                    found.append(within)
            for right in usable[i + 1 :]:
                if not _apart(left, right):
                    continue
                clash = _clash(judge, left, left.items[0], right, right.items[0])
                if clash is None and right.first < left.last:  # some pair stands the other way round
                    clash = _clash(judge, right, right.items[0], left, left.items[0])
                if clash is not None:
                    found.append(clash)
        if scope is not None:
            for left in unscoped:
                if not comparable(left.items[0]):
                    continue
                for right in usable:
                    if _apart(left, right):
                        clash = _clash(judge, left, left.items[0], right, right.items[0], scope_missing=True)
                        if clash is not None:
                            found.append(clash)
        if found:
            yield scope, found
