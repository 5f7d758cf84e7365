"""History claims: "the first annual loss since 2011", "its first title ever", "the previous outbreak in 2020".

Each says when the previous event of a kind came before this one, or that none did: a claim of its own
kind (`history`), keyed by the event's noun phrase ("previous-annual-loss") and its owner (a name
before it, "Acme's first loss since 2011"; else the article's own subject, a guess marked for review).
What the events are of ("in EV sales") goes into the value, so two histories of different things are
never compared.  "The first ... in 15 years" states a length, not a year (`streaks`); "for the first
time since 2008" names no event and is left to the dates.  The word lists are `lexicon.yaml`'s
`history_*` sections.
"""

from __future__ import annotations

import re
from typing import cast

from crosscheck.extract.anchor import Anchor
from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.names import slug
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon, section

_LEX = lexicon()
_NONE_BEFORE = alternation(cast(list[str], section("history_none_before")))
_PREVIOUS = alternation(cast(list[str], section("history_previous_words")))
_PREVIOUS_VERBS = alternation(cast(list[str], section("history_previous_verbs")))
_NOT_EVENTS = frozenset(str(w).lower() for w in cast(list[str], section("history_not_events")))
_TIME_NOUNS = frozenset(_LEX.duration_units) | frozenset(time_words().streak_units) | {"quarter", "quarters"}
_MONTH = alternation(m.capitalize() for m in _LEX.months if len(m) > 3 or m == "may")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d-])"
_WHEN = rf"(?:(?P<month>{_MONTH})\.?\s+)?(?P<year>{_YEAR})"
_OWNER = r"(?P<owner>(?:[\w’'.&-]+\s+){0,3}?[\w’'.&-]+['’]s|its|their|his|her|the|a|an)"
_WORD = rf"(?!(?:{alternation(_NOT_EVENTS)})(?![\w-]))[a-z][a-z-]*"
_EVENT = rf"(?P<event>(?:{_WORD}\s+){{0,3}}{_WORD})"
_OF = r"(?:\s+(?P<of>(?i:in|of|for|among)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+))??"
_END = r"(?=\s*(?:[,.;:!?)\]—–]|$)|\s+(?:and|but|as|after|when|while|amid|despite|according)\b)"
_NO_CLAUSE = r"(?!\s+(?i:to|who|that|which|where|with|in\s+which)(?![\w-]))"
"""After "since 2011": no clause that makes the words before it no event ("the first woman since 1990 to win")."""
_FIRST = re.compile(
    rf"(?<![\w-])(?:{_OWNER}\s+)?(?P<word>(?i:first))\s+{_EVENT}{_OF}\s+"
    rf"(?:(?i:since)\s+(?P<least>(?i:at\s+least)\s+)?{_WHEN}{_NO_CLAUSE}|(?P<ever>(?i:{_NONE_BEFORE}))(?![\w-]){_END})"
)
_LAST = re.compile(
    rf"(?<![\w-])(?P<owner>(?i:the|its|their|his|her)|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,2}}['’]s)\s+"
    rf"(?P<word>(?i:{_PREVIOUS}))\s+{_EVENT}{_OF},?\s+(?:(?i:{_PREVIOUS_VERBS})\s+)?(?:(?i:back)\s+)?(?i:in|on)\s+{_WHEN}"
)
UNNAMED = "article"
"""The subject of a history whose owner the text does not name: what the article is about."""


def _event(words: str) -> str | None:
    """The event's noun phrase as a key part ("annual loss"), or None when the words are no noun phrase of an event."""
    parts = words.lower().split()
    if not parts or any(p in _NOT_EVENTS for p in parts) or parts[-1] in _TIME_NOUNS:
        return None
    return " ".join([*parts[:-1], singular(parts[-1])])


def _owner(words: str | None) -> str | None:
    """The name that owns the history ("Acme's"), or None for a pronoun, an article or a common noun ("the company's")."""
    if not words or not re.search(r"['’]s$", words):
        return None
    name = re.sub(r"['’]s$", "", words).split()
    name = name[1:] if name and name[0].lower() == "the" else name
    return " ".join(name) if name and all(w[0].isupper() for w in name) else None


def _mention(m: re.Match[str], value: dict, article: Article) -> Mention | None:
    event = _event(m["event"])
    if event is None or article.is_metadata(m.start()):
        return None
    if m["of"]:
        value["of"] = " ".join(m["of"].split()[1:])
    owner = _owner(m["owner"])
    return Mention("history", m.start("word"), m.end(), value, subject_hint=owner or UNNAMED,
                   property_hint=slug(f"previous {event}"), review=owner is None, extras={"own_key": True})


def _since(m: re.Match[str]) -> str:
    month = m["month"]
    return f"{m['year']}-{_LEX.months[month.lower()]:02d}" if month else m["year"]


def extract_histories(article: Article, published: str | None = None) -> list[Mention]:
    """Every history in the article: "first X since YEAR", "first X ever" / "on record", "the previous X in YEAR"."""
    text = article.text
    now = Anchor.of(article, published).year
    found: list[Mention] = []
    for m in _FIRST.finditer(text):
        if m["ever"]:
            value: dict = {"kind": "history", "ever": True}
        elif now is not None and int(m["year"]) > now:
            continue
        else:
            value = {"kind": "history", "since": _since(m), **({"at_least": True} if m["least"] else {})}
        if (mention := _mention(m, value, article)) is not None:
            found.append(mention)
    for m in _LAST.finditer(text):
        if now is not None and int(m["year"]) > now:
            continue
        if (mention := _mention(m, {"kind": "history", "since": _since(m)}, article)) is not None:
            found.append(mention)
    return found
