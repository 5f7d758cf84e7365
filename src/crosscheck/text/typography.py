"""The one typography fold: curly quotes, dashes and odd spaces are printing choices, not wording.

`CHARACTERS` is the single table of typographic characters and their plain forms,
one character for one, so a folded text keeps the offsets of the original.  Two
strengths are built on it:

- `normalize_typography` (for finding quotes in articles, `text.search`): the
  table and whitespace runs collapsed; each character of the result still comes
  from one character of the original, so a match maps back to line and column.
- `typography` (for comparing names and quotations, `text.words`, `kinds.names`):
  also Unicode compatibility forms (NFKC), the ellipsis as three dots and
  zero-width spaces dropped, for text whose offsets no longer matter.
"""

from __future__ import annotations

import re
import unicodedata

CHARACTERS: dict[int, str] = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200a": " ",
    }
)
"""Typographic character -> its plain ASCII form, one for one."""

_WIDER = str.maketrans({**CHARACTERS, ord("\u2026"): "...", ord("\u200b"): ""})
"""`CHARACTERS` plus the folds that change a text's length (for `typography` only)."""

_TYPOGRAPHIC = re.compile("[" + re.escape("".join(chr(c) for c in CHARACTERS)) + "]")
_SPACES = re.compile(r"\s+")


def _plain(match: re.Match[str]) -> str:
    return CHARACTERS[ord(match.group())]


def fold_characters(text: str) -> str:
    """`text` with each typographic character replaced by its plain form; same length, same offsets.

    Fast on long texts: ASCII has nothing to map but the backtick, and a regex scan
    finds the few typographic characters quicker than `str.translate` visits all.
    """
    if text.isascii() and "`" not in text:
        return text
    return _TYPOGRAPHIC.sub(_plain, text)


def normalize_typography(text: str) -> str:
    """Curly quotes, apostrophes and dashes to ASCII, whitespace runs to one space (offsets map back)."""
    return " ".join(fold_characters(text).split())


def typography(text: str) -> str:
    """The text with typographic variants and compatibility forms folded to plain ASCII, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", fold_characters(text)).translate(_WIDER)  # the table first: NFKC would split ″ and ´
    return _SPACES.sub(" ", text).strip()
