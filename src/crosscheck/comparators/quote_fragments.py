"""quote_fragments: one speaker's word quoted in the same clause with different words by two articles.

Reported speech often quotes only a word or two of what a speaker said: "he
admitted that his decisions "haunt" him every day".  Such a *fragment* (at most
`max_words` words in quotation marks) is too short to be paired by its own words
as `quotes_same_utterance` pairs whole quotations; what tells which utterance it
belongs to is its *frame*, the reported clause around the marks.  Two fragments
of one speaker (speaker ids sharing a word of a name, as for the other quote
comparators, and each of two words or more: "officials" or a lone surname may be
two people in two articles) are one quoted word when their frames agree:

- on each side of the marks, some of the `window` nearest words are the same,
  position by position outward from the marks ("that his … him"), at least
  `min_frame_shared` in all, and at least one of the two words touching the marks
  is the same;
- a touching word that differs is a content word on both sides (a noun changed
  for a synonym, "decisions" for "choices"), never a function word;
- the frames share a content word somewhere (their `window` + 2 words each side),
  so two clauses of merely the same grammar ("the plan was …" and "the timing
  was …") are not one.

Fragments whose words are the same once folded ("haunts" is "haunt", `wording.stem`)
agree; fragments that differ are a misquote, unless both wordings appear inside
whole quotations of the same speaker (the speaker said both words: different
fragments of one long speech).  A whole quotation of the speaker containing a
fragment's words corroborates that fragment and is named with it.  Fragments
paired form one group, one finding: each two wordings clash.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.comparators import wording
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.comparators.disjoint_sets import DisjointSets
from crosscheck.model.base import Frozen
from crosscheck.model.values import QuoteValue
from crosscheck.text import words

_MARKS = "\"'“”‘’«»„‚"


class Params(Frozen):
    """Options of quote_fragments."""

    max_words: int = 3
    """Words a quotation has at most to be a fragment."""
    window: int = 3
    """Words on each side of the marks compared position by position."""
    min_frame_shared: int = 3
    """Words of the two frames that are the same at the same place, at least (both sides together)."""


@dataclass(frozen=True, slots=True)
class Fragment:
    """A fragment's folded words and its frame: the words before the marks (nearest last) and after them,
    each folded to its stem."""

    item: Item
    stems: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    shown: str
    """The words touching the marks as printed ("his decisions … him every"), for the explanation."""


def fragment_of(item: Item, params: Params) -> Fragment | None:
    """The fragment a quote claim is, when its words are few and its quote shows them in quotation marks."""
    value = item.value
    if not isinstance(value, QuoteValue):
        return None
    own = wording.tokens(value.words)
    if not own or len(own) > params.max_words or any(w.startswith("\x00") for w in own):
        return None
    context = item.claim.quote
    marked = re.compile(rf"[{_MARKS}]\s*{re.escape(value.words.strip())}\s*[{_MARKS}]")
    m = marked.search(context)
    if m is None:
        return None
    left, right = _clause_before(context[:m.start()]), _clause_after(context[m.end():])
    before = tuple(wording.stem(w) for w in wording.tokens(left))
    after = tuple(wording.stem(w) for w in wording.tokens(right))
    shown = " … ".join(part for part in (" ".join(left.split()[-2:]), " ".join(right.split()[:2])) if part)
    return Fragment(item, tuple(wording.stem(w) for w in own), before, after, shown)


def _clause_before(text: str) -> str:
    """The words before the marks back to the previous quotation mark or sentence end."""
    return re.split(rf"[{_MARKS}]|[.!?;:]\s", text)[-1]


def _clause_after(text: str) -> str:
    """The words after the marks up to the next quotation mark or sentence end."""
    return re.split(rf"[{_MARKS}]|[.!?;:](?:\s|$)", text)[0]


def frames_agree(a: Fragment, b: Fragment, params: Params) -> bool:
    """Whether two fragments sit in one reported clause (see the module docstring)."""
    n = params.window
    left = sum(1 for x, y in zip(a.before[::-1][:n], b.before[::-1][:n], strict=False) if x == y)
    right = sum(1 for x, y in zip(a.after[:n], b.after[:n], strict=False) if x == y)
    if not (left and right and left + right >= params.min_frame_shared):
        return False
    touching = [(a.before[-1], b.before[-1]), (a.after[0], b.after[0])]
    if not any(x == y for x, y in touching):
        return False
    if any(x != y and not (wording.is_content(x) and wording.is_content(y)) for x, y in touching):
        return False
    wide = n + 2
    content_a = {w for w in a.before[-wide:] + a.after[:wide] if wording.is_content(w)}
    content_b = {w for w in b.before[-wide:] + b.after[:wide] if wording.is_content(w)}
    return bool(content_a & content_b)


def compare_all(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per quoted word that two articles render with different words in the same clause."""
    fragments: list[Fragment] = []
    whole: dict[str, list[tuple[Item, tuple[str, ...]]]] = defaultdict(list)
    for item in items:
        fragment = fragment_of(item, params)
        if fragment is not None:
            fragments.append(fragment)
        elif isinstance(item.value, QuoteValue):
            stems = tuple(wording.stem(w) for w in wording.tokens(item.value.words))
            for name in wording.speaker_words(item.value.speaker):
                whole[name].append((item, stems))
    sets = DisjointSets(len(fragments))

    for i, j in _candidate_pairs(fragments):
        a, b = fragments[i], fragments[j]
        if a.stems != b.stems and frames_agree(a, b, params):
            sets.join(i, j)
    groups: dict[int, list[Fragment]] = defaultdict(list)
    for k, fragment in enumerate(fragments):
        groups[sets.root(k)].append(fragment)
    verdicts = []
    for members in groups.values():
        wordings: dict[tuple[str, ...], list[Fragment]] = {}
        for fragment in sorted(members, key=lambda f: _order(f.item)):
            wordings.setdefault(fragment.stems, []).append(fragment)
        if len(wordings) < 2:
            continue
        speaker = members[0].item.value
        assert isinstance(speaker, QuoteValue)
        support = {stems: _whole_quotes(stems, speaker.speaker, whole) for stems in wordings}
        if all(support.values()):
            continue  # every wording is in the speaker's own whole quotations: different words of one speech
        verdicts.extend(_verdicts(list(wordings.values()), support))
    return verdicts


def _candidate_pairs(fragments: Sequence[Fragment]) -> list[tuple[int, int]]:
    """Index pairs (different documents) of fragments whose speakers, each named in full, share a word of a
    name."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, fragment in enumerate(fragments):
        value = fragment.item.value
        assert isinstance(value, QuoteValue)
        names = wording.speaker_words(value.speaker)
        if len(names) < 2:
            continue  # "officials", a lone surname: two articles' may be two people
        for name in names:
            by_speaker[name].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_speaker.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if fragments[i].item.document != fragments[j].item.document:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _whole_quotes(stems: tuple[str, ...], speaker: str, whole: dict[str, list[tuple[Item, tuple[str, ...]]]]) -> list[Item]:
    """Whole quotations of the speaker that contain the fragment's folded words, in order."""
    n = len(stems)
    found: dict[int, Item] = {}
    for name in wording.speaker_words(speaker):
        for item, quoted_stems in whole.get(name, ()):
            if any(quoted_stems[k:k + n] == stems for k in range(len(quoted_stems) - n + 1)):
                found[id(item)] = item
    return sorted(found.values(), key=_order)


def _order(item: Item) -> tuple[str, int, int]:
    return (item.document, item.located.line, item.located.column)


def _verdicts(wordings: list[list[Fragment]], support: dict[tuple[str, ...], list[Item]]) -> list[Verdict]:
    """The clashes of one quoted word, all under one key (one finding): each two wordings' fragments; the
    explanation names the whole quotations that bear a wording out (they do not clash with it, so they are
    not claims of the finding)."""
    shown = [fragments[0] for fragments in wordings]
    first = shown[0]
    speaker = first.item.value
    assert isinstance(speaker, QuoteValue)
    described = []
    for fragments in wordings:
        documents = sorted({f.item.document for f in fragments})
        backed = support[fragments[0].stems]
        also = f" (and in the whole quotation of {', '.join(sorted({i.document for i in backed}))})" if backed else ""
        described.append(f"{quoted(_words(fragments[0].item))} in {', '.join(documents)}{also}")
    explanation = (
        f"{speaker.speaker} is quoted in the same reported clause ('{first.shown}') with different words in quotation "
        f"marks: {'; '.join(described)}. A word in quotation marks promises the speaker's own word: at most one is."
    )
    pairs = [(a.item, b.item) for x, a in enumerate(shown) for b in shown[x + 1:]]
    key = (first.item.claim.subject, "quote", None)
    verdicts = []
    for a, b in pairs:
        score = words.similarity(_words(a), _words(b))
        verdicts.append(Verdict(
            items=(a, b), normals=(a.normal(), b.normal()), explanation=explanation, similarity=score,
            diff=words.diff(_words(a), _words(b)), key=key,
            facts={"speaker": speaker.speaker, "differs": f"{quoted(_words(a))} vs {quoted(_words(b))}",
                   "frame": first.shown, "a_words": quoted(_words(a)), "b_words": quoted(_words(b)),
                   "wordings": str(len(wordings))},
        ))
    return verdicts


def _words(item: Item) -> str:
    value = item.value
    return value.words.strip() if isinstance(value, QuoteValue) else ""


FACTS = ("speaker", "differs", "frame", "a_words", "b_words", "wordings")

COMPARATOR = Comparator(
    name="quote_fragments",
    summary="a speaker's word quoted in the same reported clause with different words by two articles",
    kinds=("quote",),
    params=Params,
    corpus=compare_all,
    facts=FACTS,
)
