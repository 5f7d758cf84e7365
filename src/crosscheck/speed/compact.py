"""Keeping a loaded corpus small: share what equal claims hold in common.

A corpus of 400k claims lives until the run ends, so what each claim costs
decides the run's peak memory.  Measured on a synthetic corpus, a pydantic
claim with its value and scope took 2.9 KB, over a third of it in
`__pydantic_fields_set__`: one set per model (728 bytes for a claim's seven
names) although only a dozen distinct sets occur.  After loading, each
model's set is swapped for one shared, equal set; the ids claims are keyed
by (subject, property, claim id, unit, ...) become one string object per
distinct id; and equal scopes become one `Scope` instance.

All of it is invisible to readers of the objects: the models are frozen,
values stay equal, and pydantic copies a fields set before changing it
(`model_copy`), so a shared one is never mutated.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from crosscheck.model.claims import Claim
from crosscheck.model.corpus import Document

_setattr = object.__setattr__
_intern = sys.intern
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_SCOPES: dict[tuple[str | None, str | None, str | None, frozenset[str]], object] = {}
_VALUE_IDS = ("unit", "currency", "speaker", "entity", "date", "end")
"""Value fields whose strings repeat across claims: ids, units, dates."""


def compact_claims(claims: Iterable[Claim]) -> None:
    """Share fields sets, id strings and scopes among `claims` (and all claims compacted before)."""
    fields_set = _FIELDS_SETS.setdefault
    scopes = _SCOPES.setdefault
    frozen = frozenset
    for claim in claims:
        own = claim.__pydantic_fields_set__
        _setattr(claim, "__pydantic_fields_set__", fields_set(frozen(own), own))
        fields = claim.__dict__
        fields["id"] = _intern(fields["id"])
        fields["subject"] = _intern(fields["subject"])
        fields["property"] = _intern(fields["property"])
        value = fields["value"]
        own = value.__pydantic_fields_set__
        _setattr(value, "__pydantic_fields_set__", fields_set(frozen(own), own))
        held = value.__dict__
        for name in _VALUE_IDS:
            text = held.get(name)
            if text is not None:
                held[name] = _intern(text)
        scope = fields["scope"]
        if scope is not None:
            at, own = scope.__dict__, scope.__pydantic_fields_set__
            names = frozen(own)
            shared = scopes((at["as_of"], at["start"], at["end"], names), scope)
            if shared is scope:
                _setattr(scope, "__pydantic_fields_set__", fields_set(names, own))
            else:
                fields["scope"] = shared


def compact_document(document: Document) -> None:
    """Compact a freshly loaded document's claims and metadata (see `compact_claims`)."""
    compact_claims(located.claim for located in document.claims)
    _share_fields_set(document.meta)


def _share_fields_set(model: object) -> None:
    """Swap one model's fields set for the shared, equal one (as `compact_claims` does for claims)."""
    own = model.__pydantic_fields_set__  # type: ignore[attr-defined]
    _setattr(model, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(frozenset(own), own))
