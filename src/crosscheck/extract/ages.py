"""A person's age ("the 24-year-old won", "the 32-year-old California man", "Sinner, the 22-year-old world
No. 1") as a fact of its own: measure `age`, the person as subject.

Without it an age is a duration keyed by whatever verb is near ("duration-won", "duration-had"), so two
outlets giving one player two ages never meet.  The person is the name the age stands beside (the noun it
describes, or the name that noun is in apposition to); else, when the described person is the subject of its
clause ("The 23-year-old had beaten ..."), the person named just before, which is `inferred` (a lower
confidence, so a conflict is at most a warning).  A sentence with two ages ("the 23-year-old overtook his
38-year-old counterpart") and an age of a thing ("the 91-year-old bridge") or of someone only mentioned in
passing ("the time of the 30-year-old runner") get no age frame.
"""

from __future__ import annotations

import re
from typing import Any

from crosscheck.extract.article import Article
from crosscheck.extract.frames import FrameReading
from crosscheck.extract.mention import Mention
from crosscheck.extract.performers import INFERRED, SURE, antecedent, named_person, person_id
from crosscheck.model.frame import Frame
from crosscheck.text.lexicon import word_set

_AGE = re.compile(r"(?i)^\d{1,3}-years?-old$")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


_HOLDERS = word_set("age_holders")


def read_age_frame(article: Article, span: Any, mention: Mention) -> FrameReading | None:
    """The age frame of a duration written "N-year-old"; None when it is no person's age the text makes clear."""
    if mention.kind != "duration" or not _AGE.match(article.text[mention.start:mention.end]):
        return None
    old = next((t for t in reversed(span) if t.lower_ in ("old", "year-old", "years-old")), None)
    if old is None:
        return None
    doc = old.doc
    if sum(1 for t in doc if t.lower_ == "old" and t.i > 0 and doc[t.i - 1].text == "-") > 1:
        return None  # two ages in one sentence: which is whose is for the parse of the whole clause
    nominal = old.head.pos_ in ("NOUN", "PROPN", "PRON")
    holder = old.head if old.dep_ in ("amod", "compound", "nmod") and old.head.i > old.i and nominal else old
    person = named_person(article, holder) or (
        named_person(article, holder.head) if holder.dep_ == "appos" else None)
    confidence = SURE
    if person is None:
        if not _is_subject(holder) or not _describes_a_person(holder, old):
            return None
        found = antecedent(article, doc, span.start, _sentence_start(article, mention.start))
        if found is None:
            return None
        person, confidence = found[0], INFERRED
    return FrameReading(Frame(measure="age", subject=person_id(article, person)), confidence)


def _is_subject(holder: Any) -> bool:
    """The described person is the subject of its clause; the parse sometimes hangs "The 24-year-old won"'s age
    on the verb as a modifier, which is the subject when the verb has no other."""
    if holder.dep_ in _SUBJECTS:
        return True
    verb = holder.head
    return holder.dep_ == "amod" and verb.pos_ in ("VERB", "AUX") and verb.i > holder.i and \
        not any(c.dep_ in _SUBJECTS for c in verb.children)


def _describes_a_person(holder: Any, old: Any) -> bool:
    """The age's noun says it is a person: the age itself ("the 24-year-old"), a nationality ("the Kenyan"),
    a person's noun ("the man", "the phenom") or a rank ("the world No. 1")."""
    if holder is old or holder.ent_type_ == "NORP":
        return True
    if holder.lower_ in ("no", "no.", "number") and any(c.like_num for c in holder.subtree):
        return True
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in _HOLDERS


def _sentence_start(article: Article, offset: int) -> int:
    return article.sentences[article.sentence_index(offset)].start
