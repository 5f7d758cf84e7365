"""Frames for an article's figures, and the claim key and scope a frame gives.

Only the sentences that hold a figure are parsed (one `nlp.pipe` call per article), so
drafting costs grow with the figures, not the prose.  The key a frame gives is
(subject, property): the subject is the frame's owner (or `article`, the story's own
subject, when the text names none); the property is the measure with the qualifiers,
an unresolved period ("q4", "last-year"), the modality when it is not a reported figure,
and `change` for a change.  A resolved period becomes the claim's scope.  So a forecast,
an estimate, a previous figure or a change never shares a key with the reported level,
and figures of different places, bases or divisions never share one either.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosscheck.extract.ages import read_age_frame
from crosscheck.extract.article import Article
from crosscheck.extract.change_intervals import cue_spans
from crosscheck.extract.frames import FrameReading, read_date_frame, read_frame, read_multiple_frame
from crosscheck.extract.intervals import read_interval_frame
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug
from crosscheck.extract.performances import read_timing_frame
from crosscheck.extract.windows import is_window
from crosscheck.model.frame import Frame
from crosscheck.text.lexicon import lexicon

FRAMED_KINDS = ("quantity", "percentage", "fraction", "duration")
"""Value kinds whose drafted claims get a frame; a day gets one when the lexicon names the event it dates
(ranks, other dates, names and quotes keep their own keys)."""
NO_SUBJECT = "article"
"""The subject of a figure whose owner the text does not name: what the article is about."""
_TIME_UNITS = frozenset(lexicon().duration_units.values()) | frozenset(lexicon().duration_units)
_QUARTER_MONTHS = {"Q1": ("01", "03"), "Q2": ("04", "06"), "Q3": ("07", "09"), "Q4": ("10", "12")}


def read_frames(article: Article, mentions: Iterable[Mention],
                anchor: tuple[int | None, int | None]) -> dict[tuple[int, int], FrameReading | None]:
    """The frame of every figure among `mentions`, by its span; None for a count that is part of a date or time."""
    # an end of a spread ("ranged from three to 20 years") is keyed by its reader; its bare first figure is no time
    figures = [m for m in mentions if (m.kind in FRAMED_KINDS or _a_day(m)) and not m.extras.get("spread")]
    if not figures:
        return {}
    indices = sorted({article.sentence_index(m.start) for m in figures})
    docs = article.parsed(indices)
    out: dict[tuple[int, int], FrameReading | None] = {}
    for m in figures:
        index = article.sentence_index(m.start)
        sentence = article.sentences[index]
        doc = docs[index]
        start, end = max(0, m.start - sentence.start), max(0, m.end - sentence.start)
        span = doc.char_span(start, min(end, len(doc.text)), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if m.extras.get("timing"):  # a race time or a margin: keyed by the performance it times
            if (timed := read_timing_frame(article, span, m, anchor)) is not None:
                out[(m.start, m.end)] = timed
            continue
        if m.kind == "date":
            if (reading := read_date_frame(span)) is not None:
                out[(m.start, m.end)] = reading
            continue
        if m.kind == "duration" and (age := read_age_frame(article, span, m)) is not None:
            out[(m.start, m.end)] = age  # "the 24-year-old": a person's age, keyed by the person
            continue
        change = m.extras.get("change")
        if m.extras.get("multiple") and change in ("up", "down"):
            out[(m.start, m.end)] = read_multiple_frame(span, change, anchor)
            continue
        span = _figure_tokens(span)
        unit = m.value.get("unit") if m.kind == "quantity" else None
        if m.kind in ("quantity", "duration") and (interval := read_interval_frame(span)) is not None:
            out[(m.start, m.end)] = interval  # "just 10 minutes later": the time between two events
            continue
        if (m.kind == "quantity" and unit in _TIME_UNITS and _in_time_expression(span)) or _in_interval_cue(span) \
                or (m.kind in ("quantity", "duration") and is_window(span)):
            out[(m.start, m.end)] = None
            continue
        reading = read_frame(span, m.kind, unit, anchor, of_noun=bool(m.extras.get("compound")),
                             money=bool(m.value.get("currency")))
        if change:  # "(+9)", "(-17)": the sign says it is a change and which way
            reading = FrameReading(reading.frame.model_copy(update={"level": "change", "direction": change}),
                                   reading.confidence)
        out[(m.start, m.end)] = reading
    return out


def _figure_tokens(span):
    """The span without the approximator words before its first number ("topped 300" -> "300"): the parse of the
    figure, not of the verb that qualifies it, says what it measures."""
    first = next((t for t in span if t.like_num), None)
    if first is None or first.i == span.start or not all(t.is_alpha for t in span.doc[span.start:first.i]):
        return span
    return span.doc[first.i:span.end]


def _a_day(m: Mention) -> bool:
    """A date mention that names a day ("on June 5"): it may date an event of its own."""
    return m.kind == "date" and m.value.get("relation") == "on" and "end" not in m.value and \
        (len(m.value.get("date") or "") == 10 or any(ch.isdigit() for ch in m.value.get("relative") or ""))


def _in_time_expression(span) -> bool:
    """True for a count inside a date or time ("the final three months of last year"): it is not a figure."""
    return any(ent.label_ in ("DATE", "TIME") and ent.start <= span.start and span.end + 1 < ent.end
               for ent in span.doc.ents)  # "286 days" alone is a count of days; "three months of last year" is a date


def _in_interval_cue(span) -> bool:
    """True for a count inside what a change is measured over ("over the past 12 months"): it is not a figure."""
    return any(s <= span.start_char and span.end_char <= e for s, e, _ in cue_spans(span.sent))


def scope_of(frame: Frame) -> dict | None:
    """The claim scope a frame's period gives, when it is a resolved year or quarter."""
    period = frame.period
    if not period or not period[:4].isdigit():
        return None
    year, _, rest = period.partition("-")
    if rest in _QUARTER_MONTHS:
        first, last = _QUARTER_MONTHS[rest]
        return {"start": f"{year}-{first}", "end": f"{year}-{last}"}
    return {"as_of": f"{year}-{rest}" if rest.isdigit() else year}


def key_of(frame: Frame) -> tuple[str, str]:
    """The (subject, property) a frame gives a drafted claim."""
    parts = [frame.measure, *(slug(v) for _, v in sorted(frame.qualifiers.items()))]
    if frame.period and scope_of(frame) is None:
        parts.append(slug(frame.period))
    if frame.partition:
        parts.append(slug(frame.partition))
    return frame.subject or NO_SUBJECT, ".".join(p for p in parts if p)
