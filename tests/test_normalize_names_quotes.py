"""Names (folded forms, registered aliases, similarity) and quotes (typography, excerpts, word diff)."""

from __future__ import annotations

import pytest

from crosscheck.kinds import names
from crosscheck.model.registry import Entity
from crosscheck.text import words


@pytest.mark.parametrize(
    ("a", "b"),
    [("The World Bank", "world bank"), ("Tongji University’s Institute", "Tongji University's Institute"), ("Hong  Kong", "Hong Kong"), ("Greater Bay Area.", "Greater Bay Area")],
)
def test_name_forms_ignore_typography_case_and_leading_article(a, b):
    assert names.fold(a) == names.fold(b)


def test_registered_forms_include_aliases():
    entity = Entity(name="World Intellectual Property Organization", type="organisation", aliases=["WIPO"])
    assert names.registered_forms(entity) == {"world intellectual property organization", "wipo"}


def test_similarity_ranks_a_variant_above_a_different_name():
    base = "National Center for Technological Innovation Excellence"
    assert names.similarity(base, "National Innovation Center par Excellence") > names.similarity(base, "Tongji University")
    assert names.similarity("Global Innovation Index 2025", "2025 Global Innovation Index") == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("“We’re ready — now,”", '"We\'re ready - now"'), ("shorten  the cycle", "Shorten the cycle.")],
)
def test_quote_typography_is_not_a_difference(a, b):
    assert words.form(a) == words.form(b)


def test_word_diff_marks_removed_and_added_words():
    diff = words.diff("integrated regional coordination", "comprehensive regional coordination")
    assert diff == "[-integrated-] {+comprehensive+} regional coordination"


def test_excerpt_is_recognised_in_either_direction():
    assert words.is_excerpt("shorten the R&D cycle", "This will reduce costs and shorten the R&D cycle.")
    assert words.is_excerpt("This will reduce costs and shorten the R&D cycle.", "shorten the R&D cycle")
    assert not words.is_excerpt("shorten the cycle", "shorten the R&D cycle")


def test_a_possessive_is_a_word_difference():
    assert words.form("the center's plan") != words.form("the center plan")
    assert words.differing(["the", "center's", "plan"], ["The", "center", "plan,"]) == ({1}, {1})


# --- quotations as one utterance, and names spelt alike (comparators.wording, comparators.names_spelt_alike)

from crosscheck.comparators import names_spelt_alike, wording  # noqa: E402  # appended section, kept beside its tests


@pytest.mark.parametrize(("a", "b", "differs", "content"), [
    ("we will rebuild the bridge this year", "we will rebuild the bridge this year", [], False),
    ("we will rebuild the … bridge this year", "we will rebuild the old bridge this year", [], False),
    ("we will rebuild [the] bridge this year", "we will rebuild our bridge this year", [], False),
    ("it's a speciality of the harbour", "it is a specialty of the harbor", [], False),
    ("we are in a position to act", "we are in position to act", ["'a' vs '(nothing)'"], False),
    ("my choices haunt me every day", "my choices hate me every day", ["'haunt' vs 'hate'"], True),
    ("spread beyond the coast is worrying", "spread within the coast and beyond is worrying",
     ["'beyond' vs 'within'", "'(nothing)' vs 'and beyond'"], True),
])
def test_word_alignment_names_the_differing_words(a, b, differs, content):
    reading = wording.read(a, b)
    assert [d.words() for d in reading.differences] == differs
    assert bool(reading.content_differences) is content


@pytest.mark.parametrize(("a", "b", "found"), [
    ("Markus Steinhauer", "Markus Steinhaur", "misspelt"),
    ("World Meteorological Organization", "World Meteorology Organisation", "misspelt"),
    ("Aleksei Petrov", "Alexei Petrov", "variant"),
    ("World Health Organization", "World Health Organisation", None),
    ("University of Texas", "Texas A&M University", None),
    ("Peter Kamau", "Grace Kamau", None),
    ("Daniel Mateiko", "Daniel Kibet Mateiko", None),
    ("Southeast Asia", "Southeast Asian", None),
    ("Kenyan Brigid Kosegi", "Brigid Kosgei", "misspelt"),
])
def test_names_spelt_alike_are_told_from_different_names(a, b, found):
    params = names_spelt_alike.Params()
    words_a, words_b = names_spelt_alike.name_words(a), names_spelt_alike.name_words(b)
    assert names_spelt_alike.classify(words_a, words_b, params) == found
