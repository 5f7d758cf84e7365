"""quotes_speakers_agree: the same words in quotation marks, attributed to two different speakers.

A statement has one speaker; when two articles put the same words in different
mouths, at least one attribution is wrong.  Quotations are indexed by runs of
`SHINGLE` consecutive words (linear in the words quoted) and only quotations
sharing a run are compared.  They are the same words when they share at least
`min_words` words in order, cover `min_coverage` of the shorter one, and differ
in no content word (`comparators.wording`); their speakers differ when the
speaker ids share no word of a name ("tedros" and "tedros-adhanom-ghebreyesus"
are one speaker), and both are full names: a surname or an organisation alone
("the company said") may well stand for the person another article names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from crosscheck.comparators import wording
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.model.base import Frozen
from crosscheck.model.values import QuoteValue

SHINGLE = 4
"""Words per index run."""
CROWDED = 50
"""A run quoted by more quotations than this is a stock phrase, not evidence: skipped."""


class Params(Frozen):
    """Options of quotes_speakers_agree."""

    min_words: int = 6
    """Words the two quotations must share, in order."""
    min_coverage: float = 0.8
    """Share of the shorter quotation's words the other must have, in order."""


def compare_all(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per two speakers given the same quoted words."""
    quotes = [(item, item.value, wording.tokens(item.value.words)) for item in items if isinstance(item.value, QuoteValue)]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, _, tokens) in enumerate(quotes):
        plain = [w for w in tokens if not w.startswith("\x00")]
        for run in {tuple(plain[k:k + SHINGLE]) for k in range(max(0, len(plain) - SHINGLE + 1))}:
            if any(wording.is_content(w) for w in run):
                index[run].append(i)
    pairs: set[tuple[int, int]] = set()
    for sharing in index.values():
        if 2 <= len(sharing) <= CROWDED:
            for x, i in enumerate(sharing):
                pairs.update((i, j) for j in sharing[x + 1:])
    found: dict[tuple[str, str], Verdict] = {}
    for i, j in sorted(pairs):
        (a, va, ta), (b, vb, tb) = quotes[i], quotes[j]
        if a.document == b.document or wording.speaker_words(va.speaker) & wording.speaker_words(vb.speaker):
            continue
        if len(wording.speaker_words(va.speaker)) < 2 or len(wording.speaker_words(vb.speaker)) < 2:
            continue  # a surname or an organisation alone may stand for the person quoted
        reading = wording.align(ta, tb)
        if reading.shared < params.min_words or reading.coverage < params.min_coverage or reading.content_differences:
            continue
        speakers = (min(va.speaker, vb.speaker), max(va.speaker, vb.speaker))
        if speakers not in found:
            found[speakers] = _verdict(a, va, b, vb, reading)
    return list(found.values())


def _verdict(a: Item, va: QuoteValue, b: Item, vb: QuoteValue, reading: wording.Reading) -> Verdict:
    explanation = (
        f"{quoted(va.words)} is attributed to {va.speaker} in {a.document} and to {vb.speaker} in {b.document} "
        f"({reading.shared} words in the same order); a statement has one speaker, so one attribution is wrong."
    )
    return Verdict(
        items=(a, b),
        normals=(a.normal(), b.normal()),
        explanation=explanation,
        key=(a.claim.subject, "quote-speaker", None),
        facts={"a_speaker": va.speaker, "b_speaker": vb.speaker, "a_words": quoted(va.words)},
    )


FACTS = ("a_speaker", "b_speaker", "a_words")

COMPARATOR = Comparator(
    name="quotes_speakers_agree",
    summary="the same quoted words attributed to different speakers",
    kinds=("quote",),
    params=Params,
    corpus=compare_all,
    facts=FACTS,
)
