"""The lexicon file reads as its editors wrote it: every word of a word list is the word itself."""

from __future__ import annotations

import pytest

from crosscheck.text.lexicon import _sections, lexicon, section


def _values(node, path=""):
    """(path, value) of every scalar of the parsed lexicon, keys included."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}.{key} (key)", key
            yield from _values(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _values(value, f"{path}[{i}]")
    else:
        yield path, node


def test_no_word_of_the_lexicon_is_read_as_a_boolean():
    # YAML 1.1 reads a plain on, no, off or yes as a boolean: "on" was True in four word lists
    assert [path for path, value in _values(_sections()) if isinstance(value, bool)] == []


def test_the_words_yaml_1_1_would_turn_into_booleans_are_words():
    assert "on" in section("quote_function_words") and "no" in section("quote_function_words")
    assert "off" in section("frame_distance_cues")
    assert lexicon() is lexicon()


def test_a_word_list_section_reads_as_a_set_of_words():
    from crosscheck.text.lexicon import word_set

    assert "on" in word_set("quote_function_words")
    assert word_set("age_holders") == frozenset(str(w).lower() for w in section("age_holders"))  # type: ignore[union-attr]
    with pytest.raises(TypeError, match="quote_contractions"):
        word_set("quote_contractions")  # a table, not a list
