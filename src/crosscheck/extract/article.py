"""An article prepared for extraction: sentences, paragraphs, title and dateline.

Relative dates ("last December", "on Wednesday") resolve against the dateline
when the article has one ("Beijing, January 16 (Xinhua) —"); a dateline
without a year still gives month and day, which is enough to keep the
expression relative but to know it is anchored.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from crosscheck.extract.attribution import mentioned_people
from crosscheck.extract.names import NameSpan, name_spans
from crosscheck.text.lexicon import alternation, lexicon

if TYPE_CHECKING:
    from crosscheck.extract.quotes import Quotation

_MONTHS = alternation(lexicon().months)
_DATE = rf"""(?:(?P<month>(?i:{_MONTHS}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?
    |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>(?i:{_MONTHS}))\.?,?(?:\s+(?P<year2>\d{{4}}))?)"""
"""A day as datelines write it: "March 3, 2025", "Jan. 16", "4 May 2024" (the year is optional)."""
_TIME = r"""(?:\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?\s?[Mm]\.?)(?:\s+[A-Z]{2,4}\b)?"""
"""A time of day after a dateline's date: "14:05", "10:42 AM EDT", "8:31 a.m. ET"."""
_PLACE = r"[A-Z][A-Za-z.'’\-]*(?:[ \t]+[A-Z][A-Za-z.'’\-]*){0,3}"
_DATELINE = re.compile(
    rf"""^[ \t]*(?P<text>(?P<place>{_PLACE})(?:,[ \t]*{_PLACE}){{0,2}},?[ \t]+
        (?:(?=\()|{_DATE}\s*)
        (?:\((?P<agency>[A-Z][A-Za-z .&-]{{1,40}})\))?)\s*(?:—|–|--|-)\s*""",
    re.M | re.X,
)
"""A wire dateline: "BEIJING, Jan. 16 (Xinhua) --", "SPRINGFIELD, Ill., May 15, 2024 —", "CHICAGO (AP) —"."""
_DATED_LINE = re.compile(
    rf"""^[ \t]*(?P<text>{_DATE}(?:(?:,|\s+at|\s+[-–|])?\s+{_TIME})?)[ \t]*(?:—|–|--|-|$)""", re.M | re.X
)
"""A line that opens with the date, perhaps a time: "May 15, 2024, 10:42 AM EDT", "Jan 16, 2025 - 11:20"."""
_STAMP = re.compile(
    rf"""^[ \t]*(?P<text>
        (?:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s*[|,–—-]\s*|\s+))?
        (?:(?i:last\s+updated|updated|first\s+published|published|posted)(?:\s+on)?:?|(?<=\s)(?i:on):?|On:)\s+
        (?:[^\n]{{0,40}}?)
        {_DATE}
        (?:(?:,|\s+at|\s+[-–|])?\s+{_TIME})?)[ \t]*$""",
    re.M | re.X,
)
"""A publication or update line ("Updated 14:05, March 03, 2025", "By Ana Ruiz | Published on: 8 November 2024",
"On: 12 March 2025"): metadata, never a claim."""
# A sentence ends at . ! ? (optionally followed by a closing quote) before a capital or an opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|No|St|Jr|Sr|vs|Co|Inc|Ltd|Gen|Prof|Sen|Rep|Gov|Jan|Feb|Aug|Sept|Oct|Nov|Dec)|\b[A-Z])$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline of a wire story, as written and as a (possibly yearless) date."""

    text: str
    place: str
    publisher: str | None
    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int

    @property
    def published(self) -> str | None:
        """ISO partial date when the year is known ("2025-01-16"), else None."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's span and its paragraph index."""

    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    """Text plus the structure extractors share; build with `Article.parse`."""

    text: str
    title: str
    dateline: Dateline | None
    sentences: list[Sentence]
    paragraphs: list[tuple[int, int]]
    stamp: Dateline | None = None
    """A publication or update timestamp line, when the article has one (it dates the document)."""
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def parse(cls, text: str, title: str | None = None) -> Article:
        """Split `text` into paragraphs and sentences and detect its title and dateline."""
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        sentences: list[Sentence] = []
        for index, (p_start, p_end) in enumerate(paragraphs):
            cursor = p_start
            for m in _SENTENCE_END.finditer(text, p_start, p_end):
                if _ABBREVIATION.search(text, max(p_start, m.start() - 6), m.start()):
                    continue
                sentences.append(Sentence(cursor, m.end(), index))
                cursor = m.end()
                while cursor < p_end and text[cursor].isspace():
                    cursor += 1
            if cursor < p_end:
                sentences.append(Sentence(cursor, p_end, index))
        dateline = detect_dateline(text)
        if dateline is not None:
            sentences = _after_dateline(text, sentences, dateline)
        article = cls(text, title or _title(text, paragraphs), dateline, sentences, paragraphs, detect_stamp(text))
        article._starts = [s.start for s in sentences]
        return article

    @property
    def published(self) -> str | None:
        """The publication date the article states: its dateline's when it has a year, else its timestamp's."""
        for source in (self.dateline, self.stamp):
            if source is not None and source.published:
                return source.published
        return None

    def is_metadata(self, offset: int) -> bool:
        """True inside the dateline or a timestamp line: words that date the document, not facts."""
        return any(d is not None and d.start <= offset < d.end for d in (self.dateline, self.stamp))

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing `offset` (the nearest one before it, between sentences)."""
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sentences[i]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def paragraph_at(self, offset: int) -> int:
        return self.sentence_at(offset).paragraph

    # What several extractors read, found once per article (shared lists: read them, never change them).

    @cached_property
    def quotations(self) -> list[Quotation]:
        """The article's quotations with their speakers (`quotes.find_quotations`)."""
        from crosscheck.extract.quotes import find_quotations  # imported here: quotes.py imports this module

        return find_quotations(self)

    @cached_property
    def names(self) -> tuple[NameSpan, ...]:
        """The capitalised names of the whole text (`names.name_spans`)."""
        return tuple(name_spans(self.text))

    @cached_property
    def mentioned_people(self) -> list[tuple[int, str]]:
        """People named in the running text, by offset (`attribution.mentioned_people`)."""
        return mentioned_people(self.text)

    @cached_property
    def _parses(self) -> dict[int, Any]:
        return {}

    def parsed(self, indices: Iterable[int]) -> dict[int, Any]:
        """The spaCy parse of each sentence of `indices`, by index; each sentence is parsed once per article.

        The frames and the superlatives read the same sentences: parsing them again cost a tenth of drafting.
        """
        wanted = list(dict.fromkeys(indices))
        todo = [i for i in wanted if i not in self._parses]
        if todo:
            from crosscheck.extract.nlp import load_pipeline  # spaCy loads only when a sentence is parsed

            texts = [self.text[self.sentences[i].start:self.sentences[i].end] for i in todo]
            self._parses.update(zip(todo, load_pipeline().pipe(texts)))
        return {i: self._parses[i] for i in wanted}


_DATELINE_DASH = re.compile(r"\s*(?:—|–|--|-)\s*")


def _after_dateline(text: str, sentences: list[Sentence], dateline: Dateline) -> list[Sentence]:
    """The sentence a dateline opens starts after it: "LONDON, July 13 - Ana Ruiz beat ..." is parsed from "Ana".

    The dateline is the document's metadata, and parsed as part of the sentence it misleads the parser: its
    place becomes the subject and the name after the dash a date."""
    out = []
    for sentence in sentences:
        if sentence.start <= dateline.start < sentence.end:
            dash = _DATELINE_DASH.match(text, dateline.end)
            start = dash.end() if dash else dateline.end
            if start < sentence.end:
                out.append(Sentence(start, sentence.end, sentence.paragraph))
            continue
        out.append(sentence)
    return out


def _title(text: str, paragraphs: list[tuple[int, int]]) -> str:
    """The first line that is not syndication furniture; the article's first words if none is."""
    lex = lexicon()
    for start, end in paragraphs[:6]:
        line = text[start:end].strip()
        if line and not any(p.search(line) for p in lex.boilerplate_lines) and len(line.split()) <= 30:
            return line
    for start, end in paragraphs:
        line = text[start:end].strip()
        if not any(p.search(line) for p in lex.boilerplate_lines):
            line = _DATELINE.sub("", line, count=1)
            first = _SENTENCE_END.split(line, maxsplit=1)[0].strip()
            return first[:150].rsplit(" ", 1)[0] if len(first) > 150 else first
    return text.strip().split("\n", 1)[0][:120] or "untitled"


def _dated(m: re.Match, place: str = "", publisher: str | None = None) -> Dateline:
    month = m["month"] or m["month2"]
    year = m["year"] or m["year2"]
    day = m["day"] or m["day2"]
    return Dateline(text=m["text"].strip(), place=place, publisher=publisher, year=int(year) if year else None,
                    month=lexicon().months.get(month.lower()) if month else None, day=int(day) if day else None,
                    start=m.start("text"), end=m.start("text") + len(m["text"].rstrip()))


def detect_dateline(text: str) -> Dateline | None:
    """The dateline within the first lines ("Beijing, January 16 (Xinhua) —", "Lyon, France, 4 May 2024 –"), if any."""
    head = text[:1500]
    for m in _DATELINE.finditer(head):
        if m["agency"] or m["month"] or m["month2"]:
            return _dated(m, m["place"].strip(), m["agency"])
    line = _DATED_LINE.search(head)
    if line and (line["year"] or line["year2"]):
        return _dated(line)
    return None


def detect_stamp(text: str) -> Dateline | None:
    """A publication or update line within the first lines ("Updated 14:05, March 03, 2025"), if any."""
    m = _STAMP.search(text[:1500])
    if m is None or not (m["year"] or m["year2"]):
        return None
    return _dated(m)
