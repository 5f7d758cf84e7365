"""What a change is measured over: month on month, year on year, quarter on quarter, week on week, annualised.

"Pay rose 0.4% on the month" and "pay is up 4.0% over the past 12 months" are different facts of one
measure.  The interval is read from the figure's sentence: every cue of the lexicon's
`frame_change_intervals` there belongs to the figure nearest to it, so "rose 0.4% on the month and
4.0% from a year earlier" gives each figure its own, and a cue that holds a number ("over the past
12 months") is no figure.  When the sentence says nothing, the interval is unknown.

Matching (`interval_partitions`): unknown is not a value.  A change whose interval is unknown joins
the one interval its measure is stated with elsewhere (leaving out those its own article states for
another change of the same measure: an article that gives the year-on-year rise apart does not mean it
by its other rise), and a conflict it takes part in is at most info (`UNSTATED_INTERVAL`).  Changes
whose interval no article states are compared as before.  A price extreme's window ("3-year-high",
`extract.windows`) is matched the same way (`inferred_partitions`): a plain price meets it at most at info.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from functools import cache
from typing import Any, TypeVar

from crosscheck.extract.frame_lexicon import frame_lexicon

UNSTATED_INTERVAL = 0.3
"""Confidence of a match of a change whose interval its sentence does not state with one whose interval is
known (or where the measure is stated over several): below `model.frame.UNSURE_MATCH`, so at most info."""

INFERRED_QUALIFIERS = ("over", "window")
"""Qualifiers an unstated value of which is not a value of its own: a change's interval, a price extreme's window."""

M = TypeVar("M", bound=Hashable)


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Every interval cue, longest first, hyphens and spaces written either way ("year-over-year", "year over year")."""
    def loose(cue: str) -> str:
        return r"(?:\s*-\s*|\s+)".join(re.escape(w) for w in re.split(r"\s*-\s*|\s+", cue))
    cues = [cue for cue, _ in frame_lexicon().change_intervals]
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{loose(c)})" for c in cues) + r")(?![\w-])", re.I)


def _interval_named(cue: str) -> str:
    folded = " ".join(re.split(r"\s*-\s*|\s+", cue.lower()))
    return next(interval for c, interval in frame_lexicon().change_intervals if " ".join(re.split(r"\s*-\s*|\s+", c)) == folded)


def cue_spans(sentence: Any) -> list[tuple[int, int, str]]:
    """The interval cues of a parsed sentence: (start, end) in its document's characters, and the cue as written.

    A date inside one ("from a year earlier", "over the past 12 months") is what a change is measured against,
    not the period its figure is of, and a count inside one is no figure.
    """
    memo = sentence.doc.user_data.setdefault("crosscheck.interval_cues", {})  # read once per sentence, not per figure
    if sentence.start not in memo:
        text = sentence.doc.text[sentence.start_char:sentence.end_char]
        memo[sentence.start] = [(sentence.start_char + m.start(), sentence.start_char + m.end(), m.group(0))
                                for m in _cue_pattern().finditer(text)]
    found: list[tuple[int, int, str]] = memo[sentence.start]
    return found


def interval_of(span: Any) -> str | None:
    """The interval a change figure (a spaCy span) is measured over, from the cues of its sentence; None unknown."""
    sentence = span.sent
    cues = cue_spans(sentence)
    if not cues:
        return None
    numbers = [t for t in sentence if t.like_num and t.ent_type_ not in ("DATE", "TIME")
               and not any(s <= t.idx < e for s, e, _ in cues)]
    own = {t.i for t in span if t.like_num}
    if not own:
        return None
    found = None
    for start, end, cue in cues:
        def gap(token: Any, start: int = start, end: int = end) -> tuple[int, int]:
            # characters between the cue and the number; a number before the cue wins a tie ("rose 4% year on year")
            return (start - token.idx - len(token) if token.idx < start else token.idx - end, 0 if token.idx < start else 1)
        nearest = min(numbers, key=gap, default=None)
        if nearest is not None and nearest.i in own:
            found = found or _interval_named(cue)
    return found


def interval_partitions(members: Sequence[M], interval: Callable[[M], str | None],
                        document: Callable[[M], str]) -> list[tuple[list[M], frozenset[M]]]:
    """The members of one frame split by their change's interval: (members, those whose interval was inferred).

    A member with no interval joins the one stated interval its own document does not state for another
    member; with none or several left it stays with the other such members, all of them inferred when
    some member states an interval.
    """
    stated = sorted({v for m in members if (v := interval(m))})
    if not stated:
        return [(list(members), frozenset())]
    by_document: dict[str, set[str]] = {}
    for m in members:
        if v := interval(m):
            by_document.setdefault(document(m), set()).add(v)
    groups: dict[str, list[M]] = {v: [m for m in members if interval(m) == v] for v in stated}
    inferred: dict[str, set[M]] = {v: set() for v in stated}
    rest: list[M] = []
    for m in members:
        if interval(m):
            continue
        left = [v for v in stated if v not in by_document.get(document(m), set())]
        if len(left) == 1:
            groups[left[0]].append(m)
            inferred[left[0]].add(m)
        else:
            rest.append(m)
    out = [(groups[v], frozenset(inferred[v])) for v in stated]
    if rest:
        out.append((rest, frozenset(rest)))
    return out


def inferred_partitions(members: Sequence[M], qualifiers: Callable[[M], dict[str, str]],
                        document: Callable[[M], str]) -> list[tuple[list[M], frozenset[M]]]:
    """The members split by each of `INFERRED_QUALIFIERS` in turn (`interval_partitions`), with the members that
    took any of them from the others."""
    out: list[tuple[list[M], frozenset[M]]] = [(list(members), frozenset())]
    for name in INFERRED_QUALIFIERS:
        def value(m: M, name: str = name) -> str | None:
            return qualifiers(m).get(name)
        out = [(part, inferred | more) for group, inferred in out
               for part, more in interval_partitions(group, value, document)]
    return out
