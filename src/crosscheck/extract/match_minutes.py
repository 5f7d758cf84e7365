"""The minute of a goal: "In the 85th minute, Senny Mayulu scored a fifth", "the last blow came in the 86th minute
when Mayulu added a fifth".

A minute of play written as an ordinal ("in the 63rd minute") is a count of minutes keyed by who scored in it
(subject the scorer, property `goal-minute`): two articles timing one player's goal a minute apart disagree.  The
scorer is the person named right before a scoring verb of the lexicon (`match_minute_verbs`) in the minute's
sentence; a surname takes the full name the article gives it elsewhere.  Said less when unsure: a sentence with no
scoring verb or no person before it is left out (an assist, a substitution, a booking is no goal), and so is every
minute of a scorer the article times twice (two goals of one player are two facts, and nothing tells which one
another article times).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import cast

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, told_once
from crosscheck.extract.names import slug
from crosscheck.extract.performers import full_name
from crosscheck.text.lexicon import alternation, lexicon, section

_LEX = lexicon()
_VERBS = [str(v) for v in cast("list", section("match_minute_verbs"))]
_MINUTE = re.compile(
    rf"(?<![\w-])(?i:in|by|on)\s+the\s+(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|(?i:{alternation(_LEX.ordinals)}))[\s-]+(?i:minute)\b"
)
_SCORED = re.compile(rf"(?<![\w-])(?:{alternation(_VERBS)})(?![\w-])")
SCORER_NEARBY = 0.5
"""The scorer is read from the words near the minute, not from the parse: a conflict is at most a warning (and a
minute apart may be two clocks' rounding, 84:30 being the 85th minute to one and 85' to another)."""
_REACH = 60
"""How far (in characters) before its scoring verb the scorer's name may end ("Senny Mayulu added", "teenage
sensation Senny Mayulu added")."""


def extract_goal_minutes(article: Article) -> list[Mention]:
    """Every goal's minute the article states with its scorer, as a count of minutes keyed by the scorer."""
    text = article.text
    if "inute" not in text and "INUTE" not in text:
        return []  # most articles time no goal: no pass over their text
    people = article.mentioned_people
    found: dict[str, list[Mention]] = defaultdict(list)
    for m in _MINUTE.finditer(text):
        if article.is_metadata(m.start()):
            continue
        sentence = article.sentence_at(m.start())
        scorer = None
        for verb in _SCORED.finditer(text, sentence.start, sentence.end):
            before = [name for at, name in people
                      if sentence.start <= at and at + len(name) <= verb.start() <= at + len(name) + _REACH]
            if before:
                scorer = before[-1]
                break
        if scorer is None:
            continue
        scorer = full_name(article, scorer)
        word = m["ord"].lower()
        minute = int(word[:-2]) if word[0].isdigit() else _LEX.ordinals[word]
        found[scorer].append(Mention("quantity", m.start("ord"), m.end(),
                                     {"kind": "quantity", "amount": minute, "approx": "exact", "unit": "minute of play"},
                                     subject_hint=slug(scorer), property_hint="goal-minute",
                                     extras={"own_key": True, "confidence_cap": SCORER_NEARBY}))
    return told_once(found)
