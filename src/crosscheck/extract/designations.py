"""A maker's model designation: "a Boeing 737-800", "the Airbus A321neo", "an Embraer E190".

A designation written right after its maker's name is a fact of its own (subject the maker, property `model`,
the designation as a name): two outlets giving one crash's aircraft as a "Boeing 737-800" and a "Boeing
787-800" disagree, and the name comparators report the two forms (one digit apart, they are read as spelt
alike).  Only a form that cannot be a count, a year or a flight number is a designation: letters then digits
("A320", "E190", "F-35", "A350-900") or three digits, a hyphen and a variant ("737-800", "787-9"); "Flight
2216", "Terminal 5", a bare "Boeing 737" and a score ("the Celtics 112-108") are left out.  Said less when unsure: an article naming two
designations of one maker (an aircraft and the one it replaced) drafts none of them, since nothing tells which
one another article names; and a conflict is at most a warning (the other article may name a sister aircraft
in passing).
"""

from __future__ import annotations

import re

from crosscheck.extract.article import Article
from crosscheck.extract.mention import Mention
from crosscheck.extract.names import slug

DESIGNATION_NEARBY = 0.5
"""A designation is keyed by its maker, read from the word before it, not from the parse: at most a warning."""

_FORM = r"(?:[A-Z]{1,2}-?\d{2,4}[a-z]{0,3}(?:-\d{1,4}[A-Za-z]{0,3})?|\d{3}-(?:\d00|\d)[A-Z]{0,2})"
"""Letters then digits ("A321neo", "E190", "F-35"), or three digits and a variant in hundreds or one digit
("737-800", "777-300ER", "787-9"): "the Celtics 112-108" is a score."""
_DESIGNATION = re.compile(rf"(?P<d>{_FORM})(?![\w-])")
_AFTER = re.compile(rf"[ \t]+(?P<d>{_FORM})(?![\w-])")
_MAKER = re.compile(r"[A-Z][a-z]+")


def extract_designations(article: Article) -> list[Mention]:
    """Every maker's designation the article writes after the maker's name, one per maker that it names once."""
    text = article.text
    found: dict[str, list[Mention]] = {}
    for n in article.names:
        words = n.name.split()
        maker, start, end, designation = None, 0, 0, ""
        if len(words) >= 2 and (m := _DESIGNATION.fullmatch(words[-1])) is not None:
            maker, designation = words[-2], m["d"]
            end = n.end
            start = end - len(designation)
        elif (m := _AFTER.match(text, n.end)) is not None:
            maker, designation, start, end = words[-1], m["d"], m.start("d"), m.end("d")
        if maker is None or not _MAKER.fullmatch(maker) or article.is_metadata(start):
            continue
        found.setdefault(slug(maker), []).append(Mention(
            "name", start, end, {"kind": "name", "name": designation}, subject_hint=slug(maker),
            property_hint="model", extras={"own_key": True, "confidence_cap": DESIGNATION_NEARBY}))
    return [mentions[0] for mentions in found.values() if len({m.value["name"].lower() for m in mentions}) == 1]
