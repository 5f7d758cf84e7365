"""The indexed drafting passes find exactly what the straightforward scans of every span and mention found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.extract.article import Article
from crosscheck.extract.keys import KeyProposer
from crosscheck.extract.matching import _same_subjects
from crosscheck.extract.mention import PRIORITY, Mention, _whole_of, resolve_overlaps
from crosscheck.extract.quotes import find_quotations
from crosscheck.extract.spans import SpanIndex

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda p: (p[0], p[0] + p[1]))
_SPANS = st.lists(_SPAN, max_size=30)


@settings(max_examples=300, deadline=None)
@given(_SPANS, _SPAN, st.integers(-2, 90))
def test_span_index_answers_as_a_scan_of_every_span(spans, query, offset):
    index = SpanIndex(spans)
    start, end = query
    assert index.covers(start, end) == any(s <= start and end <= e for s, e in spans)
    assert index.holds(offset) == any(s <= offset < e for s, e in spans)
    assert index.covering(start, end) == [i for i, (s, e) in enumerate(spans) if s <= start and end <= e]


def test_span_index_of_nothing_holds_nothing():
    index = SpanIndex([])
    assert not index.covers(0, 0) and not index.holds(0) and index.covering(3, 4) == []


def _reference_overlaps(mentions: list[Mention]) -> list[Mention]:
    """`resolve_overlaps` as it was: every mention tested against every figure and every kept mention."""
    figures = [m for m in mentions if m.kind in ("quantity", "percentage")]
    mentions = [m for m in mentions if m.kind not in ("rank", "fraction") or not any(
        f.start <= m.start and m.end <= f.end and (f.start, f.end) != (m.start, m.end) for f in figures)]
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.priority, -(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end or _whole_of(k, m) for k in kept if k.kind not in ("quote", "name")):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))


_KINDS = sorted(k for k in PRIORITY if k != "quantity_money")


@st.composite
def _mention(draw) -> Mention:
    kind = draw(st.sampled_from(_KINDS))
    start, end = draw(_SPAN)
    value: dict = {"kind": kind, "amount": draw(st.integers(1, 3)), "of": draw(st.integers(1, 3))}
    if kind == "quantity" and draw(st.booleans()):
        value["currency"] = "USD"
    return Mention(kind, start, end, value, extras={"ranked": True} if draw(st.booleans()) else {})


@settings(max_examples=300, deadline=None)
@given(st.lists(_mention(), max_size=25))
def test_overlaps_are_settled_as_by_testing_every_pair(mentions):
    assert resolve_overlaps(mentions) == _reference_overlaps(mentions)


_TEXT = """Harbour Board Plans Expansion

The Harbour Board said on Monday that Calder Bay handled 412 ships last year. Mira Solberg, the board's chair,
said traffic rose 8%. "We expect Calder Bay to pass 500 ships within two years," Solberg said.

Port Authority officials in Lenmouth disagreed. "Those figures are optimistic," said Tomas Ekdahl. Ekdahl added
that the port saw 90 ships. "We will see," he said. Solberg replied: "The numbers speak for themselves."
"""


def test_names_in_a_sentence_are_the_names_that_start_in_it():
    article = Article.parse(_TEXT * 3)
    proposer = KeyProposer(article)
    for index, sentence in enumerate(article.sentences):
        expected = [n for n in proposer.names if sentence.start <= n.start < sentence.end]
        assert proposer.names_in(index) == expected


def test_speakers_resolve_to_the_full_name_named_before_in_a_long_text():
    article = Article.parse(_TEXT * 4)
    speakers = [q.speaker for q in find_quotations(article)]
    # a surname alone and a pronoun are the person named in full most recently before, in every repetition
    assert speakers == ["Mira Solberg", "Tomas Ekdahl", "Tomas Ekdahl", "Mira Solberg"] * 4


@settings(max_examples=200, deadline=None)
@given(st.sets(st.lists(st.sampled_from(["a", "b", "williams", "sunita"]), min_size=1, max_size=4).map("-".join),
               max_size=12))
def test_short_subjects_join_their_one_full_form_as_by_comparing_every_pair(subjects):
    def reference(subject: str) -> str:
        longer = [s for s in subjects if s != subject and s.endswith("-" + subject)]
        return max(longer, key=len) if len(longer) == 1 else subject

    assert _same_subjects(subjects) == {s: reference(s) for s in subjects}
