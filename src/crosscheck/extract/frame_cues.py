"""How sure the article is of a figure, and whether it is a level or a change, from the words around it.

The cue words are the lemmas on the figure's path to the root of its sentence (with their
auxiliaries, adverbs and agents) and the text of its clause up to the next figure; the
lexicon's `frame_modality` lists map them to a modality, `frame_change` to a direction.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.model.frame import Direction, Modality

_VERBS = {"VERB", "AUX"}


def cue_words(figure: Any, np: Any) -> tuple[set[str], str]:
    """Lemmas on the figure's path to the root (with their auxiliaries and adverbs), and the clause's text."""
    words: set[str] = set()
    chain = [figure, np, *np.ancestors]
    below = None
    for t in chain:
        raising = below is not None and below.dep_ == "ccomp" and any(c.dep_ == "xcomp" for c in t.children)
        below = t
        if raising:
            continue  # "..., many believed to have come from X": the verb hedges its own infinitive, not this clause
        # "a 53-yard field goal", "two goals down": goals counted or kicked are nobody's target (their modifiers,
        # "the revised 61,000 jobs", still count)
        if not (named_thing(t) or (t.i == np.i and figure.head.i == np.i and figure.dep_ == "nummod" and t.pos_ == "NOUN")):
            words.add(t.lemma_.lower())
            words.add(t.lower_)
        for c in t.children:
            if c.dep_ in ("aux", "advmod", "neg", "acl", "amod", "npadvmod", "acomp", "xcomp") and c.i != figure.i:
                words.add(c.lemma_.lower())
                words.add(c.lower_)
            if c.dep_ == "agent":  # "expected by analysts"
                words.update(g.lemma_.lower() for g in c.children)
            if c.dep_ in ("nsubj", "nsubjpass") and t.pos_ in _VERBS:  # "economists had been looking for"
                words.add(c.lemma_.lower())
    sentence = figure.sent
    lo = max(sentence.start, np.left_edge.i - 8)
    hi = min(sentence.end, np.right_edge.i + 8)
    doc = figure.doc
    own = range(min(figure.i, np.left_edge.i), max(figure.i, np.i) + 1)  # not its relative clause's figures
    for t in doc[lo:hi]:  # stop at the next figure: its words ("up to 100") are its own
        if t.like_num and t.i not in own:
            if t.i < own.start:
                lo = max(lo, t.i + 1)
            elif t.i > own.stop - 1:
                hi = min(hi, t.i - 2)
                break
    window = " ".join(t.lower_ for t in doc[lo:max(lo, hi)])
    return words, window


def named_thing(token: Any) -> bool:
    """True for a noun that with its compound modifiers names a thing the lexicon lists as no cue ("field goal")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = [c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i]
    return bool(modifiers) and " ".join([*modifiers, token.lemma_.lower()]) in frame_lexicon().not_cues


def modality_of(words: set[str], window: str, preposition: str | None, change_prep: dict[str, str]) -> Modality:
    if preposition and change_prep.get(preposition) == "previous":
        return "previous"
    for modality, cues in frame_lexicon().modality:
        for cue in cues:
            if (" " in cue and f" {cue} " in f" {window} ") or (" " not in cue and cue in words):
                return modality
    return "reported"


def change_of(figure: Any, np: Any, noun: Any | None, verb: Any | None, preposition: str | None,
            is_percentage: bool, window: str) -> tuple[Literal["level", "change"], Direction | None]:
    """(level or change, direction)."""
    lex = frame_lexicon()
    direction = None
    subject_of_verb = np.dep_ in ("nsubj", "nsubjpass")
    for t in (None if subject_of_verb else verb, noun):
        if t is not None and t.lemma_.lower() in lex.change:
            direction = lex.change[t.lemma_.lower()]
            if direction == "unchanged" and verb is not None and t is verb and preposition != "at" and \
                    not any(lex.change.get(c.lower_) == "unchanged" for c in t.children):
                direction = None  # "the dam holds 9 billion cubic metres": holding, not holding steady
                continue
            break
    if verb is not None and direction is None and not subject_of_verb:
        for c in verb.children:
            if c.dep_ in ("advmod", "prt") and c.lower_ in lex.change:
                direction = lex.change[c.lower_]
    for c in np.children:  # "46 more than last time" (not "more than 3,900", an approximator)
        if c.dep_ in ("advmod", "amod") and c.lower_ in ("more", "fewer", "less") and c.i > figure.i:
            return "change", "up" if c.lower_ == "more" else "down"
    if figure.i > 0 and figure.doc[figure.i - 1].text == "+":
        return "change", "up"
    rule = lex.change_prepositions.get(preposition or "")
    if direction and (rule == "change" or (rule is None and is_percentage and verb is not None)):
        return "change", direction
    if direction and noun is not None and noun.lemma_.lower() in lex.change:
        return "change", direction
    if is_percentage and re.search(r"year[- ]on[- ]year|year[- ]over[- ]year|from a year", window) and rule != "level":
        return "change", direction
    return "level", direction
