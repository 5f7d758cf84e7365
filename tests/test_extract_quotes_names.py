"""Quotations with their speakers, and names, on invented text."""

from __future__ import annotations

from crosscheck.extract.article import Article, detect_dateline
from crosscheck.extract.draft import draft_claims


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(c.value.speaker, c.value.words) for c in draft_claims(text) if c.value.kind == "quote"]


def test_quote_then_said_name():
    text = 'Mayor Ana Ruiz opened the depot. "We will run buses all night from next month," Ana Ruiz said.'
    assert _quotes(text) == [("ana-ruiz", "We will run buses all night from next month,")]


def test_curly_quote_then_said_pronoun_resolves_to_last_person():
    text = ("Transport Minister Kofi Mensah visited the site.\n"
            "\u201cThe new line will carry ten thousand passengers a day,\u201d he said.")
    assert _quotes(text) == [("kofi-mensah", "The new line will carry ten thousand passengers a day,")]


def test_said_name_after_quote_and_according_to():
    text = ('"Costs have doubled since the tender closed," said Lena Berg, the project director.\n'
            'Prices will fall next year, according to Lena Berg.')
    assert _quotes(text) == [("lena-berg", "Costs have doubled since the tender closed,")]


def test_single_curly_quote_after_speech_verb_and_surname():
    text = ("Chief Executive Omar Haddad spoke first. Haddad described the merger as a "
            "\u2018turning point for every regional airline we serve,\u2019 adding little else.")
    assert _quotes(text) == [("omar-haddad", "turning point for every regional airline we serve,")]


def test_apostrophes_are_not_quotes():
    assert _quotes("The city\u2019s port and the region\u2019s airport are busy.") == []


def test_quote_spanning_paragraphs_keeps_its_speaker():
    text = ('Professor Mei Lin said: "The data are clear. We saw the decline in every district.\n'
            '"Nobody expected it to happen this fast in the rural districts."')
    assert [s for s, _ in _quotes(text)] == ["mei-lin", "mei-lin"]


def test_short_quoted_titles_are_names_not_quotes():
    claims = draft_claims('According to the "Global Water Report 2024", usage rose by 3% in cities.')
    assert not [c for c in claims if c.value.kind == "quote"]
    assert "Global Water Report 2024" in [c.value.name for c in claims if c.value.kind == "name"]


def test_people_with_roles_and_organisations():
    text = "Minister of Energy Sara Kim met staff of the Northern Grid Authority on Monday."
    by_prop = {(c.subject, c.property): c.value.name for c in draft_claims(text) if c.value.kind == "name"}
    assert by_prop[("sara-kim", "name")] == "Sara Kim"
    assert by_prop[("sara-kim", "role")] == "Minister of Energy"
    assert by_prop[("northern-grid-authority", "name")] == "Northern Grid Authority"


def test_dateline_detection():
    d = detect_dateline("Headline\nNAIROBI, June 3 (AFP) \u2014 Rains fell.")
    assert (d.place, d.month, d.day, d.year, d.publisher) == ("NAIROBI", 6, 3, None, "AFP")
    d = detect_dateline("Paris, May 2, 2024 (Reuters) - Text.")
    assert d.published == "2024-05-02"
    assert detect_dateline("No dateline here. Just text.") is None


def test_title_skips_syndication_lines():
    article = Article.parse("Source: Wire Service\nFloods close schools in the valley\nBody text here.")
    assert article.title == "Floods close schools in the valley"


def test_guillemets_and_german_marks_are_quotation_marks():
    for text in ("«Nous allons reconstruire le pont», said Claire Dubois.",
                 "„Wir haben keine Zeit mehr zu verlieren“, said Klaus Weber.",
                 "‚Das war ein sehr guter Tag für uns‘, said Anna Schmidt."):
        assert [s for s, _ in _quotes(text)] == [text.split("said ")[1].rstrip(".").lower().replace(" ", "-")]


def test_a_quote_split_around_its_attribution_keeps_one_speaker():
    text = '"We will rebuild," the mayor, Ana Ruiz, said, "and we will do it before the winter."'
    assert _quotes(text) == [("ana-ruiz", "We will rebuild,"), ("ana-ruiz", "and we will do it before the winter.")]


def test_a_title_before_the_name_is_not_part_of_the_speaker():
    text = '"Tax receipts were higher than forecast," deputy finance minister Jan Kowalski said on Monday.'
    assert _quotes(text) == [("jan-kowalski", "Tax receipts were higher than forecast,")]


def test_a_quotation_ending_its_sentence_takes_no_speaker_from_the_next_sentence():
    text = ('Omar Haddad said he was "sorry about what happened at the plant." Judge Lena Berg, though, '
            'stressed the harm done.')
    assert _quotes(text) == [("omar-haddad", "sorry about what happened at the plant.")]


def test_people_named_without_a_title_are_drafted_as_names():
    names = [c.value.name for c in draft_claims("The record set by Kenyan runner Grace Wanjiru still stands.")
             if c.value.kind == "name"]
    assert "Grace Wanjiru" in names
