"""Shares of a whole: "one-ninth", "over half of the world's top ten", "six of the top ten", "one in five"."""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.phrases import approximator_before
from crosscheck.text.lexicon import alternation, lexicon, word_set

_LEX = lexicon()
_FRACTION = re.compile(rf"(?<![\w-])(?P<frac>(?i:{alternation(_LEX.fraction_words)}))(?![\w-])")
_WHOLE = re.compile(
    rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’']+['’]s\s+)?(?:(?i:top|largest|biggest|leading)\s+)?(?P<of>{NUMBER})(?![\w-])"
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|on|at|by|to|from|since|and|or|as|than|over|with|for|more|less|fewer|the|a|an|its|their|this|that|was|is|were|are|has|had|have)\b)[a-z]"
)
"""After "a third": a word that makes it an ordinal ("a third term"), not a share ("a third of", "by a third in 2023")."""
_COUNT_OF = re.compile(
    rf"(?<![\w.,-])(?P<num>{NUMBER}|(?i:none))\s+(?P<link>(?i:out\s+of|of|in))\s+(?P<det>(?i:the|every|its|their|his|her|our)\s+)?"
    rf"(?:[\w’']+['’]s\s+)?(?P<top>(?i:top)\s+)?(?P<den>{NUMBER})(?![\w.%-])"
)
""""three of the eight", "none of the six", "one in four", "two out of three": a count of a whole, or a ratio."""
_MOST_OF = re.compile(rf"(?<![\w-])(?i:most)\s+of\s+(?i:the|its|their|his|her|our)\b(?:\s+(?P<of>{NUMBER})(?![\w.%-]))?")
"""""most of the 20 members": more than half (of 20)."""
_ORDINAL_VERBS = word_set("ordinal_after_verbs", lower=False)
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)\s+(?:(?:it|up|on)\s+)?$")
_OF_AFTER = re.compile(r"\s+of\b")
_RANK_AFTER = re.compile(rf"\s+(?:{alternation(_LEX.rank_superlatives)})\b", re.I)


def extract_shares(article: Article) -> list[Mention]:
    """Every fraction word or count-of-a-whole in the article."""
    text = article.text
    found: list[Mention] = []
    for m in _FRACTION.finditer(text):
        word = " ".join(m["frac"].lower().split())
        if word in ("half", "a half") and re.search(
            r"(?i)\b(first|second|latter|former|other)\s+$", text[max(0, m.start() - 10):m.start()]
        ):
            continue  # "the second half of 2024" is a period, not a share
        if word.startswith(("a ", "an ")) and word.split()[-1] in _LEX.ordinals and _NOUN_AFTER.match(text, m.end()):
            continue  # "a third straight title", "a third term": an ordinal, not a share
        if word.startswith(("a ", "an ")) and word.split()[-1] in _LEX.ordinals and not _OF_AFTER.match(text, m.end()) \
                and (before := _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())) \
                and before["word"].lower() in _ORDINAL_VERBS:
            continue  # "Mayulu added a fifth": the fifth goal, not a fifth of anything
        whole = _WHOLE.match(text, m.end())
        if word in ("half", "a majority") and not (whole or re.match(r"\s+(of|the)\b", text[m.end():m.end() + 5])):
            continue
        numerator, denominator = _LEX.fraction_words[word]
        approx, start = approximator_before(text, m.start())
        value = {"kind": "fraction", "numerator": numerator, "denominator": denominator, "approx": approx or "exact"}
        if word == "a majority":
            value["approx"] = "over"
        end = m.end()
        if whole:
            of = parse_number(whole["of"])
            if isinstance(of, int) and of > 0:
                value["of"] = of
                end = whole.end()
        found.append(Mention("fraction", start, end, value, thing=_what(text, end)))
    for m in _COUNT_OF.finditer(text):
        num = 0 if m["num"].lower() == "none" else parse_number(m["num"])
        den = parse_number(m["den"])
        if not 0 <= num <= den or den == 0 or re.match(r"\d{4}$", m["den"]):
            continue
        if num == 1 and (m["top"] or _RANK_AFTER.match(text, m.end())):
            continue  # "one of the top 20", "one of the five biggest": a rank set, read by the ranks
        approx, start = approximator_before(text, m.start())
        value = {"kind": "fraction", "numerator": num, "denominator": den, "approx": approx or "exact"}
        ratio = m["link"].lower() != "of" and not m["det"]  # "one in four children": the whole is not known
        if isinstance(den, int) and not ratio:
            value["of"] = den
        found.append(Mention("fraction", start, m.end(), value, thing=_what(text, m.end())))
    for m in _MOST_OF.finditer(text):
        value = {"kind": "fraction", "numerator": 1, "denominator": 2, "approx": "over"}
        if m["of"] and isinstance(of := parse_number(m["of"]), int) and of > 0:
            value["of"] = of
        found.append(Mention("fraction", m.start(), m.end(), value, thing=_what(text, m.end())))
    return found


def _what(text: str, end: int) -> str | None:
    m = re.match(
        r"\s+(?:of\s+(?:the\s+)?)?((?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?=[,.;:]|\s+(?:in|on|at|by|for|with|now|are|is|were|was|and)\b)",
        text[end:end + 80],
    )
    return m.group(1) if m else None
