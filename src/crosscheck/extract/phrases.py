"""Small shared readers of the words around a value: approximators before it, the noun phrase after it."""

from __future__ import annotations

import re

from crosscheck.extract.mention import looks_plural, singular
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_APPROX_BEFORE = re.compile(rf"(?:^|(?<=[^\w]))(?P<word>{alternation(_LEX.approximators)})\s+$", re.I)
_APPROX_AFTER = re.compile(rf"\s*(?P<word>{alternation(w for w in _LEX.suffix_approximators if w != '+')})\b", re.I)

STOP = frozenset(
    """a an the of in on at by for from to with without and or but nor as than that which who whom whose this these
    those its their his her our your my is are was were be been being has have had will would can could may might
    shall should do does did not no across into onto over under between among per each every while when where
    after before since until during through about around via including such like respectively according""".split()
)
_TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z&'’\-]*[A-Za-z])?")  # a closing quote after a word is not part of it


def approximator_before(text: str, start: int) -> tuple[str | None, int]:
    """The approximator ending just before `start` ("more than 200") and where it begins; (None, start) if none."""
    window_start = max(0, start - 40)
    m = _APPROX_BEFORE.search(text, window_start, start)
    if not m:
        return None, start
    return _LEX.approximators[" ".join(m["word"].lower().split())], m.start("word")


def approximator_after(text: str, end: int) -> tuple[str | None, int]:
    """A suffix approximator starting at `end` ("600 or more") and where it ends; (None, end) if none."""
    m = _APPROX_AFTER.match(text, end, min(len(text), end + 20))
    if not m:
        return None, end
    return _LEX.suffix_approximators[" ".join(m["word"].lower().split())], m.end("word")


def in_headline(text: str, pos: int) -> bool:
    """True when the line holding `pos` is a Title Case headline ("Retailer To Cut 3,500 Jobs After Slump")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    words = _TOKEN.findall(line)
    if len(words) < 3 or re.search(r"[.!?][\"”’']?\s+\S", line.rstrip()):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def noun_phrase_after(text: str, pos: int, max_tokens: int = 5, headline: bool = False) -> tuple[str | None, str | None, int]:
    """The counted noun phrase starting at `pos`: ("leading companies", "company", end) or (None, None, pos).

    Reads up to `max_tokens` words, stopping at a function word or punctuation; the head is the first word
    that reads as a plural noun (so "projects aimed at" gives "projects"). No plural head, no phrase.
    In a `headline` every word is capitalised: a capitalised plural is the head only where the noun
    phrase plainly ends after it (a function word, punctuation or the end of the line), since a
    capitalised plural followed by more words is as likely a verb ("Apollo 11 Anniversary Draws Crowds").
    """
    if headline:
        return _headline_noun_phrase(text, pos, max_tokens)
    tokens: list[re.Match] = []
    cursor = pos
    while len(tokens) < max_tokens:
        m = re.compile(r"[ \t]+").match(text, cursor)
        if not m and tokens:
            break
        cursor = m.end() if m else cursor
        t = _TOKEN.match(text, cursor)
        if t and tokens and t.group().lower() in ("and", "or") and not looks_plural(tokens[-1].group()):
            cursor = t.end()  # "domestic and international academic institutions"
            continue
        if not t or t.group().lower() in STOP:
            break
        tokens.append(t)
        cursor = t.end()
        if looks_plural(t.group()) and t.group()[0].islower():
            break
    for t in tokens:
        word = t.group()
        if looks_plural(word) and word[0].islower():
            return text[tokens[0].start():t.end()], singular(word.rstrip("'’")), t.end()
    return None, None, pos


def _headline_noun_phrase(text: str, pos: int, max_tokens: int) -> tuple[str | None, str | None, int]:
    cursor = pos
    first = None
    for _ in range(min(max_tokens, 3)):
        space = re.compile(r"[ \t]+").match(text, cursor)
        if not space:
            break
        t = _TOKEN.match(text, space.end())
        if not t or t.group().lower() in STOP:
            break
        first = first if first is not None else t.start()
        cursor = t.end()
        if looks_plural(t.group()):
            after = re.compile(r"[ \t]*(?P<next>[A-Za-z][\w'’-]*|[^\w\s]|\n|$)").match(text, cursor)
            ends = after is None or not after["next"] or not after["next"][0].isalpha() or after["next"].lower() in STOP
            if ends and first is not None:
                return text[first:t.end()], singular(t.group().rstrip("'’")), t.end()
            break
    return None, None, pos


def content_words(text: str) -> list[str]:
    """Lower-case words of `text` without function words (for keys and similarity)."""
    return [w.lower().strip("'’-") for w in _TOKEN.findall(text) if w.lower() not in STOP and len(w) > 1]
