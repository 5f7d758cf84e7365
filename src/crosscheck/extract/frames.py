"""Reading a figure's frame from the dependency parse: what it measures, of whom, when, how sure, level or change.

For each figure the parse gives the noun phrase it heads and what governs it: the
noun it is "of" ("a death toll of 1,644"), the verb it is the object of or reached by
("revenue came to $25.7 billion", "rose 2%", "killed 2,400 people"), and that verb's
subject.  The measure is the measured noun with its modifiers, or, for a count of
people, what happened to them; both go through the lexicon's `frame_measures` so
"death toll", "people killed" and "dead" are one measure.  Named entities give the
subject (organisations and people, never a date, a label or a wire agency) and the
place qualifier; modifiers give the basis (adjusted vs GAAP) and division (men's vs
women's); date entities attached to the figure give the period, relative ones
resolved against the publication year.  Every word list is in the lexicon.

Longer than the project's usual module: the steps above read one parse together (each
needs the governor, the thing and the verb the others found), so they stay side by side;
the period (`frame_time`) and the cue words (`frame_cues`) are apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crosscheck.extract.change_intervals import interval_of
from crosscheck.extract.frame_cues import change_of, cue_words, modality_of
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.frame_time import period_of
from crosscheck.extract.names import slug
from crosscheck.extract.numbers import parse_number
from crosscheck.extract.sessions import session_in
from crosscheck.extract.windows import window_of
from crosscheck.model.frame import Direction, Frame
from crosscheck.text.lexicon import lexicon

_NOUNS = {"NOUN", "PROPN"}
_VERBS = {"VERB", "AUX"}
_SUBJECT_LABELS = {"ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CLIMB = {"nummod", "quantmod", "compound", "nmod", "amod"}
INFERRED_DATE = 0.55
"""A day's frame is read from one verb: below `LOW_CONFIDENCE`, so a conflict of days is at most a warning."""
_TIME_UNITS = frozenset(lexicon().duration_units) | frozenset(lexicon().duration_units.values())
_FIGURE_PREPOSITIONS = frozenset({"to", "by", "from", "at", "of", "around", "about", "over", "near", "than", "for", "in"})
_MEASURE_UNITS = frozenset(lexicon().units.values())
"""Units of measure as drafting writes them ("km", "sq km", "°C"): a figure in one counts no thing of that name."""
_CURRENCY_TAIL = frozenset({"u.s.", "us", "usd", "eur", "gbp", "cad", "aud", "dollars", "euros", "dollar", "euro"})


@dataclass(frozen=True, slots=True)
class FrameReading:
    """A frame and how sure the reading is (0..1)."""

    frame: Frame
    confidence: float


def _np_head(token: Any) -> Any:
    """The head of the noun phrase a figure's tokens belong to ("$ 25.7 billion U.S." -> the money's head)."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current or current.dep_ not in _CLIMB:
            break
        if head.pos_ not in _NOUNS | {"NUM", "SYM", "ADJ"}:
            break
        current = head
    return current


def _phrase(noun: Any) -> list[str]:
    """The measured noun with its meaningful modifiers, as lemmas ("automotive revenue", "death toll")."""
    lex = frame_lexicon()
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
             and c.ent_type_ not in _PLACE_LABELS | _SUBJECT_LABELS | {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}
             and not c.like_num and c.pos_ not in ("NUM", "SYM", "PUNCT")]
    out = [w.lemma_.lower() for w in words if w.lemma_.lower() not in lex.neutral
           and w.lemma_.lower() not in lex.basis and w.lower_ not in lex.divisions]
    out.append(noun.lemma_.lower())
    for c in noun.children:  # "earnings per share"
        if c.dep_ == "prep" and c.lower_ == "per":
            out += [c.lower_] + [g.lemma_.lower() for g in c.children if g.dep_ == "pobj"]
    return out


def _canonical(candidates: Iterable[str | None]) -> str | None:
    measures = frame_lexicon().measures
    for c in candidates:
        if c and c in measures:
            return measures[c]
    return None


def _named(token: Any) -> bool:
    """True for a token inside a name (an organisation, a person, a place), not inside a figure ("6,000 feet")."""
    ent = _entity(token)
    return ent is not None and ent.label_ in _SUBJECT_LABELS | _PLACE_LABELS


def _measure_word(token: Any) -> bool:
    """A sentence's first word that the tagger took for a name but the lexicon lists as a measure ("Turnout")."""
    return token.i == token.sent.start and token.lower_ in frame_lexicon().measures


def _governor(np: Any) -> tuple[Any | None, Any | None, str | None]:
    """(noun, verb, preposition) governing the figure's phrase: "toll of", "came to", "rose" ..."""
    current = np
    for _ in range(3):
        dep, head = current.dep_, current.head
        if head is current:
            return None, None, None
        if dep == "pobj":
            prep, gov = head, head.head
            while gov.pos_ == "ADP" and gov.dep_ == "prep" and gov.head is not gov:
                gov = gov.head  # "dropped from 4.2% to 4.1%": "to" hangs on "from"
            if gov.pos_ in _NOUNS and gov.dep_ == "pobj" and gov.head.lower_ == "per":
                gov = gov.head.head  # "earnings per share of $0.73": the earnings, not the share
            if gov.pos_ == "NOUN" and gov.dep_ == "npadvmod" and gov.head.pos_ in _VERBS:
                return None, gov.head, prep.lower_  # "had grown five-fold to 239,100 acres": the verb grew, not a fold
            if gov.pos_ in _NOUNS:
                return gov, None, prep.lower_
            if gov.pos_ == "ADJ" and gov.dep_ in ("amod", "advmod", "acomp") and gov.head.pos_ in _NOUNS | {"NUM", "SYM"}:
                return _governor(_np_head(gov.head))  # "short of the $0.76 expected": the same measure as its head
            if gov.pos_ in ("ADJ", "ADV") and gov.dep_ in ("advmod", "acomp", "oprd", "amod") and gov.head.pos_ in _VERBS:
                return None, gov.head, prep.lower_  # "held steady at 4.1%": the verb governs the figure
            if gov.pos_ in _VERBS | {"ADJ"} and prep.lower_ in _FIGURE_PREPOSITIONS and prep.dep_ != "agent":
                return None, gov, prep.lower_
            return None, None, prep.lower_
        if dep == "npadvmod" and head.pos_ in ("ADV", "ADP") and head.dep_ in ("advmod", "prt") \
                and head.head.pos_ in _VERBS:
            return None, head.head, None  # "shares closed down 1.7%": the verb the adverb qualifies governs it
        if dep == "appos" and (fronted := _fronting(head)) is not None and fronted.head.pos_ in _VERBS:
            return None, fronted.head, None  # "In San Remigio, five people ... were killed": a misparse as apposition
        if dep in ("appos", "conj") and head.pos_ in _NOUNS | {"NUM", "SYM"}:
            current = head
            continue
        if dep == "conj" and head.pos_ in _VERBS:
            return None, head, None
        if head.pos_ in _VERBS | {"ADJ"}:
            return None, head, None
        if head.pos_ in _NOUNS and dep in ("appos", "nmod", "compound", "amod"):
            return head, None, None
        return None, None, None
    return None, None, None


def _verb_subject(verb: Any) -> Any | None:
    """The nominal subject of a verb, following xcomp/conj up to the verb that has one."""
    current = verb
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNS:
        return verb.head  # "the rate holding steady at 4.1%", "the toll, which rose to 1,000"
    for _ in range(3):
        for c in current.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c if c.pos_ in _NOUNS | {"PRON"} else None  # a verb with its own subject: no climbing
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp", "prep", "pcomp") and current.head is not current:
            current = current.head
        else:
            break
    return None


def _event(noun: Any | None, verb: Any | None, acting: bool = False) -> str | None:
    """What happened to the counted thing: a non-generic governing verb, or the noun's participle or adjective.

    `acting`: the figure is the verb's active subject ("the 7.7 earthquake killed"): the verb is what it did.
    """
    lex = frame_lexicon()
    if verb is not None and not acting and verb.lemma_.lower() not in lex.generic_verbs:
        return verb.lemma_.lower()
    if verb is not None:  # "30 others remain missing"
        for c in verb.children:
            if c.dep_ in ("acomp", "oprd") and (c.lower_ in lex.measures or c.lemma_.lower() in lex.measures):
                return c.lower_ if c.lower_ in lex.measures else c.lemma_.lower()
    if noun is not None:
        for c in noun.children:
            if c.dep_ in ("acl", "relcl", "amod") and (c.lower_ in lex.measures or c.lemma_.lower() in lex.measures):
                return c.lower_ if c.lower_ in lex.measures else c.lemma_.lower()
    return None


def _entity(token: Any) -> Any | None:
    """The named entity `token` is part of, read from the tokens' own entity marks: `doc.ents`
    walks the whole document on every call, which made a long article's drafting quadratic."""
    if token.lower_ in _CURRENCY_TAIL:
        return None  # "$25.7 billion U.S.": the currency, not a place
    if token.ent_iob_ not in ("B", "I"):
        return None
    from spacy.tokens import Span  # loaded with the pipeline already

    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _entity_id(ent: Any) -> str | None:
    text = re.sub(r"[’']s$", "", ent.text.strip())
    text = re.sub(r"^(?i:the)\s+", "", text)
    if not text or text.lower() in frame_lexicon().not_subjects or not any(ch.isalpha() for ch in text):
        return None  # a wire agency, or a figure the tagger took for a name ("(+9)")
    return slug(text) or None


def _subject_and_place(tokens: list[Any]) -> tuple[str | None, str | None]:
    """The owner (organisation, person) and the place among the figure's governing tokens' dependents."""
    subject = place = None
    for t in tokens:
        if t is None:
            continue
        for c in [t, *t.children]:
            ent = _entity(c)
            if ent is None:
                if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                    for g in c.children:
                        if g.dep_ == "pobj" and (e := _entity(g)) is not None and e.label_ in _PLACE_LABELS:
                            place = place or _entity_id(e)
                continue
            if c is not t and c.dep_ not in ("poss", "nsubj", "nsubjpass", "compound", "nmod"):
                continue
            if ent.label_ in _PLACE_LABELS:
                place = place or _entity_id(ent)
            elif ent.label_ in _SUBJECT_LABELS:
                subject = subject or _entity_id(ent)
    return subject, place


def _inhabited(noun: Any | None, verb: Any | None, preposition: str | None) -> bool:
    """True when a count of people is how many live in a place: "a city of 90,000 people", "the town, which has
    12,000 residents", "Bogo has 90,000 inhabitants"."""
    lex = frame_lexicon()
    if noun is not None and preposition == "of" and noun.lemma_.lower() in lex.place_nouns:
        return True
    if verb is None or verb.lemma_.lower() not in lex.possession_verbs:
        return False
    owner = _verb_subject(verb)
    if owner is not None and owner.pos_ == "PRON" and verb.dep_ == "relcl":
        owner = verb.head
    if owner is None:
        return False
    if owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.lemma_.lower() in lex.place_nouns:
        return True  # "the coastal city of Bogo, which has ..."
    ent = _entity(owner)
    return owner.lemma_.lower() in lex.place_nouns or (ent is not None and ent.label_ in ("GPE", "LOC"))


def _part_of(np: Any, phrase: list[str]) -> str | None:
    """What a figure counts when it is a part of another count ("among them three coastguard members",
    "including two children"): the counted noun; None for a figure that is no such part."""
    introduced = np.dep_ == "pobj" and np.head.lower_ in ("including", "among")
    among = any(c.dep_ == "prep" and c.lower_ == "among" and any(g.pos_ == "PRON" for g in c.children)
                for c in np.children)
    if not (introduced or among):
        return None
    words = _phrase(np) if np.pos_ == "NOUN" else phrase
    return slug(" ".join(words)) or np.lemma_.lower()


def _fronting(token: Any) -> Any | None:
    """The sentence-opening "In"/"At" whose place `token` is ("In nearby San Remigio, ..."), followed by a comma;
    else None."""
    if token.dep_ != "pobj" or token.head.i != token.sent.start or token.head.lower_ not in ("in", "at"):
        return None
    end = _phrase_end(token) + 1
    if end >= token.sent.end or token.doc[end].text != ",":
        return None
    return token.head


def _phrase_end(token: Any) -> int:
    """The last token of `token`'s phrase, without an apposition or punctuation hanging on it."""
    last = token.i
    for c in token.children:
        if c.i > token.i and c.dep_ not in ("appos", "punct", "conj", "cc"):
            last = max(last, _phrase_end(c))
    return last


def _fronted_place(figure: Any) -> str | None:
    """The place a sentence opens with ("In Medellin, ...", "In the town of Medellin, ..."): every figure of the
    sentence is in it unless its own clause names another place."""
    sentence = figure.sent
    first = sentence[0]
    if first.lower_ not in ("in", "at") or first.dep_ != "prep":
        return None
    for pobj in (c for c in first.children if c.dep_ == "pobj"):
        if _fronting(pobj) is None or figure.i <= _phrase_end(pobj):
            return None
        if pobj.lemma_.lower() in frame_lexicon().place_nouns:  # "the town of Medellin": a place, whatever the tagger says
            for name in (g for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj" and g.pos_ == "PROPN"):
                return _name_id(name)
        ent = _entity(pobj)
        if ent is not None and ent.label_ in _PLACE_LABELS:
            return _entity_id(ent)
        if ent is None and pobj.pos_ == "PROPN":  # "In Veramonte, ...": a name the tagger does not know
            return _name_id(pobj)
    return None


def _name_id(token: Any) -> str | None:
    """The id of the name `token` heads: its entity's, else its compound words and itself ("San Telmo")."""
    ent = _entity(token)
    if ent is not None:
        return _entity_id(ent)
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ == "PROPN"]
    return slug(" ".join(t.text for t in [*words, token])) or None


def _segment(verb: Any | None, thing: Any | None, np: Any) -> str | None:
    """What part of the whole a count belongs to: the subject of the verb that counts it ("health care added").

    Owners that are the whole ("the economy", "employers") and named subjects do not split the figure.
    """
    if verb is None and thing is not None and thing.dep_ == "dobj":
        verb = thing.head  # "energy storage brought in revenue of $3 billion": the revenue is the verb's object
    elif thing is not None and thing.i != np.i:
        return None
    if verb is None or thing is None or verb.lemma_.lower() == "be":
        return None
    subj = _verb_subject(verb)
    if subj is None or subj.i == np.i or subj.pos_ != "NOUN" or _entity(subj) is not None:
        return None
    lex = frame_lexicon()
    words = [c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod") and c.i < subj.i
             and c.lemma_.lower() not in lex.neutral]
    if subj.lemma_.lower() in lex.neutral_owners | lex.count_nouns or subj.lemma_.lower() in lex.money_measures \
            or subj.lemma_.lower() in lex.measures:
        return None  # "shares reached a high of 58 euros": the subject names the measure, not a part of it
    return slug(" ".join(words + [subj.lemma_.lower()])) or None


def _possessor(noun: Any | None) -> str | None:
    """The organisation or person named as the noun's possessor ("the agency's count"), if any."""
    for c in noun.children if noun is not None else ():
        if c.dep_ == "poss" and (ent := _entity(c)) is not None and ent.label_ in _SUBJECT_LABELS:
            return _entity_id(ent)
    return None


def _modifier_values(tokens: list[Any], table: dict[str, str]) -> str | None:
    """The table's values for the modifiers of `tokens`, joined in a fixed order ("adjusted+diluted"); None if none.

    Every modifier counts, not the first found: "non-GAAP earnings per diluted share" is adjusted and
    diluted, and taking "diluted" alone would put it with the GAAP figure.  A word after a hyphenated
    "non-" ("Non-GAAP", three tokens to the parser) is read with its prefix.
    """
    found: set[str] = set()
    for t in tokens:
        if t is None:
            continue
        for c in [t, *t.children]:
            prefix = "non-" if c.i >= 2 and c.doc[c.i - 1].text == "-" and c.doc[c.i - 2].lower_ == "non" else ""
            for form in (prefix + c.lower_, prefix + c.lemma_.lower(), c.lower_ + "'s"):
                if form in table:
                    found.add(table[form])
                    break
            else:
                if c.dep_ == "poss" and c.lower_ in table:
                    found.add(table[c.lower_])
    return "+".join(sorted(found)) or None


def _described(np: Any, unit: str) -> Any | None:
    """The noun a "30-storey" figure describes: its head, else the first common noun after it."""
    if np.pos_ == "NOUN" and np.lemma_.lower() != unit:
        return np
    for t in np.doc[np.i + 1:min(np.i + 5, np.sent.end)]:
        if t.pos_ == "NOUN" and t.lemma_.lower() != unit:
            return t
    return None


def read_frame(span: Any, kind: str, unit: str | None, anchor: tuple[int | None, int | None] = (None, None),
               of_noun: bool = False, money: bool = False) -> FrameReading:
    """The frame of the figure whose tokens are `span` (a spaCy Span), of value kind `kind`.

    `of_noun`: the figure and its unit describe the noun after them ("a 30-storey building"): the measure
    is that unit of that noun ("storey-building"), whatever governs the noun.
    """
    lex = frame_lexicon()
    figure = span.root
    np = _np_head(figure)
    qualifiers_from = ""
    described = _described(np, unit) if of_noun and unit else None
    noun, verb, preposition = _governor(np)
    left = None
    number = next((t for t in span if t.like_num), figure)
    if preposition == "from" and any(c.dep_ == "quantmod" and c.lower_ in ("to", "through") for c in number.children):
        # "collapsed from 24 to 8 seats": the parse hangs "24 to 8" on "from"; 8 is the level reached, 24 the one left
        preposition = "to"
        left = next((c.text for c in number.children if c.dep_ == "quantmod" and c.like_num and c.i < number.i), None)
    comparative = np.head if np.dep_ == "npadvmod" and np.head.lower_ in ("more", "fewer", "less") else None
    if comparative is not None:  # "305 seats, 46 more than last time": a change of the same measure
        if comparative.head.pos_ in _VERBS:
            verb = comparative.head
        objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None else []
        noun = objects[0] if objects else noun
    counted = np if np.pos_ in _NOUNS and np.lower_ not in _CURRENCY_TAIL and not np.like_num and kind == "quantity" \
        and unit and unit not in _MEASURE_UNITS else None  # "20 kilometres" measures something; kilometres are not it
    if counted is not None and counted.lemma_.lower() != unit:  # "dozens of homes": the noun after "of" is counted
        counted = next((g for c in counted.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj" and g.lemma_.lower() == unit), counted)
    thing = counted
    if thing is None and np.i != figure.i and np.pos_ == "NOUN" and _canonical([np.lemma_.lower(), np.lower_]):
        thing = np  # "magnitude 6", "a population 1.3 million strong": the figure's own noun names the measure
    if thing is None and np.dep_ == "appos" and np.head.pos_ == "NOUN":
        thing = np.head  # "120 seats, 46 more than last time": the appositive counts the same thing
    confidence = 0.75
    if thing is not None and thing.lemma_.lower() in lex.count_nouns | lex.person_nouns and noun is not None:
        thing = noun
    elif thing is not None and thing.lemma_.lower() in _TIME_UNITS:
        thing = noun  # "286 days": a count of days says what the days were spent on only through its governor
    if thing is None:
        thing = noun
    if thing is None and money:  # "had $13 billion in sales": the noun after "in" names what the money is
        thing = next((g for c in np.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                      if g.dep_ == "pobj" and g.pos_ == "NOUN" and _canonical([g.lemma_.lower(), g.lower_])), None)
    if thing is None and np.pos_ == "NOUN" and np.lemma_.lower() in lex.change:
        thing = np  # "an 8% decline in revenue": the figure heads the change noun
    if thing is None and verb is not None and preposition in ("to", "from", "by"):
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i != np.i]
        thing = objects[0] if objects else None  # "extend their stay to 287 days", "raised its forecast to $2"
    if thing is None and verb is not None and verb.lemma_.lower() not in lex.possession_verbs:
        subj = _verb_subject(verb)
        if subj is not None and subj.i != np.i and subj.pos_ in _NOUNS:
            thing = subj
    change_noun = None
    if thing is not None and thing.lemma_.lower() in lex.change and thing.pos_ == "NOUN":
        for c in thing.children:
            inner = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"] if c.dep_ == "prep" and \
                c.lower_ in ("in", "of") else []
            if inner:  # "an 8% decline in revenue": a change of the revenue
                change_noun, thing = thing, inner[0]
                break
        else:  # "sales posted a 113% increase": a change of what the verb's subject names
            subj = _verb_subject(verb) if verb is not None else None
            if subj is not None and subj.pos_ == "NOUN" and subj.i != thing.i:
                change_noun, thing = thing, subj
    if thing is not None and (thing.pos_ == "PROPN" or _named(thing)) and not _measure_word(thing):
        thing = None  # a name is whose figure it is (the subject), never what is measured
    if thing is not None and thing.lemma_.lower() in lex.count_nouns:  # "the number of people killed"
        for c in thing.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = [g for g in c.children if g.dep_ == "pobj"]
                if inner:
                    noun_inner = inner[0]
                    if _event(noun_inner, None) or _canonical([noun_inner.lemma_.lower(), noun_inner.lower_]):
                        thing, verb = noun_inner, None
                        noun = noun_inner
    # "the quake killed 69": the subject acts; "12 people died": an intransitive verb of the lexicon is what
    # happened to its subject
    # happened to its subject; "thousands of residents spent the night": what people did tells them from others
    counted_people = thing is not None and thing.lemma_.lower() in lex.person_nouns
    acting = np.dep_ == "nsubj" and not counted_people and not (
        verb is not None and _canonical([verb.lemma_.lower()]) is not None
        and not any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children))
    # "killed in 3 attacks", "won support in 149 districts": the verb owns the figure (its subject is the figure's
    # subject) but did not happen to what "in" counts
    # "collapsed from 24 to 8 seats": a verb of change with the level it left or reached moves the count; it did
    # not happen to what is counted (no seat collapsed)
    moved = verb is not None and verb.lemma_.lower() in lex.change and preposition in lex.change_prepositions
    event = _event(thing if thing is not None else counted, verb, acting=acting) \
        if preposition != "in" and not moved else None
    phrase = _phrase(thing) if thing is not None else []
    person = thing is None or thing.lemma_.lower() in lex.person_nouns or thing.pos_ == "PRON"  # "those displaced"
    linked = f"{phrase[-1]} {preposition}" if phrase and noun is not None and thing is noun and preposition else None
    candidates = ([event] if person else []) + [linked, " ".join(phrase), " ".join(phrase[-2:]),
                                                f"{phrase[-1]} {event}" if phrase and event else None,
                                                phrase[-1] if phrase else None,
                                                event if person or thing is counted else None]
    measure = _canonical(candidates)
    people = person or (counted is not None and counted.lemma_.lower() in lex.person_nouns)
    if measure is None and people and _inhabited(noun, verb, preposition):
        measure = "population"  # "a city of 90,000 people", "Bogo, which has around 90,000 residents"
    instance = None
    if described is not None:
        measure = slug(f"{unit} {described.lemma_.lower()}")
        if any(c.lower_ in lex.other_instance for c in described.children if c.dep_ in ("amod", "advmod")):
            measure += "-another"  # "a further 5.1-magnitude earthquake" is not the main one
        instance = _instance(span, unit or "", described)
    if unit in lex.length_units and (origin := _distance_from(np)) is not None:
        measure = "distance"  # "some 1,330 km southeast of the epicentre", "1,000km (620 miles) away from it"
        if origin:
            qualifiers_from = origin
    if money and phrase and phrase[-1] in lex.money_measures and "per" not in phrase:
        measure = lex.money_measures[phrase[-1]]
    if kind == "duration" or (unit or "") in _TIME_UNITS:
        words = [verb.lemma_.lower() if verb is not None else None, noun.lemma_.lower() if noun is not None else None,
                 thing.lemma_.lower() if thing is not None else None,
                 *(c.lemma_.lower() for c in np.children if c.dep_ in ("acl", "relcl"))]  # "105 years recommended"
        timed = next((lex.duration_measures[w] for w in words if w in lex.duration_measures), None)
        measure = timed or (measure if thing is not counted else None)
    if measure is not None and len(phrase) > 1 and "per" not in phrase and _canonical([" ".join(phrase)]) is None:
        # "cloud revenue": a part of the revenue; the words left of the longest canonical ending name the part
        ending = next((n for n in range(len(phrase) - 1, 0, -1) if _canonical([" ".join(phrase[-n:])]) == measure), 0)
        if ending:
            measure = slug(" ".join(phrase[:-ending]) + " " + measure)
    if measure is None:
        if not phrase and not event:
            measure, confidence = f"{kind}", 0.3
        else:
            words = phrase + ([event] if event and event not in phrase else [])
            measure = slug(" ".join(words)) or kind
            # a counted noun alone ("70 units") says what is counted, not what happened to it
            confidence = 0.6 if phrase and thing is not counted else 0.55 if phrase else 0.45
    else:
        confidence = 0.85
    governing = [np, thing, noun, verb]
    subject, place = _subject_and_place(governing)
    place = place or _fronted_place(figure)
    tally = measure in lex.running_tallies
    if tally:  # who reports a toll is its source, not its owner: only a possessor owns it
        subject = _possessor(thing)
    if verb is not None and subject is None and not tally:
        subj = _verb_subject(verb)
        if subj is not None and (ent := _entity(subj)) is not None and ent.label_ in _SUBJECT_LABELS:
            subject = _entity_id(ent)
    qualifiers: dict[str, str] = {}
    if measure == "distance":
        if qualifiers_from:
            qualifiers["from"] = qualifiers_from
        if located := _located(np):
            qualifiers["of"] = located  # Naypyitaw's distance from Mandalay is not the epicentre's
    if place:
        qualifiers["place"] = place
    if instance:
        qualifiers["instance"] = instance  # "a 53-yard field goal": one of several; another article's 27-yard one is another
    if (part := _part_of(np, phrase)) is not None:
        qualifiers["part"] = part  # "five died, among them three coastguard members": a part of the five
    if basis := _modifier_values([np, thing], lex.basis):
        qualifiers["basis"] = basis
    if division := _modifier_values([np, thing], lex.divisions):
        qualifiers["division"] = division
    if kind == "quantity" and unit and counted is not None and thing is not counted and not person \
            and counted.lemma_.lower() not in lex.person_nouns:
        qualifiers["unit"] = slug(unit)
    if not person and (segment := _segment(verb, thing, np)):
        qualifiers["segment"] = segment
    if money and (window := window_of(thing)):
        qualifiers["window"] = window  # "a three-year high of €58" and "a record high of €60" are different facts
    # "a 30-storey building": the hedges that count are those around the building, not the figure's odd parse
    cues, window = cue_words(described, described) if described is not None else cue_words(figure, np)
    modality = modality_of(cues, window, preposition, lex.change_prepositions)
    if money and (session := session_in(window)):
        qualifiers["session"] = session  # "$80.35 in pre-market trading" and "$80.45 after hours" are two prices
    level, direction = change_of(figure, np, noun, verb, preposition, kind == "percentage", window)
    if comparative is not None:
        level, direction = "change", "up" if comparative.lower_ == "more" else "down"
    if change_noun is not None:
        level, direction = "change", lex.change[change_noun.lemma_.lower()]
    if level == "change" and (interval := interval_of(span)):
        qualifiers["over"] = interval  # "up 4.0% year-over-year" and "up 0.4% on the month" are different facts
    change_from = left if level == "level" else None
    if verb is not None and level == "level":
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "from" and c.i > figure.i and any(t.like_num for t in c.subtree):
                # "fell to 4.1% from 4.2%"; "paid $250 a week from a strike fund" names a source, not a level
                change_from = " ".join(t.text for t in c.subtree if t.i != c.i) or None
    period = period_of(figure, governing + [figure], anchor, phrase)
    if modality == "partial" and period is not None and " so far " in f" {window} ":
        modality = "reported"  # "so far this year": a year-to-date figure, not a partial count
    if (joined := _joined(counted)) is not None:
        qualifiers["with"] = joined  # "181 passengers and crew" counts more than "175 passengers"
    frame = Frame(measure=measure, subject=subject, qualifiers=qualifiers, period=period, modality=modality,
                  level=level, direction=direction, change_from=change_from)
    return FrameReading(frame, confidence)


def _joined(counted: Any | None) -> str | None:
    """The noun a counted noun is joined to by "and" with no figure of its own ("181 passengers and crew",
    "40 homes and businesses"): the figure counts both together, another fact than a count of either."""
    if counted is None:
        return None
    for c in counted.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and any(g.dep_ == "cc" and g.lower_ in ("and", "&")
                                                           for g in counted.children):
            if not any(t.like_num for t in c.subtree):
                return slug(c.lemma_.lower())
    return None


def _instance(span: Any, unit: str, described: Any) -> str | None:
    """For a figure describing a play that happens many times in a game ("a 53-yard field goal", "a three-yard
    pass"): the play's own figure ("53-yd"), which tells it from the game's other plays; None for anything else.

    Nothing else in the sentence says which field goal it is, so two articles' figures of plays of one kind are
    two facts unless their figures agree: a wrong yardage goes unnoticed, but two different plays are never
    reported as a conflict.
    """
    modifiers = [c.lemma_.lower() for c in described.children if c.dep_ == "compound" and c.i < described.i]
    names = {described.lemma_.lower(), " ".join([*modifiers, described.lemma_.lower()])}
    if not names & frame_lexicon().repeated_events:
        return None
    written = span.text.rsplit("-", 1)[0] if "-" in span.text else span.text
    try:
        amount = parse_number(written)
    except ValueError:
        return slug(span.text) or None
    return slug(f"{amount:g} {unit}") or None


def _distance_from(np: Any) -> str | None:
    """For a length followed by a direction or "away" ("1,330 km southeast of the epicentre"): what it is measured
    from ("epicentre"), "" when the text does not say; None when the length is no distance."""
    doc, lex = np.doc, frame_lexicon()
    end = min(np.sent.end, np.i + 10)
    i = np.i + 1
    while i < end and (doc[i].is_punct or doc[i].like_num or doc[i].lower_ in lex.length_units
                       or doc[i].lemma_.lower() in ("mile", "kilometre", "kilometer", "foot")):
        i += 1  # "1,000km (620 miles) away": a conversion in brackets
    if i >= end or doc[i].lower_ not in lex.distance_cues:
        return None
    for t in doc[i:min(end, i + 4)]:
        if t.lower_ in ("of", "from"):
            objects = [c for c in t.children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
            return (_entity_id(e) if (e := _entity(objects[0])) is not None else objects[0].lemma_.lower()) \
                if objects else ""
    return ""


def _located(np: Any) -> str | None:
    """What a distance is of: the name or noun it stands beside ("Naypyitaw, 160 miles south"), or the subject
    of the verb it completes ("Bangkok is 1,000km away", "the capital, which lies 1,330 km southeast")."""
    lex = frame_lexicon()
    current = np
    if np.dep_ == "npadvmod" and np.head.lower_ in lex.distance_cues and np.head.head is not np.head:
        current = np.head  # "160 miles south of Mandalay": the direction word hangs on what is located
    for _ in range(3):  # "1,000km (620 miles)": the conversion is located where the first length is
        if current.dep_ == "appos" and current.head.pos_ in _NOUNS | {"NUM"} and current.head.lower_ not in lex.length_units \
                and current.head.lemma_.lower() not in ("mile", "kilometre", "kilometer", "foot", "km"):
            located = current.head
            break
        if current.dep_ in ("appos", "conj", "nummod") and current.head is not current:
            current = current.head
            continue
        verb = current.head if current.head.pos_ in _VERBS else None
        located = _verb_subject(verb) if verb is not None else current.head if current.head.pos_ in _NOUNS else None
        break
    else:
        return None
    if located is None:
        return None
    if located.pos_ == "PRON" and located.head.dep_ == "relcl":
        located = located.head.head  # "the capital, which lies ..."
    while located.dep_ == "appos" and located.head.pos_ in _NOUNS:
        located = located.head  # "Bangkok, the Thai capital"
    ent = _entity(located)
    return (_entity_id(ent) if ent is not None else None) or located.lemma_.lower()


def read_date_frame(span: Any) -> FrameReading | None:
    """The frame of a day ("launched on June 5"): the event the day dates, when the lexicon names it; else None."""
    lex = frame_lexicon()
    token = span.root
    if token.lower_ == "on" and token.dep_ == "prep":  # the span is "on June 5"
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "on":
        verb = token.head.head
    elif token.dep_ == "npadvmod" and token.head.pos_ in _VERBS:
        verb = token.head  # "was sparked last Thursday": a day without "on"
    else:
        return None
    if verb.pos_ in _NOUNS and verb.dep_ == "pobj" and verb.head.head.pos_ in _VERBS:
        verb = verb.head.head  # "embarked on their mission on June 6"
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > token.sent.start else None
    if before is not None and before.pos_ in _VERBS and before.lemma_.lower() in lex.date_events and \
            verb.lemma_.lower() not in lex.date_events:
        verb = before  # "since it was sparked last Thursday, the fire has destroyed": the parse hangs the day on the
        # main verb; the verb just before it is the one it dates
    if verb.pos_ not in _VERBS or verb.lemma_.lower() not in lex.date_events:
        return None
    subj = _verb_subject(verb)
    ent = _entity(subj) if subj is not None else None
    subject = _entity_id(ent) if ent is not None and ent.label_ in _SUBJECT_LABELS and ent.label_ != "PERSON" else None
    words, window = cue_words(token, token)
    frame = Frame(measure=lex.date_events[verb.lemma_.lower()], subject=subject,
                  modality=modality_of(words, window, None, lex.change_prepositions))
    return FrameReading(frame, INFERRED_DATE)


def read_multiple_frame(span: Any, direction: Direction, anchor: tuple[int | None, int | None] = (None, None)) -> FrameReading:
    """The frame of a change by a factor ("sales doubled", "the number of visitors tripled"): a change, up or down,
    of what the verb's subject names."""
    lex = frame_lexicon()
    verb = span.root
    thing = owner = _verb_subject(verb)
    done = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if done is not None:
        thing = done  # "the Greens doubled their lead": the lead is what doubled; the Greens own it
    else:
        owner = None
    if thing is not None and thing.lemma_.lower() in lex.count_nouns:  # "the number of visitors"
        inner = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        thing = inner[0] if inner else thing
    if thing is not None and (thing.pos_ not in _NOUNS or (_entity(thing) is not None and not _measure_word(thing))):
        thing = None
    phrase = _phrase(thing) if thing is not None else []
    measure = _canonical([" ".join(phrase), " ".join(phrase[-2:]), phrase[-1] if phrase else None])
    confidence = 0.85 if measure else 0.6 if phrase else 0.3
    measure = measure or slug(" ".join(phrase)) or "percentage"
    subject, place = _subject_and_place([verb, thing])
    if subject is None and owner is not None and (ent := _entity(owner)) is not None and ent.label_ in _SUBJECT_LABELS:
        subject = _entity_id(ent)
    cues, window = cue_words(verb, verb)
    frame = Frame(measure=measure, subject=subject, qualifiers={"place": place} if place else {},
                  period=period_of(verb, [verb, thing], anchor, phrase),
                  modality=modality_of(cues, window, None, lex.change_prepositions), level="change",
                  direction=direction)
    return FrameReading(frame, confidence)
