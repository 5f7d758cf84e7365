"""names_spelt_alike: two articles spell one name almost alike, with or without a registry.

"Markus Steilmann" in one article and "Markus Steilemann" in another is one
person with a misspelt surname; "World Meteorology Organisation" is the World
Meteorological Organization misspelt.  Names are compared word by word after
folding typography, case, a leading "the", a possessive, initials and British or
American endings ("Organisation" is "Organization"): two names are spelt alike
when they have the same number of words, every differing word is close in
spelling (`min_word_similarity`) and the whole names are close
(`min_similarity`, rapidfuzz's ratio).  A name that is the other with words
left out ("Daniel Mateiko", "Daniel Kibet Mateiko") is the same name, so is a
word that is another's start ("Asia" and "Asian", a plural, words run together),
a leading descriptor is set aside ("Kenyan Brigid Kosegi" is compared as "Brigid
Kosegi"), and a
differing word that is not close ("University of Texas", "Texas A&M
University"; "Benson Kipruto", "Brimin Kipruto") makes two names.

Only proper names as written are compared (each word capitalised, "southern
China" is a description), and never a name the registry knows (`entity`, or a
registered subject): accepted forms are CC401's business.

`finding` picks what is reported: `misspelt` (a surname, a one-word name or a
word of an organisation's name differs) or `variant` (only a person's given
names differ: "Aleksandr" and "Alexander" Gorbunov, a transliteration more often
than an error).  Pairing is linear: names are indexed by the first letters of
each word, and only names sharing an index entry are compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from crosscheck.comparators import wording
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.model.base import Frozen
from crosscheck.model.values import NameValue
from crosscheck.text.lexicon import lexicon
from crosscheck.text.typography import typography

PREFIX = 3
"""Letters of a word that index a name."""
CROWDED = 300
"""An index entry shared by more names than this (a common first word) is skipped."""
_WORD = re.compile(r"[^\W_][\w&'-]*")
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "da", "di", "y"})


class Params(Frozen):
    """Options of names_spelt_alike."""

    finding: Literal["misspelt", "variant"] = "misspelt"
    """Report misspelt surnames and organisation names, or variant given names."""
    min_similarity: float = 0.75
    """Similarity of the whole names (0..1)."""
    min_word_similarity: float = 0.6
    """Similarity each differing word must reach (0..1)."""
    min_single_word_similarity: float = 0.85
    """For one-word names (at least six letters each): the similarity they must reach."""
    ignore_properties: tuple[str, ...] = ("role", "affiliation")
    """Claim properties whose names are not names of their own (a drafted role or affiliation)."""


def name_words(name: str) -> tuple[str, ...]:
    """A name's compared words: "The Markus A. Steilemann's" -> ("markus", "steilemann")."""
    text = re.sub(r"^the\s+", "", typography(name).casefold())
    out = []
    for word in _WORD.findall(text):
        word = re.sub(r"'s$", "", word).strip("'-")
        if len(word) > 1 or word == "&":
            out.append(wording.spelling(word))
    return tuple(out)


def is_proper(name: str) -> bool:
    """A proper name as written: every word but a connector ("of", "de") starts with a capital or a digit."""
    written = _WORD.findall(typography(name))
    return bool(written) and all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in written)


_ENDINGS = frozenset({"s", "es", "n", "an", "ian", "ese", "i", "ish"})


def _derived(a: str, b: str) -> bool:
    """True when one word is the other with an inflection or a demonym ending, or with a word run into it."""
    short, long = sorted((a, b), key=len)
    if short.endswith("y") and long == short[:-1] + "ies":  # "City" and "Cities"
        return True
    return long.startswith(short) and (long[len(short):] in _ENDINGS or len(long) - len(short) >= 4)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _unaccented(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("".join(ch for ch in unicodedata.normalize("NFD", w) if not unicodedata.combining(ch)) for w in words)


def classify(x: tuple[str, ...], y: tuple[str, ...], params: Params) -> str | None:
    """`misspelt`, `variant` or None (the same name, or two names) for two names' words."""
    from rapidfuzz import fuzz  # only when names are compared

    if x == y or _subsequence(x, y) or _subsequence(y, x) or _unaccented(x) == _unaccented(y):
        return None  # "Bloc Quebecois" is "Bloc Québécois" written without its accents, not misspelt
    if abs(len(x) - len(y)) == 1 and min(len(x), len(y)) >= 2:
        # one leading word more ("Kenyan Brigid Kosegi", "Brigid Kosgei"): compare the rest
        x, y = (x[1:], y) if len(x) > len(y) else (x, y[1:])
    if len(x) != len(y):
        return None
    differing = [k for k in range(len(x)) if x[k] != y[k]]
    if all(_derived(x[k], y[k]) for k in differing):
        return None  # a plural, a demonym or words run together: "Centers", "Asian", "Ghebreyesustoday"
    if len(x) == 1:
        close = min(len(x[0]), len(y[0])) >= 6 and fuzz.ratio(x[0], y[0]) / 100 >= params.min_single_word_similarity
        return "misspelt" if close else None
    if any(fuzz.ratio(x[k], y[k]) / 100 < params.min_word_similarity for k in differing):
        return None
    if fuzz.ratio(" ".join(x), " ".join(y)) / 100 < params.min_similarity:
        return None
    organisation = any(w in lexicon().organisation_heads for w in x + y) or len(x) > 3
    if organisation or len(x) - 1 in differing:
        return "misspelt"
    return "variant"


def compare_all(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per two forms of a name spelt alike, listing every claim of either form."""
    names = [(item, name_words(item.value.name)) for item in items
             if isinstance(item.value, NameValue) and item.claim.property not in params.ignore_properties
             and item.value.entity is None and item.entity is None and is_proper(item.value.name)]
    index: dict[str, list[int]] = defaultdict(list)
    for i, (_, words) in enumerate(names):
        for w in {w[:PREFIX] for w in words if len(w) >= PREFIX}:
            index[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for sharing in index.values():
        if len(sharing) <= CROWDED:
            for at, i in enumerate(sharing):
                pairs.update((i, j) for j in sharing[at + 1:] if names[i][1] != names[j][1])
    judged: dict[tuple[tuple[str, ...], tuple[str, ...]], str | None] = {}
    found: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Item]] = {}
    for i, j in sorted(pairs):
        (a, x), (b, y) = names[i], names[j]
        if a.document == b.document:
            continue
        forms = (x, y) if x <= y else (y, x)
        if forms not in judged:
            judged[forms] = classify(x, y, params)
        if judged[forms] != params.finding:
            continue
        claims = found.setdefault(forms, [])
        claims.extend(item for item in (a, b) if all(item is not seen for seen in claims))
    return [_verdict(claims, params) for claims in found.values()]


def _verdict(claims: list[Item], params: Params) -> Verdict:
    from rapidfuzz import fuzz

    ordered = sorted(claims, key=lambda item: (item.document, item.located.line, item.located.column))
    first = ordered[0]
    other = next((item for item in ordered if name_words(item.value.name) != name_words(first.value.name)),  # type: ignore[union-attr]  # names only
                 ordered[-1])
    a_name, b_name = first.value.name, other.value.name  # type: ignore[union-attr]  # names only
    score = round(fuzz.ratio(" ".join(name_words(a_name)), " ".join(name_words(b_name))) / 100, 2)
    what = ("possibly misspelt: the names differ by a few letters in a surname or a word of the name"
            if params.finding == "misspelt" else "a variant of a given name (often a transliteration)")
    explanation = (
        f"{quoted(a_name)} ({first.document}) and {quoted(b_name)} ({other.document}) are spelt alike "
        f"(similarity {score:.2f}), {what}; check which spelling is right."
    )
    return Verdict(
        items=tuple(ordered),
        normals=tuple(item.normal() for item in ordered),
        explanation=explanation,
        similarity=score,
        key=(first.claim.subject, "name", None),
        facts={"similarity": f"{score:.2f}", "a_name": a_name, "b_name": b_name},
    )


FACTS = ("similarity", "a_name", "b_name")

COMPARATOR = Comparator(
    name="names_spelt_alike",
    summary="one name spelt two ways across articles, with or without a registry",
    kinds=("name",),
    params=Params,
    corpus=compare_all,
    facts=FACTS,
)
