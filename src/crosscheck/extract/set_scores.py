"""How many sets a match went to, read from its score line: "won 4-6, 6-4, 6-5", "beat Alcaraz 4-6, 6-4, 6-4, 6-4".

A score line is two to five set scores in a row, separated by commas (the last perhaps by "and"), each set
perhaps with its tie-break ("7-6 (7-3)").  The line's number of sets is a count of its own (subject the winner,
property `match-sets`, unit `set`): one outlet's three sets and another's four for one winner's match disagree.
Two lines of as many sets that differ in one set ("6-3" for "6-4") are not told apart.  The winner is the person
named before the winning verb of the lexicon (`set_score_verbs`: "won", "beat", "beating") in the line's
sentence, else the person the sentences before are about ("The 24-year-old won 4-6, ..."), which is inferred.

Said less when unsure: a line that follows the word "set" or "sets" lists some sets only ("taking the next three
sets 6-4, 6-4, 6-4") and is left out; so is a line with no winning verb before it in its sentence (a head-to-head
record, a scoreline of another sport), and every line of a winner the article gives two different set counts for
(two matches, and nothing tells which one another article gives).  A conflict is at most a warning: another
article's line may be of the same player's other match.
"""

from __future__ import annotations

import re
from typing import cast

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, told_once
from crosscheck.extract.performers import antecedent, person_id
from crosscheck.text.lexicon import alternation, section

SET_SCORE_NEARBY = 0.5
"""The winner is read from the words before the line, not from the whole clause's parse: at most a warning."""

_SET = r"\d{1,2}[-–]\d{1,2}(?:\s*\(\d{1,2}(?:[-–]\d{1,2})?\))?"
_LINE = re.compile(rf"(?<![\w.,-]){_SET}(?:,\s*(?:and\s+)?{_SET}|\s+and\s+{_SET}){{1,4}}(?![\w-]|,\s*\d)")
_ONE_SET = re.compile(_SET)
_VERBS = [str(v) for v in cast("list", section("set_score_verbs"))]
_WON = re.compile(rf"(?<![\w-])(?i:{alternation(_VERBS)})(?![\w-])")
_PARTIAL = re.compile(r"(?i)\bsets?\s*[:,]?\s*$")


def extract_set_scores(article: Article) -> list[Mention]:
    """Every match's number of sets the article prints a score line for, keyed by the winner."""
    text = article.text
    if "-" not in text and "–" not in text:
        return []
    found: dict[str, list[Mention]] = {}
    for m in _LINE.finditer(text):
        if article.is_metadata(m.start()) or _PARTIAL.search(text, max(0, m.start() - 12), m.start()):
            continue  # "the next three sets 6-4, 6-4, 6-4": some of the sets only
        sentence = article.sentence_at(m.start())
        verbs = [v for v in _WON.finditer(text, sentence.start, m.start())]
        if not verbs:
            continue
        index = article.sentence_index(m.start())
        doc = article.parsed([index])[index]
        verb_at = verbs[-1].start() - sentence.start
        before = next((t.i for t in doc if t.idx >= verb_at), len(doc))
        found_person = antecedent(article, doc, before, sentence.start)
        if found_person is None:
            continue
        person = found_person[0]
        sets = len(_ONE_SET.findall(m.group()))
        winner = person_id(article, person)
        found.setdefault(winner, []).append(Mention(
            "quantity", m.start(), m.end(), {"kind": "quantity", "amount": sets, "approx": "exact", "unit": "set"},
            subject_hint=winner, property_hint="match-sets",
            extras={"own_key": True, "confidence_cap": SET_SCORE_NEARBY}))
    return told_once(found)
