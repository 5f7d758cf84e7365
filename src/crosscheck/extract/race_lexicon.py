"""The race and margin word lists of the lexicon (`race_*`, `margin_*`) as lookup tables, and the record a phrase
names ("the previous world mark" -> world-record).

Kept apart from `frame_lexicon` so these readings grow without touching the figure frames' lists; the words
stay in the project's one lexicon file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.text.lexicon import section


def _words(name: str) -> tuple[str, ...]:
    words = section(name)
    assert isinstance(words, list), name
    return tuple(str(w).lower() for w in words)


@dataclass(frozen=True)
class RaceWords:
    """The lexicon's race and margin word lists, as lookup tables."""

    marks: dict[str, str]
    """A record phrase ("course record") -> the mark it names ("course-record")."""
    generic_marks: tuple[str, ...]
    previous_marks: frozenset[str]
    event_nouns: frozenset[str]
    story_words: tuple[str, ...]
    split_cues: tuple[str, ...]
    off_verbs: frozenset[str]
    win_cues: tuple[str, ...]
    gap_ahead: tuple[str, ...]
    gap_behind: tuple[str, ...]
    lead_cues: frozenset[str]
    descriptions: frozenset[str]
    finish_cues: tuple[str, ...]


@cache
def race_words() -> RaceWords:
    marks = section("race_marks")
    assert isinstance(marks, dict)
    return RaceWords(
        marks={str(p).lower(): str(mark) for mark, phrases in marks.items() for p in phrases},
        generic_marks=_words("race_generic_marks"), previous_marks=frozenset(_words("race_previous_marks")),
        event_nouns=frozenset(_words("race_event_nouns")), story_words=_words("race_story_words"),
        split_cues=_words("race_split_cues"), off_verbs=frozenset(_words("margin_off_verbs")),
        win_cues=_words("margin_win_cues"), gap_ahead=_words("margin_gap_ahead"),
        gap_behind=_words("margin_gap_behind"), lead_cues=frozenset(_words("margin_lead_cues")),
        descriptions=frozenset(_words("race_descriptions")), finish_cues=_words("margin_finish_cues"))


def mark_in(text: str, last: bool = False) -> str | None:
    """The record a phrase names ("the previous world mark" -> world-record); "record" for a bare "the old mark".

    `last`: the one named nearest the end (the words just before a figure), else the first.
    """
    low = " " + re.sub(r"[^\w'-]+", " ", re.sub(r"[’']s\b", "'s", text.lower())) + " "
    words = race_words()
    found = [((-low.rfind(f" {p} ") if last else low.find(f" {p} ")), -len(p), mark)
             for p, mark in words.marks.items() if f" {p} " in low]
    if found:
        return min(found)[2]
    return "record" if any(f" {w} " in low for w in words.generic_marks) else None


def division_in(text: str) -> str | None:
    """The division a phrase names ("the previous women's world record" -> women), if any."""
    divisions = frame_lexicon().divisions
    return next((divisions[w] for w in re.findall(r"[\w’']+", text.lower()) if w in divisions), None)
