"""Quotes cut into segments for the HTML report: the value as written, and the words that differ from the other quote.

The page's script only draws segments (`[[text, kind], ...]`); where the value stands in its
quote, and which words of a quotation a word diff marks, is worked out here.
"""

from __future__ import annotations

import re
from itertools import pairwise

from crosscheck.reporters.escape import strip_control

PLAIN, VALUE, DIFFERS = 0, 1, 2
"""Kinds of quote segment, a bit mask: the value as written, a word that differs from the other quote."""


def clean(text: str) -> str:
    """One line with no control characters: bidi overrides and C1 controls cannot reorder or hide what a reviewer reads."""
    return text if text.isprintable() else strip_control(text, keep_newlines=False)  # only unprintable characters change


_WORD = re.compile(r"\S+")
_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}|(\S+)")
_EDGE_PUNCT = "‘’“”\"'.,;:!?()[]"
_LOOKAHEAD = 3
"""After the first word, a word of the diff is looked for this many words on in the quote, no further."""


def value_span(quote: str, value: str) -> tuple[int, int] | None:
    start = quote.find(value) if value else -1
    if start < 0 and value and len(quote.lower()) == len(quote):  # lower case keeps the offsets (not so for "İ")
        start = quote.lower().find(value.lower())
    return (start, start + len(value)) if start >= 0 else None


def segments(quote: str, value: tuple[int, int] | None, differs: set[tuple[int, int]]) -> list[list]:
    """`[[text, kind], ...]` covering the quote: kind is PLAIN, VALUE, DIFFERS or both, by character."""
    if not differs:  # most quotes: the value and what stands around it
        if value is None:
            return [[quote, PLAIN]]
        start, end = value
        return [piece for piece in ([quote[:start], PLAIN], [quote[start:end], VALUE], [quote[end:], PLAIN]) if piece[0]]
    spans = ([(*value, VALUE)] if value else []) + [(start, end, DIFFERS) for start, end in differs]
    cuts = sorted({0, len(quote), *(i for start, end, _ in spans for i in (start, end))})
    segments: list[list] = []
    for start, end in pairwise(cuts):
        kind = PLAIN
        for low, high, mark in spans:
            if low <= start and end <= high:
                kind |= mark
        if segments and segments[-1][1] == kind:
            segments[-1][0] += quote[start:end]
        else:
            segments.append([quote[start:end], kind])
    return segments


def _fold(word: str) -> str:
    """A word as the quote comparison sees it: lower case, without outer punctuation or a possessive 's."""
    return re.sub(r"['’]s$", "", word.strip(_EDGE_PUNCT).lower())


def _inner_span(word: re.Match[str]) -> tuple[int, int]:
    """Where a word stands without its outer punctuation, which is not part of what differs."""
    text = word.group()
    inner = text.strip(_EDGE_PUNCT) or text
    start = word.start() + text.index(inner)
    return start, start + len(inner)


def parse_diff(diff: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]], list[list[str]]]:
    """From "a [-old-] {+new+} b": each side's words with whether they differ, and the ops `[[" "|"-"|"+", text]]`."""
    removed: list[tuple[str, bool]] = []
    added: list[tuple[str, bool]] = []
    ops: list[list[str]] = []
    for match in _DIFF.finditer(diff):
        old, new, same = match.groups()
        op, text = ("-", old) if old is not None else ("+", new) if new is not None else (" ", same)
        if op != "+":
            removed += [(w, op == "-") for w in text.split()]
        if op != "-":
            added += [(w, op == "+") for w in text.split()]
        if ops and ops[-1][0] == op:
            ops[-1][1] += " " + text
        else:
            ops.append([op, text])
    return removed, added, ops


def marked_quote(quote: str, value: str, words: list[tuple[str, bool]]) -> list[list]:
    """The (cleaned) quote's segments with the diff's differing words of this side marked, found in order in the quote."""
    tokens = [(*_inner_span(m), _fold(m.group())) for m in _WORD.finditer(quote)]
    differing: list[int] = []  # indices of the quote's words that differ
    after: int | None = None  # index of the quote word after the last one found; None until the first is found
    for word, differ in words:
        folded = _fold(word)
        candidates = range(len(tokens)) if after is None else range(after, min(after + _LOOKAHEAD, len(tokens)))
        hit = next((i for i in candidates if tokens[i][2] == folded), None)
        if hit is None:
            continue
        if differ:
            differing.append(hit)
        after = hit + 1
    spans: list[list[int]] = []
    for i in differing:  # a run of differing words is one mark, the spaces between them included
        if spans and spans[-1][2] == i - 1:
            spans[-1][1:] = [tokens[i][1], i]
        else:
            spans.append([tokens[i][0], tokens[i][1], i])
    return segments(quote, value_span(quote, value), {(start, end) for start, end, _ in spans})
