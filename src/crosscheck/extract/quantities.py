"""Counts, money and percentages, with approximators, scale words, currencies, ranges and conversions.

"nearly 600 leading companies", "200+ academic institutions", "11.5 trillion yuan (around 1.6 trillion USD)",
"$1.6 trillion", "over 30%", "between 5 and 7 percent", "hundreds of enterprises".
"""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.numbers import NUMBER, VAGUE, is_word_number, parse_number
from crosscheck.extract.phrases import approximator_after, approximator_before, noun_phrase_after
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_SCALE_WORDS = [w for w in _LEX.scales if len(w) > 3]
_SCALE_ABBR = [w for w in _LEX.scales if len(w) <= 3]
FIGURE = rf"""
    (?:(?P<sym>{alternation(_LEX.currency_symbols)})[ ]?)?
    (?P<num>{NUMBER})
    (?:(?P<abbr>{alternation(_SCALE_ABBR)})\b|\s+(?P<scale>(?i:{alternation(_SCALE_WORDS)}))\b)?
    (?P<plus>\+)?
    (?:\s*(?P<pct>%|(?i:percentage\s+points?|percent|per\s+cent)\b))?
    (?:\s+(?P<cur>(?i:{alternation(_LEX.currency_words)}))\b)?
"""
_FIGURE = re.compile(FIGURE, re.X)
_RANGE = re.compile(rf"\b(?i:between)\s+(?P<a>{NUMBER})(?:\s*(?P<pa>%|percent\b))?\s+and\s+(?=(?P<b>{NUMBER}))", re.X)
_CONVERSION = re.compile(rf"\s*\(\s*(?P<inner>(?:[a-z ]+\s+)?(?:{FIGURE}))\s*\)", re.X)
_VAGUE = re.compile(rf"(?P<vague>{VAGUE})\s+of\s+", re.X)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_ANAPHORIC = re.compile(r"\b(?:these|those|the\s+same)\s+$", re.I)
_CLOCK = re.compile(r":\d|\s*(?i:a\.?m\.?|p\.?m\.?)(?!\w)")
# (?<!\d): a compound starts at a number's first digit only, so a long number is scanned once, not once per digit
_COMPOUND = re.compile(r"(?<!\d)(?P<num>\d[\d,]*(?:\.\d+)?)-(?P<unit>[A-Za-z]{3,})(?![\w-])\s+(?P<noun>[a-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)")
_GROUP = re.compile(rf"(?<![\w-])(?P<word>(?i:{alternation(_LEX.group_words)}))\s+of\s+(?=[a-z])")


def _scale(m: re.Match) -> str | None:
    word = m["scale"] or m["abbr"]
    return _LEX.scales[word.lower()] if word else None


def _currency(m: re.Match) -> str | None:
    if m["sym"]:
        return _LEX.currency_symbols[m["sym"]]
    if m["cur"]:
        return _LEX.currency_words[" ".join(m["cur"].lower().split())]
    return None


def _bounded(amount, approx: str | None) -> dict:
    return {"amount": amount, "approx": approx or "exact"}


def _conversion(text: str, pos: int) -> tuple[dict | None, int]:
    """A converted amount in brackets right after a money figure: "(around 1.6 trillion USD)", "($1.6 trillion)"."""
    m = _CONVERSION.match(text, pos)
    if not m:
        return None, pos
    currency = _currency(m)
    if currency is None or m["pct"]:
        return None, pos
    approx, _ = approximator_before(text, m.start("inner") + (m.start("sym") if m["sym"] else m.start("num")) - m.start("inner"))
    converted = {**_bounded(parse_number(m["num"]), approx), "currency": currency, "text": m["inner"].strip()}
    if _scale(m):
        converted["scale"] = _scale(m)
    return converted, m.end()


def _glued(text: str, m: re.Match) -> bool:
    """True when the digits are part of a word or code ("COVID-19", "G20", "5G", "A380")."""
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if m["sym"]:
        return after.isalnum()
    return (
        before.isalnum()
        or before in "-/" and m.start() > 1 and text[m.start() - 2].isalpha()
        or after.isalnum()
        or (after == "-" and not m["pct"])
    )


def extract_quantities(article: Article) -> list[Mention]:
    """Every count, amount of money and percentage in the article."""
    text = article.text
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for r in _RANGE.finditer(text):
        b = _FIGURE.match(text, r.start("b"))
        if b is None or (b["pct"] is None) != (r["pa"] is None and b["pct"] is None):
            pass
        if b is None:
            continue
        value: dict = {"approx": "between", "low": parse_number(r["a"]), "high": parse_number(b["num"])}
        if b["pct"]:
            found.append(Mention("percentage", r.start(), b.end(), {"kind": "percentage", **value,
                                                                    "points": "point" in b["pct"].lower()}))
        else:
            thing, head, _ = noun_phrase_after(text, b.end())
            if _currency(b):
                value["currency"] = _currency(b)
            elif not head:
                continue
            else:
                value["unit"] = head
            if _scale(b):
                value["scale"] = _scale(b)
            found.append(Mention("quantity", r.start(), b.end(), {"kind": "quantity", **value}, thing, head))
        taken.append((r.start(), b.end()))
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or _glued(text, m):
            continue
        mention = _figure(text, m)
        if mention:
            found.append(mention)
    for c in _COMPOUND.finditer(text):  # "a 6.7-magnitude aftershock", "the 30-storey building"
        if any(a <= c.start() < b for a, b in taken) or c["unit"].lower() in _LEX.duration_units or \
                (c.start() > 0 and (text[c.start() - 1].isalnum() or text[c.start() - 1] in "-/.")):
            continue
        unit = singular(c["unit"])
        found.append(Mention("quantity", c.start(), c.end("unit"),
                             {"kind": "quantity", "amount": parse_number(c["num"]), "approx": "exact", "unit": unit},
                             c["noun"], unit, extras={"compound": True}))
    for g in _GROUP.finditer(text):
        thing, head, _ = noun_phrase_after(text, g.end())
        if head:
            amount = _LEX.group_words[g["word"].lower()]
            found.append(Mention("quantity", g.start("word"), g.end("word"),
                                 {"kind": "quantity", "amount": amount, "approx": "exact", "unit": head}, thing, head))
    for v in _VAGUE.finditer(text):
        thing, head, _ = noun_phrase_after(text, v.end())
        if head:
            amount = _LEX.vague_numbers[" ".join(v["vague"].lower().split())]
            found.append(Mention("quantity", v.start(), v.end("vague"),
                                 {"kind": "quantity", "amount": amount, "approx": "at_least", "unit": head},
                                 thing, head, review=True))
    return found


def _figure(text: str, m: re.Match) -> Mention | None:
    num = m["num"]
    amount = parse_number(num)
    currency, scale = _currency(m), _scale(m)
    start = m.start("sym") if m["sym"] else m.start("num")
    approx, approx_start = approximator_before(text, start)
    end = m.end()
    if m["plus"]:
        approx = approx or "at_least"
    if m["pct"]:
        value = {"kind": "percentage", **_bounded(amount, approx), "points": "point" in m["pct"].lower()}
        thing = _of_phrase(text, end)
        return Mention("percentage", approx_start, end, value, thing)
    if currency:
        value = {"kind": "quantity", **_bounded(amount, approx), "currency": currency}
        if scale:
            value["scale"] = scale
        converted, conv_end = _conversion(text, end)
        if converted and converted["currency"] != currency:
            value["converted"] = converted
            end = conv_end
        return Mention("quantity", approx_start, end, value)
    if _YEAR.match(num) or (is_word_number(num) and amount <= 1 and not scale):
        return None
    if _ANAPHORIC.search(text, max(0, start - 8), start):
        return None  # "these three hubs" restates a count given before
    suffix, suffix_end = approximator_after(text, end)
    thing, head, _ = noun_phrase_after(text, suffix_end)
    if not head:
        if is_word_number(num) or _CLOCK.match(text, end) or (start > 0 and text[start - 1] == ":"):
            return None
        # "2,376 have been injured": a count with no noun; drafting keeps it only when its frame names the measure
        return Mention("quantity", approx_start, end, {"kind": "quantity", **_bounded(amount, approx),
                                                       **({"scale": scale} if scale else {})}, extras={"bare": True})
    if suffix and not approx:
        approx, end = suffix, suffix_end
    value = {"kind": "quantity", **_bounded(amount, approx), "unit": head}
    if scale:
        value["scale"] = scale
    return Mention("quantity", approx_start, end, value, thing, head)


_OF = re.compile(
    r"\s+of\s+(?:the\s+|an?\s+)?(?P<np>(?:[\w&'’\-]+\s+){0,5}?[\w&'’\-]+?)"
    r"(?=[,.;:!?)]|\s+(?:and|in|on|at|by|for|from|with|while|which|that|is|are|was|were|has|have)\b|$)"
)


def _of_phrase(text: str, end: int) -> str | None:
    """What a share is of: "over 30% of China's high-tech enterprises" -> "China's high-tech enterprises"."""
    m = _OF.match(text, end)
    return m["np"] if m else None
