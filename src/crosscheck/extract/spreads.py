"""The spread of a set, written as a range: "their terms ranged from three years, two of them suspended, to
20 years", "the men received sentences of between three and 15 years".

Such a range is not an uncertain figure (where "between 3 and 15" and "from 3 to 20" overlap and agree): its
ends are two facts, the least and the most of the set, and an article giving another end contradicts it.  So
each end is drafted on its own, keyed by what the set is (the verb's subject or the plural noun before the
range, in the lexicon's `frame_measures` terms: a term is a sentence) with `.least` or `.most`.  A range is a
spread only when a word of the lexicon's `range_spreads` says so: a verb of spread right before it ("ranged",
"varying") or a noun whose members each have a figure ("sentences of between").  The first figure may carry its
own unit and an aside before "to" ("from three years, two of them suspended, to 20 years").
"""

from __future__ import annotations

import re
from functools import cache

from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.names import slug
from crosscheck.text.lexicon import alternation, section

SPREAD_CONFIDENCE = 0.55
"""How sure a spread's key is: read from a few words, not the parse; a conflict is at most a warning."""
_ASIDE = re.compile(r"\s+(?P<unit>[A-Za-z]+)(?:\s*,[^,.;:()\d]{1,60},)?\s+(?i:to)\s+(?=\S)")


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = section("range_spreads")
    assert isinstance(table, dict)
    verbs = alternation(str(w) for w in table["verbs"])
    nouns = alternation(str(w) for w in table["nouns"])
    # "their terms ranged from", "terms that ranged from", "sentences ranging between"; "sentences of between"
    by_verb = re.compile(rf"(?i)\b(?P<set>[a-z]+)\s+(?:(?:that|which)\s+)?(?:(?:have|has|had)\s+)?(?:{verbs})\s+(?:(?:from|between)\s+)?$")
    by_noun = re.compile(rf"(?i)\b(?P<set>{nouns})\s+(?:(?:of|ranging|from)\s+)?(?:(?:from|between)\s+)?$")
    return by_verb, by_noun


def spread_before(text: str, at: int) -> str | None:
    """The set whose spread a range starting at `at` gives ("terms" -> sentence), else None."""
    by_verb, by_noun = _words()
    window = text[max(0, at - 60):at]
    m = by_noun.search(window) or by_verb.search(window)
    if m is None:
        return None
    words = m["set"].lower().split()
    head = " ".join([*words[:-1], singular(words[-1])])
    return frame_lexicon().measures.get(head) or frame_lexicon().measures.get(singular(words[-1])) or slug(head)


def aside_join(text: str, at: int) -> tuple[str, int, int] | None:
    """After a range's first figure: its unit and an aside before "to" ("three years, two of them suspended,
    to"), as (the unit, where it ends, where the second figure starts); None when the text does not go on so."""
    m = _ASIDE.match(text, at)
    return (m["unit"].lower(), m.end("unit"), m.end()) if m else None


def spread_ends(measure: str, low: tuple[int, int, float], high: tuple[int, int, float], unit: str | None,
                extra: dict) -> list[Mention]:
    """The two facts a spread states: its least and its most (each a span and a figure)."""
    out = []
    for (start, end, amount), end_name in ((low, "least"), (high, "most")):
        value = {"kind": "quantity", "amount": amount, **extra}
        if unit:
            value["unit"] = unit
        out.append(Mention("quantity", start, end, value, subject_hint="article",
                           property_hint=f"{measure}.{end_name}",
                           extras={"own_key": True, "spread": True, "confidence_cap": SPREAD_CONFIDENCE}))
    return out
