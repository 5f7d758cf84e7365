"""Lemmas kept per word form give every token the lemma spaCy's own lemmatizer gives it."""

from __future__ import annotations

import pytest
import spacy

from crosscheck.extract.lemmas import FACTORY, replace_lemmatizer
from crosscheck.extract.nlp import DEFAULT_PIPELINE, UNUSED_COMPONENTS, load_pipeline

# the same forms again and again, as nouns and as verbs, so most tokens are answered from the table
SENTENCES = [
    "The leaves fell as the council leaves the hall; she saw the saw and saws.",
    "Floods displaced 3,000 people, and the floods displaced more in May than in April.",
    "He was running late; the running costs were running at $4 million a year.",
    "They're better off, said the better-paid workers, who had been paid twice.",
]


@pytest.fixture(scope="module")
def spacy_lemmatizer_pipeline():
    """The default pipeline as spaCy loads it, with its own lemmatizer."""
    return spacy.load(DEFAULT_PIPELINE, exclude=list(UNUSED_COMPONENTS))


def test_the_default_pipeline_keeps_lemmas_per_form():
    names = load_pipeline(DEFAULT_PIPELINE).pipe_names
    assert FACTORY in names and "lemmatizer" not in names


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_token_gets_the_lemma_spacys_lemmatizer_gives(sentence, spacy_lemmatizer_pipeline):
    ours = [(t.text, t.pos_, t.lemma_) for t in load_pipeline(DEFAULT_PIPELINE)(sentence)]
    assert ours == [(t.text, t.pos_, t.lemma_) for t in spacy_lemmatizer_pipeline(sentence)]


def test_a_lemma_an_earlier_component_set_is_kept_unless_the_lemmatizer_overwrites():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": "ferries"}]], "attrs": {"LEMMA": "boat", "POS": "NOUN"}}])
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer").lookups.add_table("lemma_lookup", {"ferries": "ferry", "ran": "run"})
    assert replace_lemmatizer(nlp)
    assert [t.lemma_ for t in nlp("ferries ran ran")] == ["boat", "run", "run"]
    nlp.get_pipe(FACTORY).lemmatizer.overwrite = True
    assert [t.lemma_ for t in nlp("ferries ran")] == ["ferry", "run"]


def test_a_pipeline_without_a_lemmatizer_is_left_as_it_is():
    nlp = spacy.blank("en")
    assert not replace_lemmatizer(nlp)
    assert nlp.pipe_names == []
