"""Counts written without a figure: "dozens of homes", "hundreds of flights", "tens of thousands of people",
"scores of villagers", "a handful of shops", "several wards", "a few dozen boats", "millions of dollars".

Each is drafted as a `vague` quantity (model.values.VagueQuantity), whose bounds the lexicon's
`vague_quantities` states and `kinds.quantities` reads, so "dozens of homes" conflicts with "300 homes" and
"hundreds of homes" agrees with it.  The words come from that one lexicon section.  A vague word is a count
only with a counted noun after it: "dozens were hurt" names nothing, "the scores of both matches" are results,
"a few weeks" is a span of time, "several hundred thousand" is read whole or not at all.  The reading is
marked for review: a vague word is the writer's impression, not a tally.
"""

from __future__ import annotations

import re

from crosscheck.extract.mention import Mention
from crosscheck.extract.phrases import noun_phrase_after
from crosscheck.text.lexicon import alternation, lexicon, word_set

_LEX = lexicon()
_VAGUE = re.compile(rf"(?<![\w-])(?P<vague>(?i:{alternation(_LEX.vague_words)}))(?![\w-])")
_DETERMINER = re.compile(r"\b(?i:the|their|its|his|her|our|these|those|both)\s+$")
_NUMBER_WORD_NEXT = re.compile(
    rf"\s+(?:of\s+)?(?i:{alternation([*_LEX.number_multipliers, *_LEX.scales])})s?\b|\s+(?:of\s+)?\d")
"""A multiplier, scale or figure after the vague words ("several hundred thousand", "thousands of millions",
"scores of 91"): the words are read whole or not at all."""
_NOT_COUNTED = word_set("vague_not_counted")


def extract_vague(text: str) -> list[Mention]:
    """Every vague count with a counted noun after it, as a `vague` quantity of that noun (or currency)."""
    found = []
    unread_end: int | None = None
    for v in _VAGUE.finditer(text):
        if _NUMBER_WORD_NEXT.match(text, v.end()) or \
                unread_end is not None and text[unread_end:v.start()].strip() in ("", "of"):
            unread_end = v.end()  # "thousands of millions of pounds": no part of it is read alone
            continue
        if _DETERMINER.search(text, max(0, v.start() - 8), v.start()):
            continue  # "the scores of both matches": results, not a vague count
        written = " ".join(v["vague"].lower().split())
        if not written.endswith(" of") and f"{written} of" in _LEX.vague_words:
            continue  # "dozens were hurt", "hundreds more": a plural vague word counts only through "of"
        thing, head, _ = noun_phrase_after(text, v.end())
        if not head or head in _LEX.duration_units or head in _NOT_COUNTED:
            continue
        value: dict = {"kind": "quantity", "vague": _LEX.vague_words[written]}
        currency = _LEX.currency_words.get(thing.split()[-1].lower()) if thing else None
        if currency:
            value["currency"] = currency
        else:
            value["unit"] = head
        end = v.start() + len(v["vague"].rstrip()[:-2].rstrip()) if written.endswith(" of") else v.end()
        found.append(Mention("quantity", v.start(), end, value, thing, head, review=True))
    return found

