"""Who holds a place in a contest: "Second place went to X", "X finished third", "runner-up X", "X took bronze".

Each place becomes a name claim keyed by the contest and the place: subject the contest the story is about
("chicago-marathon"), property `place-2` (or `place-2.women` in one division of it), value the holder's name as
written, so two articles naming different holders of one place are compared (rule CC405) while a spelling
variant or a shortened form of one name still agrees.

A false alarm costs more than a miss, so a place is drafted only when all of this holds:
- the contest is named: in the place's own words ("finished second in the Boston Marathon"), else the first
  contest named in the title or the opening paragraphs; a contest of many events (the Olympics, a
  championships) is never enough, since its places belong to one event of it;
- the ordinal is a finishing place: right after a finishing verb and followed by nothing that makes it
  another ranking ("third in the world rankings", "second to none", "second-largest"), or in "second place
  went to", "the second-place finisher", "a distant second was";
- nothing in its sentence dates it to another edition (a year, "last year", "previous") and nothing in its
  clause puts it in another race or ranking (a heat, a stage, the standings), and no other contest is named
  before it in the sentence (a runner's earlier win);
- its division is known: a division word (men's, women's) in its sentence, else the last one earlier in its
  paragraph; a place with no such word in a story that named a division in an earlier paragraph is left out;
- the article names one holder for it (two different holders of one place in one article are left out).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import cast

from crosscheck.extract.article import Article
from crosscheck.extract.attribution import RUN
from crosscheck.extract.mention import Mention
from crosscheck.text.lexicon import alternation, lexicon, section, word_set

_LEX = lexicon()
_SEC = cast(dict, section("positions"))
_ORD = rf"(?:{alternation(_LEX.ordinals)}|\d{{1,2}}(?:st|nd|rd|th))"
_NAME = RUN.pattern
_HOLDER = rf"(?P<name>{_NAME})(?:\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?|,\s+[^,;:.—–\n]{{3,80}},)?"
"""A holder before its verb, with a country ("Benson Kipruto of Kenya") or an appositive between commas."""
_ADJ = rf"(?:(?i:a|an)\s+(?i:{alternation(_SEC['place_adjectives'])})\s+)"
_PLACE = rf"(?P<ord>(?i:{_ORD}))(?:[\s-]+(?i:place))?(?![\w-])"

_HOLDER_FIRST = re.compile(rf"{_HOLDER}\s+(?i:{alternation(_SEC['finish_verbs'])})\s+{_ADJ}?(?:(?i:in)\s+)?{_PLACE}")
_MEDAL = re.compile(
    rf"{_HOLDER}\s+(?i:{alternation(_SEC['medal_verbs'])})\s+(?:(?i:the|a)\s+)?"
    rf"(?P<medal>(?i:{alternation(_SEC['medals'])}))(?:\s+(?i:medal))?(?![\w-])"
)
_RUNNER_UP_AFTER = re.compile(
    rf"{_HOLDER}\s+(?i:was|were|is|finished|ended|came)\s+(?:(?i:the)\s+)?(?P<ru>(?i:runner[\s-]up))(?![\w-])"
)
_WENT_TO = re.compile(rf"(?P<ord>(?i:{_ORD}))[\s-]+(?i:place)\s+(?i:went\s+to)\s+(?P<name>{_NAME})")
_FINISHER = re.compile(
    rf"(?<![\w-])(?i:the)\s+(?P<ord>(?i:{_ORD}))[\s-]+(?i:place)(?:\s+(?i:{alternation(_SEC['holder_nouns'])}))?,?"
    rf"\s+(?P<name>{_NAME})"
)
_RUNNER_UP_BEFORE = re.compile(rf"(?<![\w-])(?P<ru>(?i:runner[\s-]up)),?\s+(?P<name>{_NAME})")
_DISTANT = re.compile(
    rf"(?<![\w-]){_ADJ}(?P<ord>(?i:{_ORD}))(?:\s+(?i:in)\s+[\d:.]+)?\s+(?i:was|went\s+to)\s+(?P<name>{_NAME})"
)
_ENDS_WITH_PLACE = (_HOLDER_FIRST, _MEDAL, _RUNNER_UP_AFTER)
"""Patterns whose place comes last: what follows it must not make it another ranking."""
_ENDS_WITH_NAME = (_WENT_TO, _FINISHER, _RUNNER_UP_BEFORE, _DISTANT)

_DIVISIONS = {word.lower(): division for division, words in _SEC["divisions"].items() for word in words}
_DIVISION = re.compile(rf"(?<![\w-])(?i:{alternation(_DIVISIONS)})(?![\w-])")
_CONTEST = re.compile(
    rf"(?<![\w’'-])(?P<mod>[A-Z][\w’'.&-]*)\s+(?P<head>(?i:{alternation(_SEC['contest_heads'] + _SEC['several_rankings'])}))"
    r"(?![\w-])"
)
_SEVERAL = frozenset(w.lower() for w in _SEC["several_rankings"])
_CONTEST_NAME_HEADS = frozenset(w.lower() for w in _SEC["lower_case_heads"])
"""Heads news writes in lower case after a place ("the Rochdale by-election"); the others are capitalised."""
_NOT_MODIFIERS = word_set("name_given_words_only")
_YEAR = re.compile(r"(?<![\w:.])(?:19|20)\d\d(?![\w:])")
_OTHER_TIME = re.compile(rf"(?<![\w-])(?i:{alternation(_SEC['other_time'])}|{alternation(_LEX.months)})(?![\w-])")
"""Another edition's words, or a month: "in London in April he was second" dates a place to another race."""
_FRONTED_PLACE = re.compile(r"(?:In|At)\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*),")
_RUNNER_UP_OPENS = re.compile(r"\s*(?:(?i:the)\s*)?$")
_OTHER_INSTANCE = re.compile(rf"(?<![\w-])(?i:{alternation(_SEC['other_instance'])})(?![\w-])")
_LISTED = re.compile(r"[A-Z][\w’'-]*\s+(?:and|&)\s+$")
_ORD_AND_ORD = re.compile(rf"\s+(?:and|or)\s+(?i:{_ORD})(?![\w-])")
_CLAUSE_END = re.compile(r"[,;:()—–]|\s(?:and|while|but|who|which|after)\s|\.(?:\s|$)")
_PUNCT_AFTER = re.compile(r"\s*(?:$|[,.;:!?)\]”\"—–])")
_WORD_AFTER = re.compile(
    rf"\s+(?:(?i:and|while|with|behind|ahead|after|overall|but|place|spot|position)\b|(?i:in)\s+(?:(?i:a)\s+(?:(?i:time)\s+"
    rf"(?i:of)\s+)?)?\d|(?i:on)\s+(?i:{alternation(_LEX.weekdays)})\b|(?i:in)\s+(?i:the)\s+(?:(?i:{alternation(_DIVISIONS)})\s+)?"
    r"(?i:race|event|contest|vote|election|field)\b)"
)
"""What may follow a place that ends its words: punctuation, "behind", "ahead", a time ("in 2:04:02")."""
_IN_CONTEST = re.compile(r"\s+in\s+(?:the\s+|this\s+year['’]s\s+)?")
_DESCRIPTORS = frozenset(w.lower() for w in _SEC["holder_descriptors"]) | {w for t in _LEX.titles for w in t.split()}
_NOT_NAME_WORDS = _DESCRIPTORS | _NOT_MODIFIERS
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish)$")


@dataclass(frozen=True, slots=True)
class Contest:
    """A named contest in the text: its span, how it is named ("Chicago Marathon") and whether it ranks many events."""

    start: int
    end: int
    name: str
    several: bool


@dataclass(frozen=True, slots=True)
class _Place:
    place: int
    name: str
    start: int
    end: int
    contest: Contest
    division: str | None


def contests(text: str, start: int = 0, end: int | None = None) -> list[Contest]:
    """Named contests between `start` and `end`: a capitalised word and a contest head ("Boston Marathon")."""
    found = []
    for m in _CONTEST.finditer(text, start, len(text) if end is None else end):
        mod, head = m["mod"], m["head"]
        bare = re.sub(r"['’]s$", "", mod)
        if bare.lower() in _NOT_MODIFIERS or bare.isdigit():
            continue  # "The Marathon", "Sunday's race": no contest named
        if not head[0].isupper() and (head.lower() not in _CONTEST_NAME_HEADS or bare != mod):
            continue  # "Kiptum's marathon" is his race, not a named contest
        several = head.lower() in _SEVERAL or f"{bare} {head}".lower() in _SEVERAL  # "the World Cup"
        found.append(Contest(m.start(), m.end(), f"{mod} {head}", several))
    return found


def _slug(contest: Contest) -> str:
    return re.sub(r"[^a-z0-9]+", "-", contest.name.lower().replace("’", "'")).strip("-")


def extract_positions(article: Article) -> list[Mention]:
    """Places in a contest and who holds them, as name mentions keyed by the contest and the place."""
    text = article.text
    if not _CONTEST.search(text):
        return []  # no named contest, no place to key (most articles: one pass of one pattern)
    opening_end = article.paragraphs[min(2, len(article.paragraphs) - 1)][1] if article.paragraphs else 0
    opening = contests(text, 0, opening_end)
    main = opening[0] if opening else None
    places = [p for p in _candidates(article, main) if p is not None]
    by_key: dict[tuple[str, int, str | None], list[_Place]] = defaultdict(list)
    for p in places:
        by_key[(_slug(p.contest), p.place, p.division)].append(p)
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for (_, place, division), held in by_key.items():
        if len({_surname(p.name) for p in held}) > 1:
            continue  # the article names two holders of one place: which it means is not ours to guess
        for p in held:
            prop = f"place-{place}" + (f".{division}" if division else "")
            if (p.start, p.end, prop) in seen:
                continue  # "X was a distant second" read by two patterns
            seen.add((p.start, p.end, prop))
            out.append(Mention("name", p.start, p.end, {"kind": "name", "name": p.name}, subject_hint=p.contest.name,
                               property_hint=prop, extras={"own_key": True}))
    return out


def _candidates(article: Article, main: Contest | None):
    text = article.text
    for pattern in _ENDS_WITH_PLACE + _ENDS_WITH_NAME:
        for m in pattern.finditer(text):
            if article.is_metadata(m.start()):
                continue
            place = _place_of(m)
            if place is None:
                continue
            contest = main
            end = m.end()
            if pattern in _ENDS_WITH_PLACE:
                named = _contest_after(text, end)
                if named is not None:
                    contest, end = named, named.end
                elif not (_PUNCT_AFTER.match(text, end) or _WORD_AFTER.match(text, end)):
                    continue  # "third in the world rankings", "second to none": another ranking
            yield _judged(article, m, place, contest, end)


def _place_of(m: re.Match) -> int | None:
    groups = m.groupdict()
    if groups.get("medal"):
        return int(_SEC["medals"][m["medal"].lower()])
    if groups.get("ru"):
        return 2
    word = m["ord"].lower()
    if word in _LEX.ordinals:
        return _LEX.ordinals[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


def _contest_after(text: str, end: int) -> Contest | None:
    """The contest named right after a place ("finished second in the Boston Marathon")."""
    lead = _IN_CONTEST.match(text, end)
    if lead is None:
        return None
    named = contests(text, lead.end(), lead.end() + 60)
    return named[0] if named and named[0].start == lead.end() else None


def _judged(article: Article, m: re.Match, place: int, contest: Contest | None, end: int) -> _Place | None:
    """The place a match states, or None when its contest, edition, ranking, division or holder is in doubt."""
    text = article.text
    if contest is None or contest.several:
        return None
    if _LISTED.search(text, max(0, m.start("name") - 40), m.start("name")) or _ORD_AND_ORD.match(text, m.end()):
        return None  # "Ruiz and Holt finished second and third": which holds which is not for a pattern to say
    holder = _holder(text, m.start("name"), m.end("name"))
    if holder is None:
        return None
    sentence = article.sentence_at(m.start())
    clause = _CLAUSE_END.search(text, end, sentence.end)
    clause_end = clause.start() if clause else sentence.end
    if _YEAR.search(text, sentence.start, clause_end) or _OTHER_TIME.search(text, sentence.start, clause_end):
        return None  # "Last year X was second", "the runner-up in 2019": another edition
    if _OTHER_INSTANCE.search(text[m.start():clause_end]):
        return None  # a heat, a stage, the standings
    others = [c for c in contests(text, sentence.start, clause_end) if _slug(c) != _slug(contest)]
    if others:
        return None  # "Abdi, the Rotterdam Marathon champion, was third": which race is unclear
    fronted = _FRONTED_PLACE.match(text, sentence.start)
    if fronted and not set(fronted["place"].lower().split()) <= set(contest.name.lower().split()):
        return None  # "In Boston, Ruiz was second": a race somewhere else
    if "ru" in m.groupdict() and m["ru"] and m.re is _RUNNER_UP_BEFORE and not _RUNNER_UP_OPENS.fullmatch(
            text, sentence.start, m.start()):
        return None  # "two-time runner-up Ana Ruiz", "Olympic runner-up X": a title from other races
    division = _division(article, sentence.start, m.start(), clause_end)
    if division == "":
        return None
    return _Place(place, holder[0], holder[1], holder[2], contest, division)


def _division(article: Article, sentence_start: int, at: int, clause_end: int) -> str | None:
    """The division a place is in: "" when in doubt (two in its sentence, or only some in earlier paragraphs)."""
    text = article.text
    here = {_DIVISIONS[w.group().lower()] for w in _DIVISION.finditer(text, sentence_start, clause_end)}
    if len(here) > 1:
        return ""
    if here:
        return here.pop()
    paragraph_start = article.paragraphs[article.paragraph_at(at)][0]
    before = list(_DIVISION.finditer(text, paragraph_start, sentence_start))
    if before:
        return _DIVISIONS[before[-1].group().lower()]
    return "" if _DIVISION.search(text, 0, paragraph_start) else None


def _holder(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The holder's name in a capitalised run, descriptors dropped ("Belgium's Bashir Abdi" -> "Bashir Abdi")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    possessive = [k for k, w in enumerate(words) if w.group().endswith(("'s", "’s"))]
    if possessive:
        words = words[possessive[-1] + 1:]
    while words and words[0].group().lower().rstrip(".") in _NOT_NAME_WORDS:
        words = words[1:]  # "On Sunday Kipruto", "Fellow Kenyan ...", "He": no part of a name
    if len(words) >= 3 and _DEMONYM.match(words[0].group()):
        words = words[1:]  # "Kenyan Benson Kipruto"
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    return text[s:e], s, e


def _surname(name: str) -> str:
    return name.split()[-1].lower()
