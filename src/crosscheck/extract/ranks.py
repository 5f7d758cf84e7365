"""Ranks and ordinals: "top three", "first place", "topped", "the world's leading science city", "ranked second"."""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
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
    rf"(?i:\b(?:ranked|ranks|ranking|placed|came|finished))\s+(?:(?i:No\.?|number)\s*(?P<n>{NUMBER})|(?P<ord>(?i:{_ORD})))(?![\w-])"
)
_TOPPED = re.compile(r"(?<![\w-])(?P<w>(?i:topped|tops|top\s+(?:position|spot|place|rank)|No\.\s*1|number\s+one))(?![\w-])")
_LEADS = re.compile(r"(?<![\w-])(?P<w>leads|led|ranks\s+first|ranked\s+first|came\s+first)\s+(?=(?:at|with)\s+[$€£]?\d)")
_LEADER = re.compile(
    rf"(?i:the)\s+(?P<scope>(?i:{alternation(_LEX.leader_scopes)}))\s+(?P<w>(?i:leading|top|foremost|leader|number-one))\b(?![\s-]+(?:{NUMBER}))"
)


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
    return found


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
