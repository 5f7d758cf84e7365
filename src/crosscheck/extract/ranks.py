"""Ranks and ordinals: "top three", "first place", "topped", "the world's leading science city", "ranked second"."""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_WORDS = time_words()
_ORD = rf"(?:{alternation(_LEX.ordinals)}|\d{{1,3}}(?:st|nd|rd|th))"
_TOP_N = re.compile(rf"(?<![\w-])(?i:top)[\s-]+(?P<n>{NUMBER})(?![\w-])")
_ORD_PLACE = re.compile(
    rf"(?<![\w-])(?P<ord>(?i:{_ORD}))[\s-]+(?:(?i:{alternation(_LEX.rank_nouns)})\b|(?P<sup>(?i:{alternation(_LEX.rank_superlatives)}))\b)"
)
_ORD_OF_LIST = re.compile(
    rf"(?<![\w-])(?i:the)\s+(?P<ord>(?i:{_ORD}))\s+(?P<noun>(?!(?i:time|times|half|quarter)\b)[a-z][\w-]*)\s+(?:in|of|on|among)\s+(?:the|its|this|that|their|his|her|our)\b"
)
"""An ordinal position in an enumeration: "the third node in the plan", "the second pillar of its strategy"."""
_RANKED = re.compile(
    rf"(?i:\b(?:ranked|ranks|ranking|placed|came(?:\s+in)?|comes(?:\s+in)?|finished(?:\s+in)?|finishes))\s+(?:(?i:No\.?|number)\s*(?P<n>{NUMBER})|(?P<ord>(?i:{_ORD})))(?![\w-])"
)
_TOPPED = re.compile(r"(?<![\w-])(?P<w>(?i:topped|tops|top\s+(?:position|spot|place|rank)|No\.\s*1|number\s+one))(?![\w-])")
_LEADS = re.compile(r"(?<![\w-])(?P<w>leads|led|ranks\s+first|ranked\s+first|came\s+first)\s+(?=(?:at|with)\s+[$€£]?\d)")
_LEADER = re.compile(
    rf"(?i:the)\s+(?P<scope>(?i:{alternation(_LEX.leader_scopes)}))\s+(?P<w>(?i:leading|top|foremost|leader|number-one))\b(?![\s-]+(?:{NUMBER}))"
)


_SUP = alternation(_LEX.rank_superlatives)
_NOT_A_TIME = rf"(?!(?i:today|yesterday|tomorrow|{alternation(_LEX.weekdays)}|{alternation(_LEX.months)})['’]s)"
"""Not "Today's biggest risk": a day's or a month's superlative ranks nothing in a field."""
_SUPERLATIVE = re.compile(
    rf"(?<![\w-])(?:(?P<the>(?i:the))|(?P<poss>(?:(?i:the)\s+)?(?:{_NOT_A_TIME}[A-Z][\w.’'-]*['’]s|(?i:{alternation(_LEX.leader_scopes)}))))"
    rf"\s+(?P<sup>(?i:{_SUP}))(?![\w-])"
)
"""A superlative: "the busiest", "Africa's most populous", "the world's biggest"; after "the" it is a rank only with
a scope after it ("in the world"), after a name's or the world's always."""
_SCOPE_AFTER = re.compile(
    rf"(?:\s+(?!(?:since|than)\b)[a-z][\w-]*){{0,3}}?\s+(?:{alternation(_WORDS.rank_scopes)})(?![\w-])", re.I
)
_SET_BEFORE = re.compile(r"(?i:\b(?:one|some|two|three|several|many|each|any)\s+of|\bamong)\s+$")
_TOP_SET = re.compile(
    rf"(?<![\w-])(?:(?i:one|some)\s+of|(?i:among))\s+(?:(?i:the)\s+)?(?:[\w’']+['’]s\s+)?(?P<n>{NUMBER})\s+(?i:{_SUP})(?![\w-])"
)
"""A rank set: "one of the five biggest", "among the world's 10 busiest" -> top N."""
_NUMBER_N = re.compile(r"(?<=\s)(?P<w>No\.\s*(?P<n>\d{1,3}))(?![\w.-]*\d)(?!\s+[A-Z])")
_NUMBER_N_BEFORE = re.compile(r"(?:\b(?:the|a|its|their|his|her|is|was|as|at)|[a-z]['’]s)\s+$")
_TABLE = re.compile(
    rf"(?<![\w-])(?P<w>(?i:led|leads|lead|leading|topped|top|sat\s+top\s+of|sits\s+top\s+of|at\s+the\s+top\s+of))"
    rf"\s+the\s+(?:[\w’'-]+\s+){{0,2}}?(?P<t>(?i:{alternation(_WORDS.rank_tables)}))(?![\w-])"
)
_DISTANT = re.compile(
    rf"(?<![\w-])(?i:a\s+(?:distant|close|comfortable|narrow|strong|surprise)\s+)(?P<ord>(?i:{_ORD}))(?![\w-])"
    r"(?!\s+(?:time|half|quarter|term|round|wave|year)\b)"
)


def _more_ranks(text: str) -> list[Mention]:
    """Bare superlatives, rank sets, "No. 2", "led the table", "a distant second"."""
    found: list[Mention] = []
    for m in _SUPERLATIVE.finditer(text):
        if _SET_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "one of the biggest": a set of unknown size, no rank
        if m["the"] and not _SCOPE_AFTER.match(text, m.end()):
            continue  # "the biggest challenge": no field it is ranked in
        if re.match(r"\s+(?:since|than)\b|\s+\d", text[m.end():m.end() + 8]):
            continue  # "the fastest pace since 2008" is a first, not a rank; "the top 20" is read as a set
        start = m.start() if m["the"] else m.start("sup")
        found.append(Mention("rank", start, m.end(), {"kind": "rank", "position": 1}, thing=_after(text, m.end())))
    for m in _TOP_SET.finditer(text):
        n = parse_number(m["n"])
        if isinstance(n, int) and n >= 1 and not re.match(r"\d{4}$", m["n"]):
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "top": n}, thing=_after(text, m.end())))
    for m in _NUMBER_N.finditer(text):
        if _NUMBER_N_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and int(m["n"]) >= 1:
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": int(m["n"])},
                                 thing=_after(text, m.end())))
    for m in _TABLE.finditer(text):
        found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": 1}))
    for m in _DISTANT.finditer(text):
        if place := _ordinal(m["ord"]):
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": place}))
    return found


def extract_ranks(article: Article) -> list[Mention]:
    """Every ranking statement in the article."""
    text = article.text
    found: list[Mention] = []
    n: int | float | None
    for m in _TOP_N.finditer(text):
        n = parse_number(m["n"])
        if isinstance(n, int) and n >= 1 and not re.match(r"\d{4}$", m["n"]):
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "top": n}, thing=_after(text, m.end())))
    for m in _ORD_PLACE.finditer(text):
        n = _ordinal(m["ord"])
        if n:
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": n}, thing=_after(text, m.end())))
    for m in _ORD_OF_LIST.finditer(text):
        n = _ordinal(m["ord"])
        if n:
            start = m.start("ord")
            found.append(Mention("rank", start, m.end("noun"), {"kind": "rank", "position": n}, thing=m["noun"]))
    for m in _RANKED.finditer(text):
        n = parse_number(m["n"]) if m["n"] else _ordinal(m["ord"])
        if isinstance(n, int) and n >= 1:
            found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": n}, thing=_after(text, m.end())))
    for m in _TOPPED.finditer(text):
        if m["w"].lower() == "tops" and not re.match(r"\s+the\b", text[m.end():m.end() + 5]):
            continue
        found.append(Mention("rank", m.start(), m.end(), {"kind": "rank", "position": 1}, thing=_after(text, m.end())))
    for m in _LEADS.finditer(text):
        found.append(Mention("rank", m.start("w"), m.end("w"), {"kind": "rank", "position": 1}))
    for m in _LEADER.finditer(text):
        found.append(Mention("rank", m.start("w"), m.end("w"), {"kind": "rank", "position": 1},
                             thing=_after(text, m.end())))
    return found + _more_ranks(text)


def _ordinal(word: str) -> int | None:
    low = word.lower()
    if low in _LEX.ordinals:
        return _LEX.ordinals[low]
    digits = re.match(r"(\d+)", low)
    return int(digits.group(1)) if digits else None


def _after(text: str, end: int) -> str | None:
    m = re.match(
        r"\s+(?:in\s+|of\s+|the\s+)*((?:[\w’'&-]+\s+){0,4}?[\w’'&-]+?)(?=[,.;:)]|\s+(?:in|on|at|by|for|with|and|since|published|of)\b)",
        text[end:end + 80],
    )
    return m.group(1) if m else None
