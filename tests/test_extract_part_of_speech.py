"""The attribute ruler's part-of-speech rules, applied by table look-up, give every token what spaCy's ruler gives."""

from __future__ import annotations

import pytest
import spacy

from crosscheck.extract.nlp import DEFAULT_PIPELINE, UNUSED_COMPONENTS, keep_part_of_speech_rules, load_pipeline
from crosscheck.extract.part_of_speech import FACTORY, replace_ruler

SENTENCES = [
    "There are 40 ferries on the lake, but only nine were running on Sunday.",
    "She said that it had been a hard year for the growers  and for herself.",
    "Nobody expected the vote to pass; everyone was surprised when it did.",
    "Being the largest port in the region, it handles 3 million containers a year.",
    "The council's budget, which is $12 million, doesn't cover the new bridge.\n\nIt's late.",
    "Whether or not the mill reopens, they will have lost 200 jobs since March.",
    "I'd rather we had done it ourselves, the mayor told reporters.",
    "They moved the ferries to the lake before the storm.",
]


def _attributes(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def spacy_ruler_pipeline():
    """The default pipeline as spaCy loads it, with its own attribute ruler (kept to the part-of-speech rules)."""
    nlp = spacy.load(DEFAULT_PIPELINE, exclude=list(UNUSED_COMPONENTS))
    keep_part_of_speech_rules(nlp)
    return nlp


def test_the_default_pipeline_reads_parts_of_speech_without_the_matcher():
    assert FACTORY in load_pipeline(DEFAULT_PIPELINE).pipe_names
    assert "attribute_ruler" not in load_pipeline(DEFAULT_PIPELINE).pipe_names


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_token_gets_the_part_of_speech_lemma_and_morphology_the_ruler_gives(sentence, spacy_ruler_pipeline):
    assert _attributes(load_pipeline(DEFAULT_PIPELINE)(sentence)) == _attributes(spacy_ruler_pipeline(sentence))


def _blank_with_rules(rules: list[dict]):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(rules)
    return nlp


SIMPLE_RULES = [
    {"patterns": [[{"LOWER": {"IN": ["ferry", "ferries"]}}]], "attrs": {"POS": "NOUN", "LEMMA": "ferry"}},
    {"patterns": [[{"LOWER": "ferries"}]], "attrs": {"MORPH": "Number=Plur"}},  # a later rule adds to the same token
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": {"NOT_IN": ["lake"]}}]], "attrs": {"POS": "ADJ"}, "index": 1},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": "lake"}]], "attrs": {"POS": "PROPN"}, "index": -1},
]


def test_simple_rules_of_any_pipeline_are_applied_in_the_rulers_order():
    ruler, fast = _blank_with_rules(SIMPLE_RULES), _blank_with_rules(SIMPLE_RULES)
    assert replace_ruler(fast) and fast.pipe_names == [FACTORY]
    for sentence in SENTENCES:
        assert [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in fast(sentence)] == \
            [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in ruler(sentence)]


@pytest.mark.parametrize("rule", [
    {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"LEMMA": "ferry"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": {"REGEX": "^fer"}}]], "attrs": {"POS": "NOUN"}},
])
def test_a_ruler_with_any_other_kind_of_rule_is_kept(rule):
    nlp = _blank_with_rules([*SIMPLE_RULES, rule])
    assert not replace_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
