"""Direct quotations and who said them.

Handles straight and curly quotes (single curly quotes too, told apart from
apostrophes), quotes that run over paragraphs (an unclosed quote continued by a
paragraph that reopens it), and attributions after ("…," he said / said X /
X said / according to X) or before the quote (X said: "…"; X described it as
a "…").  A pronoun or a bare surname resolves to the most recent full name.
Short quoted phrases without a speaker are titles or slogans, not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.extract.article import Article
from crosscheck.extract.names import find_people, same_person
from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_VERBS = alternation(v for v in _LEX.speech_verbs if v != "according to")
_PRONOUN = alternation(p.capitalize() for p in _LEX.pronouns) + "|" + alternation(_LEX.pronouns)
_PERSON = r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}"
_WHO = rf"(?P<who>(?:the\s+)?(?:{_PERSON})|{_PRONOUN})"
_AFTER = [
    re.compile(rf"^[\s,]*{_WHO}\s+(?:(?:also|then|later)\s+)?(?:{_VERBS})\b"),
    re.compile(rf"^[\s,]*(?:{_VERBS})\s+{_WHO}(?![\w-])"),
    re.compile(rf"^[\s,]*(?i:according\s+to)\s+{_WHO}"),
]
_BEFORE = [
    re.compile(rf"(?i:according\s+to)\s+{_WHO}[^.!?]*$"),
    re.compile(rf"{_WHO}(?:,\s+[^,]{{3,80}},)?\s+(?:(?:also|then|has|had|was|once)\s+)?(?:{_VERBS})\b[^.!?\"“‘]*$"),
]
_TITLE_WORDS = frozenset(w.lower() for t in _LEX.titles for w in t.split()) | {"company", "the"}
_OPEN_CLOSE = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}


@dataclass(frozen=True, slots=True)
class Quotation:
    """Words inside quotation marks; `start`/`end` include the marks, `words_*` do not."""

    start: int
    end: int
    words_start: int
    words_end: int
    speaker: str | None
    speaker_confidence: float

    def words(self, text: str) -> str:
        return text[self.words_start:self.words_end]


def _segments(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """(open, close, closed) for each quotation in a paragraph; an unclosed one runs to the paragraph end."""
    out: list[tuple[int, int, bool]] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        if ch in _OPEN_CLOSE and _opens(text, i, p_start):
            close = _OPEN_CLOSE[ch]
            j = i + 1
            while j < p_end and not (text[j] == close and _closes(text, j, p_end)):
                j += 1
            out.append((i, min(j + 1, p_end), j < p_end))
            i = j + 1
        else:
            i += 1
    return out


def _opens(text: str, i: int, p_start: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "\u2018":
        return not before.isalnum() and after.isalnum()
    return not before.isalnum() and not after.isspace()


def _closes(text: str, j: int, p_end: int) -> bool:
    after = text[j + 1] if j + 1 < p_end else " "
    return not after.isalnum()


def find_quotations(article: Article) -> list[Quotation]:
    """Every quotation of at least four words, with its speaker when one can be found."""
    text = article.text
    people = find_people(text)
    found: list[Quotation] = []
    previous_open_speaker: str | None = None
    for _p_index, (p_start, p_end) in enumerate(article.paragraphs):
        continuing = previous_open_speaker
        previous_open_speaker = None
        for open_at, close_at, closed in _segments(text, p_start, p_end):
            w_start, w_end = open_at + 1, close_at - 1 if closed else close_at
            words = text[w_start:w_end]
            if len(words.split()) < 4:
                continue
            speaker, confidence = _attribute(article, people, open_at, close_at)
            if speaker is None and continuing and open_at == p_start:
                speaker, confidence = continuing, 0.6
            found.append(Quotation(open_at, close_at, w_start, w_end, speaker, confidence))
            if not closed and open_at >= p_start:
                previous_open_speaker = speaker
    return found


def _attribute(article: Article, people, open_at: int, close_at: int) -> tuple[str | None, float]:
    """The speaker's full name and a confidence, from the words after, then before, the quotation."""
    text = article.text
    sentence_end = article.sentence_at(min(close_at, len(text) - 1)).end
    after = text[close_at:max(sentence_end, close_at + 80)]
    for pattern in _AFTER:
        m = pattern.match(after)
        if m:
            return _resolve(m["who"], people, open_at, 0.9)
    sentence = article.sentence_at(open_at)
    before = text[sentence.start:open_at]
    for pattern in _BEFORE:
        m = pattern.search(before)
        if m:
            return _resolve(m["who"], people, open_at, 0.8)
    return None, 0.0


def _resolve(who: str, people, at: int, confidence: float) -> tuple[str | None, float]:
    """Full name for a pronoun, surname or "Minister X"; the most recent matching person before `at`."""
    who = re.sub(r"^the\s+", "", who).strip()
    words = who.split()
    while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
        words.pop(0)
    who = " ".join(words)
    earlier = [p for p in people if p.start < at + 200]
    if who.lower() in _LEX.pronouns or who[0].islower():
        before = [p for p in people if p.start < at]
        return (_full(before[-1].name, people), confidence - 0.2) if before else (None, 0.0)
    for p in reversed(earlier):
        if same_person(who, p.name) and len(p.name.split()) >= len(who.split()):
            return _full(p.name, people), confidence
    if len(who.split()) >= 2:
        return who, confidence - 0.1
    return who, confidence - 0.3


def _full(name: str, people) -> str:
    """The longest known name for the same person ("Yin" -> "Yin Hejun")."""
    best = name
    for p in people:
        if same_person(name, p.name) and len(p.name.split()) > len(best.split()):
            best = p.name
    return best
