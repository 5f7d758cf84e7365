"""How two quotations of one speaker differ, word by word, and whether they are one utterance.

Shared by the quote comparators (not a comparator itself).  Words are folded as
`text.words` folds them, then pronoun contractions are expanded ("it's" is "it
is") and British and American endings are made one ("speciality" is
"specialty", "realized" is "realised"), both from the lexicon.  An ellipsis ("..." or "…") marks words the
quoting article left out and a [bracketed] insertion marks words it supplied:
neither is a difference.  Words before the first and after the last shared
stretch are the edges of an excerpt, not differences either, unless both
quotations have words there (they end on different words: "very dangerous" and
"very bad").  What remains is a
list of differing stretches; a stretch is *minor* when it only adds or drops an
article ("a", "the") or "that", repeats the words just before it, or leaves out
a whole passage (`PASSAGE` words or more: the quotation was shortened).

`one_utterance` says whether an alignment shows one statement quoted twice: enough
words shared in order, and fewer words changed between them than shared.
`same_skeleton` says whether two quotations are one sentence rendered twice in other
content words (a translation, a paraphrase): the same function words, in order, in
the same places.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

from crosscheck.text.lexicon import section
from crosscheck.text.typography import typography
from crosscheck.text.words import fold

GAP = "\x00gap"
"""The token an ellipsis becomes: the quoting article left words out here."""
SUPPLIED = "\x00supplied"
"""The token a [bracketed] insertion becomes: words the quoting article supplied."""
PASSAGE = 5
"""Words of a passage one quotation has and the other leaves out (a shortened quotation, not another wording)."""
_PIECES = re.compile(r"\[[^\]]{0,80}\]|\.\.\.+|[^\s.\[\]]+(?:\.(?=\w)[^\s.\[\]]+)*")


@dataclass(frozen=True, slots=True)
class Difference:
    """One stretch where two quotations differ: the words of each (folded), empty for an addition."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    minor: bool
    edge: bool = False
    """At the start or end of the shared stretch: the quotations end on different words."""

    def words(self) -> str:
        """The stretch as '"a words" vs "b words"'."""
        return f"'{' '.join(self.a) or '(nothing)'}' vs '{' '.join(self.b) or '(nothing)'}'"


@dataclass(frozen=True, slots=True)
class Reading:
    """Two quotations aligned: how many words they share (all, and content words) and where they differ."""

    shared: int
    shared_content: int
    shorter: int
    """Words of the shorter quotation (ellipses and insertions left out)."""
    differences: tuple[Difference, ...]

    @property
    def coverage(self) -> float:
        """Share of the shorter quotation's words found, in order, in the other."""
        return self.shared / self.shorter if self.shorter else 0.0

    @property
    def changed(self) -> int:
        """Words changed, added or dropped inside the shared stretch (the longer side of each difference)."""
        return sum(max(len(d.a), len(d.b)) for d in self.differences if not d.edge)

    @property
    def content_differences(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.minor)


@cache
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    contractions = cast(dict[str, str], section("quote_contractions"))
    hosts = frozenset(cast(list[str], section("quote_s_contraction_hosts")))
    minor = frozenset(cast(list[str], section("quote_minor_words")))
    function = frozenset(cast(list[str], section("quote_function_words")))
    endings = tuple((str(a), str(b)) for a, b in cast(list[list[str]], section("spelling_conventions")))
    return contractions, hosts, minor, function, tuple(sorted(endings, key=lambda e: -len(e[0])))


_OUR = re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ful|hood|al|ly)?$")
"""British "-our" inside a longer word ("neighbouring", "favourite"): "-or" in American spelling."""


def spelling(word: str) -> str:
    """A folded word with British and American endings made one ("centre" -> "center", "organization" ->
    "organisation": -ise is kept, as words such as "advised" have no -ize form to show)."""
    if len(word) >= 6 and _OUR.search(word):
        return _OUR.sub(r"or\1", word)
    for ending, replacement in _tables()[4]:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def tokens(quotation: str) -> list[str]:
    """The compared words of a quotation: folded, contractions expanded, gaps and insertions marked."""
    contractions, hosts, _, _, _ = _tables()
    out: list[str] = []
    for piece in _PIECES.findall(typography(quotation)):
        if piece.startswith("["):
            out.append(SUPPLIED)
            continue
        if piece.startswith(".."):
            out.append(GAP)
            continue
        word = fold(piece)
        if not word:
            continue
        if "-" in word.strip("-"):  # "record-holder" and "record holder" are one wording
            out.extend(spelling(part) for part in word.split("-") if part)
            continue
        for suffix, full in contractions.items():
            if word.endswith(suffix) and len(word) > len(suffix):
                out.extend((word[: -len(suffix)], full))
                break
        else:
            if word.endswith("'s") and word[:-2] in hosts:
                out.extend((word[:-2], "is"))
            else:
                out.append(spelling(word))
    return out


_INFLECTIONS = (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("ing", ""), ("ied", "y"), ("eed", "ee"),
                ("ed", ""), ("es", ""), ("s", ""))
"""Endings folded by `stem`, longest first: plural and verb endings of English."""


def stem(word: str) -> str:
    """A folded word without its plural or verb ending or a final "e" ("haunts", "haunted", "haunting" ->
    "haunt"; "hates", "hated" -> "hat"): a quoted word and the same word in another article's whole quotation
    agree whatever its ending.  A stem is a key to compare by, not a word to show."""
    base = word
    for ending, replacement in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not (ending == "s" and word[-2] in "siu"):
            base = word[: -len(ending)] + replacement
            if ending in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stop"
            break
    return base[:-1] if len(base) > 3 and base.endswith("e") and not base.endswith("ee") else base


def speaker_words(speaker: str) -> set[str]:
    """The words of a speaker id that name the person ("judge-lewis-kaplan" -> {"lewis", "kaplan"})."""
    return {w for w in speaker.split("-") if len(w) > 2 and w not in _titles()}


@cache
def _titles() -> frozenset[str]:
    return frozenset(str(w).rstrip(".") for w in cast(list[str], section("person_titles_dropped")))


def is_content(word: str) -> bool:
    """A word that helps tell one utterance from another (not a function word, not a mark)."""
    return len(word) > 2 and word not in _tables()[3] and not word.startswith("\x00")


def read(a: str, b: str) -> Reading:
    """The alignment of quotation `a` with quotation `b`."""
    return align(tokens(a), tokens(b))


def align(ta: Sequence[str], tb: Sequence[str]) -> Reading:
    """`read` on token lists made by `tokens`: the alignment from the start or from the end, whichever changes
    fewer words ("I'm sorry for that. I'm sorry for what ..." aligns "sorry about what ..." with its second "sorry")."""
    forward = _align(ta, tb)
    backward = _align(ta[::-1], tb[::-1])
    if backward.changed < forward.changed:
        flipped = tuple(Difference(d.a[::-1], d.b[::-1], d.minor) for d in reversed(backward.differences))
        return Reading(backward.shared, backward.shared_content, backward.shorter, flipped)
    return forward


def one_utterance(reading: Reading, *, min_shared: int = 4, min_shared_content: int = 2, min_shared_long: int = 6,
                  min_coverage: float = 0.5, max_changed: float = 1.0) -> bool:
    """Whether an alignment shows one statement quoted twice (the parameters of `quotes_same_utterance`)."""
    enough_content = reading.shared_content >= min_shared_content or (
        reading.shared_content >= 1 and reading.shared >= min_shared_long)
    return (reading.shared >= min_shared and enough_content and reading.coverage >= min_coverage
            and reading.changed <= reading.shared * max_changed)


def same_skeleton(ta: Sequence[str], tb: Sequence[str], *, min_function: int = 8, min_share: float = 0.8,
                  max_drift: float = 0.15, min_length_ratio: float = 0.6) -> bool:
    """Whether two quotations (token lists made by `tokens`) are one sentence built alike: the same function
    words in the same order (at least `min_function`, and `min_share` of those each quotation has between the
    first and the last of them: the edges of an excerpt do not count), each at about the same distance from
    the first (`max_drift` of the shorter length), in quotations about as long (`min_length_ratio`), sharing a
    content word.  Determiners and possessives count as their class ("its" is "his", "that" is "this").  A
    translation or a paraphrase keeps this skeleton while changing content words ("advised me that in its
    view ..." and "informed me that, in his opinion ..."); two remarks of one speaker seldom share it."""
    plain_a = [w for w in ta if not w.startswith("\x00")]
    plain_b = [w for w in tb if not w.startswith("\x00")]
    if not plain_a or not plain_b or min(len(plain_a), len(plain_b)) / max(len(plain_a), len(plain_b)) < min_length_ratio:
        return False
    if not {stem(w) for w in plain_a if is_content(w)} & {stem(w) for w in plain_b if is_content(w)}:
        return False
    fa, fb = _skeleton(plain_a), _skeleton(plain_b)
    matcher = difflib.SequenceMatcher(a=[w for _, w in fa], b=[w for _, w in fb], autojunk=False)
    pairs = [(block.a + d, block.b + d) for block in matcher.get_matching_blocks() for d in range(block.size)]
    if len(pairs) < min_function:
        return False
    (first_a, first_b), (last_a, last_b) = pairs[0], pairs[-1]
    span = min(len(plain_a), len(plain_b))
    aligned = sum(1 for i, j in pairs
                  if abs((fa[i][0] - fa[first_a][0]) - (fb[j][0] - fb[first_b][0])) <= max_drift * span)
    inside = max(last_a - first_a + 1, last_b - first_b + 1)
    return aligned >= min_function and aligned >= min_share * inside


def skeleton(quotation: Sequence[str]) -> list[str]:
    """The function words of a quotation's tokens, in order, determiners and possessives as their class."""
    return [w for _, w in _skeleton([w for w in quotation if not w.startswith("\x00")])]


def _skeleton(plain: Sequence[str]) -> list[tuple[int, str]]:
    return [(k, _CLASSES.get(w, w)) for k, w in enumerate(plain) if not is_content(w)]


_CLASSES = {**dict.fromkeys(("its", "his", "her", "their", "our", "my", "your"), "\x01possessive"),
            **dict.fromkeys(("this", "that", "these", "those"), "\x01demonstrative"),
            **dict.fromkeys(("a", "an"), "\x01article")}
"""Function words that a rendering may swap for another of their class without changing the sentence."""


def _align(ta: Sequence[str], tb: Sequence[str]) -> Reading:
    minor_words = _tables()[2]
    matcher = difflib.SequenceMatcher(a=list(ta), b=list(tb), autojunk=False)
    ops = [op for op in matcher.get_opcodes()]
    equal = [i for i, op in enumerate(ops) if op[0] == "equal" and not _only_marks(ta[op[1]:op[2]])]
    shared = sum(op[2] - op[1] for op in ops if op[0] == "equal")
    shared_content = sum(1 for op in ops if op[0] == "equal" for w in ta[op[1]:op[2]] if is_content(w))
    shorter = min(sum(1 for w in ta if not w.startswith("\x00")), sum(1 for w in tb if not w.startswith("\x00")))
    differences: list[Difference] = []
    if equal:
        for index, (tag, i1, i2, j1, j2) in enumerate(ops):
            edge = not equal[0] < index < equal[-1]
            if tag == "equal" or (edge and tag != "replace"):
                continue  # words only one quotation has at its start or end: an excerpt's edges
            wa, wb = tuple(ta[i1:i2]), tuple(tb[j1:j2])
            if any(w.startswith("\x00") for w in wa + wb):
                continue  # words left out (…) or supplied ([…]) by the quoting article
            passage = not (wa and wb) and len(wa + wb) >= PASSAGE
            minor = all(w in minor_words for w in wa + wb) or _repeated(wa, ta, i1) or _repeated(wb, tb, j1) or passage
            differences.append(Difference(wa, wb, minor, edge))
    return Reading(shared, shared_content, shorter, tuple(differences))


def _repeated(stretch: tuple[str, ...], tokens: Sequence[str], at: int) -> bool:
    """True when an added stretch only repeats words its own quotation has right before it ("not a trivial
    risk. Not a trivial risk at all"): a repetition dropped, not another wording."""
    n = len(stretch)
    return n >= 2 and tuple(tokens[at - n:at]) == stretch


def _only_marks(words: Sequence[str]) -> bool:
    return all(w.startswith("\x00") for w in words)
