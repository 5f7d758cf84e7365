"""A value found in the text, before it becomes a claim: its span, kind, typed value and context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PRIORITY = {"date": 0, "quote": 0, "quantity_money": 1, "percentage": 2, "fraction": 3, "duration": 4, "rank": 5,
            "quantity": 6, "name": 7}
"""When two mentions overlap, the one with the lower number wins (a date's "16" is not a count)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One value as written: `text[start:end]`, its `value` fields (with `kind`) and what it counts."""

    kind: str
    start: int
    end: int
    value: dict
    thing: str | None = None
    """The counted or measured thing as written ("leading companies"), when the text says."""
    head: str | None = None
    """Singular head noun of `thing` ("company")."""
    review: bool = False
    """True when the reading itself is uncertain ("hundreds of" read as at least 200)."""
    subject_hint: str | None = None
    """A name the extractor already tied to the value (a quote's speaker, a role's holder)."""
    property_hint: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def priority(self) -> int:
        if self.kind == "quantity" and self.value.get("currency"):
            return PRIORITY["quantity_money"]
        return PRIORITY[self.kind]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping mentions, the highest-priority then longest one; return them in text order."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.priority, -(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept if k.kind not in ("quote", "name")):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))


_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
              "personnel": "personnel", "data": "data", "media": "media", "criteria": "criterion", "indices": "index"}


_MASS_ICS = frozenset("economics physics politics statistics logistics electronics mathematics ethics robotics "
                      "genomics analytics optics athletics".split())


def singular(word: str) -> str:
    """A plural English noun made singular by rule ("laboratories" -> "laboratory", "enterprises" -> "enterprise")."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith(("ss", "us", "is")) or low in _MASS_ICS or len(low) <= 3:
        return low
    if low.endswith("ies"):
        return low[:-3] + "y"
    if re.search(r"(sses|ches|shes|xes|zes)$", low):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low


def looks_plural(word: str) -> bool:
    """True for a word that reads as a plural noun ("projects", "people"), not "business" or "leading"."""
    low = word.lower()
    if low in _IRREGULAR:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
