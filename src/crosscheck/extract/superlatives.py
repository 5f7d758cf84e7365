"""Superlatives that bound a class: "the strongest aftershock measured 6.1" says no aftershock exceeded 6.1.

A figure stated as the extreme of a class is drafted as a claim about the class, not about one
member: its frame is the frame a member of the class gets ("a 6.5-magnitude aftershock" is
`magnitude-aftershock`) with the qualifier `extreme: max` (or `min` for "the smallest", "the
lowest").  The comparator `superlative_bounds` then holds the members other articles state
against it; two articles' superlatives of one class are one fact, compared as any figure.

Read only where the class is plain, since a false alarm costs more than a miss:
- the superlative follows "the" directly ("one of the strongest", "among the largest", "the
  second-strongest" are no bound of the class);
- the class is the noun it modifies ("the biggest single donation"), the plural after "of"
  ("the largest of the aftershocks"), or, for "the strongest" alone, the plural subject of the
  clause it is coordinated with ("aftershocks followed, and the strongest registered 6.1");
- a verb that states a figure ("was", "measured", "registered", "reached") follows the class at
  once, and the figure follows that verb within a few words;
- the sentence names no time, place or record span ("the strongest since 1912", "the largest in
  the region", "on Saturday"): those bound another class than the members elsewhere.
Every word list is in the lexicon (`superlative_*`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from crosscheck.extract.article import Article
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.framing import key_of
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug
from crosscheck.model.claims import Claim, Draft
from crosscheck.model.frame import Frame
from crosscheck.model.values import Value
from crosscheck.text.lexicon import alternation, lexicon, sections

EXTREME = "extreme"
"""The frame qualifier of a superlative's claim: `max` (no member exceeds it) or `min` (none falls below it)."""
SUPERLATIVE_CONFIDENCE = 0.75
"""How sure a superlative's class is read: the class noun and the verb are plain, but the parse may be wrong."""
_FIGURE_KINDS = ("quantity", "percentage")
_BLOCKING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
_GAP = 3
"""Words allowed between the verb and the figure ("was a magnitude 6.1", "came in at 6.1")."""
_VALUE: TypeAdapter[Value] = TypeAdapter(Value)


@dataclass(frozen=True)
class SuperlativeWords:
    """The lexicon's `superlative_*` sections."""

    extremes: dict[str, str]
    """Superlative -> `max` or `min` ("strongest" -> max, "lowest" -> min)."""
    verbs: frozenset[str]
    """Lemmas of verbs that state a superlative's figure ("be", "measure", "register")."""
    other_classes: tuple[str, ...]
    """Words that make a superlative bound another class than the story's ("since", "ever", "on record")."""
    refusals: tuple[str, ...]
    """Words just before "the" that make a superlative no bound of the class ("one of", "among")."""
    pattern: re.Pattern[str]
    """Any superlative word, to pick the sentences worth parsing."""


@cache
def superlative_words() -> SuperlativeWords:
    """The packaged superlative lists (read once per process)."""
    raw = sections()  # the lexicon's one parse
    extremes = {str(word).lower(): str(side) for side, words in raw["superlative_extremes"].items() for word in words}
    return SuperlativeWords(
        extremes=extremes,
        verbs=frozenset(str(w).lower() for w in raw["superlative_verbs"]),
        other_classes=tuple(str(w).lower() for w in raw["superlative_other_classes"]),
        refusals=tuple(str(w).lower() for w in raw["superlative_refusals"]),
        pattern=re.compile(rf"\b(?:{alternation(extremes)})\b", re.I),
    )


@dataclass(frozen=True, slots=True)
class Bound:
    """A figure read as the extreme of a class: which side, the class noun, and the unit it is in."""

    side: str
    noun: str
    unit: str | None


def with_superlatives(article: Article, mentions: Sequence[Mention], claims: list[Claim], ids: Counter[str]) -> list[Claim]:
    """`claims` with each figure that states the extreme of a class drafted as that class's bound instead.

    `mentions`: the article's value mentions (a figure with no noun of its own, "measured 6.1",
    has one but no claim); `ids`: the claim ids used so far, kept unique.
    """
    words = superlative_words()
    text = article.text
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind in _FIGURE_KINDS and not m.extras.get("change") and not m.value.get("change"):
            by_sentence.setdefault(article.sentence_index(m.start), []).append(m)
    wanted = [i for i in sorted(by_sentence)
              if words.pattern.search(text, article.sentences[i].start, article.sentences[i].end)]
    if not wanted:
        return claims
    sentences = [article.sentences[i] for i in wanted]
    parsed = article.parsed(wanted)
    docs = [parsed[i] for i in wanted]
    out = list(claims)
    for index, sentence, doc in zip(wanted, sentences, docs):
        for m in by_sentence[index]:
            span = doc.char_span(m.start - sentence.start, m.end - sentence.start, alignment_mode="expand")
            bound = read_bound(doc, span) if span is not None and len(span) else None
            if bound is not None:
                out = _replace(out, _bound_claim(article, m, bound, ids), text[m.start:m.end], sentence.start, sentence.end)
    return out


def read_bound(doc: Any, figure: Any) -> Bound | None:
    """The class bound the figure's tokens (`figure`, a spaCy Span) state, when the sentence says it plainly."""
    words = superlative_words()
    lowered = f" {doc.text.lower()} "
    if any(ent.label_ in _BLOCKING_ENTITIES for ent in doc.ents) or any(f" {w} " in lowered for w in words.other_classes):
        return None
    for token in doc[:figure.start]:
        side = words.extremes.get(token.lower_)
        if side is None or token.i == 0 or doc[token.i - 1].lower_ != "the" or _refused(doc, token.i - 1):
            continue
        found = _class_and_verb(doc, token)
        if found is None:
            continue
        noun, verb = found
        if figure.start <= verb.i < figure.end:
            gap = doc[figure.start:figure.start]  # "topped $2 million": the verb is the figure's own approximator
        elif verb.lemma_.lower() in words.verbs and 0 < figure.start - verb.i <= _GAP + 1:
            gap = doc[verb.i + 1:figure.start]
        else:
            continue
        if not _plain_gap(gap):
            continue
        return Bound(side, noun.lemma_.lower(), _unit(gap, figure, noun))
    return None


def _plain_gap(gap: Any) -> bool:
    """True for the words between the verb and the figure that only lead to it ("at", "a magnitude", "a
    magnitude of"): no negation, and a noun only as the figure's unit, just before it or before "of"."""
    last = len(gap) - (2 if len(gap) >= 2 and gap[-1].lower_ == "of" else 1)
    for n, t in enumerate(gap):
        if t.lower_ in ("not", "never") or t.pos_ not in ("DET", "ADP", "ADV", "NOUN") or (t.pos_ == "NOUN" and n != last):
            return False
    return True


def _refused(doc: Any, the: int) -> bool:
    """True when the words before "the" make the superlative one of several ("one of the", "among the")."""
    before = " ".join(t.lower_ for t in doc[max(0, the - 3):the])
    return any(before == r or before.endswith(" " + r) for r in superlative_words().refusals)


def _class_and_verb(doc: Any, superlative: Any) -> tuple[Any, Any] | None:
    """The class noun of a superlative and the verb right after the phrase, or None when either is unclear."""
    i = superlative.i + 1
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1  # "the biggest single donation"
    if i >= len(doc):
        return None
    if doc[i].pos_ == "NOUN" and i - superlative.i <= 3:
        noun = doc[i]
        while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and doc[i + 1].dep_ != "dobj":
            i += 1  # "the largest aid donation": the last noun heads the class
            noun = doc[i]
        after = i + 1
    elif doc[i].lower_ == "of" and i == superlative.i + 1:
        j = i + 1 + (i + 1 < len(doc) and doc[i + 1].pos_ == "DET")
        if j >= len(doc) or doc[j].tag_ != "NNS":
            return None
        noun, after = doc[j], j + 1  # "the largest of the aftershocks"
    elif doc[i].pos_ in ("VERB", "AUX") and i == superlative.i + 1:
        antecedent = _coordinated_plural(doc, superlative.i - 1)
        if antecedent is None:
            return None
        noun, after = antecedent, i  # "aftershocks followed, and the strongest registered 6.1"
    else:
        return None
    if after >= len(doc) or doc[after].pos_ not in ("VERB", "AUX") or noun.ent_type_:
        return None
    return noun, doc[after]


def _coordinated_plural(doc: Any, the: int) -> Any | None:
    """For "..., and the strongest registered": the plural subject of an earlier clause of the sentence."""
    if the < 2 or doc[the - 1].lower_ not in ("and", ";", ","):
        return None
    speech = frozenset(lexicon().speech_verbs)
    for token in reversed(doc[:the - 1]):  # "aftershocks came, agencies said, and the strongest": not the agencies
        subject = token
        if token.tag_ == "NNS" and token.dep_ == "pobj" and token.head.lower_ == "of" and _a_count(token.head.head):
            subject = token.head.head  # "dozens of aftershocks followed"
        if token.tag_ == "NNS" and subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lower_ not in speech:
            return token
    return None


def _a_count(token: Any) -> bool:
    """A word that counts the plural after it ("dozens of", "hundreds of", "a number of")."""
    return token.ent_type_ == "CARDINAL" or token.like_num or token.lemma_.lower() in frame_lexicon().count_nouns


def _unit(gap: Any, figure: Any, noun: Any) -> str | None:
    """The unit a bare figure is in, from the noun just before it ("a magnitude 6.1") or just after ("6.1 magnitude")."""
    before = [t for t in gap if t.pos_ == "NOUN"]
    if before:
        return before[-1].lemma_.lower()
    doc = figure.doc
    if figure.end < len(doc) and doc[figure.end].pos_ == "NOUN" and doc[figure.end].lemma_ != noun.lemma_:
        return doc[figure.end].lemma_.lower()
    return None


def _bound_claim(article: Article, m: Mention, bound: Bound, ids: Counter[str]) -> Claim | None:
    """The claim of a class bound: the figure's value, the member frame with `extreme`, the sentence as quote."""
    value = dict(m.value)
    unit = value.get("unit")
    if unit and bound.unit is None and not any(ch.isalpha() for ch in article.text[m.start:m.end]):
        unit = None  # "measured 6.1, and 40 people died": the unit the extractor lent it belongs to the next figure
    elif not unit and not value.get("currency") and m.kind == "quantity":
        unit = bound.unit
    if unit:
        value["unit"] = unit
    else:
        value.pop("unit", None)
    measures = frame_lexicon().measures
    measure = slug(f"{unit} {bound.noun}") if unit and not value.get("currency") else measures.get(bound.noun, slug(bound.noun))
    frame = Frame(measure=measure, qualifiers={EXTREME: bound.side})
    subject, prop = key_of(frame)
    base = slug(f"{subject}-{prop}")[:60].strip("-")
    ids[base] += 1
    from crosscheck.extract.draft import quote_span  # the one quoting rule; draft imports this module

    q_start, q_end = quote_span(article, m.start, m.end)
    try:
        return Claim(id=base if ids[base] == 1 else f"{base}-{ids[base]}", subject=subject, property=prop,
                     value=_VALUE.validate_python(value), text=article.text[m.start:m.end],
                     quote=article.text[q_start:q_end],
                     draft=Draft(confidence=SUPERLATIVE_CONFIDENCE, method="superlative", span=(q_start, q_end)),
                     frame=frame)
    except ValidationError:
        return None


def _replace(claims: list[Claim], bound: Claim | None, written: str, start: int, end: int) -> list[Claim]:
    """The claims with the figure's own claim (same words, same sentence) replaced by its bound, in text order."""
    if bound is None:
        return claims
    def same_figure(claim: Claim) -> bool:
        span = claim.draft.span if claim.draft is not None else None
        return claim.text == written and span is not None and start <= span[0] < end
    kept = [c for c in claims if not same_figure(c)]
    at = next((i for i, c in enumerate(kept) if c.draft is not None and c.draft.span and c.draft.span[0] > start), len(kept))
    return [*kept[:at], bound, *kept[at:]]
