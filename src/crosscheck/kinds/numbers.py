"""Figures as written: digits and number words, with the precision the writing states.

"2.4" states a precision of a tenth, "600" of a unit, "nine" of a unit.  The
rounding interval of a figure is its value plus or minus half that precision:
"2.4 billion" stands for [2.35, 2.45) billion.  Exact decimal arithmetic keeps
bounds like 2.35 free of binary noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES: dict[str, int] = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
"""Scale words and their multipliers (short scale)."""

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1, "a dozen": 12, "dozen": 12,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

_WORD_NUMBER = "|".join(sorted(set(UNITS) | set(TENS), key=len, reverse=True))
_TOKEN = re.compile(
    rf"(?P<digits>(?<![\w.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?|(?<![\w])\.\d+)"
    rf"|(?P<words>\b(?:{'|'.join(TENS)})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:{_WORD_NUMBER})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One number found in a text, with the precision its writing states."""

    value: Decimal
    precision: Decimal
    """Smallest step the writing resolves: 0.1 for "2.4", 1 for "600" and "nine"."""
    start: int
    end: int


def _word_value(word: str) -> int | None:
    word = word.lower().replace("-", " ").strip()
    if word in UNITS:
        return UNITS[word]
    parts = word.split()
    if parts and parts[0] in TENS:
        return TENS[parts[0]] + (UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def figures(text: str, words: bool = True) -> list[Figure]:
    """Every figure in `text`, in order: "11.5 trillion (around 1.6 trillion)" -> 11.5, 1.6."""
    out = []
    for match in _TOKEN.finditer(text):
        if match.group("digits"):
            raw = match.group("digits").replace(",", "")
            value = Decimal(raw)
            decimals = len(raw.partition(".")[2])
            out.append(Figure(value, Decimal(1).scaleb(-decimals), match.start(), match.end()))
        elif words and match.group("words"):
            token = match.group("words")
            if token.lower() in ("a", "an"):
                continue  # an article, not a number, unless a caller asks for it explicitly
            number = _word_value(token)
            if number is not None:
                out.append(Figure(Decimal(number), Decimal(1), match.start(), match.end()))
    return out


def to_decimal(number: float | int) -> Decimal:
    """A claim's number as the shortest decimal that prints it (11.5, not 11.4999...)."""
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def precision_of(number: float | int, text: str | None) -> Decimal:
    """The precision `text` states for `number`: from the first figure in `text` equal to it.

    When the text does not show the figure (a word we do not read, a rewritten
    number), fall back on the decimals of the number itself, so a claim is
    never more precise than its own value.
    """
    wanted = to_decimal(number)
    if text:
        for figure in figures(text):
            if figure.value == wanted:
                return figure.precision
    exponent = wanted.normalize().as_tuple().exponent
    return Decimal(1).scaleb(min(int(exponent), 0)) if isinstance(exponent, int) else Decimal(1)


def format_number(value: float) -> str:
    """A figure for people: 2350000000 -> "2.35 billion", 540.0000001 -> "540", 0.1111 -> "0.1111"."""
    if value != value or value in (float("inf"), float("-inf")):  # nan, inf
        return str(value)
    magnitude = abs(value)
    for word in ("trillion", "billion", "million"):
        if magnitude >= SCALES[word]:
            return f"{value / SCALES[word]:.6g} {word}"
    return f"{value:.6g}" if magnitude >= 1e-4 or value == 0 else f"{value:.3g}"
