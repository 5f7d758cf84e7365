"""What comparators receive and return, and the shape of a comparator.

A comparator is a pure function over normalised claims.  Pair comparators see
two claims with the same key (the engine does the grouping, so cost grows with
the number of claims); corpus comparators see every claim of the kinds they
handle at once and do their own grouping (the exchange-rate check spans keys).

A pair comparator's verdict may depend on the two claims' values, their
wording (`text`), their registry entries and, for dates, the datelines, and on
the order of its two arguments; nothing else (not the document, quote or
claim id).  The engine relies on it: claims of one key that state the same
value in the same words are one value class, judged once against each other
class (see `grouping.clashes`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from crosscheck.kinds import Normal, Tolerances, normalize
from crosscheck.model.base import Frozen
from crosscheck.model.claims import Claim
from crosscheck.model.corpus import LocatedClaim
from crosscheck.model.registry import Entity, Property
from crosscheck.model.values import Value, ValueKind


class NoParams(Frozen):
    """A comparator without parameters: any key in `params` is an error."""


class Item:
    """One claim as comparators see it: the located claim plus the context normalising needs.

    Read-only by convention.  A plain class with slots rather than a frozen dataclass: the
    engine makes one per compared claim, and a frozen dataclass sets each field through
    `object.__setattr__` (three times slower to build, for hundreds of thousands of items).
    Items compare by identity.
    """

    __slots__ = ("located", "published", "entity", "prop", "claim", "value", "text", "document", "_normals")

    located: LocatedClaim
    published: str | None
    """The article's dateline (`meta.published`), for relative dates and "as of" defaults."""
    entity: Entity | None
    """The registry entity the value names (its `entity`, else the claim's subject), if registered."""
    prop: Property | None
    """The registry's declaration of the claim's property, if registered."""
    claim: Claim
    """The claim (`located.claim`); this and the fields below are copied once, read millions of times."""
    value: Value
    text: str
    document: str
    _normals: dict[Tolerances | None, Normal] | None
    """Memo of `normal()` by tolerances (made on first use: most claims are never compared)."""

    def __init__(
        self, located: LocatedClaim, published: str | None = None, entity: Entity | None = None, prop: Property | None = None
    ) -> None:
        claim = located.claim
        self.located = located
        self.published = published
        self.entity = entity
        self.prop = prop
        self.claim = claim
        self.value = claim.value
        self.text = claim.text
        self.document = located.document
        self._normals = None

    def __repr__(self) -> str:
        return f"Item({self.document!r}, {self.claim.id!r}, {self.text!r})"

    @property
    def as_of(self) -> str | None:
        """When the claim holds: its scope's date or period end, else the article's dateline."""
        scope = self.claim.scope
        if scope is not None:
            return scope.as_of or scope.end or scope.start
        return self.published

    def normal(self, tolerances: Tolerances | None = None) -> Normal:
        """The claim's value normalised, computed once per tolerances (normalising is pure)."""
        normals = self._normals
        if normals is None:
            normals = self._normals = {}
        normal = normals.get(tolerances)
        if normal is None:
            normal = normals[tolerances] = normalize(self.value, self.text, published=self.published, tolerances=tolerances)
        return normal


@dataclass(frozen=True, slots=True)
class Verdict:
    """A comparator's finding before the engine adds rule, severity, key and fingerprint."""

    items: tuple[Item, ...]
    normals: tuple[Normal, ...]
    """The normalised values shown for each item (same order)."""
    explanation: str
    """Why the values cannot both hold, in plain English."""
    similarity: float | None = None
    diff: str | None = None
    key: tuple[str, str, str | None] | None = None
    """(subject, property, scope) when the comparison spans keys; None to use the items' key."""
    facts: dict[str, str] = field(default_factory=dict)
    """Extra placeholders for the rule's message template."""


PairCheck = Callable[[Item, Item, Any], "Verdict | None"]
"""(a, b, params) -> a verdict or None; params is an instance of the comparator's own `params` model."""
CorpusCheck = Callable[[Sequence[Item], Any], "list[Verdict]"]
"""(items, params) -> verdicts; params as for `PairCheck`."""


@dataclass(frozen=True, slots=True)
class Comparator:
    """A named relation between claims, with the params model that validates a rule's `params`."""

    name: str
    summary: str
    kinds: tuple[ValueKind, ...]
    """Value kinds it understands; a rule's `applies_to.kinds` must be among them."""
    params: type[BaseModel] = NoParams
    pair: PairCheck | None = None
    """Compares two claims of the same key; None for corpus comparators."""
    corpus: CorpusCheck | None = None
    """Compares all claims of its kinds at once, grouping them itself."""
    facts: tuple[str, ...] = ()
    """Extra placeholders its verdicts give message templates ("similarity", "diff")."""
    selects: Callable[[Value], bool] | None = None
    """For corpus comparators: which values of its kinds it can use at all (None: every one).

    Only a saving: the engine hands a corpus comparator just the claims this accepts, and
    makes no comparison item for the rest (most quantities have no currency conversion)."""
    within_subject: bool = False
    """For corpus comparators: it only relates claims of one subject, so checking its claims a
    subject at a time finds what checking them all at once does (`crosscheck audit` does so)."""

    def __post_init__(self) -> None:
        if (self.pair is None) == (self.corpus is None):
            raise ValueError(f"comparator {self.name!r} needs exactly one of `pair` or `corpus`")


def quoted(text: str) -> str:
    """A value as written, quoted for an explanation."""
    return f"'{text}'"


def disjoint(a: Item, na: Normal, b: Item, nb: Normal, **facts: str) -> Verdict | None:
    """A verdict when two normalised intervals share no point, explained by the bounds that separate them."""
    from crosscheck.kinds import intervals

    if na.interval is None or nb.interval is None or intervals.overlaps(na.interval, nb.interval):
        return None
    low_item, low, high_item, high = (a, na, b, nb) if intervals.below(na.interval, nb.interval) else (b, nb, a, na)
    explanation = (
        f"{quoted(low_item.text)} means {low.upper()}; {quoted(high_item.text)} means {high.lower()}, "
        "so both cannot hold."
    )
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation, facts=facts)
