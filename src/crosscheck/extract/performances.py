"""Race and finish times keyed by the performance they time: the performer, the event, and what the time is.

"set a new course record of 2:01:27 at the London race in April", "clocked 2:01:25 at the London Marathon in
April" and "a 2:01:25 course record win in London last April" time one performance, so they share a frame:
measure `race-time`, the performer as subject, and the event (`event: london`) with its period.  What else the
time is called (winning time, course record) does not split it.  A time whose sentence names no event is of
the story's own race, unless the text calls it a record (a world record, a personal best): a record is a mark
of its own race, keyed by the mark (`mark: world-record`, with its division), and an old or previous record is
`previous`.  A split ("through halfway in 1:00:48") is keyed by its point.  A time whose performer the text
does not give is drafted with a frame only when it is a named record.  Who and where are read by `performers`;
margins ("by 34 seconds", "3min 27sec ahead of") by `margins`.
"""

from __future__ import annotations

import re
from typing import Any

from crosscheck.extract.article import Article
from crosscheck.extract.frame_time import period_of
from crosscheck.extract.frames import FrameReading
from crosscheck.extract.margins import read_margin_frame
from crosscheck.extract.mention import Mention
from crosscheck.extract.performers import (
    INFERRED,
    STORY,
    SURE,
    Performer,
    event_name,
    event_of,
    governing_verb,
    is_story,
    performer,
)
from crosscheck.extract.race_lexicon import division_in, mark_in, race_words
from crosscheck.model.frame import Frame, Modality
from crosscheck.text.lexicon import lexicon

MONTHS = tuple(m for m in lexicon().months if len(m) > 3 or m == "may")
_SPLIT_POINT = re.compile(r"(?i)\b(\d+(?:\.\d+)?)\s?(km|k|kilomet(?:re|er)s?|miles?|mi)\b")


def read_timing_frame(article: Article, span: Any, mention: Mention,
                      anchor: tuple[int | None, int | None]) -> FrameReading | None:
    """The frame of a race time or a margin (`mention.extras["timing"]`); None when the text does not say whose."""
    if mention.extras.get("timing") == "margin":
        return read_margin_frame(article, span, mention, anchor)
    return read_race_frame(article, span, mention, anchor)


def timed_noun(figure: Any) -> Any | None:
    """The noun a time belongs to: "a course record of 2:01:27" -> record, "a 2:01:25 win" -> win."""
    noun = None
    if figure.dep_ == "pobj" and figure.head.lower_ == "of" and _noun(figure.head.head):
        noun = figure.head.head
    elif figure.dep_ in ("nummod", "compound", "amod", "nmod", "appos") and _noun(figure.head):
        noun = figure.head
    while noun is not None and noun.dep_ in ("poss", "compound", "nmod") and _noun(noun.head) and noun.head.i > noun.i:
        noun = noun.head  # "the 2:11:53 women's world record": the record, not the women
    return noun


def _noun(token: Any) -> bool:
    """A common noun, or a capitalised record word ("the 2:01:09 World Record")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and mark_in(token.text) is not None)


def period(figure: Any, attached: list[Any], anchor: tuple[int | None, int | None]) -> str | None:
    """The period of an event: a year ("2022"), else an unresolved month or relative label ("april", "last-year")."""
    tokens = [t for t in attached if t is not None]
    tokens += [t.head for t in tokens if t.dep_ in ("relcl", "advcl") and t.head.ent_type_ == "DATE"]
    # "in 1999, when Khannouchi won in 2:05:42": the day the clause hangs on
    dates = [d for d in _dates(figure.sent) if {d.root.i, d.root.head.i, d.root.head.head.i} & {t.i for t in tokens}]
    if dates:  # the nearest date in the time's own part of the sentence ("... last December, then 2:01:25 in London
        # in April")
        def distance(d: Any) -> tuple[bool, int]:
            low, high = sorted((d.root.i, figure.i))
            return any(t.text in (",", ";") for t in figure.doc[low:high]), abs(d.root.i - figure.i)

        tokens = [min(dates, key=distance).root]
    found = period_of(figure, tokens, anchor, [])
    if found and re.fullmatch(r"\d{4}-\d\d", found):
        return found[:4]  # one race a year: the month adds nothing, and another article may give only the year
    for t in tokens:
        if t.ent_type_ in ("EVENT", "GPE") and (year := re.search(r"\b(19|20)\d\d\b", " ".join(x.text for x in t.subtree))):
            return found or year.group(0)  # "the 2022 Berlin Marathon"
    return found


def _dates(sentence: Any) -> list[Any]:
    from spacy.tokens import Span  # loaded with the pipeline already

    doc, out = sentence.doc, []
    for token in sentence:
        if token.ent_iob_ == "B" and token.ent_type_ == "DATE":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            out.append(Span(doc, token.i, end, label="DATE"))
    return out


def _elsewhere(article: Article, sentence: Any) -> bool:
    """True when the sentence names a race or a time other than the story's, which its time may be of."""
    for ent in sentence.ents:
        placed = ent.label_ == "EVENT" or ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at", "from")
        if ent.label_ in ("EVENT", "GPE", "LOC", "FAC") and placed and (slug_ := event_name(ent)) \
                and not is_story(article, slug_):
            return True  # "won in Valencia", "the 2022 Berlin Marathon"; not "Abdi of Belgium"
        if ent.label_ == "DATE" and re.search(r"(?i)\b(?:19|20)\d\d\b|last|previous|earlier|ago|"
                                              + "|".join(MONTHS), ent.text):
            return True
    return False


def _split_point(window: str) -> str | None:
    """The point a split is timed at ("halfway", "30km"), when the words before the time name one."""
    low = window.lower()
    if not any(cue in low for cue in race_words().split_cues):
        return None
    if m := _SPLIT_POINT.search(window):
        return f"{m.group(1)}{m.group(2)[0].lower()}"
    return "halfway" if "half" in low else "split"


def _copula_person(article: Article, doc: Any, verb: Any | None, sentence_start: int) -> Performer | None:
    """ "A distant second in 2:04:02 was Benson Kipruto": the person a copula names, or whom "went to" names."""
    if verb is None:
        return None
    for c in verb.children:
        objects = [c] if c.dep_ == "attr" else [g for g in c.children if g.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_ == "go" else []
        for o in objects:
            found = performer(article, doc, [o], sentence_start, direct=False, only_self=True)
            if found is not None:
                return found
    return None


def read_race_frame(article: Article, span: Any, mention: Mention,
                    anchor: tuple[int | None, int | None]) -> FrameReading | None:
    """The frame of a race or finish time; None when the performer is unknown and the time is no named record."""
    doc, figure = span.doc, span.root
    sentence = article.sentence_at(mention.start)
    noun = timed_noun(figure)
    left = min(noun.left_edge.i, figure.i) if noun is not None else figure.left_edge.i
    right = max(noun.i, figure.i) + 1 if noun is not None else figure.i + 1
    phrase = doc[left:right].text
    mark = mark_in(phrase)
    previous = bool(set(re.findall(r"\w+", phrase.lower())) & race_words().previous_marks)
    verb = governing_verb(noun if noun is not None else figure)
    relative = [c for c in (noun.children if noun is not None else ()) if c.dep_ in ("relcl", "acl")]
    who = _copula_person(article, doc, verb, sentence.start) if verb is not None and verb.lemma_ in ("be", "go") \
        else None
    who = who or performer(article, doc, [figure, noun], sentence.start)
    event, event_token = event_of([figure, noun, verb, *relative])
    when = period(figure, [figure, noun, verb, event_token, *relative], anchor)
    named_event = event is not None
    if not named_event and not mark and _elsewhere(article, figure.sent):
        return None  # no race named with it, but another one in its sentence: whose race it is, the text does not say
    if event is not None and (event == STORY or (is_story(article, event) and when in (None, "this-year"))):
        event = None  # the race the article reports
    window = article.text[max(sentence.start, mention.start - 50):mention.start]
    qualifiers: dict[str, str] = {}
    modality: Modality = "reported"
    if (point := _split_point(window)) is not None:
        qualifiers["split"] = point
    if who is not None and (named_event or not mark or point):
        if event:
            qualifiers["event"] = event
    elif mark and (who is not None or mark != "record"):
        qualifiers["mark"] = mark
        if division := division_in(phrase):
            qualifiers["division"] = division
        if event:
            qualifiers["event"] = event
        modality = "previous" if previous else "reported"
    else:
        return None  # whose time it is, the text does not say, and it names no record
    confidence = SURE if who is not None and not who.inferred else INFERRED
    frame = Frame(measure="race-time", subject=who.id if who is not None else None, qualifiers=qualifiers,
                  period=when, modality=modality)
    return FrameReading(frame, confidence)
