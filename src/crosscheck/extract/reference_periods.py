"""Figures about a reference period: another period's figure named beside the sentence's main one.

"Pay rose 0.4% in September, slightly down from the 0.5% gain in August", "after a 0.3% rise in July",
"compared with 4.2% a year earlier": the second figure is the same measure for another period, so it is
drafted with the main figure's frame and that period (`reframe_references`), a fact another article
may state as that period's own ("pay went up 0.5% in August").  "Pay went up 0.4%, in line with
August's reading", "at 62.7%, unchanged from the month prior" name no second figure but say the
referenced period had the same one: a claim of its own (`reference_claims`).  "Held steady at 4.1%"
names no period and says the previous figure was 4.1% too (a `previous` claim, as before).

A period named relative to the main figure ("the previous month", "a year earlier") is counted from
the main figure's period when that is resolved, and kept as a label ("previous-month") when it is not;
month and quarter names resolve against the publication date as the main figures' do.  A sentence
that speaks of revisions ("revised", "initially") is left alone: its other figure is an earlier estimate
of the same period, not another period's.  The main figure's frame is lent only when the lexicon names
its measure (`NAMED_MEASURE`), to a figure alike in unit, currency and points whose next words name no
other measure.  Another period's figure named in passing may be one since revised, so a conflict it
takes part in is at most a warning (`REFERENCE_CONFIDENCE`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from crosscheck.extract.article import Article
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.frames import FrameReading
from crosscheck.extract.framing import key_of, scope_of
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug
from crosscheck.model.claims import Claim, Scope
from crosscheck.model.frame import Frame
from crosscheck.text.lexicon import lexicon

REFERENCE_CONFIDENCE = 0.5
"""Confidence of a figure of another period named beside the main one: below `LOW_CONFIDENCE`, so at most a
warning (the figure named in passing may be an earlier estimate of that period, since revised)."""
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_REFERENCED = ("quantity", "percentage")
NAMED_MEASURE = 0.85
"""A main figure's frame is lent to another period's figure (or copied for it) only when read this surely: when the
lexicon names its measure, not when the measure is guessed from neighbouring words."""
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(cue before a figure, period after a figure, same-figure cue after a figure, revision words)."""
    lex = frame_lexicon()
    months = [m for m in lexicon().months if len(m) > 3 or m == "may"]
    period = (rf"(?P<period>{_alternation(lex.reference_relative_periods)}"
              rf"|{_alternation(list(lex.relative_years) + list(lex.relative_months))}"
              rf"|(?:the\s+)?(?:{_alternation(lex.quarters)})(?:\s+(?:of\s+)?(?:19|20)\d\d)?"
              rf"|(?:{_alternation(months)})(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)")
    possessive = r"(?:['’]s)?"
    before = re.compile(rf"(?<![\w-])(?:{_alternation(lex.reference_cues)})\s+(?:(?:the|a|an)\s+)?"
                        rf"(?:{period}{possessive}\s+)?(?:[a-z-]+\s+)?$", re.I)
    after = re.compile(rf"^\s*(?:[a-z-]+\s+){{0,3}}?(?:(?:in|for|during|of)\s+)?{period}(?![\w-])", re.I)
    same = re.compile(rf"^[,\s]*(?:[a-z-]+[,\s]+){{0,3}}?(?:{_alternation(lex.reference_same_cues)})\s+"
                      rf"(?:(?:in|on)\s+)?{period}{possessive}(?![\w-])", re.I)
    revision = re.compile(rf"(?<![\w-])(?:{_alternation(lex.reference_revision_words)})(?![\w-])", re.I)
    return before, after, same, revision


def _shift(period: str, unit: str, back: int) -> str | None:
    """A resolved period ("2024-09", "2024-Q3", "2024") moved `back` units of `unit`; None when it cannot be."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        total = int(m[1]) * 12 + int(m[2]) - 1 + back * _UNIT_MONTHS[unit]
        return f"{total // 12}-{total % 12 + 1:02d}"
    if (m := re.fullmatch(r"(\d{4})-Q([1-4])", period)) and unit in ("quarter", "year"):
        total = int(m[1]) * 4 + int(m[2]) - 1 + back * (1 if unit == "quarter" else 4)
        return f"{total // 4}-Q{total % 4 + 1}"
    if re.fullmatch(r"\d{4}", period) and unit == "year":
        return str(int(period) + back)
    if period in _MONTHS and unit == "month":  # a month named without its year: the month before it
        return _MONTHS[(_MONTHS.index(period) + back) % 12]
    return None


def resolve(phrase: str, main: str | None, anchor: tuple[int | None, int | None]) -> str | None:
    """The period a reference names ("August" -> "2024-08" or "august", "the previous month" -> a month before
    `main`), written as a frame's period is."""
    lex = frame_lexicon()
    words = " ".join(phrase.lower().split())
    year, month = anchor
    if words in lex.reference_relative_periods:
        unit, back = lex.reference_relative_periods[words]
        shifted = _shift(main, unit, back) if main else None
        return shifted or f"previous-{unit}"
    if words in lex.relative_months:
        back = lex.relative_months[words]
        if year and month:
            total = year * 12 + month - 1 + back
            return f"{total // 12}-{total % 12 + 1:02d}"
        return "last-month" if back == -1 else "this-month"
    if words in lex.relative_years:
        back = lex.relative_years[words]
        return str(year + back) if year else ("last-year" if back == -1 else "this-year")
    given = m[0] if (m := re.search(r"(?:19|20)\d\d$", words)) else None
    name = words.removeprefix("the ").removesuffix(given or "").removesuffix(" of").strip()
    if name in lex.quarters:  # a quarter without a year is of the main figure's year, as the main figure's is read
        quarter = lex.quarters[name].upper()
        which = given or (main[:4] if main and re.match(r"\d{4}-Q", main) else None)
        return f"{which}-{quarter}" if which else quarter
    if name in lexicon().months:
        number = lexicon().months[name]
        if given:
            return f"{given}-{number:02d}"
        if year and month:
            return f"{year if number <= month else year - 1}-{number:02d}"
        return _MONTHS[number - 1]
    return given


def _referenced(main: Frame, period: str, direction_word: str | None) -> Frame:
    """The main figure's frame for the referenced period: a reported figure, its own direction when it names one."""
    lex = frame_lexicon()
    word = (direction_word or "").lower()
    direction = lex.change.get(word) or lex.change.get(word.rstrip("s")) if main.level == "change" else None
    return main.model_copy(update={"period": period, "modality": "reported", "direction": direction,
                                   "change_from": None})


def reframe_references(article: Article, figures: list[Mention], readings: dict[tuple[int, int], FrameReading | None],
                       anchor: tuple[int | None, int | None]) -> dict[tuple[int, int], FrameReading | None]:
    """`readings` with each figure of another period than its sentence's main figure read as that period's own."""
    before, after, _, revision = _patterns()
    text = article.text
    out = dict(readings)
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(figures, key=lambda m: m.start):
        if m.kind in _REFERENCED and readings.get((m.start, m.end)) is not None:
            by_sentence.setdefault(article.sentence_index(m.start), []).append(m)
    for index, items in by_sentence.items():
        sentence = article.sentences[index]
        if len(items) < 2 or revision.search(text, sentence.start, sentence.end):
            continue
        references: dict[int, str] = {}
        for i, m in enumerate(items):
            lead = text[items[i - 1].end if i else sentence.start:m.start]
            tail = text[m.end:items[i + 1].start if i + 1 < len(items) else sentence.end]
            cue = before.search(lead)
            named = cue["period"] if cue and cue["period"] else (a["period"] if cue and (a := after.match(tail)) else None)
            if named:
                references[i] = named
        for i, named in references.items():
            m = items[i]
            main = _main_figure(items, i, references)
            if main is None:
                continue
            reading = readings[(main.start, main.end)]
            assert reading is not None  # only framed figures are in `items`
            if reading.confidence < NAMED_MEASURE or _names_another_measure(text[m.end:m.end + 40], reading.frame):
                continue
            period = resolve(named, reading.frame.period, anchor)
            if period is None or period == reading.frame.period:
                continue
            noun = re.match(r"\s*([a-z]+)", text[m.end:m.end + 20], re.I)
            frame = _referenced(reading.frame, period, noun[1] if noun else None)
            out[(m.start, m.end)] = FrameReading(frame, min(reading.confidence, REFERENCE_CONFIDENCE))
    return out


def _main_figure(items: list[Mention], i: int, references: dict[int, str]) -> Mention | None:
    """The figure a reference figure is set beside: the nearest one of its kind and unit that is no reference,
    the one before it first."""
    m = items[i]
    order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(items)))
    for j in order:
        other = items[j]
        if j not in references and other.kind == m.kind and all(
                other.value.get(field) == m.value.get(field) for field in ("unit", "currency", "points")):
            return other
    return None


def _names_another_measure(after: str, main: Frame) -> bool:
    """True when the words right after a figure name a measure other than the main figure's ("versus a €46m net
    profit", "from 4.2% unemployment")."""
    measures = frame_lexicon().measures
    words = re.findall(r"[a-z-]+", after.lower())[:3]
    named = [measures[p] for n in (3, 2, 1) if len(words) >= n and (p := " ".join(words[:n])) in measures]
    return bool(named) and named[0] != main.measure


def reference_claims(article: Article, mention: Mention, claim: Claim, ids: Counter[str],
                     anchor: tuple[int | None, int | None]) -> list[Claim]:
    """The claims a drafted figure's words add about another period: "0.4%, in line with August's reading" says
    August was 0.4% too; "held steady at 4.1%" says the previous figure was 4.1%.  `ids` counts the claim ids used."""
    frame = claim.frame
    if frame is None or frame.modality != "reported":
        return []
    _, _, same, revision = _patterns()
    sentence = article.sentence_at(mention.start)
    text = article.text
    tail = text[mention.end:sentence.end]
    named = claim.draft is not None and claim.draft.confidence >= NAMED_MEASURE
    found = same.match(tail) if mention.kind in _REFERENCED and named else None
    named_figure = found is not None and re.match(r"[^,;:]*?\d", tail[found.end():])  # "matching May's 0.4% gain"
    if found and not named_figure and not revision.search(text, sentence.start, sentence.end):
        period = resolve(found["period"], frame.period, anchor)
        if period is not None and period != frame.period:
            referenced = frame.model_copy(update={"period": period, "change_from": None})
            scope = scope_of(referenced)
            draft = claim.draft.model_copy(update={"confidence": min(claim.draft.confidence, REFERENCE_CONFIDENCE),
                                                   "review": True}) if claim.draft is not None else None
            return [_copy(claim, referenced, ids, scope=Scope(**scope) if scope else None, draft=draft)]
    if frame.direction == "unchanged" and frame.level == "level":
        return [_copy(claim, frame.model_copy(update={"modality": "previous"}), ids)]
    return []


def _copy(claim: Claim, frame: Frame, ids: Counter[str], **changes: object) -> Claim:
    """`claim` stating the same value under `frame`, with an id of its own."""
    subject, prop = key_of(frame)
    base = slug(f"{subject}-{prop}")[:60].strip("-")
    ids[base] += 1
    return claim.model_copy(update={"id": base if ids[base] == 1 else f"{base}-{ids[base]}", "property": prop,
                                    "frame": frame, **changes})
