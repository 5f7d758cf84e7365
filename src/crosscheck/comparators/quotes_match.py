"""quotes_match: the same speaker quoted for the same statement with different words is a warning.

Typography (curly or straight quotes, dashes, spaces), case and punctuation at
word edges are ignored.  A quotation that is an excerpt of the other (contiguous,
or with an ellipsis where words were left out and [brackets] around words the
article supplied) is the same words quoted in part, and is silent unless
`allow_excerpts` is off.  With `minor` off, wordings that differ only by an
article or "that" (`comparators.wording`) are silent too.  Two drafted claims (whose
shared key is only a guess from their first words) are left to
`quotes_same_utterance`, which pairs quotations by their words.
"""

from __future__ import annotations

from crosscheck.comparators import wording
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.model.base import Frozen
from crosscheck.model.values import QuoteValue
from crosscheck.text import words


class Params(Frozen):
    """Options of quotes_match."""

    allow_excerpts: bool = True
    """Accept a quotation whose words appear, in order, inside the other's (gaps only at an ellipsis or [insertion])."""
    minor: bool = True
    """Report wordings that differ only by an article or "that" (off: leave them to a minor-wording rule)."""


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
    reading = wording.read(words_a, words_b)
    if params.allow_excerpts and not reading.differences and reading.coverage == 1.0:
        return None  # an excerpt with an ellipsis or a [bracketed] insertion, or a contraction written out
    if not params.minor and reading.differences and not reading.content_differences:
        return None
    if a.claim.draft is not None and b.claim.draft is not None:
        return None  # a drafted key is a guess from the first words: quotes_same_utterance pairs drafted quotations
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
