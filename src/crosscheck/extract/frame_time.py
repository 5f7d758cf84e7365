"""The period a figure is of, from the date entities attached to it: years, quarters, months, relative words.

"in 2021" gives 2021; "the fourth quarter of 2024" 2024-Q4; "fiscal 2025" fy2025 (not the calendar
year); "in September" 2024-09 with a publication date (else "september"); "last year" and "last month" resolve against the
publication date when there is one and stay labelled ("last-year") when there is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from crosscheck.extract.change_intervals import cue_spans
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.text.lexicon import lexicon

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_FISCAL = re.compile(
    r"\b(?:fiscal|financial\s+year|fy)\s*(?:year\s+)?['’]?(19\d\d|20\d\d|\d\d)\b|\b(19\d\d|20\d\d)\s+(?:fiscal|financial)\s+year\b"
)
"""A fiscal year ("fiscal 2025", "FY24", "the 2025 fiscal year"): a period of its own, never the calendar year."""
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


@cache
def _period_patterns() -> tuple[re.Pattern[str], ...]:
    """Relative years, quarters, full-year words, relative months and month names as whole-word patterns."""
    lex = frame_lexicon()

    def words(phrases) -> re.Pattern[str]:
        ordered = sorted(phrases, key=lambda p: (-len(p), p))
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")

    months = [m for m in lexicon().months if len(m) > 3 or m == "may"]
    return (words(lex.relative_years), words(lex.quarters), words(lex.full_year), words(lex.relative_months),
            words(months))


_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "my", "your"})


def _part_of_something(ent: Any) -> bool:
    """A date entity that names a part of what follows it ("the last week of the trial", "her last year of school"):
    no period of the calendar."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ == "of" and ent[0].lower_ in _DETERMINERS


def _dates_in(sentence: Any) -> Iterator[Any]:
    """The DATE entities that start in `sentence`, read from its tokens' entity marks: `doc.ents`
    walks the whole document on every call, which made a long article's drafting quadratic."""
    from spacy.tokens import Span  # loaded with the pipeline already

    doc = sentence.doc
    for token in sentence:
        if token.ent_iob_ == "B" and token.ent_type_ == "DATE":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            yield Span(doc, token.i, end, label="DATE")


def period_of(figure: Any, governing: list[Any], anchor: tuple[int | None, int | None], phrase: list[str]) -> str | None:
    """The period the figure is of ("2024", "2024-Q4", "2024-09", "september"), from dates attached to it."""
    lex = frame_lexicon()
    attached = {t.i for t in governing if t is not None}
    texts = []
    cues = cue_spans(figure.sent)
    for ent in _dates_in(figure.sent):
        if any(s <= ent.start_char and ent.end_char <= e and cue.lower() not in lex.full_year for s, e, cue in cues):
            continue  # "up 4% from a year earlier": what the change is measured against, not the figure's period
        if _part_of_something(ent):
            continue  # "in the fourth and last year of the contract": a part of the contract, not last year
        root = ent.root
        if {root.head.i, root.head.head.i, root.i} & attached:
            texts.append(ent.text.lower())
    joined = " ".join(texts + phrase)
    anchor_year, anchor_month = anchor
    year: int | str | None = None
    month: int | str | None = None
    relative_years, quarters, full_year_words, relative_months, month_names = _period_patterns()
    if m := _FISCAL.search(joined):
        raw = m.group(1) or m.group(2)
        label = f"fy{raw if len(raw) == 4 else '20' + raw}"
        quarter = lex.quarters[q.group(0)] if (q := quarters.search(joined)) else None
        return f"{label}-{quarter}" if quarter else label
    if m := _YEAR.search(joined):
        year = int(m.group(1))
    elif m := relative_years.search(joined):
        back = lex.relative_years[m.group(0)]
        year = anchor_year + back if anchor_year else ("last-year" if back == -1 else "this-year")
    if m := month_names.search(joined):
        month = lexicon().months[m.group(0)]
        if year is None and anchor_year and anchor_month:
            year = anchor_year if month <= anchor_month else anchor_year - 1
    elif m := relative_months.search(joined):
        back = lex.relative_months[m.group(0)]
        if anchor_year and anchor_month:
            total = anchor_year * 12 + anchor_month - 1 + back
            year, month = total // 12, total % 12 + 1
        else:
            month = "last-month" if back == -1 else "this-month"
    quarter = lex.quarters[m.group(0)] if (m := quarters.search(joined)) else None
    if quarter:
        return f"{year}-{quarter.upper()}" if year else quarter.upper()
    if isinstance(month, int):
        return f"{year}-{month:02d}" if isinstance(year, int) else _MONTH_NAMES[month - 1]
    if month:
        return month
    if year:
        return str(year)
    return "full-year" if full_year_words.search(joined) else None
