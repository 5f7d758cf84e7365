"""quotes_match: the same speaker quoted for the same statement with different words is a warning.

Typography (curly or straight quotes, dashes, spaces), case and punctuation at
word edges are ignored.  A quotation that is a contiguous excerpt of the other
is the same words quoted in part, and is silent unless `allow_excerpts` is off.
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.model.base import Frozen
from crosscheck.model.values import QuoteValue
from crosscheck.text import words


class Params(Frozen):
    """Options of quotes_match."""

    allow_excerpts: bool = True
    """Accept a quotation whose words appear, contiguous, inside the other's."""


def compare(a: Item, b: Item, params: Params) -> Verdict | None:
    """A verdict with a word-level diff when the quoted words differ."""
    va, vb = a.value, b.value
    if not (isinstance(va, QuoteValue) and isinstance(vb, QuoteValue)):
        return None
    na, nb = a.normal(), b.normal()
    if va.speaker != vb.speaker or na.form == nb.form:
        return None
    words_a, words_b = va.words, vb.words
    if params.allow_excerpts and words.is_excerpt(words_a, words_b):
        return None
    score = words.similarity(words_a, words_b)
    diff = words.diff(words_a, words_b)
    explanation = (
        f"Both articles quote {va.speaker} in quotation marks for the same statement, but the words differ "
        f"(word similarity {score:.2f}); at most one can be the speaker's exact words."
    )
    return Verdict(
        items=(a, b),
        normals=(na, nb),
        explanation=explanation,
        similarity=score,
        diff=diff,
        facts={"speaker": va.speaker, "similarity": f"{score:.2f}", "diff": diff, "a_words": quoted(words_a), "b_words": quoted(words_b)},
    )


FACTS = ("speaker", "similarity", "diff", "a_words", "b_words")

COMPARATOR = Comparator(
    name="quotes_match",
    summary="the same speaker quoted with different words for the same statement",
    kinds=("quote",),
    params=Params,
    pair=compare,
    facts=FACTS,
)
