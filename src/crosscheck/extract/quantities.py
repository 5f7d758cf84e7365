"""Counts, money and percentages, with approximators, scale words, currencies, units, rates and conversions.

"nearly 600 leading companies", "200+ academic institutions", "11.5 trillion yuan (around 1.6 trillion USD)",
"$3.4bn", "25k views", "12 500 farms", "over 30%", "25 basis points", "45 km", "65 miles per hour",
"42 cents per share", "a 180-pound fighter", "(+9)", "minus three percent".
Ranges ("70-80", "3,000 to 4,000", "between X and Y") are in `ranges`, counts without a figure
("hundreds of enterprises") in `vague`; the members of a list
("91, 88 and 94 points") each get the list's noun; a figure in a Title Case headline may count a
capitalised noun ("To Cut 3,500 Jobs").
"""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.conversions import conversion_after, conversion_spans
from crosscheck.extract.figures import FIGURE, FIGURE_RE, amount_of, bounded, currency_of, glued, percent_kind, percentage_value, scale_of
from crosscheck.extract.headlines import headline_count, headline_verb, object_noun
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.numbers import NUMBER, is_word_number, parse_number
from crosscheck.extract.phrases import STOP, approximator_after, approximator_before, in_headline, noun_phrase_after
from crosscheck.extract.ranges import extract_ranges
from crosscheck.extract.spans import SpanIndex
from crosscheck.extract.units import pounds_weigh, rate_after, unit_after
from crosscheck.extract.vague import extract_vague
from crosscheck.text.lexicon import alternation, lexicon, word_set

_LEX = lexicon()
_CONVERSION = re.compile(rf"\s*\(\s*(?P<inner>(?:[a-z ]+\s+)?(?:{FIGURE}))\s*\)", re.X)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_ANAPHORIC = re.compile(r"\b(?:these|those|the\s+same)\s+$", re.I)
_CLOCK = re.compile(r":\d|\s*(?i:a\.?m\.?|p\.?m\.?)(?!\w)")
# (?<!\d): a compound starts at a number's first digit only, so a long number is scanned once, not once per digit
_SMALL_WORDS = [w for w, v in _LEX.number_words.items() if " " not in w and 0 < v < 100]
_TENS = [w for w, v in _LEX.number_words.items() if " " not in w and v % 10 == 0 and 20 <= v < 100]
_UNIT_WORDS = [w for w, v in _LEX.number_words.items() if " " not in w and 0 < v < 10]
# one pass for both: digits ("a 53-yard field goal") or a hyphenated number word ("a three-yard pass",
# "a twenty-five-yard run"); a word number is tried only at a letter after no word character
_COMPOUND = re.compile(r"(?:(?<!\d)(?P<num>\d[\d,]*(?:\.\d+)?)"
                       rf"|(?<![\w-])(?P<wnum>(?i:(?:{alternation(_TENS)})-(?:{alternation(_UNIT_WORDS)})|{alternation(_SMALL_WORDS)})))"
                       r"-(?P<unit>[A-Za-z]{3,})(?![\w-])(?:\s*\([^()\n]{1,40}\))?"
                       r"\s+(?P<noun>[a-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)")
_WORD_UNITS = word_set("compound_word_units", lower=False)
"""After a hyphenated number word, the words that count ("a three-point lead"); with a unit of measure the only ones."""
_GROUP = re.compile(rf"(?<![\w-])(?P<word>(?i:{alternation(_LEX.group_words)}))\s+of\s+(?=[a-z])")
_MULTIPLE = re.compile(rf"(?<![\w-])(?P<word>(?i:{alternation(_LEX.multiples)}))\b(?!\s+(?:down|up)\b)")
_LABEL_BEFORE = re.compile(r"(?:(?<=[a-z,;] )|(?<=[.!?] )|^|(?<=\n))(?P<label>[A-Z][a-z]+)\s+$")
"""A capitalised word inside a sentence right before a number: the number is part of a name ("Grade 5")."""
_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})"
                          r"(?:,\s*(?:and\s+)?|\s+and\s+|(?=[.;)]|\s+[a-z]|\s*$))(?P<num>\d[\d,]*)?")
"""After a counted figure or a list member: its place ("in Fort Bend County"), the list's separator and, when
another member follows, its number."""
_LIST_BEFORE = re.compile(rf"(?<![\w.,$€£¥])(?P<num>{NUMBER})(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$")


def _conversion(text: str, pos: int) -> tuple[dict | None, int]:
    """A converted amount in brackets right after a money figure: "(around 1.6 trillion USD)", "($1.6 trillion)"."""
    m = _CONVERSION.match(text, pos)
    if not m:
        return None, pos
    currency = currency_of(m)
    if currency is None or m["pct"]:
        return None, pos
    approx, _ = approximator_before(text, m.start("inner") + (m.start("sym") if m["sym"] else m.start("num")) - m.start("inner"))
    converted = {**bounded(parse_number(m["num"]), approx), "currency": currency, "text": m["inner"].strip()}
    if scale_of(m):
        converted["scale"] = scale_of(m)
    return converted, m.end()


_PER = re.compile(r"(?i)(?<![\w-])per\s+$")


def extract_quantities(article: Article) -> list[Mention]:
    """Every count, amount of money and percentage in the article."""
    text = article.text
    found, taken = extract_ranges(text)
    conversions = conversion_spans(text)  # "10 km (6.2 miles)": the bracket restates the figure before it
    restated = SpanIndex(conversions)
    found = [f for f in found if not restated.covers(f.start, f.end)]
    taken += conversions
    vague = extract_vague(text)
    taken += [(v.start, v.end) for v in vague]  # "a few dozen boats": the "dozen" is no figure of its own
    found += vague
    held = SpanIndex(taken)
    for m in FIGURE_RE.finditer(text):
        if held.holds(m.start("num")) or glued(text, m):
            continue
        if _PER.search(text, max(0, m.start() - 5), m.start()):
            continue  # "2.41 per 100 person-years": a rate's denominator, no figure of its own
        mention = _figure(text, m)
        if mention:
            found.append(mention)
    for c in _COMPOUND.finditer(text):  # "a 6.7-magnitude aftershock", "the 30-storey building", "a 180-pound (82 kg) fighter"
        if held.holds(c.start()) or c["unit"].lower() in _LEX.duration_units or \
                (c.start() > 0 and (text[c.start() - 1].isalnum() or text[c.start() - 1] in "-/.")):
            continue
        unit = _LEX.units.get(c["unit"].lower()) or singular(c["unit"])
        if c["wnum"] and c["unit"].lower() not in _LEX.units and singular(c["unit"].lower()) not in _WORD_UNITS:
            continue  # "one-sided", "a two-time champion": an adjective, no count
        found.append(Mention("quantity", c.start(), c.end("unit"),
                             {"kind": "quantity", "amount": parse_number(c["num"] or c["wnum"]), "approx": "exact",
                              "unit": unit},
                             c["noun"], unit, extras={"compound": True}))
    for g in _GROUP.finditer(text):
        thing, head, _ = noun_phrase_after(text, g.end())
        if head:
            amount = _LEX.group_words[g["word"].lower()]
            found.append(Mention("quantity", g.start("word"), g.end("word"),
                                 {"kind": "quantity", "amount": amount, "approx": "exact", "unit": head}, thing, head))
    found += _multiples(text)
    return _list_members(text, _signed_changes(found))


def _figure(text: str, m: re.Match) -> Mention | None:
    num = m["num"]
    amount = amount_of(m)
    currency, scale = currency_of(m), scale_of(m)
    start = m.start("sign") if m["sign"] else m.start("sym") if m["sym"] else m.start("num")
    approx, approx_start = approximator_before(text, start)
    end = m.end()
    if m["plus"]:
        approx = approx or "at_least"
    if "couple" in num.lower():
        approx = approx or "about"  # "a couple of thousand" is about two thousand
    bracketed = _bracketed_change(text, m)
    if m["pct"]:
        suffix, suffix_end = approximator_after(text, end)
        if suffix and not approx:
            approx, end = suffix, suffix_end
        value = percentage_value(amount, approx, percent_kind(m) or "percent")
        if bracketed:
            value["amount"] = abs(value["amount"])
            return Mention("percentage", m.start(), end, value, extras={"change": bracketed})
        return Mention("percentage", approx_start, end, value, _of_phrase(text, end))
    if m["cur"] and m["cur"].lower().startswith("pound") and not m["sym"] and pounds_weigh(text, start, m.end(), bool(scale)):
        currency = None  # "weighed nine pounds": a weight; fall through to the unit reading
        end = m.start("cur")
        while end > m.end("num") and text[end - 1].isspace():
            end -= 1
    if currency:
        value = {"kind": "quantity", **bounded(amount, approx), "currency": currency}
        if scale:
            value["scale"] = scale
        suffix, suffix_end = approximator_after(text, end)
        if suffix and not approx:
            value["approx"], end = suffix, suffix_end
        rate, rate_end = rate_after(text, end)
        if rate:
            value["unit"], end = rate, rate_end
        converted, conv_end = _conversion(text, end)
        if converted and converted["currency"] != currency:
            value["converted"] = converted
            end = conv_end
        return Mention("quantity", approx_start, end, value)
    if _YEAR.match(num) and not m["sign"] or (is_word_number(num) and abs(amount) <= 1 and not scale):
        return None
    if _ANAPHORIC.search(text, max(0, start - 8), start):
        return None  # "these three hubs" restates a count given before
    unit, unit_end = unit_after(text, end)
    if unit:
        suffix, suffix_end = approximator_after(text, unit_end)
        value = {"kind": "quantity", **bounded(amount, approx if approx or not suffix else suffix), "unit": unit}
        rate, rate_end = rate_after(text, suffix_end if suffix else unit_end)
        if rate and not unit.endswith(("/h", "/s", "mph")):
            value["unit"] = f"{unit} {rate}"
        if scale:
            value["scale"] = scale
        unit_end = suffix_end if suffix else unit_end
        return Mention("quantity", approx_start, conversion_after(text, unit_end) or unit_end, value, unit, unit)
    suffix, suffix_end = approximator_after(text, end)
    thing, head, head_end = noun_phrase_after(text, suffix_end, headline=in_headline(text, end))
    if not head and in_headline(text, end):
        thing, head, head_end = object_noun(text, start, suffix_end)  # "To Close 120 Branches Next Year"
    if not head:
        if _CLOCK.match(text, end) or (start > 0 and text[start - 1] == ":") or \
                in_headline(text, end) and _labelled(text, num, start, end):
            return None
        rate, _ = rate_after(text, end)
        # "2,376 have been injured": a count with no noun; drafting keeps it only when its frame names the measure
        value = {"kind": "quantity", **bounded(abs(amount) if bracketed else amount, approx or suffix),
                 **({"scale": scale} if scale else {}), **({"unit": rate} if rate else {})}
        signed = bool(m["sign"]) and re.match(r"\s*(?:[.,;:!?)]|$|\s+[a-z])", text[end:end + 3]) is not None
        extras: dict = {"change": bracketed} if bracketed else {} if signed else {"bare": True, "words": is_word_number(num)}
        if not bracketed and not signed and in_headline(text, end) and headline_count(text, num, start, end, bool(scale)):
            extras = {"unnamed": True}  # "Storm Leaves 40,000 Without Power": a count whose noun the headline drops
        return Mention("quantity", approx_start, suffix_end if suffix else end, value, extras=extras)
    after_head, _ = approximator_after(text, head_end)
    if suffix and not approx:
        approx, end = suffix, suffix_end
    elif after_head and not approx:
        approx = after_head  # "250 employees or more"
    if head != "time" and _labelled(text, num, start, end):
        return None  # "Grade 5 pupils", "Model 16 phones": the number is part of a name
    value = {"kind": "quantity", **bounded(amount, approx), "unit": head}
    rate, rate_end = rate_after(text, head_end)
    if rate:
        value["unit"] = f"{head} {rate}"
        if any(ch.isdigit() for ch in rate):
            end = rate_end  # "14 cases per 100,000 residents": the 100,000 is part of the rate
    if scale:
        value["scale"] = scale
    ranked = re.search(r"\b(?i:top)\s+$", text[max(0, start - 6):start]) is not None  # "the top ten hubs": a rank set
    return Mention("quantity", approx_start, end, value, thing, head, extras={"ranked": True} if ranked else {})


def _labelled(text: str, num: str, start: int, end: int) -> bool:
    """True when a small number is part of a name: after a series word ("Grade 5", "Gate 12"), which in a
    headline is no verb ("Kills 12", "To Cut 350" count)."""
    label = _LABEL_BEFORE.search(text, max(0, start - 30), start) if re.fullmatch(r"\d{1,3}", num) else None
    if label is None or not _is_label(label["label"]):
        return False
    return not in_headline(text, end) or not headline_verb(text, label.start("label"))


def _is_label(word: str) -> bool:
    """A capitalised word that names a series ("Grade", "Chapter"), not a month, a weekday or an opener ("Only")."""
    low = word.lower()
    return not (low in _LEX.months or low in _LEX.weekdays or low in STOP or low in _LEX.figure_openers
                or low in _LEX.approximators or low in _LEX.number_words)


def _bracketed_change(text: str, m: re.Match) -> str | None:
    """"(+9)", "(-17)": a signed figure alone in brackets is a change, up or down; None otherwise."""
    if not m["sign"] or m["sign"].strip().lower() == "minus":
        return None
    start, end = m.start("sign"), m.end()
    if text[start - 1:start] != "(" or not text[end:end + 1] == ")":
        return None
    return "up" if m["sign"] == "+" else "down"


def _signed_changes(found: list[Mention]) -> list[Mention]:
    """"44 points (+9)": a bracketed change counts what the figure before it counts."""
    out = []
    ordered = sorted(found, key=lambda x: x.start)
    for i, m in enumerate(ordered):
        if m.extras.get("change") and m.kind == "quantity" and "unit" not in m.value and i > 0:
            before = ordered[i - 1]
            if before.kind == "quantity" and before.value.get("unit") and m.start - before.end <= 24:
                m = Mention(m.kind, m.start, m.end, {**m.value, "unit": before.value["unit"]}, before.thing,
                            before.head, extras=m.extras)
        out.append(m)
    return out


def _list_members(text: str, found: list[Mention]) -> list[Mention]:
    """"scores of 91, 88, 79 and 94 points": every bare number listed before a counted figure counts the same."""
    bare = {m.start: m for m in found if m.extras.get("bare")}
    replaced: dict[int, Mention] = {}
    leads: dict[int, Mention] = {}  # by id: a list's first figure, with the place written after it
    for m in found:
        if m.kind != "quantity" or not m.head or m.value.get("currency") or m.extras.get("compound"):
            continue
        cursor = m.start
        while (b := _LIST_BEFORE.search(text, max(0, cursor - 40), cursor)) and b.start("num") in bare:
            member = bare[b.start("num")]
            replaced[member.start] = Mention("quantity", member.start, member.end,
                                             {**member.value, "unit": m.value["unit"]}, m.thing, m.head)
            cursor = b.start("num")
        _places_after(text, m, bare, replaced, leads)
    # a number word with no noun that no list gives one ("two of them", "one said") is no figure: never parsed
    return [replaced.get(m.start, m) if m.extras.get("bare") else leads.get(id(m), m) for m in found
            if m.start in replaced or not m.extras.get("words")]


def _places_after(text: str, lead: Mention, bare: dict[int, Mention], replaced: dict[int, Mention],
                  leads: dict[int, Mention]) -> None:
    """"12 people in Harris County, 7 in Fort Bend County and 3 in Galveston": each bare number after the counted
    figure, with a place of its own, counts the same thing there (`extras["listed"]`: the lead's span and the place)."""
    cursor = lead.end
    first = True
    if lead.thing:  # the counted noun comes after the figure's span ("12 people")
        after = text.find(lead.thing, cursor, cursor + len(lead.thing) + 4)
        cursor = after + len(lead.thing) if after >= 0 else cursor
    while (p := _PLACE_AFTER.match(text, cursor)) and p.start("num") in bare:
        member = bare[p.start("num")]
        place = _PLACE_AFTER.match(text, member.end)
        if place is None:
            break
        if first:  # the first figure is in the place written right after it, whatever the parse attached
            leads[id(lead)] = Mention(lead.kind, lead.start, lead.end, lead.value, lead.thing, lead.head, lead.review,
                                      lead.subject_hint, lead.property_hint,
                                      {**lead.extras, "listed": (lead.start, lead.end, p["place"])})
            first = False
        replaced[member.start] = Mention("quantity", member.start, member.end, {**member.value, "unit": lead.value["unit"]},
                                         lead.thing, lead.head,
                                         extras={"listed": (lead.start, lead.end, place["place"])})
        cursor = member.end


def _multiples(text: str) -> list[Mention]:
    """"doubled", "more than tripled", "cut in half": a change by a factor, as a percentage change."""
    out = []
    for m in _MULTIPLE.finditer(text):
        factor = _LEX.multiples[" ".join(m["word"].lower().split())]
        approx, start = approximator_before(text, m.start())
        direction = "up" if factor > 1 else "down"
        amount = round((factor - 1) * 100 if factor > 1 else (1 - factor) * 100, 6)
        value = {"kind": "percentage", **bounded(int(amount) if amount.is_integer() else amount, approx)}
        out.append(Mention("percentage", start, m.end(), value, extras={"change": direction, "multiple": True}))
    return out


_OF = re.compile(
    r"\s+of\s+(?:the\s+|an?\s+)?(?P<np>(?:[\w&'’\-]+\s+){0,5}?[\w&'’\-]+?)"
    r"(?=[,.;:!?)]|\s+(?:and|in|on|at|by|for|from|with|while|which|that|is|are|was|were|has|have)\b|$)"
)


def _of_phrase(text: str, end: int) -> str | None:
    """What a share is of: "over 30% of China's high-tech enterprises" -> "China's high-tech enterprises"."""
    m = _OF.match(text, end)
    return m["np"] if m else None
