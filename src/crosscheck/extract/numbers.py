"""Numbers as written: digits ("1,200", "12 500", "6.58"), words ("seven", "three hundred and forty",
"two and a half", "four dozen").

`NUMBER` is a regex fragment matching one number; `parse_number` turns its text
into an int or float.  Number words follow a small grammar over the lexicon's
`number_words` (units, teens, tens) and `number_multipliers` (hundred, thousand,
dozen): "two thousand four hundred and twelve" is one number, while "six, nine and
eleven" stays three.  A trailing scale word ("million") is left to the caller, so
"two and a half million" is the number 2.5 with the scale million.  Vague counts
("hundreds of") are no number: `vague` reads them.
"""

from __future__ import annotations

import re

from crosscheck.kinds.numbers import SCALES
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_MULTIPLIERS = _LEX.number_multipliers
_SIMPLE = {w: v for w, v in _LEX.number_words.items() if " " not in w and w not in _MULTIPLIERS}
_UNITS = [w for w, v in _SIMPLE.items() if 0 < v < 10]
_TENS = [w for w, v in _SIMPLE.items() if v >= 20 and v % 10 == 0 and v < 100]
_SMALL_WORDS = [w for w, v in _SIMPLE.items() if v < 100]

_THOUSANDS_SPACE = r"[ \u2009\u202f\u00a0]"
_DECIMAL_COMMA = rf"(?<![\d.,])\d{{1,3}},\d{{1,2}}(?=[- ]?(?i:{alternation([w for w in _LEX.scales if len(w) > 1])})\b)"
"""A decimal comma before a scale ("$60,9-billion", "R22,1 billion"): a comma with one or two digits after it is
no thousands separator, and the scale after it says the figure is an amount in units of that scale."""
DIGITS = (rf"{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d.,])\d{{1,3}}(?:{_THOUSANDS_SPACE}\d{{3}})+(?![\d,]|\.\d)"
          r"|\d+(?:\.\d+)?|\.\d+")
_SMALL = rf"(?:(?:{alternation(_TENS)})[- ](?:{alternation(_UNITS)})\b|(?:{alternation(_SMALL_WORDS)})\b)"
_HALF = r"(?:\s+and\s+a\s+half\b)"
_HUNDREDS = rf"(?:(?:{_SMALL}|an?\b)\s+hundred\b(?:(?:\s+and)?\s+(?!hundred){_SMALL})?|{_SMALL})"
_GROUP = rf"(?:{_HUNDREDS}(?:\s+dozen\b)?)"
_COMPOUND = rf"(?:{_GROUP}(?:\s+thousand\b(?:,?(?:\s+and)?\s+(?!thousand){_GROUP})(?!\s+thousand))*{_HALF}?)"
WORDS = (rf"half\s+an?(?=\s+(?:dozen|hundred|thousand|million|billion|trillion|percentage\s+point)\b)"
         rf"|an?\s+couple\s+of(?=\s+(?:dozen|hundred|thousand|million|billion)\b)"
         rf"|{_COMPOUND}|an?\s+dozen\b|dozen\b|{alternation(w for w in _LEX.number_words if ' ' in w)}")
_STARTS = [*_SIMPLE, "a", "an", "half", "dozen", *_TENS]
_FIRST = (rf"(?=[{''.join(sorted({w[0].lower() for w in _STARTS}))}])"
          rf"(?=(?:{alternation([*_SIMPLE, 'a', 'an', 'half', 'dozen'])})\b|(?:{alternation(_TENS)})-)")
"""A cheap look-ahead for the words a number can start with: the grammar is tried only there (twice as fast),
and the words are tried only at a letter one of them starts with (a fifth faster again)."""
NUMBER = rf"(?:{DIGITS}|(?i:\b{_FIRST}(?:{WORDS})))"



def parse_number(text: str) -> int | float:
    """The value of a number as written: "1,200" -> 1200, "12 500" -> 12500, "twenty-five" -> 25,
    "three hundred and forty" -> 340, "two and a half" -> 2.5, "four dozen" -> 48, "a couple of" -> 2."""
    cleaned = " ".join(text.lower().replace("-", " ").split())
    if any(ch.isdigit() for ch in cleaned):
        if re.fullmatch(r"\d{1,3},\d{1,2}", text.strip()):  # a decimal comma (`_DECIMAL_COMMA`)
            text = text.replace(",", ".")
        digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
        value = float(digits)
        return int(value) if value.is_integer() and "." not in digits else value
    if cleaned in _LEX.number_words:
        return _LEX.number_words[cleaned]
    return _words_value(cleaned.replace(",", " ").split())


def _words_value(words: list[str]) -> int | float:
    """The value of a sequence of number words, by the grammar of English numerals."""
    total: float = 0
    current: float = 0
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and" and words[i + 1:i + 3] == ["a", "half"]:
            current += 0.5
            i += 3
            continue
        if word in ("and", "of"):
            pass
        elif word in ("a", "an"):
            current = current or 1
        elif word == "couple":
            current = 2
        elif word == "half":
            current = 0.5
        elif word in _MULTIPLIERS:
            factor = _MULTIPLIERS[word]
            if factor >= 1000:
                total += (current or 1) * factor
                current = 0
            else:
                current = (current or 1) * factor
        elif word in _LEX.number_words:
            current += _LEX.number_words[word]
        else:
            raise ValueError(f"not a number word: {word!r}")
        i += 1
    value = total + current
    return int(value) if float(value).is_integer() else value


def is_word_number(text: str) -> bool:
    """True for a number spelled in words ("seven"), false for digits."""
    return not any(ch.isdigit() for ch in text)


def scale_factor(scale: str | None) -> int:
    """The multiplier of a scale word (None -> 1)."""
    return SCALES.get(scale or "", 1)


def magnitude(amount: float, scale: str | None = None) -> float:
    """The absolute value a figure stands for: 11.5 trillion -> 1.15e13."""
    return float(amount) * scale_factor(scale)
