"""Direct quotations: typography ignored, words compared, differences shown word by word.

Case and punctuation at word edges are ignored too ("This" at a sentence start,
a comma before the closing quote mark).  A quotation that is a contiguous
excerpt of the other is the same statement, quoted in part.
"""

from __future__ import annotations

import difflib
import re

from crosscheck.model.values import QuoteValue
from crosscheck.kinds.base import Normal
from crosscheck.text.typography import typography

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


def tokens(words: str) -> list[str]:
    """The words of a quotation as printed, typography folded."""
    return [t for t in typography(words).split(" ") if _EDGE_PUNCTUATION.sub("", t)]


def comparable(token: str) -> str:
    """A word as compared: case folded, punctuation at its edges dropped."""
    return _EDGE_PUNCTUATION.sub("", token).casefold()


def form(words: str) -> str:
    """The comparable form of a quotation: its words, folded, one space apart."""
    return " ".join(comparable(t) for t in tokens(words))


def is_excerpt(a: str, b: str) -> bool:
    """True when one quotation's words appear, in order and contiguous, inside the other's."""
    fa, fb = form(a), form(b)
    shorter, longer = sorted((fa, fb), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


def word_diff(a: str, b: str) -> str:
    """A word-level diff from `a` to `b`: unchanged words plain, "[-removed-]" and "{+added+}"."""
    ta, tb = tokens(a), tokens(b)
    matcher = difflib.SequenceMatcher(a=[comparable(t) for t in ta], b=[comparable(t) for t in tb], autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(tb[j1:j2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(ta[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(tb[j1:j2]) + "+}")
    return " ".join(out)


def word_similarity(a: str, b: str) -> float:
    """Share of words the two quotations have in common, in order (0..1)."""
    matcher = difflib.SequenceMatcher(a=form(a).split(), b=form(b).split(), autojunk=False)
    return round(matcher.ratio(), 2)


def normalize(value: QuoteValue, text: str) -> Normal:
    """A quotation's comparable form."""
    return Normal(text=text, form=form(value.words))
