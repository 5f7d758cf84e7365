"""A bare figure in a Title Case headline: "Storm Leaves 40,000 Without Power", "As 8,000 Walk Out".

Headlines drop the counted noun and capitalise every word, so neither the noun after a figure nor
the case of the words around it says whether a figure counts something or labels it ("Model 16 At
Autumn Event", "Apollo 11 Anniversary").  The general rules of headline writing do:

- a figure after a function word starts the headline's clause ("As 8,000 Walk Out", "After 40 Flee"):
  it is the subject, a count;
- a figure before a function word, a dash, a colon or the end of the line ends a noun phrase: it is
  a count when it follows a verb (`headline_verb`: a word in -s or -ed that does not open the
  headline, "Leaves", "Strands"; or one after "To" or a modal, "To Cut") or is written with
  thousands separators or a scale word, which labels never are ("Top 1,000 In County"); after any
  other word it is a label ("Model 16 At Autumn Event");
- after a verb, the first capitalised plural within three words is what the figure counts, even
  when more capitalised words follow ("To Close 120 Branches Next Year", `object_noun`).

A figure glued to commas ("Man, 45, Charged") is an age or an aside, a year is a date, a number word
is no figure here.  What the figure counts is not written, so its claim is drafted without a unit
and compared at most as unsure (`draft.py` caps its confidence).
"""

from __future__ import annotations

import re

from crosscheck.extract.mention import looks_plural, singular
from crosscheck.extract.phrases import STOP
from crosscheck.text.lexicon import lexicon, word_set

_LEX = lexicon()
_WORD_BEFORE = re.compile(r"(?:^|(?<=[ \t]))(?P<word>[A-Z][A-Za-z'’]*)[ \t]+$")
_AFTER = re.compile(r"[ \t]*(?:(?P<word>[A-Za-z][A-Za-z'’]*)|(?P<mark>[:—–]|\s-\s|\n|$))")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_WORD_AT = re.compile(r"[A-Za-z][A-Za-z'’]*")
_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[A-Za-z][A-Za-z'’-]*)")
_VERB_LEADS = word_set("headline_verb_leads")


def _verb_in_s(word: str) -> bool:
    """A capitalised word that reads as a headline's present-tense verb: "Leaves", "Kills", "Tops"."""
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) \
        and low not in _LEX.singular_nouns_in_s and low not in _LEX.same_form_plurals


def headline_verb(text: str, start: int) -> bool:
    """True when the capitalised word at `start` of a headline reads as a verb: in -s or -ed ("Kills", "Hired"),
    or after "To" or a modal ("To Cut", "Will Shed"), and not the headline's first word.  Else it may name a
    series ("Gate 12", "Model 16")."""
    word = _WORD_AT.match(text, start)
    if word is None or not text[text.rfind("\n", 0, start) + 1:start].strip():
        return False  # a headline opens with its subject ("Windows 11 Update Delays Rollout"), not its verb
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    low = word.group().lower()
    return _verb_in_s(word.group()) or (low.endswith("ed") and len(low) > 4) or \
        (before is not None and before["word"].lower() in _VERB_LEADS)


def headline_count(text: str, num: str, start: int, end: int, scaled: bool) -> bool:
    """True when the bare figure `num` at [start, end) of a Title Case headline line counts something."""
    if not any(ch.isdigit() for ch in num) or _YEAR.match(num):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _AFTER.match(text, end)
    if before is None or after is None:
        return False  # "Man, 45, Charged": an age between commas; a headline opening with its figure is a list
    opener = before["word"].lower() in STOP
    follows_function = after["mark"] is not None or (after["word"] or "").lower() in STOP
    separated = "," in num or " " in num.strip() or scaled
    if opener:
        return True
    return follows_function and (separated or headline_verb(text, before.start("word")))


def object_noun(text: str, start: int, pos: int) -> tuple[str | None, str | None, int]:
    """The noun a headline verb's figure counts, when the noun phrase runs on into more capitalised words
    ("To Close 120 Branches Next Year"): the first plural within three words, read only after a verb, since
    after another word a capitalised plural is as likely the headline's own verb ("Apollo 11 Anniversary
    Draws Crowds").  Returns (thing, singular head, end) or (None, None, pos)."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None or not headline_verb(text, before.start("word")):
        return None, None, pos
    cursor, first = pos, None
    for _ in range(3):
        word = _NEXT_WORD.match(text, cursor)
        if word is None or word["word"].lower() in STOP:
            break
        first = word.start("word") if first is None else first
        cursor = word.end()
        if looks_plural(word["word"]):
            return text[first:cursor], singular(word["word"].rstrip("'’")), cursor
    return None, None, pos
