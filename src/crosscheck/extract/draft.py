"""From article text to drafted claims: run the extractors, settle overlaps, attach scopes, propose keys.

Pure: text in, `ClaimsFile` out (no file I/O).  Every claim carries the value as
written (`text`), the clause that states it (`quote`), and `draft` with the
key's confidence, whether a person must review it, the method and the span.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import TypeAdapter, ValidationError

from crosscheck.extract.ambiguous_keys import AMBIGUOUS_KEY, mark_ambiguous_keys
from crosscheck.extract.article import Article
from crosscheck.extract.clock import extract_clock_times, extract_race_times
from crosscheck.extract.dates import Anchor, extract_dates, extract_durations
from crosscheck.extract.designations import extract_designations
from crosscheck.extract.event_places import extract_event_places
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.frames import FrameReading
from crosscheck.extract.framing import key_of, read_frames, scope_of
from crosscheck.extract.history import extract_histories
from crosscheck.extract.keys import REVIEW_BELOW, Key, KeyProposer
from crosscheck.extract.match_minutes import extract_goal_minutes
from crosscheck.extract.mention import Mention, resolve_overlaps
from crosscheck.extract.names import find_people, is_organisation, slug
from crosscheck.extract.periods import fiscal_end_spans
from crosscheck.extract.positions import extract_positions
from crosscheck.extract.quantities import extract_quantities
from crosscheck.extract.ranks import extract_ranks
from crosscheck.extract.reference_periods import reference_claims, reframe_references
from crosscheck.extract.set_scores import extract_set_scores
from crosscheck.extract.shares import extract_shares
from crosscheck.extract.spans import SpanIndex
from crosscheck.extract.streaks import extract_streaks
from crosscheck.extract.superlatives import with_superlatives
from crosscheck.extract.title_tallies import extract_title_tallies
from crosscheck.model.claims import Claim, ClaimsFile, DocumentMeta, Draft, Scope
from crosscheck.model.frame import Frame
from crosscheck.model.registry import Registry
from crosscheck.model.values import Value
from crosscheck.text.lexicon import lexicon, word_set

_BOILERPLATE = lexicon().boilerplate_lines
NUMERIC = ("quantity", "percentage", "fraction", "rank", "duration")
_LIST_CUE = re.compile(r"\b(?:them|respectively|these|those|both|all three|each)\b", re.I)
_VALUE: TypeAdapter[Value] = TypeAdapter(Value)
"""A mention's value fields (a dict with `kind`) as the typed value a claim holds."""


QUOTED_FIGURE = 0.3
"""Confidence of a figure in quotation marks whose measure the lexicon does not name ("in four countries," he
said): it is drafted and compared, but a conflict it takes part in is at most info (`UNSURE_MATCH`), since a
speaker's loose count of something unnamed matched on its noun alone is rarely the article's fact."""

BARE_COUNT_CONFIDENCE = 0.85
"""A number with no counted noun ("2,376 have been injured") is drafted only when its frame is read this surely."""
RUNNING_LEVEL = 0.3
"""Confidence of an undated count that its sentence says is still moving ("the fire had grown to 239,100 acres"):
articles of different hours give different levels, so two such figures conflict at most as info."""


class NoClaims(ValueError):
    """The article states nothing the extractor can draft a claim from."""


def draft_claims(text: str, *, registry: Registry | None = None, published: str | None = None,
                 title: str | None = None) -> list[Claim]:
    """Every claim the extractor can draft from `text`, in text order."""
    article = Article.parse(text, title)
    proposer = KeyProposer(article, registry)
    mentions = _value_mentions(article, published)
    mentions, scopes = _attach_scopes(article, mentions)
    mentions = _distribute_lists(article, proposer, mentions)
    mentions += _quote_mentions(article)
    mentions += _name_mentions(article)
    mentions += extract_positions(article) + extract_event_places(article)  # who holds a place; where it happened
    mentions += extract_goal_minutes(article)  # "in the 85th minute, X scored": keyed by the scorer
    mentions += extract_designations(article)  # "a Boeing 737-800": keyed by the maker
    mentions += extract_set_scores(article)  # "beat Alcaraz 4-6, 6-4, 6-4, 6-4": a match's sets, keyed by the winner
    anchor = Anchor.of(article, published)
    frames = reframe_references(article, mentions, read_frames(article, mentions, (anchor.year, anchor.month)),
                                (anchor.year, anchor.month))
    frames = _listed_places(mentions, frames)
    current = {str(anchor.year) if anchor.year else None,
               f"{anchor.year}-{anchor.month:02d}" if anchor.year and anchor.month else None}  # the article's own
    quotations = article.quotations
    quoted_by = [(q.words_start, q.words_end, q.speaker) for q in quotations if q.speaker]
    speakers = SpanIndex((s, e) for s, e, _ in quoted_by)
    quoted = SpanIndex([(q.start, q.end) for q in quotations] + list(_short_quoted(text)))
    claims: list[Claim] = []
    ids: Counter[str] = Counter()
    mentions = [m for m in mentions if (m.start, m.end) not in frames or frames[(m.start, m.end)] is not None]
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.kind, m.subject_hint or "")):
        key = proposer.propose(m)
        scope = scopes.get((m.start, m.end))
        reading = None if m.extras.get("own_key") else frames.get((m.start, m.end))  # the extractor knows its key
        if m.extras.get("bare") and (reading is None or reading.confidence < BARE_COUNT_CONFIDENCE):
            continue  # a number with no noun is a figure only when the parse names what it counts
        running = reading is not None and _running_level(reading.frame, m, scope, current)
        if reading is not None and reading.frame.measure == m.kind and not m.extras.get("change"):
            # the parse says nothing of what the figure measures: keep the rule key, claim no frame; but a figure it
            # reads as previous, forecast or a change ("grew from about 6,400 acres ... to 45,550") is still no level
            if (partition := reading.frame.partition) is not None:
                key = Key(key.subject, f"{key.property}.{slug(partition)}", key.confidence, key.method)
            reading = None
        frame = reading.frame if reading else None
        if reading is not None and key.method != "rules+registry":
            subject, prop = key_of(reading.frame)
            key = Key(subject, prop, min(reading.confidence, 1.0) if not m.review else min(reading.confidence,
                                                                                            REVIEW_BELOW - 0.01),
                      "frame")
            scope = scope_of(reading.frame) or (scope if reading.frame.period is None else None)
            scope = scope_of(reading.frame) if m.extras.get("timing") else scope  # a race's year is its event's
            source = next((quoted_by[i][2] for i in speakers.covering(m.start, m.end)), None)
            if source and frame is not None and frame.modality in ("forecast", "estimate"):
                # a forecast in a speaker's quoted words is that speaker's: another source's forecast is another fact
                frame = frame.model_copy(update={"qualifiers": {**frame.qualifiers, "source": slug(source)}})
                key = Key(*key_of(frame), key.confidence, key.method)
        if running:
            key = key.capped(RUNNING_LEVEL)
        if m.kind == "quantity" and _ambiguous_mark(text[m.start:m.end]):
            key = key.capped(AMBIGUOUS_KEY)
        if (cap := m.extras.get("confidence_cap")) is not None:  # the reader knows how sure it is
            key = key.capped(cap)
        if m.kind in NUMERIC and key.confidence < BARE_COUNT_CONFIDENCE and (m.extras.get("unnamed") or quoted.covers(
                m.start, m.end)):  # unnamed: a headline's count whose noun it drops
            key = key.capped(QUOTED_FIGURE)
        q_start, q_end = quote_span(article, m.start, m.end)
        base = slug(f"{key.subject}-{key.property}")[:60].strip("-")
        ids[base] += 1
        claim_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        try:
            claims.append(Claim(
                id=claim_id, subject=key.subject, property=key.property, value=_VALUE.validate_python(m.value),
                text=text[m.start:m.end], quote=text[q_start:q_end],
                scope=Scope(**scope) if scope else None,
                draft=Draft(confidence=key.confidence, review=key.review, method=key.method, span=(q_start, q_end)),
                frame=frame,
            ))
        except ValidationError:  # a value the model refuses ("between 5 and 3", a 400-digit figure) is not drafted
            ids[base] -= 1
            continue
        if frame is not None and key.method == "frame":
            claims += reference_claims(article, m, claims[-1], ids, (anchor.year, anchor.month))
    claims = with_superlatives(article, mentions, claims, ids)  # "the strongest aftershock measured 6.4" bounds a class
    return mark_ambiguous_keys(claims)  # a key this article gives far-apart figures for names no one fact


def _running_level(frame: Frame, m: Mention, scope: dict | None, current: set[str | None]) -> bool:
    """A count of things its sentence says has risen or fallen to where it now stands ("grew to 239,100 acres"),
    with no date of its own (the article's own month, "by Wednesday", is none): a level of the moment, like a
    toll. Money and rates are a period's figures, not moments; counts of people are the tolls, which matching
    already reads update by update."""
    lex = frame_lexicon()
    unit = m.value.get("unit")
    moving = frame.level == "level" and frame.direction in ("up", "down") and frame.modality == "reported"
    undated = (frame.period is None or frame.period in current) and not scope
    return m.kind == "quantity" and not m.value.get("currency") and unit is not None and \
        unit not in lex.person_nouns and frame.measure not in lex.running_tallies and moving and undated


def claims_file(text: str, article: str, *, registry: Registry | None = None, published: str | None = None,
                title: str | None = None) -> ClaimsFile:
    """A whole drafted claims file for the article at relative path `article`; `NoClaims` when there is nothing."""
    parsed = Article.parse(text, title)
    claims = draft_claims(text, registry=registry, published=published, title=title)
    if not claims:
        raise NoClaims("no checkable statement found (figures, dates, ranks, quotes or names)")
    d = parsed.dateline
    meta = DocumentMeta(article=article, title=parsed.title, publisher=d.publisher if d else None,
                        published=published or parsed.published, dateline=d.text if d else None)
    return ClaimsFile(document=meta, claims=claims)


# ---------------------------------------------------------------------------------------- values


def _value_mentions(article: Article, published: str | None) -> list[Mention]:
    found = (extract_dates(article, published) + extract_durations(article) + extract_quantities(article)
             + extract_shares(article) + extract_ranks(article) + extract_streaks(article)
             + extract_clock_times(article) + extract_race_times(article) + extract_histories(article, published)
             + extract_title_tallies(article))
    text = article.text  # figures in quotation marks are read, except in quoted titles ("Songs For 2 Voices")
    titled = [(q.start, q.end) for q in article.quotations if q.speaker is None and _title_like(text[q.start:q.end])]
    titled += [(s, e) for s, e in _short_quoted(text) if _title_like(text[s:e])]
    slogans = SpanIndex((s, e) for s, e in _short_quoted(text) if not _title_like(text[s:e]))  # "one country, two systems"
    found = [m for m in found if not (slogans.covers(m.start, m.end)
                                      and not any(ch.isdigit() for ch in text[m.start:m.end]))]
    titles = SpanIndex(titled)
    found = [m for m in found if not titles.covers(m.start, m.end)]
    found = [m for m in found if not article.is_metadata(m.start)]
    fiscal = SpanIndex(fiscal_end_spans(article.text))  # "whose fiscal year ends on June 30" says when, of no event
    found = [m for m in found if not fiscal.holds(m.start)]
    return resolve_overlaps(found)


def _title_like(quoted: str) -> bool:
    """True for quoted words that read as a title or a slogan (nearly every word capitalised or a figure)."""
    words = re.findall(r"[\w’']+", quoted)
    return bool(words) and sum(w[0].isupper() or w[0].isdigit() for w in words) >= max(2, len(words) - 1)


@lru_cache(maxsize=64)
def _short_quoted(text: str) -> tuple[tuple[int, int], ...]:
    """Short quoted phrases (titles, slogans): numbers inside them are part of a name (cached: four passes of a
    draft read them)."""
    return tuple((m.start(), m.end()) for m in re.finditer(r"[\"“‘]([^\"“”‘’\n]{1,60})[\"”’](?!\w)", text)
                 if len(m.group(1).split()) <= 8)


def _attach_scopes(article: Article, mentions: list[Mention]) -> tuple[list[Mention], dict]:
    """Year dates scope the figures of their sentence instead of being claims of their own.

    A fronted "In 2024," or "By 2024," scopes every figure of the sentence; a year later in the
    sentence ("a GDP of 11.5 trillion yuan in 2024") scopes the figure just before it.  "Since 2014" starts
    the period of the figures after it, and stays a claim.
    """
    scopes: dict[tuple[int, int], dict] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(article.sentence_index(m.start), []).append(m)
    drop: set[int] = set()
    for items in by_sentence.values():
        figures = [m for m in items if m.kind in NUMERIC]
        if not figures:
            continue
        for d in items:
            if d.kind == "date" and d.extras.get("period"):
                # "in the second quarter of 2024", "in fiscal 2025": the period of the figures it follows (or, fronted,
                # of all the sentence's figures), not a claim of its own
                fronted = article.text.startswith(",", d.end) and all(f.start > d.end for f in figures)
                before = [f for f in figures if f.end <= d.start and d.start - f.end <= 60]
                targets = figures if fronted else before[-1:]
                if targets:
                    drop.add(id(d))
                for f in targets if "date" in d.value and d.value["relation"] == "on" else ():
                    scopes.setdefault((f.start, f.end), {"start": d.value["date"], "end": d.value["end"]})
                continue
            if d.kind != "date" or "date" not in d.value or "-" in d.value["date"] or "end" in d.value:
                continue
            if d.extras.get("scopable"):
                # "In 2024, ..." / "Notably, by 2024, ...": a fronted year scopes the figures after it
                fronted = article.text.startswith(",", d.end) and all(f.start > d.end for f in figures)
                before = [f for f in figures if f.end <= d.start and d.start - f.end <= 60]
                targets = figures if fronted else before[-1:]
                if not targets:
                    continue
                drop.add(id(d))
                for f in targets:
                    scopes[(f.start, f.end)] = {"as_of": d.value["date"]}
            elif d.value["relation"] == "since":
                for f in figures:
                    if f.start > d.start and f.kind in ("quantity", "percentage"):
                        scopes.setdefault((f.start, f.end), {"start": d.value["date"]})
    return [m for m in mentions if id(m) not in drop], scopes


def _distribute_lists(article: Article, proposer: KeyProposer, mentions: list[Mention]) -> list[Mention]:
    """"A, B and C reached 1%, 2% and 3%, respectively" and "making them the top three" name their subjects."""
    out: list[Mention] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(article.sentence_index(m.start), []).append(m)
    for index, items in by_sentence.items():
        sentence = article.sentences[index]
        text = article.text
        names = proposer.names_in(index)
        respectively = "respectively" in text[sentence.start:sentence.end].lower()
        for kind in {m.kind for m in items}:
            same = [m for m in items if m.kind == kind]
            if respectively and len(same) >= 2:
                listed = [n for n in names if n.end <= same[0].start][-len(same):]
                if len(listed) == len(same) and _is_list(text, listed):
                    for m, n in zip(same, listed):
                        out.append(_with(m, subject_hint=n.name))
                    continue
            for m in same:
                top = m.value.get("top") if kind == "rank" else None
                cues = list(_LIST_CUE.finditer(text, sentence.start, m.start))
                cue = cues[-1] if cues else None
                if top and top > 1 and cue:
                    listed = [n for n in names if n.end <= cue.start()][-top:]
                    if len(listed) == top and _is_list(text, listed):
                        out.extend(_with(m, subject_hint=n.name) for n in listed)
                        continue
                out.append(m)
    return out


_AMBIGUOUS_MARKS = word_set("ambiguous_unit_marks", lower=False)


def _ambiguous_mark(written: str) -> bool:
    """True for a figure whose unit is a lone letter of several meanings ("121,347,491 m")."""
    parts = written.rsplit(None, 1)
    return len(parts) == 2 and parts[1] in _AMBIGUOUS_MARKS and any(ch.isdigit() for ch in parts[0])


def _listed_places(mentions: list[Mention], frames: dict) -> dict:
    """"12 people in Harris County, 7 in Fort Bend County and 3 in Galveston": each later member's frame is the
    first one's with its own place (the parse of such an ellipsis seldom says what "7" counts)."""
    out = dict(frames)
    for m in mentions:
        listed = m.extras.get("listed")
        if not listed or (lead := frames.get(listed[:2])) is None:
            continue
        lead_frame = lead.frame
        qualifiers = {**lead_frame.qualifiers, "place": slug(listed[2])}
        out[(m.start, m.end)] = FrameReading(lead_frame.model_copy(update={"qualifiers": qualifiers}), lead.confidence)
    return out


def _is_list(text: str, names) -> bool:
    """True when the names are separated by list punctuation only ("A, B, and C"; "A at 1%, followed by B")."""
    for a, b in zip(names, names[1:]):
        between = text[a.end:b.start]
        if len(between) > 40 or not re.search(r",|\band\b|\bor\b", between):
            return False
    return True


def _with(m: Mention, **changes) -> Mention:
    fields = {f: getattr(m, f) for f in m.__dataclass_fields__}
    fields.update(changes)
    return Mention(**fields)


# ---------------------------------------------------------------------------------------- quotes and names


def _quote_mentions(article: Article) -> list[Mention]:
    out = []
    for q in article.quotations:
        if q.speaker is None:
            continue
        words = q.words(article.text)
        value = {"kind": "quote", "speaker": slug(q.speaker), "words": words}
        out.append(Mention("quote", q.words_start, q.words_end, value, subject_hint=q.speaker,
                           review=q.speaker_confidence < 0.6, extras={"quote_span": (q.start, q.end)}))
    return out


def _name_mentions(article: Article) -> list[Mention]:
    """People (name, role, affiliation), organisations and titles in quotes, each distinct name once per property."""
    text = article.text
    seen: set[tuple[str, str, str]] = set()
    out: list[Mention] = []

    def add(start: int, end: int, name: str, subject: str, prop: str):
        key = (subject, prop, name)
        if key not in seen and name.strip():
            seen.add(key)
            out.append(Mention("name", start, end, {"kind": "name", "name": name}, subject_hint=subject,
                               property_hint=prop))

    people = find_people(text)
    longest: dict[str, str] = {}  # each word of a person's name -> the longest name with it (the first of a tie)
    for q in people:
        for word in q.name.split():
            if word not in longest or len(q.name) > len(longest[word]):
                longest[word] = q.name
    for p in people:
        full = longest.get(p.name.split()[-1], p.name)
        if len(p.name.split()) >= 2:
            add(p.start, p.end, p.name, full, "name")
        if p.role and p.role_span and len(p.name.split()) >= 2:
            add(*p.role_span, p.role, full, "role")
        if p.affiliation and p.affiliation_span:
            add(*p.affiliation_span, p.affiliation, full, "affiliation")
    for n in article.names:
        if any(p.search(text[article.paragraphs[article.paragraph_at(n.start)][0]:n.end]) for p in _BOILERPLATE):
            continue
        if is_organisation(n.name) and len(n.name.split()) >= 2:
            add(n.start, n.end, n.name, n.name, "name")
        acronym = re.match(r"\s*\(([A-Z]{2,8})\)", text[n.end:n.end + 12])
        if acronym and len(n.name.split()) >= 2:
            add(n.end + acronym.start(1), n.end + acronym.end(1), acronym.group(1), n.name, "name")
    organisations = SpanIndex((n.start, n.end) for n in article.names if is_organisation(n.name))
    for at, person in article.mentioned_people:  # people named without a title: "Kenyan Brigid Kosgei", "Dimi Organa, chair"
        start = text.find(person, at)
        inside = organisations.covers(start, start + len(person))
        if " " in person and not article.is_metadata(at) and not inside:
            add(start, start + len(person), person, person, "name")
    for s, e in _short_quoted(text):
        inner = text[s + 1:e - 1]
        words = inner.split()
        if words and sum(w[0].isupper() or w[0].isdigit() for w in words) >= max(2, len(words) - 1):
            add(s + 1, e - 1, inner, inner, "name")
    return out


# ---------------------------------------------------------------------------------------- quotes of claims


_BREAK = re.compile(r"[;:—–]|\s\(|,\s")


def quote_span(article: Article, start: int, end: int, limit: int = 220) -> tuple[int, int]:
    """The span to quote for a value at [start, end): its sentence, or its clause when the sentence is long."""
    sentence = article.sentence_at(start)
    s, e = sentence.start, max(sentence.end, end)
    if e - s > limit:
        left = [m.end() for m in _BREAK.finditer(article.text, max(s, start - 140), start)]
        right = [m.start() for m in _BREAK.finditer(article.text, end, min(e, end + 100))]
        s = left[0] if left and start - left[0] > 25 else (left[-1] if left else max(s, start - 140))
        e = right[-1] if right and right[-1] - end > 20 else (right[0] if right else min(e, end + 100))
        s = min(s, start)
        e = max(e, end)
        while s > sentence.start and article.text[s - 1].isalnum():
            s -= 1
        while e < sentence.end and article.text[e].isalnum():
            e += 1
    text = article.text
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e
