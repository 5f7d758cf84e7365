"""The one word folder and differ: how two wordings are compared word by word, and where they differ.

Quotations are compared (`kinds.quotes`, `comparators.quotes_match`) and shown
(`reporters.terminal`) with these same functions, so the words a report marks
as different are exactly the words the comparison found different.  A word is
compared with typography folded (`text.typography`), case folded and
punctuation at its edges dropped ("This" at a sentence start, a comma before
the closing quote mark); anything else, a possessive "'s" included, is a
difference.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence

from crosscheck.text.typography import typography

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


def fold(word: str) -> str:
    """A word as compared: typography and case folded, punctuation at its edges dropped ("" for punctuation)."""
    return _folded(typography(word))


def _folded(token: str) -> str:
    """`fold` of a token whose typography is folded already (one of `tokens`)."""
    return _EDGE_PUNCTUATION.sub("", token).casefold()


def tokens(text: str) -> list[str]:
    """The words of a text as printed, typography folded, punctuation-only tokens left out."""
    return [t for t in typography(text).split(" ") if _EDGE_PUNCTUATION.sub("", t)]


def form(text: str) -> str:
    """The comparable form of a text: its words, folded, one space apart."""
    return " ".join(_folded(t) for t in tokens(text))


def is_excerpt(a: str, b: str) -> bool:
    """True when one text's words appear, in order and contiguous, inside the other's."""
    fa, fb = form(a), form(b)
    shorter, longer = sorted((fa, fb), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _opcodes(a: Sequence[str], b: Sequence[str], folder: Callable[[str], str] = fold) -> Sequence[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(a=[folder(w) for w in a], b=[folder(w) for w in b], autojunk=False)
    return matcher.get_opcodes()


def diff(a: str, b: str) -> str:
    """A word-level diff from `a` to `b`: unchanged words plain, "[-removed-]" and "{+added+}"."""
    ta, tb = tokens(a), tokens(b)
    out: list[str] = []
    for op, i1, i2, j1, j2 in _opcodes(ta, tb, _folded):
        if op == "equal":
            out.extend(tb[j1:j2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(ta[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(tb[j1:j2]) + "+}")
    return " ".join(out)


def differing(a: Sequence[str], b: Sequence[str]) -> tuple[set[int], set[int]]:
    """Indexes of the words of `a` and of `b` that the word diff does not match up (for highlighting)."""
    in_a: set[int] = set()
    in_b: set[int] = set()
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        if op != "equal":
            in_a.update(range(i1, i2))
            in_b.update(range(j1, j2))
    return in_a, in_b


def similarity(a: str, b: str) -> float:
    """Share of words the two texts have in common, in order (0..1)."""
    matcher = difflib.SequenceMatcher(a=form(a).split(), b=form(b).split(), autojunk=False)
    return round(matcher.ratio(), 2)
