"""Direct quotations and who said them.

Quotation marks of every typography: straight and curly double and single quotes
(single ones told apart from apostrophes), «guillemets», „German“ and ‚single
German‘ marks.  A quotation that is not closed before its paragraph ends runs on
into the next paragraph that reopens it.  The speaker comes from the words after
the quotation ("…," he said / said X / X said / according to X), else from the
words before it in its sentence (X said: "…"; X told the court he was "…";
"…, saying "…""), else from the quotation just before it in the same paragraph
when only an attribution stands between them (a quotation split around "she
said"), else, for a paragraph that opens with a quotation, from the previous
paragraph's open quotation or its closing "X said:" ("X described the rescue:").  A pronoun or a bare
surname resolves to the most recent full name (`extract.attribution`).
A quotation that ends its sentence may be attributed by the next sentence when
that one opens inverted ("…." So announced the minister).
Quotations of fewer than four words are kept only when a speech verb leads
straight into them (said "we are ready"), an attribution follows their closing
comma ("We will rebuild," she said), or they are a *fragment*: one to three words
inside a speaker's reported clause ("She said the plan was "reckless" and would
fail"), whose surrounding words tell which utterance they come from
(`Quotation.fragment`).  Other short quoted phrases are titles, slogans, nicknames
or scare quotes, not speech: a fragment starts lower case, and no naming word
("so-called", "dubbed", "known as", from the lexicon) stands right before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import cast

from crosscheck.extract import attribution
from crosscheck.extract.article import Article
from crosscheck.extract.names import Person, find_people, same_person
from crosscheck.text.lexicon import alternation, section

_VERBS = attribution.speech_verbs()
_WHO_CHAR = r"(?:[^.!?\"“”«»„]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.)"
"""A character of an attributing phrase: no sentence end, but the dot of "Dr." or "A." allowed."""
_AFTER_WHO_VERB = re.compile(rf"^[\s,]*(?P<who>{_WHO_CHAR}{{1,120}}?)\s+(?:(?:also|then|later|had|has)\s+)?(?:{_VERBS})\b")
_AFTER_VERB_WHO = re.compile(rf"^[\s,]*(?:{_VERBS})\s+(?P<who>[^.!?;:\"“”«»„]{{1,120}})")
_ACCORDING = re.compile(r"^[\s,]*(?i:according\s+to)\s+(?P<who>[^.!?;:\"“”«»„]{1,120})")
_BEFORE_ACCORDING = re.compile(r"(?i:according\s+to)\s+(?P<who>[^.!?;:\"“”«»„,]{1,120})")
_VERB_BEFORE = re.compile(rf"\b(?:{_VERBS})\b")
_INVERTED = re.compile(rf"^\s*(?i:{alternation(cast(list[str], section('quote_inverted_openers')))})\s+(?:{_VERBS})\s+"
                       r"(?P<who>[^.!?;:\"“”«»„]{1,120})")
"""An attribution opening the next sentence: "…." So announced the minister."""
_NAMING = re.compile(rf"(?i:\b(?:{alternation(cast(list[str], section('quote_naming_words')))}))\s*$")
"""A naming word right before a quoted phrase: the phrase is a name or a label ("so-called "reform"")."""
FRAGMENT_WORDS = cast(int, section("quote_fragment_max_words"))
"""Words a quoted fragment inside a speaker's reported clause has at most."""
_LEADS = re.compile(rf"(?:\b(?:{_VERBS})(?:\s+(?:reporters|journalists|the\s+\w+|it|him|her|them|us))?"
                    rf"|\b(?:as|calling\s+it|called\s+it|call\s+it))\s*[,:]?\s*$")
_OPEN_CLOSE: dict[str, str] = {'"': '"', "\u201c": "\u201d\u201c", "\u2018": "\u2019", "\u00ab": "\u00bb",
                               "\u201e": "\u201c\u201d", "\u201a": "\u2018\u2019", "'": "'",
                               "\u201d": "\u201d"}
"""Opening mark -> the marks that close it (a closing "\u201d" opens too where the opening one was left out)."""
_SINGLE = frozenset("'\u2018\u201a")
MIN_WORDS = 4
"""Words a quotation needs unless a speech verb leads straight into it."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """Words inside quotation marks; `start`/`end` include the marks, `words_*` do not."""

    start: int
    end: int
    words_start: int
    words_end: int
    speaker: str | None
    speaker_confidence: float
    fragment: bool = False
    """A few words quoted inside the speaker's reported clause ("said his choices "haunt" him"): the words
    around the marks tell which utterance they belong to."""

    def words(self, text: str) -> str:
        return text[self.words_start:self.words_end]


def _segments(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """(open, close, closed) for each quotation in a paragraph; an unclosed one runs to the paragraph end."""
    out: list[tuple[int, int, bool]] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        if ch in _OPEN_CLOSE and _opens(text, i, p_start):
            closers = _OPEN_CLOSE[ch]
            j = i + 1
            while j < p_end and not (text[j] in closers and _closes(text, j, p_end)):
                j += 1
            if j >= p_end and ch in _SINGLE:
                i += 1  # an unclosed single mark is an apostrophe or a stray mark, not a quotation
                continue
            out.append((i, min(j + 1, p_end), j < p_end))
            i = j + 1
        else:
            i += 1
    return out


def _opens(text: str, i: int, p_start: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in _SINGLE:
        return not before.isalnum() and after.isalnum()
    return not before.isalnum() and not after.isspace()


def _closes(text: str, j: int, p_end: int) -> bool:
    after = text[j + 1] if j + 1 < p_end else " "
    before = text[j - 1]
    if text[j] in "\u201d\u00bb" and not before.isspace():
        return True  # a closing double mark closes even when the next sentence starts without a space
    return not after.isalnum() and not (text[j] in "'\u2019" and before.isspace())


def find_quotations(article: Article) -> list[Quotation]:
    """Every quotation of at least four words (or led by a speech verb), with its speaker when one is found."""
    text = article.text
    people = find_people(text)
    mentioned = article.mentioned_people
    found: list[Quotation] = []
    speakers = _Known(people, mentioned)
    open_speaker: str | None = None
    for p_start, p_end in article.paragraphs:
        continuing, open_speaker = open_speaker, None
        before_end = p_start  # the text before the paragraph ends with a colon, whitespace aside
        while before_end > 0 and text[before_end - 1].isspace():
            before_end -= 1
        ends_with_colon = before_end > 0 and text[before_end - 1] == ":"
        previous: Quotation | None = None
        for open_at, close_at, closed in _segments(text, p_start, p_end):
            w_start, w_end = open_at + 1, close_at - 1 if closed else close_at
            words = text[w_start:w_end]
            lead = text[p_start:open_at]
            short = len(words.split()) < MIN_WORDS and not (_LEADS.search(lead) and not _NAMING.search(lead)) \
                and not _attributed_after(words, text[close_at:p_end])
            fragment = short and closed and _fragment(article, words, open_at)
            if not words.strip() or (short and not fragment):
                continue
            speaker, confidence = _attribute(article, speakers, open_at, close_at)
            if speaker is None and previous is not None and previous.speaker and _only_attribution(text[previous.end:open_at]):
                speaker, confidence = previous.speaker, previous.speaker_confidence
            if speaker is None and open_at == p_start and continuing:
                speaker, confidence = continuing, 0.6
            if speaker is None and open_at == p_start and ends_with_colon:
                speaker, confidence = _attribute(article, speakers, p_start - 1, p_start - 1)
            if fragment and speaker is None:
                continue  # quoted words with nobody saying them: scare quotes
            quotation = Quotation(open_at, close_at, w_start, w_end, speaker, confidence, fragment)
            found.append(quotation)
            previous = quotation
            if speaker:
                speakers.add(open_at, speaker)
            if not closed:
                open_speaker = speaker
    return found


def _fragment(article: Article, words: str, open_at: int) -> bool:
    """True for one to three lower-case words inside a reported clause: a speech verb earlier in the sentence,
    no quotation mark or naming word between it and them ("admitted that his decisions "haunt" him")."""
    plain = words.strip(" ,.;:!?")
    if not plain or len(plain.split()) > FRAGMENT_WORDS or not plain[0].islower():
        return False
    text = article.text
    before = text[article.sentence_at(open_at).start:open_at]
    verbs = list(_VERB_BEFORE.finditer(before))
    if not verbs or _NAMING.search(before):
        return False
    clause = before[verbs[-1].end():]
    return not re.search(r"[\"“”«»„]", clause) and len(clause.split()) <= 12


def _attributed_after(words: str, after: str) -> bool:
    """True for a short quotation closed by a comma and followed by its attribution ("We will rebuild," she said)."""
    return words.rstrip().endswith(",") and bool(_AFTER_WHO_VERB.match(after) or _AFTER_VERB_WHO.match(after))


def _only_attribution(between: str) -> bool:
    """True when the words between two quotations only attribute them ("," she said, "")."""
    return len(between) <= 80 and bool(_VERB_BEFORE.search(between)) and not re.search(r"[.!?]\s+[A-Z]", between.strip(" ,"))


def _attribute(article: Article, speakers: _Known, open_at: int, close_at: int) -> tuple[str | None, float]:
    """The speaker's full name and a confidence, from the words after, then before, the quotation."""
    text = article.text
    sentence_end = article.sentence_at(min(close_at, len(text) - 1)).end
    after = text[close_at:max(sentence_end, close_at + 80)]
    paragraph_end = article.paragraphs[article.paragraph_at(open_at)][1]
    after = after[:max(0, paragraph_end - close_at)]
    if re.search(r"\.\W*$", text[open_at + 1:close_at]):
        # a quotation ending its sentence with a full stop: what follows is the next sentence, which attributes
        # it only when it opens inverted ("So announced the minister")
        inverted = _INVERTED.match(text[close_at:paragraph_end])
        if inverted and (who := attribution.speaker_after_verb(inverted["who"])):
            return _resolve(who, speakers, open_at, 0.8)
        after = ""
    for pattern, pick, confidence in ((_AFTER_VERB_WHO, attribution.speaker_after_verb, 0.9),
                                      (_ACCORDING, attribution.speaker_after_verb, 0.85),
                                      (_AFTER_WHO_VERB, attribution.speaker_before_verb, 0.9)):
        m = pattern.match(after)
        if m and (who := pick(m["who"])):
            return _resolve(who, speakers, open_at, confidence)
    sentence = article.sentence_at(open_at)
    before = text[sentence.start:open_at]
    before = re.split(r"[\"“”«»„]", before)[-1] if not _LEADS.search(before) else before
    m = next(reversed(list(_BEFORE_ACCORDING.finditer(before))), None)
    if m and (who := attribution.speaker_after_verb(m["who"])):
        return _resolve(who, speakers, open_at, 0.8)
    verbs = list(_VERB_BEFORE.finditer(before))
    if verbs:
        verb = verbs[-1]
        lead = before[:verb.start()]
        clause = re.split(r"[;:]|\bthat\b|\b(?:and|but|while|as)\s+(?=[A-Z])", lead)[-1] if lead.strip() else lead
        who = attribution.speaker_before_verb(clause) or attribution.speaker_before_verb(lead)
        if verb.group().lower().startswith(("saying", "adding", "telling", "noting", "stressing", "warning")):
            runs = attribution.person_runs(lead)
            who = runs[0] if runs else who
        if who:
            return _resolve(who, speakers, open_at, 0.8)
    return None, 0.0


class _Known:
    """The people, speakers and mentioned names of an article by offset, and by each word of their names, so that
    resolving a name looks only at the names sharing its last word (`same_person`), never at every name."""

    def __init__(self, people: list[Person], mentioned: list[tuple[int, str]]):
        self.entries: list[tuple[int, str]] = sorted([(p.start, p.name) for p in people] + list(mentioned))
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        for entry in self.entries:
            for word in set(entry[1].split()):
                self.by_word.setdefault(word, []).append(entry)
        self.people_by_word: dict[str, list[str]] = {}  # in the order of `people`
        for p in people:
            for word in set(p.name.split()):
                self.people_by_word.setdefault(word, []).append(p.name)

    def add(self, at: int, name: str) -> None:
        """A speaker found at `at`."""
        bisect.insort(self.entries, (at, name))
        for word in set(name.split()):
            bisect.insort(self.by_word.setdefault(word, []), (at, name))

    def before(self, word: str, at: int) -> list[tuple[int, str]]:
        """The names with `word` among their words named before `at`, in order."""
        entries = self.by_word.get(word, [])
        return entries[:bisect.bisect_left(entries, (at,))]

    def last(self, at: int) -> str | None:
        """The most recent name before `at`."""
        i = bisect.bisect_left(self.entries, (at,))
        return self.entries[i - 1][1] if i else None


def _resolve(who: str, speakers: _Known, at: int, confidence: float) -> tuple[str | None, float]:
    """Full name for a pronoun or a surname: the most recent person or speaker named before `at`."""
    # `speakers` holds `people` and `mentioned` too; `same_person(who, name)` holds exactly when the last word
    # of `who` is a word of `name`, so only the names with that word are candidates
    if who in attribution.pronouns():
        last = speakers.last(at)
        return (_full(last, speakers, at), confidence - 0.2) if last is not None else (None, 0.0)
    words = who.split()
    if not words:
        return who, confidence - 0.3
    for _, name in reversed(speakers.before(words[-1], at)):
        if same_person(who, name) and len(name.split()) >= len(words):
            return _full(name, speakers, at), confidence
    for name in speakers.people_by_word.get(words[-1], []):
        if same_person(who, name) and len(name.split()) > len(words):
            return name, confidence - 0.1
    return who, confidence - (0.1 if len(words) >= 2 or "-" in who else 0.3)


def _full(name: str, speakers: _Known, at: int) -> str:
    """The longest name known before `at` for the same person ("Yin" -> "Yin Hejun")."""
    best = name
    words = name.split()
    for _, other in speakers.before(words[-1], at) if words else ():
        if same_person(name, other) and len(other.split()) > len(best.split()):
            best = other
    return best
