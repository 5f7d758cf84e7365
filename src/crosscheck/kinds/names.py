"""Names: a comparable form, registered forms, and a similarity score.

Two names are the same form when they differ only in typography, case, a
leading "the" or trailing punctuation.  Similarity (0..1) comes from
rapidfuzz's token-sort ratio, so word order matters less than spelling.
"""

from __future__ import annotations

import re

from crosscheck.kinds.base import Normal
from crosscheck.model.registry import Entity
from crosscheck.model.values import NameValue
from crosscheck.text.typography import typography

_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def fold(name: str) -> str:
    """The comparable form of a name: "The  National Center’s" -> "national center's"."""
    folded = _LEADING_ARTICLE.sub("", typography(name)).casefold()
    return folded.strip(" .,;:!?\"'()[]")


def registered_forms(entity: Entity | None) -> set[str]:
    """The folded canonical name and aliases of an entity (empty when unknown)."""
    if entity is None:
        return set()
    return {fold(entity.name), *(fold(alias) for alias in entity.aliases)}


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1, ignoring typography, case and word order."""
    from rapidfuzz import fuzz  # only when names are compared: a tenth of a cold start otherwise

    return round(fuzz.token_sort_ratio(fold(a), fold(b)) / 100, 2)


def normalize(value: NameValue, text: str) -> Normal:
    """A name's comparable form."""
    return Normal(text=text, form=fold(value.name))
