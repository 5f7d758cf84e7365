"""Margins and improvements: durations keyed by what they are the margin of.

"broke the world record by 34 seconds", "shaved almost a minute off the world record" and "wiped off 34
seconds" (against the world mark) are one fact, the record's improvement (`record-margin`, `mark:
world-record`); "improved on his own timing by 50 seconds" is another (`mark: personal-best`).  "His winning
margin was almost three and a half minutes" and "won by 3:27" are the winner's `winning-margin`; "3min 27sec
ahead of Kipruto" and "Kipruto, three minutes and 27 seconds behind Kiptum" are one `gap` (the leader as
subject, `behind:` the other).  A lead during the race ("led by 90 seconds at halfway") is no result and is
not drafted.  Vague durations read as intervals: "almost a minute" is [0.9, 1) minutes, "more than two
hours" above 120 minutes.  Only durations in these contexts are drafted here: a duration anywhere else is
the dates' and the race times' business.
"""

from __future__ import annotations

import re
from typing import Any

from crosscheck.extract.article import Article
from crosscheck.extract.frames import FrameReading
from crosscheck.extract.mention import Mention
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.performers import (
    INFERRED,
    STORY,
    SURE,
    Performer,
    antecedent,
    event_of,
    governing_verb,
    is_story,
    performer,
    person_id,
)
from crosscheck.extract.race_lexicon import division_in, mark_in, race_words
from crosscheck.model.frame import Frame
from crosscheck.text.lexicon import alternation, lexicon

_IN_MINUTES = {"s": 1 / 60, "m": 1.0, "h": 60.0}
_UNIT = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)"
_AMOUNT = rf"(?:{NUMBER}|[a-z]+-and-a-half|half\s+an?|an?)"
_PART = rf"(?:{_AMOUNT})[\s-]*{_UNIT}\b(?:\s+and\s+a\s+half\b)?"
_PART_PARSE = re.compile(
    rf"(?P<n>{_AMOUNT})[\s-]*(?P<u>{_UNIT})\b(?P<half>\s+and\s+a\s+half\b)?", re.I)
_APPROX = lexicon().approximators
_DURATION = re.compile(
    rf"(?<![\w:.-])(?:(?P<approx>(?i:slightly\s+more\s+than|{alternation(_APPROX)}))\s+)?"
    rf"(?P<dur>(?i:{_PART}(?:(?:,\s*|\s+and\s+|\s+){_PART}){{0,2}}))")
_CLAUSE_BREAK = re.compile(r"[;:—–(]|,\s")


def duration_minutes(text: str) -> float | None:
    """The length in minutes of "three minutes and 27 seconds", "3min 27sec", "one-and-a-half minutes"; None when
    the parts are not in falling order (a list of durations, not one)."""
    total, last = 0.0, 1e9
    for m in _PART_PARSE.finditer(text):
        n = m["n"].lower()
        amount = 1.0 if n in ("a", "an") else 0.5 if n.startswith("half") else float(parse_number(n))
        factor = _IN_MINUTES[m["u"][0].lower()]
        if factor >= last:
            return None
        last = factor
        total += (amount + (0.5 if m["half"] else 0)) * factor
    return round(total, 4) if total else None


def _kind(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[str, str, str] | None:
    """(margin kind, side, the words that name its record) of the duration at [start, end); None when no margin."""
    words = race_words()
    before = text[sentence_start:start].lower()
    after = text[end:sentence_end].lower()
    found = _kind_of(words, before, after)
    if found is None or mark_in(found[2]) != "record":
        return found
    specific = [t for t in (before, after) if mark_in(t) not in (None, "record")]
    return (found[0], found[1], specific[0]) if specific else found  # "beating the old mark" of the world record


def _kind_of(words: Any, before: str, after: str) -> tuple[str, str, str] | None:
    """`_kind` from the sentence's words before and after the duration, lower case."""
    clause = before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0):]
    if any(w in words.lead_cues for w in re.findall(r"\w+", clause)):
        return None  # "led the field by 90 seconds": a lead on the way, not a result
    if re.search(r"\bby\s*$", before):
        if any(before.rstrip().endswith(c) for c in words.win_cues if c.endswith(" by")):
            return "win", "leader", ""
        named = clause if mark_in(clause) else before[-120:]
        return ("record", "leader", named) if mark_in(named) else None
    off_before = re.search(rf"\b(?:{alternation(words.off_verbs)})\s+(?:off\s+)?$", before)
    if off_before or after.startswith(" off "):
        off = next((t for t in (after[:60], after[:120], clause) if mark_in(t)), None)
        return ("record", "leader", off) if off else None
    if any(re.search(rf"\b{re.escape(c)}\s+(?:was|is|of|stood at)?\s*$", before) for c in words.win_cues):
        return "win", "leader", ""
    for cue in words.gap_ahead:
        if after.startswith(f" {cue} "):
            named = after[len(cue) + 1:len(cue) + 40]
            return ("record", "leader", named) if cue.endswith("than") and mark_in(named) else ("gap", "leader", "")
    for cue in words.gap_behind:
        if re.match(rf" {re.escape(cue)}\b", after):
            if cue == "later" and not any(re.search(rf"\b{re.escape(f)}\b", clause) for f in words.finish_cues):
                return None  # "two hours later, police arrived": a time between events, not between finishers
            return "gap", "later" if cue == "later" else "trailer", ""
    if after.startswith((" under ", " inside ")) and mark_in(after[:40]):
        return "record", "leader", after[:40]
    return None


def extract_margins(article: Article) -> list[Mention]:
    """Every duration stated as a margin: of a record, of a win, between two performers."""
    text = article.text
    found: list[Mention] = []
    for m in _DURATION.finditer(text):
        if article.is_metadata(m.start()):
            continue
        amount = duration_minutes(m["dur"])
        sentence = article.sentence_at(m.start())
        kind = _kind(text, m.start(), m.end(), sentence.start, sentence.end) if amount else None
        if kind is None or amount is None:
            continue
        approx = _APPROX.get(" ".join(m["approx"].lower().split()), "over") if m["approx"] else "exact"
        start = m.start()
        if re.search(r"\bby\s+$", text[max(0, start - 4):start]):
            start = text.rindex("by", 0, start)  # "by over a minute": a margin, not the dates' "over a minute"
        value = {"kind": "duration", "amount": amount, "unit": "minute", "approx": approx}
        found.append(Mention("duration", start, m.end(), value,
                             extras={"timing": "margin", "margin": kind[0], "side": kind[1],
                                     "mark": mark_in(kind[2], last=True), "division": division_in(kind[2])}))
    return found


def _other(article: Article, doc: Any, figure_end: int) -> str | None:
    """The other performer of a gap: the first person named just after the figure ("ahead of compatriot X")."""
    for t in doc[figure_end:min(len(doc), figure_end + 8)]:
        if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ in ("", "ORG", "GPE", "NORP")
                                       and t.i + 1 < len(doc) and doc[t.i + 1].pos_ != "PROPN"):
            run = t
            while run.i + 1 < len(doc) and doc[run.i + 1].ent_type_ == "PERSON" and doc[run.i + 1].ent_iob_ == "I":
                run = doc[run.i + 1]
            name = doc[t.i:run.i + 1].text if t.ent_type_ == "PERSON" else t.text
            return person_id(article, name)
    return None


def read_margin_frame(article: Article, span: Any, mention: Mention,
                      anchor: tuple[int | None, int | None]) -> FrameReading | None:
    """The frame of a margin; None when the text does not say whose it is."""
    doc, figure = span.doc, span.root
    sentence = article.sentence_at(mention.start)
    kind, side = mention.extras["margin"], mention.extras["side"]
    who = performer(article, doc, [figure], sentence.start, direct=False)
    if kind == "gap" and side != "leader":
        near = antecedent(article, doc, span.start, sentence.start)  # "Kipruto, three minutes behind Kiptum"
        if near is not None and not near[1]:
            who = Performer(person_id(article, near[0]), False)
    if who is None:
        return None
    qualifiers: dict[str, str] = {}
    subject: str | None = who.id
    if kind == "record":
        measure = "record-margin"
        qualifiers["mark"] = mention.extras["mark"]
        if mention.extras.get("division"):
            qualifiers["division"] = mention.extras["division"]
        event, _ = event_of([governing_verb(figure)])
        if event and event != STORY and not is_story(article, event):
            qualifiers["event"] = event
    elif kind == "win":
        measure = "winning-margin"
    else:
        measure = "gap"
        other = _other(article, doc, span.end) if side != "later" else None
        if side == "leader" and other:
            qualifiers["behind"] = other
        elif side == "trailer" and other:
            subject, qualifiers["behind"] = other, who.id
        elif side == "later":
            subject, qualifiers["behind"] = None, who.id
        else:
            return None
    frame = Frame(measure=measure, subject=subject, qualifiers=qualifiers)
    return FrameReading(frame, INFERRED if who.inferred else SURE)
