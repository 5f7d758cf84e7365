"""Intervals between two events: "PSG doubled their lead just 10 minutes later", "an aftershock came 11 minutes later".

A count of a time unit before "later" or "earlier" (the parse hangs it on the adverb, the adverb on its verb) is the
time between the event told before and the one its clause tells: a figure of its own, measured as `interval` and
keyed by that event.  The event is the lexicon's name for the verb (with its object: "double lead" is a `goal`,
`frame_interval_events`), else the verb's lemma with its subject ("follow", "williams").  Nothing in the sentence says
which earlier event the interval counts from, so a match of two is at most a warning.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

from crosscheck.extract.frames import FrameReading
from crosscheck.extract.names import slug
from crosscheck.model.frame import Frame
from crosscheck.text.lexicon import section, word_set

INTERVAL_CONFIDENCE = 0.55
"""Below 0.6: which earlier event an interval counts from is not read, so a conflict is at most a warning."""
_NOUNS = {"NOUN", "PROPN"}


@cache
def _events() -> dict[str, str]:
    table = cast("dict[str, list[str]]", section("frame_interval_events"))
    return {str(phrase): str(event) for event, phrases in table.items() for phrase in phrases}


@cache
def _cues() -> frozenset[str]:
    return word_set("frame_interval_cues", lower=False)


def read_interval_frame(span: Any) -> FrameReading | None:
    """The frame of a count of time units that is an interval between two events, or None when it is not one."""
    unit = next((t for t in span if t.dep_ == "npadvmod"), None)
    if unit is None:
        unit = next((t.head for t in span if t.dep_ == "nummod" and t.head.dep_ == "npadvmod"), None)
    if unit is None or unit.head.lower_ not in _cues() or unit.head.dep_ != "advmod":
        return None
    verb = unit.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prt") or (c.dep_ == "advmod" and c.lower_ in ("in", "home"))]
    phrases = [f"{lemma} {c.lemma_.lower()}" for c in objects] + [lemma]
    event = next((_events()[p] for p in phrases if p in _events()), None)
    subject = None
    if event is None:  # "an aftershock came 11 minutes later": the aftershock's coming; "Williams followed": hers
        event = lemma
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _NOUNS), None)
        if subj is not None and subj.pos_ == "NOUN":
            event = f"{subj.lemma_.lower()} {lemma}"
        elif subj is not None:
            subject = slug(" ".join(t.text for t in subj.subtree if t.pos_ == "PROPN"))
    frame = Frame(measure="interval", subject=subject or None, qualifiers={"until": slug(event)})
    return FrameReading(frame, INTERVAL_CONFIDENCE)
