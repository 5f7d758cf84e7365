"""Who said a quotation: the speaker's name in the words that attribute it.

An attribution is a phrase next to a speech verb ("said", "told", "saying",
from the lexicon): the words before the verb when it follows the name ("Adnoc
chief executive Sultan Ahmed Al Jaber said"), the words after it when it leads
("said Lena Berg, the project director"; "stated Prof. Ogoina").  The speaker
is the person-like run of capitalised words in that phrase (initials and
particles such as "al" or "van" allowed, courtesy titles and job titles such as
"Dr." or "Judge" dropped), or a pronoun, resolved by the caller.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import cast

from crosscheck.text.lexicon import alternation, lexicon, section, word_set

_LEX = lexicon()
_PARTICLE = r"(?:al|el|bin|ibn|de|del|da|di|van|von|der|den|du|le|la|dos|das)"
_WORD = r"(?:[A-Z]\.|[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)"
RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t-]+)?{_WORD})*")
"""A run of capitalised words, with initials ("A.") and name particles ("al", "van")."""


@cache
def speech_verbs() -> str:
    """The regex alternation of speech verbs: the lexicon's, and their forms that lead a quotation."""
    extra = cast(list[str], section("speech_verbs_more"))
    return alternation([v for v in _LEX.speech_verbs if v != "according to"] + extra)


@cache
def _titles() -> frozenset[str]:
    words = {str(w).rstrip(".").lower() for w in cast(list[str], section("person_titles_dropped"))}
    return frozenset(words | {w.lower() for t in _LEX.titles for w in t.split()})


@cache
def _not_names() -> frozenset[str]:
    return word_set("name_given_words_only")


def pronoun(phrase: str) -> bool:
    """True when the attributing phrase is a pronoun ("he", "She", "they also")."""
    first = phrase.strip().split(" ", 1)[0].lower() if phrase.strip() else ""
    return first in _LEX.pronouns


def person_runs(phrase: str) -> list[str]:
    """Person-like names in a phrase: titles dropped, organisations and lone titles left out."""
    out = []
    for m in RUN.finditer(phrase):
        words = m.group().split()
        cut = [k for k, w in enumerate(words) if w.rstrip(".").lower() in _titles() or w.lower() in _not_names()
               or w.endswith(("'s", "’s")) or w.lower().rstrip(".") in _LEX.organisation_heads or len(w.rstrip(".")) == 1
               and k == 0 or w.startswith(("I'", "I’"))]  # "I'm", "I've": the speaker's own voice, no name
        if cut:  # "U.S. District Judge Lewis Kaplan", "Congress Kaplan": the name is what follows the last title
            words = words[cut[-1] + 1:]
        if words and not _organisation(words) and not (len(words) == 1 and (words[0].isupper() or len(words[0]) < 3)):
            out.append(" ".join(words))
    return out


def _organisation(words: list[str]) -> bool:
    return words[-1].lower().rstrip(".") in _LEX.organisation_heads or all(w.isupper() for w in words)


def speaker_before_verb(phrase: str) -> str | None:
    """The speaker in the words before a speech verb ("Adnoc chief executive Sultan Ahmed Al Jaber")."""
    if pronoun(phrase.split(",")[-1]) or pronoun(phrase):
        return phrase.strip().split(" ", 1)[0].lower()
    runs = person_runs(phrase)
    multi = [r for r in runs if " " in r or "-" in r]
    if multi:  # "Speaking about the deal, Markus Steilemann, CEO of Covestro,": the full name, not "Speaking"
        return multi[-1]
    core = re.sub(r",[^,]*,?\s*$", "", phrase) if phrase.count(",") >= 1 and phrase.rstrip().endswith(",") else phrase
    last = re.findall(r"[\w'’.-]+", core)
    if last and last[-1][0].islower():
        return None  # "the German company said": a description, not a person
    return runs[-1] if runs else None


def speaker_after_verb(phrase: str) -> str | None:
    """The speaker in the words after a speech verb ("said Sultan Ahmed al-Jaber, ADNOC's group CEO")."""
    if pronoun(phrase):
        return phrase.strip().split(" ", 1)[0].lower()
    runs = person_runs(phrase)
    multi = [r for r in runs if " " in r or "-" in r]
    if multi:
        return multi[0]
    return runs[0] if runs else None


def mentioned_people(text: str) -> list[tuple[int, str]]:
    """People named in running text, by offset: full names, hyphenated names, names after "Mr." or "Dr.", and
    surnames of people named in full elsewhere in the text ("Kiptum" after "Kelvin Kiptum"), and one-word names
    the text repeats."""
    found: list[tuple[int, str, bool]] = []
    for m in RUN.finditer(text):
        titled = m.group().split()[0].rstrip(".").lower() in _titles()
        found.extend((m.start(), name, titled) for name in person_runs(m.group()))
    surnames = {name.split()[-1] for _, name, _ in found if " " in name}
    repeated = {name for name, count in Counter(name for _, name, _ in found).items() if count >= 2}
    return [(at, name) for at, name, titled in found
            if " " in name or "-" in name or titled or name in surnames or name in repeated]


def pronouns() -> tuple[str, ...]:
    """The pronouns a speaker can be ("he", "she", "they"), lower case."""
    return _LEX.pronouns
