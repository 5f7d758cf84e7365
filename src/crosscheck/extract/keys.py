"""Proposing a claim's key (subject, property) for a mention, with a confidence.

With a registry: the subject is the registered entity whose name or alias
(exact, then rapidfuzz fuzzy) is nearest before the value in its sentence, and
the property is the registered property of the same kind whose words best match
the value's context (unit or currency agreeing adds weight).  Without one, or
when nothing matches well: the nearest name becomes a slug subject and the
counted thing (head noun) or the words before the value become the property.
Confidence below `REVIEW_BELOW` marks the claim for review.
"""

from __future__ import annotations

import bisect
import builtins
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import NameSpan, Person, find_people, slug
from crosscheck.extract.phrases import content_words
from crosscheck.model.claims import LOW_CONFIDENCE
from crosscheck.model.registry import Registry
from crosscheck.text.lexicon import lexicon

REVIEW_BELOW = LOW_CONFIDENCE
ENTITY_MATCH = 88
"""Minimum rapidfuzz score (0..100) for a name to count as a registered entity."""
PROPERTY_MATCH = 60

_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s+(?:while|but|and|which|making|ranking|followed|with|as|despite|according)\b|\.\s")
_ANAPHOR = re.compile(
    r"(?i)(?:the|this|that|these|its|their)\s+"
    r"(?:region|city|area|cluster|country|province|company|firm|group|hub|centre|center|organisation|organization)\b"
    r"|(?:it|they|here|there)\b"
)
_VERBS = frozenset("""reached reach reaches hit hits stood stands totaled totalled totals was were is are has have had
    leads led rose fell grew increased decreased accounted accounts represent represents comprising comprise
    valuing valued worth amounted amounting making made hosts host hosted launched established created""".split())


def _norm(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.lower())
    name = re.sub(r"^the\s+", "", name)
    return " ".join(re.sub(r"[^\w&]+", " ", name).split())


@dataclass(frozen=True, slots=True)
class Key:
    """A proposed key and how sure we are of it."""

    subject: str
    property: str
    confidence: float
    method: str

    @builtins.property  # the field `property` shadows the builtin in the class body
    def review(self) -> bool:
        return self.confidence < REVIEW_BELOW

    def capped(self, confidence: float) -> Key:
        """This key, at most as sure as `confidence`."""
        return Key(self.subject, self.property, min(self.confidence, confidence), self.method)


class KeyProposer:
    """Proposes keys for one article's mentions (names are indexed once per article)."""

    def __init__(self, article: Article, registry: Registry | None = None):
        self.article = article
        self.registry = registry
        # a day or a month alone ("by late Wednesday night", "in March") names when, never whose figure it is
        calendar = {*lexicon().weekdays, *lexicon().months}
        self.names = [n for n in article.names if not article.is_metadata(n.start) and n.name.lower() not in calendar]
        self.people = find_people(article.text)
        self._people_starts = [p.start for p in self.people]  # find_people sorts them by start
        self._by_sentence: dict[int, list[NameSpan]] = {}  # each sentence's names, by the sentence they start in
        for n in self.names:
            self._by_sentence.setdefault(article.sentence_index(n.start), []).append(n)
        self._full_names: dict[str, Person] | None = None
        self._aliases: dict[str, str] = {}
        if registry:
            for eid, entity in registry.entities.items():
                for name in [entity.name, *entity.aliases]:
                    self._aliases.setdefault(_norm(name), eid)
        self._alias_keys = list(self._aliases)

    def names_in(self, index: int) -> list[NameSpan]:
        """The names that start inside sentence `index`, in text order."""
        sentence = self.article.sentences[index]
        return [n for n in self._by_sentence.get(index, ()) if sentence.start <= n.start < sentence.end]

    # ------------------------------------------------------------------ subjects

    def entity_id(self, name: str) -> tuple[str, float, bool]:
        """(id, confidence, registered) for a name: the registry's id when it matches, else a slug."""
        norm = _norm(name)
        if self._aliases:
            if norm in self._aliases:
                return self._aliases[norm], 1.0, True
            hit = process.extractOne(norm, self._alias_keys, scorer=fuzz.token_sort_ratio, score_cutoff=ENTITY_MATCH)
            if hit:
                return self._aliases[hit[0]], hit[1] / 100, True
        return slug(name), 0.6, False

    def _subject_name(self, mention: Mention) -> tuple[NameSpan | None, float]:
        """The name the value is about: in its clause, else the sentence's subject, else the previous sentence's."""
        index = self.article.sentence_index(mention.start)
        sentence = self.article.sentences[index]
        inside = [n for n in self.names_in(index) if n.end <= mention.start or n.start >= mention.end]
        clause_start = self._clause_start(sentence.start, mention.start)
        before = [n for n in inside if n.end <= mention.start]
        in_clause = [n for n in before if n.start >= clause_start]
        if in_clause:
            return self._person(in_clause[-1]), 0.8
        opening = self.article.text[sentence.start:sentence.start + 40]
        if before and before[0].start - sentence.start <= 4:
            return self._person(before[0]), 0.7  # a clause without its own subject shares the sentence's
        previous = self._previous_subject(index)
        if previous and (_ANAPHOR.match(opening) or not before):
            return previous, 0.45
        if before:
            return self._person(before[-1]), 0.6
        after = [n for n in inside if n.start >= mention.end]
        if after:
            return self._person(after[0]), 0.5
        return None, 0.0

    def _previous_subject(self, index: int) -> NameSpan | None:
        """The first name of the nearest earlier sentence in the same paragraph (or the one before) that has one."""
        paragraph = self.article.sentences[index].paragraph
        for i in range(index - 1, max(-1, index - 4), -1):
            s = self.article.sentences[i]
            if s.paragraph < paragraph - 1:
                break
            names = self.names_in(i)
            if names:
                return self._person(names[0])
        return None

    def _person(self, name: NameSpan) -> NameSpan:
        """A titled name reduced to the person ("Science and Technology Minister Yin Hejun" -> "Yin Hejun")."""
        first = bisect.bisect_left(self._people_starts, name.start)
        last = bisect.bisect_right(self._people_starts, name.end)
        for p in self.people[first:last]:  # the people who start inside the name
            if p.end <= name.end and (p.start, p.end) != (name.start, name.end):
                return self._person(NameSpan(p.start, p.end, p.name)) if len(p.name.split()) == 1 else \
                    NameSpan(p.start, p.end, p.name)
        if len(name.name.split()) == 1:  # a surname alone: the person named in full before
            full = self._full_name(name.name)
            if full is not None:
                return NameSpan(name.start, name.end, full.name)
        return name

    def _full_name(self, word: str) -> Person | None:
        """The first person named in full (two words or more) with `word` among the words of their name."""
        if self._full_names is None:
            self._full_names = {}
            for p in self.people:
                if len(p.name.split()) > 1:
                    for w in p.name.split():
                        self._full_names.setdefault(w, p)
        return self._full_names.get(word)

    def _clause_start(self, sentence_start: int, at: int) -> int:
        last = sentence_start
        for m in _CLAUSE_BREAK.finditer(self.article.text, sentence_start, at):
            last = m.end()
        return last

    # ------------------------------------------------------------------ properties

    def _context(self, mention: Mention) -> list[str]:
        """Content words of the clause before the value, stopping at its last verb ("the combined GDP of ...")."""
        index = self.article.sentence_index(mention.start)
        start = self._clause_start(self.article.sentences[index].start, mention.start)
        chunk = self.article.text[start:mention.start]
        for n in self._by_sentence.get(index, ()):  # a name that ends before the value starts in its sentence
            if start <= n.start and n.end <= mention.start:
                chunk = chunk.replace(n.name, " ")
        words = content_words(chunk)
        # drop trailing verbs and the subject's own words
        while words and words[-1] in _VERBS:
            words.pop()
        if any(w in _VERBS for w in words):
            cut = max(i for i, w in enumerate(words) if w in _VERBS)
            words = words[cut + 1:] or words[:cut]
        return words

    def _fallback_property(self, mention: Mention, subject: str) -> tuple[str, float]:
        kind = mention.kind
        subject_words = set(subject.split("-"))
        if mention.property_hint:
            return mention.property_hint, 0.7
        if kind == "quote":
            words = content_words(mention.value["words"])[:2]
            return "quote." + (slug(" ".join(words)) or "statement"), 0.7
        thing = [w for w in content_words(mention.thing or "") if w not in subject_words][-3:]
        if kind == "quantity" and mention.head and not mention.value.get("currency"):
            return slug(" ".join(thing) or mention.head), 0.55
        if kind == "percentage" and thing:
            return slug(" ".join(thing) + " share"), 0.5
        context = [w for w in self._context(mention) if w not in subject_words and slug(w) not in subject][-3:]
        prefix = {"quantity": "", "percentage": "", "fraction": "share ", "rank": "rank ", "duration": "duration ",
                  "date": mention.value.get("relation", "on") + " "}[kind]
        if kind in ("rank", "fraction", "duration") and thing:
            return slug(prefix + " ".join(thing)), 0.45
        if context:
            return slug(prefix + " ".join(context)), 0.4
        return slug(prefix + (mention.head or kind)), 0.3

    def _registry_property(self, mention: Mention) -> tuple[str | None, float]:
        if not self.registry:
            return None, 0.0
        kind = mention.kind
        sentence = self.article.sentence_at(mention.start)
        window = self.article.text[max(sentence.start, mention.start - 120):min(sentence.end, mention.end + 80)]
        context = " ".join(content_words(window))
        unit = mention.head or mention.value.get("currency")
        best, best_score = None, 0.0
        for pid, prop in self.registry.properties.items():
            if prop.kind != kind or pid in ("name",):
                continue
            words = " ".join(content_words(pid.replace("-", " ") + " " + prop.description))
            score = fuzz.token_set_ratio(context, pid.replace("-", " ")) * 0.6 + fuzz.partial_token_set_ratio(context, words) * 0.2
            if unit and prop.unit and (prop.unit.lower() == str(unit).lower()):
                score += 25
            if score > best_score:
                best, best_score = pid, score
        return (best, min(best_score, 100) / 100) if best_score >= PROPERTY_MATCH else (None, 0.0)

    # ------------------------------------------------------------------ the key

    def propose(self, mention: Mention) -> Key:
        """The key for one mention."""
        if mention.subject_hint:
            subject, s_conf, registered = self.entity_id(mention.subject_hint)
            s_conf = max(s_conf, 0.8) if not registered else s_conf
        else:
            name, position_conf = self._subject_name(mention)
            if name is None:
                subject, s_conf, registered = "article", 0.2, False
            else:
                subject, match_conf, registered = self.entity_id(name.name)
                s_conf = position_conf * (1.0 if registered else 0.85) * max(match_conf, 0.6) / max(match_conf, 0.6)
        prop, p_conf = self._registry_property(mention)
        method = "rules+registry" if (registered or prop) else "rules"
        if prop is None:
            prop, p_conf = self._fallback_property(mention, subject)
        confidence = round(min(s_conf, 1.0) * 0.5 + min(p_conf, 1.0) * 0.5, 2)
        if mention.review:
            confidence = min(confidence, REVIEW_BELOW - 0.01)
        return Key(subject, prop, confidence, method)
