"""A tally written as an ordinal of a title: "the victory was Sinner's fourth Grand Slam title", "his second
Olympic medal".  The ordinal counts the owner's titles of that kind so far: 4 titles, a fact of the owner
(measure `<kind>-<title>-count`, "grand-slam-title-count").  Another article's "his second Grand Slam title"
contradicts it; "his first Wimbledon title" counts another kind of title.

The owner is the possessor: a name ("Sinner's"), or "his"/"her"/"their" standing for the person named just
before (then inferred, a lower confidence).  A streak ("a fourth straight title") is the streaks' reading,
and an ordinal with no possessor ("the first title since 2019") says nothing of whose tally it is.  The title
nouns are the lexicon's `tally_titles`; the sentences are read from the article's one parse.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug
from crosscheck.extract.performers import INFERRED, SURE, antecedent, full_name, named_person
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon, section

_POSSESSIVES = frozenset({"his", "her", "their"})


@cache
def _pattern() -> re.Pattern[str]:
    titles = section("tally_titles")
    assert isinstance(titles, list)
    ordinals = alternation(lexicon().ordinals)
    # the ordinal, up to three capitalised or lower-case words of the kind, the title noun
    return re.compile(rf"\b(?P<ord>(?i:{ordinals}))\s+(?P<kind>(?:[\w'’.-]+\s+){{0,3}})"
                      rf"(?P<title>(?i:{alternation(str(t) for t in titles)}))\b")


def extract_title_tallies(article: Article) -> list[Mention]:
    """Every owned ordinal title of the article, as a count of the owner's titles of its kind."""
    text = article.text
    hits = [m for m in _pattern().finditer(text) if not article.is_metadata(m.start())]
    streak = set(time_words().streak_before)
    hits = [m for m in hits if not (set(m["kind"].lower().split()) & streak)]
    if not hits:
        return []
    indices = sorted({article.sentence_index(m.start()) for m in hits})
    docs = article.parsed(indices)
    found = []
    for m in hits:
        index = article.sentence_index(m.start())
        sentence, doc = article.sentences[index], docs[index]
        owner = _owner(article, doc, m.start() - sentence.start, sentence.start)
        if owner is None:
            continue
        person, confidence = owner
        kind = slug(f"{m['kind']} {m['title'].lower().rstrip('s')}")
        found.append(Mention("quantity", m.start(), m.end(),
                             {"kind": "quantity", "amount": lexicon().ordinals[m["ord"].lower()],
                              "unit": m["title"].lower().rstrip("s")},
                             subject_hint=person, property_hint=f"{kind}-count",
                             extras={"own_key": True, "confidence_cap": confidence}))
    return found


def _owner(article: Article, doc: Any, offset: int, sentence_start: int) -> tuple[str, float] | None:
    """(the person whose tally it is, how sure), from the possessor right before the ordinal."""
    before = [t for t in doc if t.idx < offset]
    if not before:
        return None
    last = before[-1]
    if last.lower_ in ("'s", "’s") and len(before) > 1 and (name := named_person(article, before[-2])) is not None:
        return full_name(article, name), SURE
    if last.lower_ in _POSSESSIVES:
        found = antecedent(article, doc, last.i, sentence_start)
        if found is not None:
            return full_name(article, found[0]), INFERRED
    return None
