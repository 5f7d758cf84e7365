"""quotes_same_utterance: one speaker quoted for one statement with different words, across claim keys.

Drafted quotations get keys from their first words, so two articles quoting one
statement differently rarely share a key and the pair rule (`quotes_match`)
never sees them.  This corpus comparator pairs quotations itself, in time linear
in the quotations: it indexes them by each word of the speaker's name, and
within a speaker by the few rarest content words of each quotation (or, pairing
by skeleton, by each run of five function words), and compares only quotations
that share one.  Two quotations are one utterance when, aligned
word by word, they share enough words (`min_shared`, `min_shared_content`) and
cover enough of the shorter one (`min_coverage`), and change fewer words between
their shared ones than they share (`max_changed`): two remarks of one speaker
that share a phrase ("a world record") differ in long stretches.  `differences` picks what is
reported: `content` (a changed, added or dropped word: a misquote) or `minor`
(only an article or "that" added or dropped).  Ellipses, [bracketed]
insertions, typography, contractions and British or American spellings are
never differences (`comparators.wording`).  Quotations paired as one utterance
form one group (one statement, quoted by many articles), split into *positions*
(wordings that differ in no content word); a group is one finding, showing one
claim per position and naming every article of each, with the worst difference
found: ten articles quoting a statement and one misquoting it make one finding.
With `match: skeleton` the comparator reports instead the pairs that sharing words
does not make one utterance but whose sentence is built alike (`wording.same_skeleton`:
the same function words in order and in place, about as long, a content word shared):
one quotation rendered twice in other words, a translation or a paraphrase.
`min_agreeing` and `max_agreeing` select by corroboration: when at least two
articles agree on a wording, another wording is a misquote; when every article
words a remark its own way (a spoken remark transcribed by each), it is a spread
of transcriptions, worth less alarm.  Hand-written claims
with the same key are `quotes_match`'s (a person said they are one statement).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Literal

from crosscheck.comparators import wording
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.comparators.disjoint_sets import DisjointSets
from crosscheck.model.base import Frozen
from crosscheck.model.values import QuoteValue
from crosscheck.text import words

RARE_WORDS = 8
"""Index keys per quotation: its rarest content words among the speaker's quotations."""
CROWDED = 400
"""An index entry shared by more quotations than this is no evidence of one utterance: skipped."""


class Params(Frozen):
    """Options of quotes_same_utterance."""

    differences: Literal["content", "minor"] = "content"
    """Report pairs whose words differ in content (a misquote) or only in minor words."""
    min_shared: int = 4
    """Words the two quotations must share, in order."""
    min_shared_content: int = 2
    """Content words (not function words) among them."""
    min_shared_long: int = 6
    """Shared words that make one utterance with a single shared content word ("that this man ... to do ...")."""
    min_coverage: float = 0.5
    """Share of the shorter quotation's words the other must have, in order."""
    max_changed: float = 1.0
    """Words changed inside the shared stretch, at most this many per shared word (more: two remarks)."""
    min_agreeing: int = 1
    """Articles that must share one wording (a corroborated position) for the utterance to be reported."""
    max_agreeing: int | None = None
    """Report only utterances whose most shared wording has at most this many articles (None: no limit)."""
    match: Literal["words", "skeleton"] = "words"
    """What makes two quotations one utterance: `words` (they share enough words in order, above), or
    `skeleton` (they do not, but are one sentence built alike in other content words: a translation or a
    paraphrase in quotation marks, `wording.same_skeleton`)."""


SKELETON_RUN = 5
"""Function words per index run when pairing by skeleton."""
SKELETON_CROWDED = 50
"""A run of function words shared by more of a speaker's quotations than this is common grammar: skipped."""


def candidate_pairs(quotes: Sequence[tuple[Item, QuoteValue, list[str]]],
                    match: Literal["words", "skeleton"] = "words") -> list[tuple[int, int]]:
    """Index pairs (i < j, different documents) of quotations by one speaker that share a rare word, or
    (`skeleton`) a run of `SKELETON_RUN` function words in order."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, (_, value, _) in enumerate(quotes):
        for w in wording.speaker_words(value.speaker):
            by_speaker[w].append(i)
    seen: set[tuple[int, int]] = set()
    for members in by_speaker.values():
        if len(members) < 2:
            continue
        frequency: Counter[str] = Counter()
        content = {i: {w for w in quotes[i][2] if wording.is_content(w)} for i in members}
        for i in members:
            frequency.update(content[i])
        index: dict[object, list[int]] = defaultdict(list)
        for i in members:
            if match == "skeleton":
                bones = wording.skeleton(quotes[i][2])
                for run in {tuple(bones[k:k + SKELETON_RUN]) for k in range(len(bones) - SKELETON_RUN + 1)}:
                    index[run].append(i)
                continue
            for w in sorted(content[i], key=lambda w: (frequency[w], w))[:RARE_WORDS]:
                index[w].append(i)
        for sharing in index.values():
            if len(sharing) > (SKELETON_CROWDED if match == "skeleton" else CROWDED):
                continue
            for x, i in enumerate(sharing):
                for j in sharing[x + 1:]:
                    if quotes[i][0].document != quotes[j][0].document:
                        seen.add((min(i, j), max(i, j)))
    return sorted(seen)


def same_utterance(reading: wording.Reading, params: Params) -> bool:
    """Whether an alignment shows one statement quoted twice."""
    return wording.one_utterance(reading, min_shared=params.min_shared, min_shared_content=params.min_shared_content,
                                 min_shared_long=params.min_shared_long, min_coverage=params.min_coverage,
                                 max_changed=params.max_changed)


def compare_all(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per utterance quoted with differing words: every claim quoting it, all its wordings."""
    quotes = [(item, item.value, wording.tokens(item.value.words)) for item in items if isinstance(item.value, QuoteValue)]
    sets = DisjointSets(len(quotes))

    worst: dict[int, tuple[int, wording.Reading, int, int]] = {}
    kinds = {"content": 2, "minor": 1}
    found: list[tuple[int, int, wording.Reading]] = []
    for i, j in candidate_pairs(quotes, params.match):
        (a, _, ta), (b, _, tb) = quotes[i], quotes[j]
        if _hand_written(a) and (a.claim.subject, a.claim.property) == (b.claim.subject, b.claim.property):
            continue  # a key a person wrote says it is one statement: the pair rule's business
        reading = wording.align(ta, tb)
        by_words = same_utterance(reading, params)
        if by_words if params.match == "skeleton" else not by_words:
            continue  # the skeleton rule reports only what sharing words does not already show
        if params.match == "skeleton" and not wording.same_skeleton(ta, tb):
            continue
        sets.join(i, j)
        found.append((i, j, reading))
    for i, j, reading in found:
        rank = kinds["content"] if reading.content_differences else kinds["minor"] if reading.differences else 0
        group = sets.root(i)
        if rank and rank > worst.get(group, (0,))[0]:
            worst[group] = (rank, reading, i, j)
    verdicts = []
    for group, (rank, reading, i, j) in worst.items():
        if rank != kinds[params.differences]:
            continue
        members = [k for k in range(len(quotes)) if sets.root(k) == group]
        positions = _positions(members, quotes, params)
        agreeing = max(len({item.document for item in p}) for p in positions)
        if agreeing < params.min_agreeing or (params.max_agreeing is not None and agreeing > params.max_agreeing):
            continue
        verdicts.append(_verdict(positions, reading, quotes[i][0], quotes[j][0], params))
    return verdicts


def _positions(members: list[int], quotes: Sequence[tuple[Item, QuoteValue, list[str]]],
               params: Params) -> list[list[Item]]:
    """An utterance's quotations split into positions, longest wording first: a quotation joins the first
    position whose longest wording it differs from in no content word (for minor differences: in no word),
    so an excerpt joins the wording it was cut from and never joins two wordings into one."""
    positions: list[tuple[list[str], list[Item]]] = []
    for k in sorted(members, key=lambda k: (-len(quotes[k][2]), quotes[k][0].document)):
        item, _, tokens = quotes[k]
        for longest, claims in positions:
            reading = wording.align(longest, tokens)
            if not (reading.content_differences if params.differences == "content" else reading.differences):
                claims.append(item)
                break
        else:
            positions.append((tokens, [item]))
    return [sorted(claims, key=lambda item: _central(item, claims), reverse=True) for _, claims in positions]


def _central(item: Item, claims: list[Item]) -> tuple[int, int]:
    """How many of its position's quotations a wording agrees with word for word (then its length): the
    position's most representative wording comes first."""
    tokens = _tokens(item)
    same = sum(1 for other in claims if not wording.align(tokens, _tokens(other)).differences)
    return same, len(tokens)


def _words(item: Item) -> str:
    value = item.value
    return value.words if isinstance(value, QuoteValue) else ""


def _tokens(item: Item) -> list[str]:
    value = item.value
    return wording.tokens(value.words) if isinstance(value, QuoteValue) else []


def _order(item: Item) -> tuple[str, int, int]:
    return (item.document, item.located.line, item.located.column)


def _hand_written(item: Item) -> bool:
    return item.claim.draft is None


def _verdict(positions: list[list[Item]], reading: wording.Reading, a: Item, b: Item, params: Params) -> Verdict:
    """The finding for one utterance: one claim per position (its first article's), every article named."""
    va, vb = a.value, b.value
    assert isinstance(va, QuoteValue) and isinstance(vb, QuoteValue)
    shown = reading.content_differences if params.differences == "content" else reading.differences
    differs = "; ".join(d.words() for d in shown)
    score = words.similarity(va.words, vb.words)
    kind = "the words differ" if params.differences == "content" else "only minor words differ"
    positions = sorted(positions, key=lambda p: _order(p[0]))
    stated = "; ".join(f"{quoted(' '.join(words.tokens(_words(p[0]))))} in {', '.join(sorted({i.document for i in p}))}"
                       for p in positions)
    if params.match == "skeleton":
        explanation = (
            f"The articles quote {va.speaker} in different words: {stated}. The quotations are one sentence built "
            f"alike (the same function words in the same order) with other content words, as a translation or a "
            f"paraphrase is: {differs}; at most one can be the speaker's words."
        )
    else:
        explanation = (
            f"{va.speaker} is quoted for one statement (the quotations share their words in order) in {len(positions)} "
            f"wordings: {stated}. {kind.capitalize()}: {differs}; at most one wording can be exact."
        )
    shown_items = [p[0] for p in positions]  # each position's most representative wording
    return Verdict(
        items=tuple(shown_items),
        normals=tuple(item.normal() for item in shown_items),
        explanation=explanation,
        similarity=score,
        diff=words.diff(va.words, vb.words),
        key=(shown_items[0].claim.subject, "quote", None),
        facts={"speaker": va.speaker, "differs": differs, "similarity": f"{score:.2f}",
               "a_words": quoted(va.words), "b_words": quoted(vb.words), "wordings": str(len(positions))},
    )


FACTS = ("speaker", "differs", "similarity", "a_words", "b_words", "wordings")

COMPARATOR = Comparator(
    name="quotes_same_utterance",
    summary="one speaker's statement quoted with different words, found across claim keys",
    kinds=("quote",),
    params=Params,
    corpus=compare_all,
    facts=FACTS,
)
