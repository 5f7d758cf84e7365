"""History claims: "the first annual loss since 2011", "its first title ever", "the previous outbreak in 2020".

Each says when the previous event of a kind came before this one, or that none did: a claim of its own
kind (`history`), keyed by the event's noun phrase ("previous-annual-loss") and its owner (a name
before it, "Acme's first loss since 2011"; else the article's own subject, a guess marked for review).
What the events are of ("in EV sales") goes into the value, so two histories of different things are
never compared.  "The first strike in 15 years" is counted back from the article's date (without one it
stays a length, `streaks`); "for the first time since 2008" names no event and is left to the dates.
The word lists are `lexicon.yaml`'s `history_*` sections.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import cast

from crosscheck.extract.anchor import Anchor
from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention, singular
from crosscheck.extract.names import NameSpan, name_spans, slug
from crosscheck.extract.numbers import NUMBER, parse_number
from crosscheck.extract.time_words import time_words
from crosscheck.text.lexicon import alternation, lexicon, section, word_set

_LEX = lexicon()
_NONE_BEFORE = alternation(cast(list[str], section("history_none_before")))
_PREVIOUS = alternation(cast(list[str], section("history_previous_words")))
_PREVIOUS_VERBS = alternation(cast(list[str], section("history_previous_verbs")))
_NOT_EVENTS = word_set("history_not_events")
_TIME_NOUNS = frozenset(_LEX.duration_units) | frozenset(time_words().streak_units) | {"quarter", "quarters"}
_MONTH = alternation(m.capitalize() for m in _LEX.months if len(m) > 3 or m == "may")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d-])"
_WHEN = rf"(?:(?P<month>{_MONTH})\.?\s+)?(?P<year>{_YEAR})"
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'.&-])(?P<owner>(?:[\w’'.&-]+\s+){0,3}?[\w’'.&-]+['’]s)\s+$")
""""Acme's" (or "the company's") just before a history's first word: who may own it."""
_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:(?i:the|its|their|his|her)|[\w’'.&-]+['’]s)\s+$")
""""the", "its", "Acme's" just before "previous" or "last": "the last outbreak", not "at last" or "last week's"."""
_WORD = rf"(?!(?:{alternation(_NOT_EVENTS)})(?![\w-]))[a-z][a-z-]*"
_EVENT = rf"(?P<event>(?:{_WORD}\s+){{0,3}}{_WORD})"
_OF = r"(?:\s+(?P<of>(?i:in|of|for|among|at)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+))??"
_END = r"(?=\s*(?:[,.;:!?)\]—–]|$)|\s+(?:and|but|as|after|when|while|amid|despite|according)\b)"
_NO_CLAUSE = r"(?!\s+(?i:to|who|that|which|where|with|in\s+which)(?![\w-]))"
"""After "since 2011": no clause that makes the words before it no event ("the first woman since 1990 to win")."""
_FIRST = re.compile(
    rf"(?<![\w-])(?P<word>(?i:first))\s+{_EVENT}{_OF}\s+"
    rf"(?:(?i:since)\s+(?P<least>(?i:at\s+least)\s+)?{_WHEN}{_NO_CLAUSE}|(?P<ever>(?i:{_NONE_BEFORE}))(?![\w-]){_END})"
)
_GAP = re.compile(
    rf"(?<![\w-])(?P<word>(?i:first))\s+{_EVENT}{_OF}\s+(?i:in)\s+(?:(?i:the\s+(?:past|last))\s+)?"
    rf"(?P<more>(?i:more\s+than|over)\s+)?(?P<n>{NUMBER}|(?i:an?))\s+(?P<unit>(?i:years?|decades?|months?))(?![\w-]){_NO_CLAUSE}"
)
""""The first strike in 30 years": the previous one about 30 years before the article (a year or a month either side,
as a writer rounds); "in more than 30 years": 30 years before or earlier."""
_FIRST_EVER = re.compile(rf"(?<![\w-])(?P<word>(?i:first-ever|first\s+ever))\s+{_EVENT}{_OF}{_END}")
""""its first-ever quarterly loss": none before, said before the event."""
_LAST = re.compile(
    rf"(?<![\w-])(?P<word>(?i:{_PREVIOUS}))\s+{_EVENT}{_OF},?\s+(?:(?i:{_PREVIOUS_VERBS})\s+)?(?:(?i:back)\s+)?(?i:in|on)\s+{_WHEN}"
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


_NOT_OWNERS = re.compile(rf"(?i:Q[1-4]|H[12]|FY\d{{0,4}}|{alternation([*_LEX.months, *cast(list[str], section('weekdays'))])})")
"""Capitalised words that name a period, not an owner ("Q4", "March", "Tuesday")."""


class _Owners:
    """Who owns an article's histories: the name before the event in its sentence ("Acme's first loss", "Acme posted
    its first loss"), unless the title names it too, which makes it the story's own subject (`UNNAMED`), the one
    that other articles of the story leave unnamed ("the company's first loss")."""

    def __init__(self, article: Article):
        self.article = article
        first = article.paragraphs[0] if article.paragraphs else (0, 0)
        self.title_is_first_line = article.text[first[0]:first[1]].strip() == article.title.strip()
        self.title = article.title.lower()

    @cached_property
    def names(self) -> list[NameSpan]:
        """The article's names, found once, when a history needs its owner (most articles state none)."""
        return [n for n in name_spans(self.article.text) if not self.article.is_metadata(n.start)]

    @cached_property
    def by_sentence(self) -> dict[int, list[NameSpan]]:
        """The names by the sentence they start in, in text order (an owner is looked for in its own sentence)."""
        out: dict[int, list[NameSpan]] = {}
        for n in self.names:
            out.setdefault(self.article.sentence_index(n.start), []).append(n)
        return out

    @cached_property
    def inner(self) -> set[str]:
        """Names written capitalised inside a sentence somewhere: a sentence's first word among them is a name."""
        return {n.name for n in self.names if self.article.sentence_at(n.start).start != n.start}

    def owner(self, possessive: str | None, start: int) -> tuple[str | None, bool]:
        """(the owner's name, None for the story's own subject; whether a possessive names it)."""
        index = self.article.sentence_index(start)
        sentence = self.article.sentences[index]
        title = "" if sentence.paragraph == 0 and self.title_is_first_line else self.title
        named = _owner(possessive)
        if named is not None:
            return (None if named.lower() in title else named), True
        for n in reversed([n for n in self.by_sentence.get(index, []) if sentence.start <= n.start and n.end <= start]):
            if _NOT_OWNERS.fullmatch(n.name) or (n.start == sentence.start and " " not in n.name
                                                  and not n.name.isupper() and n.name not in self.inner):
                continue  # a period, or a capitalised first word ("Worldwide", "Full-year")
            return (None if n.name.lower() in title else n.name), False
        return None, False


def _mention(m: re.Match[str], value: dict, article: Article, owners: _Owners) -> Mention | None:
    event = _event(m["event"])
    if event is None or article.is_metadata(m.start()):
        return None
    if m["of"]:
        value["of"] = " ".join(m["of"].split()[1:])
    before = _POSSESSIVE_BEFORE.search(article.text, max(0, m.start() - 60), m.start())
    owner, named = owners.owner(before["owner"] if before else None, m.start())
    return Mention("history", m.start("word"), m.end(), value, subject_hint=owner or UNNAMED,
                   property_hint=slug(f"previous {event}"), review=not named or owner is None, extras={"own_key": True})


def _since(m: re.Match[str]) -> str:
    month = m["month"]
    return f"{m['year']}-{_LEX.months[month.lower()]:02d}" if month else m["year"]


def _gap(m: re.Match[str], anchor: Anchor) -> dict | None:
    """The history a gap states ("in 30 years"), counted back from the article's date; None when it has none."""
    count = 1 if m["n"].lower() in ("a", "an") else parse_number(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if anchor.year is None or count != int(count) or count < 1 or (unit == "month" and anchor.month is None):
        return None
    back = int(count) * {"year": 12, "decade": 120, "month": 1}[unit]
    at = anchor.year * 12 + ((anchor.month or 1) - 1 if unit == "month" else 0) - back  # months since year 0

    def partial(months: int) -> str:
        year, month = divmod(months, 12)
        return f"{year:04d}-{month + 1:02d}" if unit == "month" else f"{year:04d}"

    slack = 1 if unit == "month" else 12
    if m["more"]:
        return {"kind": "history", "since": partial(at), "at_least": True}
    return {"kind": "history", "since": partial(at - slack), "end": partial(at + slack)}


def extract_histories(article: Article, published: str | None = None) -> list[Mention]:
    """Every history in the article: "first X since YEAR", "first X ever" / "on record" / "first-ever X", "the previous
    X in YEAR"."""
    text = article.text
    anchor = Anchor.of(article, published)
    now = anchor.year
    owners = _Owners(article)
    found: list[Mention] = []
    for m in _FIRST.finditer(text):
        if m["ever"]:
            value: dict = {"kind": "history", "ever": True}
        elif now is not None and int(m["year"]) > now:
            continue
        else:
            value = {"kind": "history", "since": _since(m), **({"at_least": True} if m["least"] else {})}
        if (mention := _mention(m, value, article, owners)) is not None:
            found.append(mention)
    for m in _GAP.finditer(text):
        if (gap := _gap(m, anchor)) is not None and (mention := _mention(m, gap, article, owners)) is not None:
            found.append(mention)
    for m in _FIRST_EVER.finditer(text):
        if (mention := _mention(m, {"kind": "history", "ever": True}, article, owners)) is not None:
            found.append(mention)
    for m in _LAST.finditer(text):
        if (now is not None and int(m["year"]) > now) or not _DETERMINER_BEFORE.search(text, max(0, m.start() - 60),
                                                                                        m.start()):
            continue
        if (mention := _mention(m, {"kind": "history", "since": _since(m)}, article, owners)) is not None:
            found.append(mention)
    return found
