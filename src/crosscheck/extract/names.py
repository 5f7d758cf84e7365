"""Names in running text: capitalised phrases, organisations, people with titles and roles.

Pattern-based (no model): a name is a run of capitalised words, joined by a few
lower-case connectors ("of", "and", "for"); an organisation is a name whose last
word is an organisation head ("University", "Ministry", "Index"); a person is a
name preceded by a title ("Minister", "Chairman") or quoted as a speaker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.text.lexicon import alternation, lexicon

_LEX = lexicon()
_CAP = r"(?:[A-Z][\w&.\-]*(?:-[A-Z][\w&.\-]*)*|[A-Z]{2,}|R&D)"
_CONNECT = r"(?:of|for|and|de|par|du|la|the|&)"
_NAME = re.compile(rf"(?<![\w’'])(?:{_CAP})(?:(?:[ \t]+(?:{_CONNECT}[ \t]+)*)(?:{_CAP}))*")
_LEADING_NOISE = frozenset(
    """the a an this that these those in on at by for from to with according after before since during meanwhile
    currently notably here there today instead among however while when where as of its his her their our recent
    over under despite shifting focusing functioning anchored sites mr ms mrs dr company minister it they we he
    she i you but and also yet so then thus still now once both each all some many most such what why how
    officials members students researchers staff workers leaders representatives delegates employees experts
    scientists residents fans supporters executives""".split()
)
_TITLES = alternation(t.title() for t in _LEX.titles)


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A capitalised name in the text."""

    start: int
    end: int
    name: str

    @property
    def words(self) -> list[str]:
        return self.name.split()


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """A registry-style id from free text: "Yin Hejun" -> "yin-hejun", "China's R&D" -> "china-r-d".

    Kept for the words already seen: drafting asks for the slugs of the same words over and over.
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]s\b", "", text.lower())
    out = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return out[:60].strip("-") or "x"


def name_spans(text: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """Capitalised names between `start` and `end`, without sentence-initial function words."""
    end = len(text) if end is None else end
    out: list[NameSpan] = []
    for m in _NAME.finditer(text, start, end):
        s, e = m.start(), m.end()
        words = list(re.finditer(r"\S+", m.group()))
        while words and words[0].group().lower().strip("’'") in _LEADING_NOISE:
            words.pop(0)
        while words and (words[-1].group().lower() in ("of", "for", "and", "on", "the", "&", "de", "par")):
            words.pop()
        if not words:
            continue
        s, e = m.start() + words[0].start(), m.start() + words[-1].end()
        for part in _split_and(text[s:e]):
            ps = s + part.start()
            name = part.group().strip().rstrip(".")
            name = re.sub(r"^(?:and\s+)?the\s+", "", name)
            ps = s + part.start() + part.group().find(name)
            if name and not name.isdigit():
                out.append(NameSpan(ps, ps + len(name), name))
    return out


def _split_and(name: str):
    """Parts of a capitalised run joined by "and": kept whole in "Ministry of Science and Technology" or
    "Innovation and Development Institute", split in "Quito and Bogota" and "Beijing and the Delta"."""
    if " and " not in name:
        yield re.match(r".+", name)
        return
    head, _, rest = name.partition(" and ")
    whole = (re.search(r"\b(?:of|for)\b", head) or is_organisation(name)) and not rest.startswith("the ")
    if whole:
        yield re.match(r".+", name)
        return
    yield re.match(r".+", head)
    offset = len(head) + len(" and ")
    for part in _split_and(rest):
        yield _Shifted(part, offset)


class _Shifted:
    """A match-like object whose offsets are moved by `offset` (for recursive splitting)."""

    def __init__(self, match, offset: int):
        self._m, self._o = match, offset

    def start(self) -> int:
        return self._m.start() + self._o

    def group(self) -> str:
        return self._m.group()


def is_organisation(name: str) -> bool:
    """True when the name ends in an organisation head word ("Tongji University", "Global Innovation Index"),
    or has one followed by "of" or "for" ("National Academy of Arts")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) >= 3 and any(w.lower() in _LEX.organisation_heads and nxt in ("of", "for")
                               for w, nxt in zip(words, words[1:])):
        return True  # "Academy of Arts", "Ministry of Health and Social Care"
    return len(words) >= 2 and words[-1].lower().rstrip(".") in _LEX.organisation_heads


_TITLED = re.compile(
    rf"(?P<title>(?:(?:[A-Z][\w&-]*|and|of)\s+){{0,5}}?(?:{_TITLES})(?:\s+(?:of|for)\s+[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)*)?)"
    rf"\s+(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){{0,2}})(?![\w-])"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{1,2}}),\s+(?P<role>(?:the|a|an)\s+[^,.;:]{{3,80}}?(?i:{alternation(_LEX.titles)})(?:\s+of\s+[^,.;:]{{3,60}})?)(?=[,.;:])"
)
_FROM = re.compile(
    rf"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{1,2}})\s+(?:from|of|at)\s+(?P<org>(?:{_CAP})(?:[\s’'s]+(?:(?:{_CONNECT})\s+)*(?:{_CAP}))*)"
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person the text names, with their role or affiliation when it gives one."""

    name: str
    start: int
    end: int
    role: str | None = None
    role_span: tuple[int, int] | None = None
    affiliation: str | None = None
    affiliation_span: tuple[int, int] | None = None


def find_people(text: str) -> list[Person]:
    """People in `text` (a copy of the cached result of `_find_people`)."""
    return list(_find_people(text))


@lru_cache(maxsize=64)
def _find_people(text: str) -> tuple[Person, ...]:
    """People introduced with a title ("Minister Yin Hejun"), an appositive role or an affiliation ("X from Y")."""
    people: list[Person] = []
    for m in _TITLED.finditer(text):
        title = re.sub(r"^(?:(?:The|A|An|Its|Their|His|Her|Company|Former|Then)\s+)+", "", m["title"]).strip()
        people.append(Person(m["name"], m.start("name"), m.end("name"), title, (m.end("title") - len(title), m.end("title"))))
    for m in _APPOSITIVE.finditer(text):
        people.append(Person(m["name"], m.start("name"), m.end("name"), m["role"], (m.start("role"), m.end("role"))))
    for m in _FROM.finditer(text):
        if not is_organisation(m["org"]) or is_organisation(m["name"]):
            continue
        people.append(Person(m["name"], m.start("name"), m.end("name"), affiliation=m["org"],
                             affiliation_span=(m.start("org"), m.end("org"))))
    return tuple(sorted(people, key=lambda p: p.start))


def same_person(short: str, full: str) -> bool:
    """True when `short` names the person `full` ("Yin" or "Minister Yin" -> "Yin Hejun")."""
    s, f = short.split(), full.split()
    return bool(s) and (s == f or s[-1] in f)
