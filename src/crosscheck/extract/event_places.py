"""Where an event happened: "the capsule splashed down in the Gulf of X", "the plane landed in Y", "the quake struck near Z".

Each located event becomes a name claim keyed by the event and the relation its preposition states: subject the
event ("splashdown", "earthquake"), property `where-in`, `where-near`, `where-off` or `where-at`, value the
place's name as written.  Two articles naming different places for one event are reported at info only (rule
CC406): "off the coast of Florida" and "in the Gulf" can both be true, and one named place may contain the other or
lie near it, so the finding says the articles name different places, never that both cannot hold.  Different
prepositions are different relations and are never compared ("near Z" and "in Y").

Left out, so that a finding is about the story's own event: an event another word makes another one ("an
aftershock", "the second capsule", "another quake"), an event dated to another time in its sentence (a year, "last
year"), a happening verb ("struck", "hit") without a noun naming the event right before it, a landing or a crash
without a vehicle named in its clause ("the minister landed in Paris" is a journey), and an event the article
itself places in two different places with one preposition.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import cast

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.text.lexicon import alternation, lexicon, section

_LEX = lexicon()
_SEC = cast(dict, section("event_places"))
_EVENT_OF_VERB = {verb.lower(): event for event, verbs in _SEC["verbs"].items() for verb in verbs}
_EVENT_OF_NOUN = {noun.lower(): event for event, nouns in _SEC["event_nouns"].items() for noun in nouns}
_RELATION = {prep.lower(): relation for prep, relation in _SEC["prepositions"].items()}
_PLACE_NAME = r"[A-Z][\w’'.-]*(?:(?:\s+(?:of|de|del|du|la|le|al|the))*\s+[A-Z][\w’'.-]*){0,4}"
_WHERE = (
    rf"\s+(?P<prep>{alternation(_RELATION)})\s+(?:the\s+)?"
    rf"(?:(?:{alternation(_SEC['place_frames'])})\s+(?:of|off)\s+(?:the\s+)?)?(?P<place>{_PLACE_NAME})"
)
_LOCATED = re.compile(rf"(?<![\w-])(?P<verb>(?i:{alternation(_EVENT_OF_VERB)})){_WHERE}")
_HAPPENED = re.compile(
    rf"(?<![\w-])(?P<noun>(?i:{alternation(_EVENT_OF_NOUN)}))\s+(?:(?:that|which)\s+)?"
    rf"(?P<verb>(?i:{alternation(_SEC['happening_verbs'])})){_WHERE}"
)
_OTHER_INSTANCE = re.compile(rf"(?<![\w-])(?i:{alternation(_SEC['other_instance'])})(?![\w-])")
_VEHICLE_EVENTS = frozenset(_SEC["vehicle_events"])
_VEHICLE = re.compile(rf"(?<![\w-])(?i:{alternation(_SEC['vehicle_nouns'])})s?(?![\w-])")
_YEAR = re.compile(r"(?<![\w:.])(?:19|20)\d\d(?![\w:])")
_CLAUSE_START = re.compile(r"[,;:()—–]\s*|\.\s+")
_NOT_PLACES = frozenset(_LEX.weekdays) | frozenset(_LEX.months)


def extract_event_places(article: Article) -> list[Mention]:
    """Located events and their places, as name mentions keyed by the event and the preposition's relation."""
    text = article.text
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for pattern in (_LOCATED, _HAPPENED):
        for m in pattern.finditer(text):
            if article.is_metadata(m.start()):
                continue
            event = _EVENT_OF_NOUN[m["noun"].lower()] if "noun" in m.groupdict() and m["noun"] \
                else _EVENT_OF_VERB[re.sub(r"\s+", " ", m["verb"].lower())]
            place = re.sub(r"['’]s$", "", m["place"])
            if place.endswith(".") and not re.search(r"\.\w+\.$", place):
                place = place[:-1]  # the sentence's full stop, not an abbreviation's ("U.S.")
            if place.lower() in _NOT_PLACES or _another(article, m.start(), m.end()):
                continue
            if event in _VEHICLE_EVENTS and not _VEHICLE.search(text, _clause_start(article, m.start()), m.start()):
                continue  # "the minister landed in Paris": a traveller's journey, not the story's event
            relation = _RELATION[m["prep"].lower()]
            found[(event, relation)].append((m.start("place"), m.start("place") + len(place), place))
    out: list[Mention] = []
    for (event, relation), places in found.items():
        if len({_fold(name) for _, _, name in places}) > 1:
            continue  # the article places the event twice: one may be another event, or inside the other
        for start, end, name in places:
            out.append(Mention("name", start, end, {"kind": "name", "name": name}, subject_hint=event,
                               property_hint=f"where-{relation}", extras={"own_key": True}))
    return out


def _another(article: Article, start: int, end: int) -> bool:
    """True when the event's clause makes it another one, or its sentence dates it (a year, "last year")."""
    text = article.text
    sentence = article.sentence_at(start)
    if _OTHER_INSTANCE.search(text, _clause_start(article, start), start):
        return True
    return bool(_YEAR.search(text, sentence.start, max(end, sentence.end)))


def _clause_start(article: Article, at: int) -> int:
    sentence = article.sentence_at(at)
    start = sentence.start
    for m in _CLAUSE_START.finditer(article.text, sentence.start, at):
        start = m.end()
    return start


def _fold(name: str) -> str:
    return re.sub(r"^the\s+", "", name.casefold().replace("’", "'"))
