"""Who holds a place in a contest, and where an event happened, as drafted claims and as compared claims.

A place is drafted keyed by the contest and the place ("lakeside-marathon", "place-2"), valued by the holder's
name; a located event keyed by the event and its preposition ("splashdown", "where-in"), valued by the place.
Different holders of one place are a warning (CC405); different places of one event at most info (CC406).
"""

from __future__ import annotations

import pytest
import yaml

from crosscheck import check_texts
from crosscheck.cli import main
from crosscheck.extract.draft import draft_claims

TITLE = "Kamau wins the Lakeside Marathon\n\n"
LEAD = "Peter Kamau won the Lakeside Marathon on Sunday in 2:05:10, the fastest time of his career.\n\n"


def _story(*paragraphs: str, title: str = TITLE, lead: str = LEAD) -> str:
    return title + lead + "\n\n".join(paragraphs) + "\n"


def _keyed(text: str, prefix: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.property, c.value.name) for c in draft_claims(text)  # type: ignore[union-attr]  # names only
            if c.property.startswith(prefix)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Second place went to Ana Ruiz, a minute behind.", ("lakeside-marathon", "place-2", "Ana Ruiz")),
    ("Mia Holt was second in 2:07:40.", ("lakeside-marathon", "place-2", "Mia Holt")),
    ("Fellow Kenyan Mia Holt came in second.", ("lakeside-marathon", "place-2", "Mia Holt")),
    ("Mia Holt of Norway finished third, 40 seconds behind.", ("lakeside-marathon", "place-3", "Mia Holt")),
    ("The second-place finisher, Ana Ruiz, crossed the line a minute later.",
     ("lakeside-marathon", "place-2", "Ana Ruiz")),
    ("A distant second in 2:09:12 was Ana Ruiz.", ("lakeside-marathon", "place-2", "Ana Ruiz")),
    ("Norway's Lena Berg took bronze.", ("lakeside-marathon", "place-3", "Lena Berg")),
    ("Runner-up Ana Ruiz said the wind had been hard.", ("lakeside-marathon", "place-2", "Ana Ruiz")),
    ("In the women's race, Ana Ruiz finished second.", ("lakeside-marathon", "place-2.women", "Ana Ruiz")),
    ("A month ago Ana Ruiz finished second in the Hillside Marathon.", ("hillside-marathon", "place-2", "Ana Ruiz")),
    ("The Green Party came second in the Northvale by-election, behind Labour.",
     ("northvale-by-election", "place-2", "Green Party")),
], ids=["went-to", "was-second", "came-in-second", "finished-third", "second-place-finisher", "a-distant-second",
        "took-bronze", "runner-up", "women's-race", "another-contest-named", "a-party-in-a-by-election"])
def test_a_place_is_drafted_keyed_by_its_contest_and_place(sentence, expected):
    assert _keyed(_story(sentence), "place-") == {expected}


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz was third in the world rankings before the race.",
    "It was the second time Ruiz had run the course.",
    "Ruiz took the lead in the second half of the race.",
    "Lakeside is the second-largest city in the province.",
    "Ana Ruiz finished second last year, in a slower time.",
    "Ana Ruiz was second in 2019.",
    "Ana Ruiz was second in her heat.",
    "Ana Ruiz was second to none on the hills.",
    "He finished third.",
    "Ana Ruiz, the Hillside Marathon champion, was third.",
    "Ruiz and Holt finished second and third.",
    "In Boston, Ana Ruiz was second.",
    "In April Ana Ruiz was second.",
    "The race went to Kamau, while two-time runner-up Ana Ruiz faded.",
], ids=["world-rankings", "second-time", "second-half", "second-largest", "last-year", "a-year", "a-heat",
        "second-to-none", "a-pronoun", "another-contest-in-the-clause", "a-list", "another-city", "a-month",
        "a-title-from-other-races"])
def test_an_ordinal_that_is_not_a_finishing_place_of_the_story_s_contest_is_not_drafted(sentence):
    assert _keyed(_story(sentence), "place-") == set()


def test_no_named_contest_or_a_contest_of_many_events_drafts_no_place():
    no_contest = _story("Mia Holt was second.", title="Kamau wins\n\n", lead="Peter Kamau won on Sunday.\n\n")
    games = _story("Mia Holt took bronze.", title="Kamau wins at the Paris Olympics\n\n",
                   lead="Peter Kamau won the 10,000m at the Paris Olympics on Sunday.\n\n")
    cup = _story("Brazil were third.", title="Spain win the World Cup\n\n", lead="Spain won the World Cup final.\n\n")
    assert _keyed(no_contest, "place-") == set()
    assert _keyed(games, "place-") == set()
    assert _keyed(cup, "place-") == set()


def test_a_place_after_another_division_s_paragraph_is_left_out_unless_its_division_is_named():
    text = _story("The women's race went to Ana Ruiz in 2:19:02.", "Lena Berg took third.",
                  "In the women's race, Mia Holt was second.")
    assert _keyed(text, "place-") == {("lakeside-marathon", "place-2.women", "Mia Holt")}


def test_an_article_naming_two_holders_of_one_place_drafts_neither():
    text = _story("Second place went to Ana Ruiz.", "Mia Holt was second, a minute behind.")
    assert _keyed(text, "place-") == set()


def _findings(a: str, b: str, rule: str):
    report = check_texts({"a.txt": a, "b.txt": b})
    return [f for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(("a", "b", "severity"), [
    ("Second place went to Ana Ruiz.", "Mia Holt was second in 2:07:40.", "warning"),
    ("Second place went to Ana Ruiz.", "Ana Ruiz was second in 2:07:40.", None),
    ("Second place went to Ana Ruiz.", "Ruiz was second in 2:07:40.", None),
    ("Second place went to Aleksei Petrov.", "Alexei Petrov was second in 2:07:40.", None),
    ("Second place went to Tomas Ferreira.", "Tomas Ferrera was second in 2:07:40.", None),
    ("In the women's race, Ana Ruiz finished second.", "Mia Holt was second in 2:07:40.", None),
    ("Mia Holt was second in 2:07:40.", "Mia Holt was third in 2:07:40.", None),
], ids=["different-holders", "the-same-holder", "a-surname-alone", "a-transliteration", "a-misspelling",
        "another-division", "another-place"])
def test_different_holders_of_one_place_are_a_warning_and_forms_of_one_name_agree(a, b, severity):
    found = _findings(_story(a), _story(b), "CC405")
    assert [f.severity for f in found] == ([severity] if severity else [])


PLACES = [
    ("The capsule splashed down in the Pacific Ocean before dawn.", ("splashdown", "where-in", "Pacific Ocean")),
    ("The quake struck near Corinth at midday.", ("earthquake", "where-near", "Corinth")),
    ("The plane landed in Lyon an hour late.", ("landing", "where-in", "Lyon")),
    ("The ferry sank off the coast of Crete.", ("sinking", "where-off", "Crete")),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACES, ids=["splashed-down-in", "struck-near", "landed-in",
                                                                 "off-the-coast-of"])
def test_where_an_event_happened_is_drafted_keyed_by_the_event_and_its_preposition(sentence, expected):
    assert _keyed(_story(sentence), "where-") == {expected}


@pytest.mark.parametrize("sentence", [
    "An aftershock struck near Patras an hour later.",
    "Another quake struck near Patras in the evening.",
    "The striker struck near the post.",
    "The plane landed in Lyon in 2019 after a storm.",
    "The crew landed on Tuesday.",
    "The minister landed in Lyon for the summit.",
], ids=["an-aftershock", "another-quake", "no-event-noun", "a-year", "no-place", "a-traveller"])
def test_another_event_or_no_named_place_is_not_drafted(sentence):
    assert _keyed(_story(sentence), "where-") == set()


@pytest.mark.parametrize(("a", "b", "severity"), [
    ("The capsule splashed down in the Pacific Ocean.", "The capsule splashed down in the Atlantic Ocean.", "info"),
    ("The capsule splashed down in the Pacific Ocean.", "The capsule splashed down in the Pacific.", None),
    ("The capsule splashed down off Baja California.", "The capsule splashed down in the Pacific Ocean.", None),
], ids=["two-oceans", "one-name-shortened", "another-preposition"])
def test_different_places_of_one_event_are_at_most_info(a, b, severity):
    found = _findings(_story(a), _story(b), "CC406")
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_extract_writes_places_an_editor_can_read_and_correct(tmp_path, capsys):
    article = tmp_path / "race.txt"
    article.write_text(_story("In the women's race, Ana Ruiz finished second."), encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    claims = yaml.safe_load(capsys.readouterr().out)["claims"]
    place = next(c for c in claims if c["property"] == "place-2.women")
    assert (place["subject"], place["value"], place["text"]) == (
        "lakeside-marathon", {"kind": "name", "name": "Ana Ruiz"}, "Ana Ruiz")
    assert place["quote"] == "In the women's race, Ana Ruiz finished second."
    assert not place["draft"]["review"]
