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
