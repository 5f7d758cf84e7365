"""names_differ: two articles name different people (or places) for one fact, with or without a registry.

"Second place went to Benson Kipruto" and "the second-place finisher, Daniel Mateiko" for one race cannot both
hold; "the capsule splashed down in the Atlantic" and "in the Gulf of Mexico" name two places for one splashdown.
Two forms are one name, and never reported, when they are the same words after folding typography, case, a
leading "the" and a possessive; when one is the other with words left out ("Kipruto", "Benson Kipruto"); when
holders share their last word (a surname: two runners named Kipruto are told apart by no one but the editor); or
when they are spelt alike, on a looser bar than CC403's (`names_spelt_alike.classify`: a misspelling or a
transliteration, which CC403 and CC404 report).  Only two names with no such tie are different.  A name the
registry resolves (`entity`) is left to entities_agree.

Two forms that both hold numbers, and different ones ("Apollo 11" and "Apollo 13", "737-800" and "787-800"), are
two names, however alike their letters: a digit is never a misspelling of another.

`what` picks the explanation: `holders` (one position cannot be held by both), `places` (the articles name
different places; one may contain the other or lie near it, so a rule using it should say less than an error) or
`designations` (two models of one maker's product for one fact).
"""

from __future__ import annotations

import re
from typing import Literal

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.comparators.names_spelt_alike import Params as SpeltAlike
from crosscheck.comparators.names_spelt_alike import classify, name_words
from crosscheck.model.base import Frozen
from crosscheck.model.values import NameValue

_ALIKE = SpeltAlike(min_similarity=0.6, min_word_similarity=0.5, min_single_word_similarity=0.7)
"""Looser than CC403's own bar: a doubtful pair is one name spelt two ways, never two names."""
_NUMBER = re.compile(r"\d+")


class Params(Frozen):
    """Options of names_differ."""

    what: Literal["holders", "places", "designations"] = "holders"
    """What the names are: holders of one position, places of one event, or models of one maker's product (the
    explanation differs)."""


def same_name(a: str, b: str, *, by_surname: bool = True) -> bool:
    """True when two forms may name one holder or place: equal, shortened, spelt alike, or (`by_surname`) sharing a
    last word, as two forms of one person's name do (not two places: "Pacific Ocean", "Atlantic Ocean")."""
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return True  # nothing to tell them apart by
    if x == y or (by_surname and x[-1] == y[-1]):
        return True
    if (nx := _NUMBER.findall(" ".join(x))) and (ny := _NUMBER.findall(" ".join(y))) and nx != ny:
        return False  # "Apollo 11" and "Apollo 13": a digit is no misspelling ("Apollo" alone may be either)
    shorter, longer = sorted((x, y), key=len)
    it = iter(longer)
    if all(word in it for word in shorter):
        return True
    return classify(x, y, _ALIKE) is not None


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict when the two values are different names for the claims' one fact."""
    va, vb = a.value, b.value
    if not (isinstance(va, NameValue) and isinstance(vb, NameValue)):
        return None
    if va.entity or vb.entity or a.entity is not None or b.entity is not None:
        return None  # the registry knows them: entities_agree's business
    if same_name(va.name, vb.name, by_surname=params.what == "holders"):
        return None
    if params.what == "designations":
        explanation = (f"{quoted(va.name)} and {quoted(vb.name)} are two different models for the one "
                       f"{a.claim.subject} {a.claim.property} the articles name, so both cannot hold.")
    elif params.what == "holders":
        explanation = (f"{quoted(va.name)} and {quoted(vb.name)} are two different names for the one holder of "
                       f"{a.claim.property} in {a.claim.subject}, so both cannot hold.")
    else:
        explanation = (f"{quoted(va.name)} and {quoted(vb.name)} are different places for {a.claim.subject}; one "
                       "may lie in or near the other, so check which the sources mean.")
    return Verdict(items=(a, b), normals=(a.normal(), b.normal()), explanation=explanation,
                   facts={"a_name": va.name, "b_name": vb.name})


FACTS = ("a_name", "b_name")

COMPARATOR = Comparator(
    name="names_differ",
    summary="two different names (not one name spelt two ways) for one holder or one place",
    kinds=("name",),
    params=Params,
    pair=compare,
    facts=FACTS,
)
