"""Short quoted fragments inside reported speech, and quotations attributed by the sentence after them.

Drafting keeps one to three quoted words when a speaker's reported clause holds them; CC506 compares two
articles' fragments of one speaker by the clause around the marks.  Sentences are our own.
"""

from __future__ import annotations

import pytest

from crosscheck.api import check_texts
from crosscheck.comparators import wording
from crosscheck.extract.draft import draft_claims


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(c.value.speaker, c.value.words) for c in draft_claims(text) if c.value.kind == "quote"]


FRAGMENTS = [
    pytest.param("Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning.",
                 [("lena-berg", "shame")], id="a word in a reported clause, pronoun resolved"),
    pytest.param("Coach Omar Haddad met the press. Haddad admitted that the defeat was “painful” for the squad.",
                 [("omar-haddad", "painful")], id="a word after admitted that"),
    pytest.param("Minister Sara Kim spoke. Kim warned the cuts would “hurt every family” in the north.",
                 [("sara-kim", "hurt every family")], id="three words"),
    pytest.param("The so-called “peace dividend” never came, Sara Kim said on Monday.", [],
                 id="so-called makes a label"),
    pytest.param("Officials said the storm, dubbed “the beast”, would reach the coast.", [],
                 id="a nickname after dubbed"),
    pytest.param("The plan brought “relief” to the harbour towns.", [], id="scare quotes with no speaker"),
    pytest.param("Lena Berg said she read “Northern Lights” twice last summer.", [],
                 id="a capitalised title"),
    pytest.param("The council met. Its “reform” of the buses was delayed again.", [],
                 id="no speech verb before it"),
]


@pytest.mark.parametrize(("text", "expected"), FRAGMENTS)
def test_fragments_are_kept_only_inside_reported_speech(text, expected):
    assert _quotes(text) == expected


def test_fragment_claim_quotes_its_whole_clause():
    text = "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning."
    (claim,) = [c for c in draft_claims(text) if c.value.kind == "quote"]
    assert claim.quote == "She said the delays “shame” her every morning."


def test_next_sentence_opening_inverted_attributes_the_quotation():
    text = ("Health chief Amara Obi spoke in the capital.\n"
            "“The panel met and advised me that the outbreak is now an emergency. I accepted its advice.” "
            "So announced Health Minister Amara Obi at a briefing on Tuesday.")
    assert [s for s, _ in _quotes(text)] == ["amara-obi"]


def test_a_contraction_of_i_is_no_speaker():
    text = ("Runner Peter Lund finished third.\n"
            "“I'm tired. I'm proud of every one of the team,” he said. He added that his legs “ached” all night.")
    assert {s for s, _ in _quotes(text)} == {"peter-lund"}


def _fragment_findings(texts: dict[str, str]) -> list[tuple[str, list[str]]]:
    report = check_texts(texts)
    return [(f.severity, sorted(c.document for c in f.claims)) for f in report.findings if f.rule == "CC506"]


def test_a_whole_quotation_bearing_one_word_out_is_named():
    texts = {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning.",
             "b.txt": "Mayor Lena Berg spoke on Monday. She said the setbacks “shape” her every morning.",
             "c.txt": "Mayor Lena Berg spoke on Monday.\n“The delays shame me every morning, I admit it,” Lena Berg said."}
    (finding,) = [f for f in check_texts(texts).findings if f.rule == "CC506"]
    assert sorted(c.document for c in finding.claims) == ["a.txt", "b.txt"]
    assert "'shame' in a.txt (and in the whole quotation of c.txt)" in finding.explanation


COMPARED = [
    pytest.param(
        {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every single morning.",
         "b.txt": "Mayor Lena Berg spoke on Monday. She said that the setbacks “shape” her every morning."},
        [("warning", ["a.txt", "b.txt"])], id="another word in the same clause"),
    pytest.param(
        {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shames” her every morning.",
         "b.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shamed” her every morning."},
        [], id="the same word with another ending"),
    pytest.param(
        {"a.txt": "Coach Omar Haddad spoke. Haddad said the budget was “reckless” and wrong.",
         "b.txt": "Coach Omar Haddad spoke. Haddad said the timing was “premature” for fans."},
        [], id="clauses that only share their grammar"),
    pytest.param(
        {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning.",
         "b.txt": "Coach Omar Haddad spoke on Monday. He said the delays “shape” him every morning."},
        [], id="two speakers"),
    pytest.param(
        {"a.txt": "Officials spoke on Monday. Officials said the delays “shame” the city every morning.",
         "b.txt": "Officials spoke on Monday. Officials said the setbacks “shape” the city every morning."},
        [], id="speakers not named in full"),
    pytest.param(
        {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning.",
         "b.txt": "Mayor Lena Berg spoke on Monday. She said the setbacks “shape” her every morning.",
         "c.txt": "Mayor Lena Berg spoke on Monday.\n“The delays shame me and they shape my every morning,” Lena Berg said."},
        [], id="the speaker's whole quotation holds both words"),
    pytest.param(
        {"a.txt": "Mayor Lena Berg spoke on Monday. She said the delays “shame” her every morning.",
         "b.txt": "Mayor Lena Berg spoke on Monday. She said the setbacks “shape” her every morning.",
         "c.txt": "Mayor Lena Berg spoke on Monday.\n“The delays shame me every morning, I admit it,” Lena Berg said."},
        [("warning", ["a.txt", "b.txt"])], id="a whole quotation bears one word out"),
]


@pytest.mark.parametrize(("texts", "expected"), COMPARED)
def test_fragments_compared_by_their_clause(texts, expected):
    assert _fragment_findings(texts) == expected


def _rules(texts: dict[str, str]) -> dict[str, str]:
    return {f.rule: f.severity for f in check_texts(texts).findings if f.rule.startswith("CC50")}


INSPECTED = ("“Our engineers inspected the badly damaged bridge at dawn and found serious cracks in one of its steel "
             "supports, so the crossing will stay closed to heavy lorries until the repairs are finished,” Mayor Lena "
             "Berg said.")
EXAMINED = ("“Our technicians examined the severely broken viaduct at sunrise and discovered major fractures in one of "
            "its iron pillars, so the passage will remain shut to large lorries until the works are completed,” Mayor "
            "Lena Berg said.")

RENDERINGS = [
    pytest.param({"a.txt": INSPECTED, "b.txt": EXAMINED}, {"CC507": "info"},
                 id="one sentence built alike in other words"),
    pytest.param({"a.txt": INSPECTED, "b.txt": EXAMINED.replace("Mayor Lena Berg", "Coach Omar Haddad")}, {},
                 id="two speakers"),
    pytest.param({"a.txt": INSPECTED,
                  "b.txt": ("“Our council will open two new libraries in the north of the city before the summer, and "
                            "the old one will close for good,” Mayor Lena Berg said.")}, {},
                 id="two remarks of one speaker"),
    pytest.param({"a.txt": INSPECTED, "b.txt": INSPECTED.replace("serious cracks", "deep cracks")}, {"CC505": "info"},
                 id="sharing enough words is one utterance, not a rendering"),
]


@pytest.mark.parametrize(("texts", "expected"), RENDERINGS)
def test_renderings_of_one_sentence_are_information(texts, expected):
    assert _rules(texts) == expected


def test_a_rendering_names_both_wordings():
    (finding,) = [f for f in check_texts({"a.txt": INSPECTED, "b.txt": EXAMINED}).findings if f.rule == "CC507"]
    assert finding.message.startswith("the articles quote lena-berg in different words")
    assert "'engineers inspected' vs 'technicians examined'" in finding.message


@pytest.mark.parametrize(("a", "b", "same"), [
    ("haunts", "haunt", True), ("haunted", "haunting", True), ("hates", "hated", True), ("stopped", "stop", True),
    ("cities", "city", True), ("agreed", "agree", True), ("haunt", "hate", False), ("this", "thi", False),
])
def test_a_quoted_word_agrees_whatever_its_ending(a, b, same):
    assert (wording.stem(a) == wording.stem(b)) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    pytest.param("the committee met and advised me that in its view the outbreak is an emergency, and I have accepted "
                 "that advice", "the committee met and informed me that in his opinion the outbreak is a crisis, and "
                 "I have accepted this opinion", True, id="a translation"),
    pytest.param("we will open the new bridge on Friday and the ferries will stop running to the island",
                 "the budget is tight but the bridge matters more than any of our other plans for this year", False,
                 id="two remarks"),
    pytest.param("we will open the new bridge on Friday", "we will close the old tunnel on Monday", False,
                 id="too few function words to tell"),
])
def test_sentences_built_alike(a, b, same):
    assert wording.same_skeleton(wording.tokens(a), wording.tokens(b)) is same
