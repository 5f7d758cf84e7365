"""A value found in the text, before it becomes a claim: its span, kind, typed value and context."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from crosscheck.extract.spans import SpanIndex
from crosscheck.text.lexicon import lexicon

PRIORITY = {"date": 0, "quote": 0, "quantity_money": 1, "percentage": 2, "fraction": 3, "duration": 4, "rank": 5,
            "quantity": 6, "name": 7, "history": 0}
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


_INSIDE_FIGURES = ("rank", "fraction")
"""Kinds that lose to a figure whose reading holds them: "topped 300" is over 300, not first place;
"one and a half million voters" is 1.5 million, not a half."""


def _whole_of(share: Mention, count: Mention) -> bool:
    """True when `count` is the whole a share is of ("a quarter of the 105 years recommended"): both are figures."""
    return share.kind == "fraction" and count.kind == "quantity" and share.value.get("of") == count.value.get("amount") \
        and share.start <= count.start and count.end >= share.end and not count.extras.get("ranked")


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping mentions, the highest-priority then longest one; return them in text order."""
    figures = [(m.start, m.end) for m in mentions if m.kind in ("quantity", "percentage")]
    held = SpanIndex(figures)
    mentions = [m for m in mentions if m.kind not in _INSIDE_FIGURES or not any(
        figures[i] != (m.start, m.end) for i in held.covering(m.start, m.end))]
    kept: list[Mention] = []
    # the kept mentions that can overlap another (not quotes or names), by start: only those starting less than the
    # longest one's length before a mention can reach it
    starts: list[int] = []
    blocking: list[Mention] = []
    longest = 0
    for m in sorted(mentions, key=lambda m: (m.priority, -(m.end - m.start), m.start)):
        lo, hi = bisect.bisect_right(starts, m.start - longest), bisect.bisect_left(starts, m.end)
        if all(m.end <= k.start or m.start >= k.end or _whole_of(k, m) for k in blocking[lo:hi]):
            kept.append(m)
            if m.kind not in ("quote", "name"):
                at = bisect.bisect_right(starts, m.start)
                starts.insert(at, m.start)
                blocking.insert(at, m)
                longest = max(longest, m.end - m.start)
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))


_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
              "personnel": "personnel", "data": "data", "media": "media", "criteria": "criterion", "indices": "index"}


_MASS_ICS = frozenset("economics physics politics statistics logistics electronics mathematics ethics robotics "
                      "genomics analytics optics athletics".split())


def told_once(by_holder: dict[str, list[Mention]]) -> list[Mention]:
    """The first of each holder's figures, for the holders the article gives one value: an article giving one
    person two different counts ("in the 85th minute ... in the 89th minute X scored") tells of two events or
    misreads one, so neither is drafted."""
    return [found[0] for found in by_holder.values() if len({m.value["amount"] for m in found}) == 1]


def singular(word: str) -> str:
    """A plural English noun made singular by rule ("laboratories" -> "laboratory", "boxes" -> "box"),
    with the lexicon's exceptions ("wolves" -> "wolf", "mumps" stays "mumps")."""
    low = word.lower()
    lex = lexicon()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in lex.irregular_plurals:
        return lex.irregular_plurals[low]
    if low.endswith(("ss", "us", "is")) or low in _MASS_ICS or len(low) <= 3 or low in lex.singular_nouns_in_s \
            or low in lex.same_form_plurals:
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
    lex = lexicon()
    if low in _IRREGULAR or low in lex.same_form_plurals or low in lex.irregular_plurals:
        return True
    if low in lex.singular_nouns_in_s:
        return False
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
