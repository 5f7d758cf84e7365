"""Who ran a race time or a margin, and at which event: the performer and the event of a timing.

The performer comes from the parse: the time's possessor ("Kipchoge's 2:01:09"), whoever ran or set it
("the 2:11:53 run by Tigst Assefa", "the record that Assefa set"), else the subject of the verb that governs
it ("Kiptum stopped the clock at 2:00:35").  A pronoun or a description ("he", "the 23-year-old", "the
time") stands for the nearest person named before it, in its sentence or in the sentences just before; a
performer found that way is `inferred`, and the frames built on it say so with a lower confidence.

The event is the place or race named with the time or its verb ("in London in April", "at the Berlin
Marathon", "won the London Marathon", "his Berlin 2022 standard").  An event that the article's title, its
first sentence or its dateline names is the story's own race, which a time with no event is taken to be of.
Every word list is the lexicon's (`race_*` and `margin_*`).  A little over the project's usual module length:
the person readers (possessor, agent, clause, verb subject, antecedent) call one another and stay together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crosscheck.extract.article import Article
from crosscheck.extract.attribution import mentioned_people
from crosscheck.extract.names import is_organisation, slug
from crosscheck.extract.race_lexicon import mark_in, race_words
from crosscheck.text.lexicon import lexicon

STORY = "story"
"""The event slug of the race the article reports ("this course", or a race its title names)."""
_NOUNS = {"NOUN", "PROPN", "PRON"}
_VERBS = {"VERB", "AUX"}
_PLACES = {"GPE", "LOC", "FAC", "EVENT"}
_RELATIVE = frozenset({"who", "which", "that", "whose"})
_DESCRIPTIONS = frozenset({"fellow", "compatriot", "countryman", "countrywoman", "teammate", "defending", "champion"})
SURE = 0.8
"""Confidence of a timing frame whose performer the parse names."""
INFERRED = 0.5
"""Confidence of one whose performer stands behind a pronoun or a description, or which names none (a record):
below `LOW_CONFIDENCE`, so a conflict it takes part in is at most a warning."""
_REACH = 900
"""How far back (in characters) a pronoun's antecedent is looked for before its sentence."""
_BACK = 6
"""How many sentences back it is looked for."""
_CLAUSE_TOKENS = 10
"""How far back (in tokens) a figure's own clause is read for its performer ("with Bashir Abdi third in 2:04:32")."""
"""How many sentences back it is looked for."""


@dataclass(frozen=True, slots=True)
class Performer:
    """A person a timing belongs to, as an id, and whether it was inferred from a pronoun or a description."""

    id: str
    inferred: bool


def _entity(token: Any) -> Any | None:
    """The named entity `token` is part of (from the tokens' own marks, as `frames` reads them)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    from spacy.tokens import Span  # loaded with the pipeline already

    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


@lru_cache(maxsize=64)
def _people(text: str) -> tuple[tuple[int, str], ...]:
    """People the text names, by offset: full names that are no organisation or event, and their surnames."""
    lex = lexicon()
    events = race_words().event_nouns
    calendar = set(lex.months) | {d.lower() for d in lex.weekdays}
    full = [(at, name) for at, name in mentioned_people(text)
            if " " in name and not is_organisation(name) and name.split()[-1].lower() not in events | calendar
            and mark_in(name) is None]
    surnames = {name.split()[-1] for _, name in full}
    short = [(at, name) for at, name in mentioned_people(text) if " " not in name and name in surnames]
    return tuple(sorted(full + short))


@lru_cache(maxsize=64)
def _full_names(text: str) -> dict[str, list[str]]:
    """The full names of `_people(text)` by their last word, in order (looked up per name, never scanned)."""
    out: dict[str, list[str]] = {}
    for _, n in _people(text):
        if " " in n:
            out.setdefault(n.split()[-1], []).append(n)
    return out


@lru_cache(maxsize=64)
def _surnames(text: str) -> frozenset[str]:
    """The last word of every name of `_people(text)`."""
    return frozenset(n.split()[-1] for _, n in _people(text))


def full_name(article: Article, name: str) -> str:
    """A surname as the person the article names in full ("Kiptum" -> "Kelvin Kiptum"), the shortest such name."""
    name = re.sub(r"[’']s$", "", name.strip())
    last = name.split()[-1] if name.split() else name
    longer = _full_names(article.text).get(last, [])
    if len(name.split()) >= 2 or not longer:
        return name
    return min(longer, key=lambda n: (len(n.split()), n))


def _person(token: Any, article: Article) -> str | None:
    """The person a token names: a PERSON entity, or a proper name the article names as a person elsewhere."""
    ent = _entity(token)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    if token.pos_ == "PROPN" and (ent is None or ent.label_ in ("ORG", "GPE", "NORP")):
        run = [t for t in token.doc[max(0, token.i - 2):token.i + 1] if t.pos_ == "PROPN"]
        known = _surnames(article.text)
        return " ".join(t.text for t in run) if token.text in known else None
    return None


def _sentence_subject(article: Article, doc: Any) -> tuple[str | None, bool]:
    """(the person a sentence is about, look further back): its first subject that is a person; a pronoun or a
    description as subject ("he added") says to look at the sentence before; else the last person it names."""
    further = False
    for t in doc:
        if t.dep_ in ("nsubj", "nsubjpass"):
            if (name := _person(t, article)) is not None:
                return name, False
            further = further or _describes_someone(t)
    if further:
        return None, True
    people = [name for t in doc if t.ent_iob_ == "B" and (name := _person(t, article)) is not None]
    return (people[-1], False) if people else (None, True)


def antecedent(article: Article, doc: Any, before: int, sentence_start: int) -> tuple[str, bool] | None:
    """(name, inferred) of the nearest person named before token `before` of the sentence `doc`, else the
    person the sentences just before are about (then `inferred`)."""
    for t in reversed(doc[:before]):
        if (name := _person(t, article)) is not None:
            return name, False
    index = article.sentence_index(sentence_start)
    for i in range(index - 1, max(-1, index - _BACK - 1), -1):
        s = article.sentences[i]
        if s.end < sentence_start - _REACH:
            break
        name, further = _sentence_subject(article, article.parsed([i])[i])  # parsed once per article
        if name is not None:
            return name, True
        if not further:
            break
    return None


def subject_of(verb: Any) -> Any | None:
    """The subject of a verb, following clauses up to the verb that has one ("improving on ..." -> "he tore")."""
    current = verb
    for _ in range(5):
        for c in current.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in _RELATIVE and current.dep_ == "relcl":
                    return current.head  # "Kiptum, who won ...": the relative pronoun stands for its head
                return c
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in _NOUNS:
            return current.head  # "Kiptum, shaving almost a minute off ..."
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep") and current.head is not current:
            current = current.head
        else:
            break
    return None


def governing_verb(token: Any) -> Any | None:
    """The verb a figure's phrase depends on ("won ... in 2:01:25" -> won), within a few steps."""
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            return current if current.pos_ in _VERBS else None
        if head.pos_ in _VERBS:
            return head
        current = head
    return None


def _named(article: Article, token: Any) -> Performer | None:
    """The person a token names, or names beside it ("his compatriot Eliud Kipchoge")."""
    name = _person(token, article) or next(
        (n for c in token.children if c.dep_ == "appos" and (n := _person(c, article)) is not None), None)
    return Performer(person_id(article, name), False) if name else None


def named_person(article: Article, token: Any) -> str | None:
    """The person a token names ("Sinner", "Jannik Sinner"), else None."""
    return _person(token, article)


def person_id(article: Article, name: str) -> str:
    """A person's id: the name in full, as the article gives it elsewhere, without a leading description."""
    words = full_name(article, name).split()
    while len(words) > 2 and (words[0].lower() in _DESCRIPTIONS or not words[0][:1].isupper()):
        words = words[1:]  # "Fellow Kenyan Benson Kipruto" -> "Kenyan Benson Kipruto"
    return slug(" ".join(words))


def _describes_someone(actor: Any) -> bool:
    """A pronoun or a description that can stand for a person named before ("he", "the 23-year-old", "the time"),
    not a position ("second place") or a name of something else."""
    if actor.pos_ == "PRON" or actor.ent_type_ == "NORP":
        return True  # "he", "the Kenyan"
    lex = lexicon()
    described = actor.lemma_.lower() in race_words().descriptions or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in actor.children) or any(  # "his winning margin"
        c.ent_type_ == "NORP" or "year-old" in c.lower_ for c in actor.subtree if c.i < actor.i)
    return actor.pos_ == "NOUN" and described and actor.lower_ not in lex.ordinals \
        and not any(c.lower_ in lex.ordinals for c in actor.children)


def performer(article: Article, doc: Any, tokens: list[Any], sentence_start: int, direct: bool = True,
              only_self: bool = False) -> Performer | None:
    """The person the timing at `tokens` (the figure, the noun it belongs to) belongs to.

    `direct`: first the time's own person: the name it stands beside ("Khannouchi (2:05:42)"), its possessor,
    its "run by" agent, the relative clause that sets it.  Then whoever does the verb that governs it.
    `only_self`: only a person the tokens themselves name.
    """
    tokens = [t for t in tokens if t is not None]
    if only_self:
        return next((p for t in tokens if (p := _named(article, t)) is not None), None)
    if direct:
        for t in tokens:
            if t.dep_ == "appos" and (p := _named(article, t.head)) is not None:
                return p
            for c in t.children:
                if c.dep_ == "poss" and (p := _named(article, c)) is not None:
                    return p
                if c.dep_ in ("acl", "relcl", "prep", "agent"):
                    by = c if c.lower_ == "by" else next((g for g in c.children if g.lower_ == "by"), None)
                    objects = [g for g in by.children if g.dep_ == "pobj"] if by is not None else []
                    if objects and (p := _named(article, objects[0])) is not None:
                        return p
                    if c.dep_ == "relcl" and (s := subject_of(c)) is not None and s.lower_ not in _RELATIVE \
                            and (p := _named(article, s)) is not None:
                        return p
        if (p := _in_clause(article, doc, tokens[0], sentence_start)) is not None:
            return p
    verb = governing_verb(tokens[-1] if len(tokens) > 1 else tokens[0])
    actor = subject_of(verb) if verb is not None else None
    if actor is not None and (p := _named(article, actor)) is not None:
        return p
    if actor is not None and (mark_in(actor.text) is not None or (actor not in tokens and not _describes_someone(actor))):
        return None  # a subject that names something else (a record, an organisation, a place, a position)
    if actor is None:
        return None  # no verb with a subject: nothing says the figure is a named person's
    found = antecedent(article, doc, actor.i, sentence_start)
    if found is None:
        return None
    return Performer(person_id(article, found[0]), found[1] or actor.pos_ != "PRON")


def _in_clause(article: Article, doc: Any, figure: Any, sentence_start: int) -> Performer | None:
    """The person named in the figure's own clause before it ("with Bashir Abdi third in 2:04:32")."""
    start = figure.i
    while start > max(0, figure.i - _CLAUSE_TOKENS) and not (
            doc[start - 1].text in (",", ";", ":", "—", "–", "(") or "." in doc[start - 1].text  # "2019.Only": run together
            or doc[start - 1].lower_ == "with"):
        start -= 1
    for t in reversed(doc[start:figure.i]):
        ent = _entity(t)
        owner = t.dep_ in ("poss", "case") or (ent is not None and ent.root.dep_ == "poss") \
            or (t.dep_ == "compound" and t.head.dep_ == "poss")
        if not owner and (p := _named(article, t)) is not None:
            return p  # not "Chepngetich's attempt": a possessor is not who ran
    return None


def _event_slug(text: str) -> str | None:
    words = [w for w in re.sub(r"[’']s\b", "", text).split() if not re.fullmatch(r"\d{4}|the|The", w)]
    while words and words[-1].lower() in race_words().event_nouns:
        words.pop()
    return slug(" ".join(words)) or None


def event_name(ent: Any) -> str | None:
    """The event slug of a place or event entity ("the 2022 Berlin Marathon" -> berlin)."""
    return _event_slug(ent.text)


def _event_name(token: Any) -> str | None:
    """The event a noun names: a place or event entity, or a race noun with a place ("the London race")."""
    ent = _entity(token)
    if ent is not None and ent.label_ in _PLACES:
        return _event_slug(ent.text)
    if token.lemma_.lower() in race_words().event_nouns:
        if any(c.lower_ == "this" for c in token.children):
            return STORY  # "on this course"
        for c in token.children:
            if c.dep_ in ("compound", "poss", "nmod", "amod") and (e := _entity(c)) is not None and e.label_ in _PLACES:
                return _event_slug(e.text)
    return None


def event_of(tokens: list[Any]) -> tuple[str | None, Any | None]:
    """(event slug, the token naming it) among the places and races attached to `tokens`, else (None, None)."""
    for t in tokens:
        if t is None:
            continue
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "during", "on"):
                for g in c.children:
                    if g.dep_ == "pobj" and (name := _event_name(g)):
                        return name, g
            if c.dep_ == "dobj" and t.pos_ in _VERBS and (name := _event_name(c)) \
                    and (ent := _entity(c)) is not None and ent.label_ == "EVENT":
                return name, c  # "won the London Marathon"
            if c.dep_ in ("compound", "poss", "nmod") and t.pos_ == "NOUN" and (e := _entity(c)) is not None \
                    and e.label_ in _PLACES and c.i < t.i:
                return _event_slug(e.text), c  # "Kipchoge's Berlin 2022 standard"
    return None, None


def story_events(article: Article) -> frozenset[str]:
    """Slugs of the words that name the story's own race: its title, its first sentence and its dateline."""
    first = next((s for s in article.sentences if article.text[s.start:s.end].strip() != article.title.strip()), None)
    parts = [article.title, article.text[first.start:first.end] if first else ""]
    if article.dateline is not None:
        parts.append(article.dateline.place)
    return frozenset({"-" + slug(p) + "-" for p in parts if p})


def is_story(article: Article, event: str) -> bool:
    """True when the article's title, first sentence or dateline names `event`."""
    return event == STORY or any(f"-{event}-" in told for told in story_events(article))
