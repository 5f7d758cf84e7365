"""Numbers as written: digits ("1,200", "6.58"), words ("seven", "twenty-five", "a dozen") and vague counts.

`NUMBER` is a regex fragment matching one number; `parse_number` turns its text
into an int or float.  Vague counts ("hundreds of") are kept apart: they give a
lower bound, never an exact figure.
"""

from __future__ import annotations

from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_UNITS = [w for w, v in _LEX.number_words.items() if v < 10 and " " not in w]
_TENS = [w for w, v in _LEX.number_words.items() if v >= 20 and v % 10 == 0 and v < 100]

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
WORDS = rf"(?:{alternation(_TENS)})-(?:{alternation(_UNITS)})|{alternation(_LEX.number_words)}"
NUMBER = rf"(?:{DIGITS}|(?i:\b(?:{WORDS})\b))"
VAGUE = rf"(?i:\b(?:{alternation(_LEX.vague_numbers)})\b)"

_SCALE_FACTORS = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def parse_number(text: str) -> int | float:
    """The value of a number as written: "1,200" -> 1200, "6.58" -> 6.58, "twenty-five" -> 25, "a dozen" -> 12."""
    cleaned = " ".join(text.lower().split())
    if cleaned in _LEX.number_words:
        return _LEX.number_words[cleaned]
    if "-" in cleaned and all(part in _LEX.number_words for part in cleaned.split("-")):
        return sum(_LEX.number_words[part] for part in cleaned.split("-"))
    cleaned = cleaned.replace(",", "")
    value = float(cleaned)
    return int(value) if value.is_integer() and "." not in cleaned else value


def is_word_number(text: str) -> bool:
    """True for a number spelled in words ("seven"), false for digits."""
    return not any(ch.isdigit() for ch in text)


def scale_factor(scale: str | None) -> int:
    """The multiplier of a scale word (None -> 1)."""
    return _SCALE_FACTORS.get(scale or "", 1)


def magnitude(amount: float, scale: str | None = None) -> float:
    """The absolute value a figure stands for: 11.5 trillion -> 1.15e13."""
    return float(amount) * scale_factor(scale)
