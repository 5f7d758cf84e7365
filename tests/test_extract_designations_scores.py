"""A maker's model designation ("a Boeing 737-800") and a match's number of sets ("won 4-6, 6-4, 6-5"): the
drafted key and value, what is left out, and the comparison of two articles."""

from __future__ import annotations

import json

import pytest

from crosscheck.comparators.names_differ import same_name
from crosscheck.extract import draft_claims


def keyed(text: str, prop: str) -> list[tuple[str, object, str]]:
    return [(c.subject, c.value.name if c.value.kind == "name" else c.value.amount, c.text)  # type: ignore[union-attr]
            for c in draft_claims(text) if c.property == prop]


def findings(run_cli, tmp_path, monkeypatch, *articles: str) -> list[tuple[str, str, list[str]]]:
    for n, text in enumerate(articles, 1):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    return [(f["rule"], f["severity"], sorted(c["value"] for c in f["claims"]))
            for f in json.loads(result.out)["findings"] if f["severity"] in ("warning", "error")]


@pytest.mark.parametrize("text, subject, model", [
    ("A Boeing 737-800 overran the runway at the island airport on Friday.", "boeing", "737-800"),
    ("The carrier said its Airbus A321neo returned to the gate after a warning light.", "airbus", "A321neo"),
    ("An Embraer E190 operated by the regional airline landed on its belly.", "embraer", "E190"),
    ("The Airbus A350-900 was carrying 280 passengers from the capital.", "airbus", "A350-900"),
    ("A Boeing 787-9 was diverted to the coast after a passenger fell ill.", "boeing", "787-9"),
    ("The Boeing 777-300ER turned back over the ocean.", "boeing", "777-300ER"),
])
def test_a_designation_after_its_maker_is_the_maker_s_model(text, subject, model):
    assert keyed(text, "model") == [(subject, model, model)]
    claim = next(c for c in draft_claims(text) if c.property == "model")
    assert claim.draft is not None and claim.draft.confidence <= 0.5  # keyed from the word before: a warning at most


@pytest.mark.parametrize("text", [
    "Flight 2216 from the capital landed two hours late.",  # a flight number, not a model
    "Terminal 5 reopened after the storm.",
    "A Boeing 737 jet was parked at the gate.",  # no variant: a family, which another outlet may narrow
    "The Premier League 2023-24 season ended in May.",  # a season, not a model
    "The Lakers beat the Celtics 112-108 on Sunday night.",  # a score, not a model
    "A Boeing 737-800 and a Boeing 777-300ER were parked at the gates.",  # two models of one maker
    "The Boeing 737-800 replaced the older Boeing 737-400 on the route.",  # two models of one maker: which one?
])
def test_other_numbers_after_names_and_two_models_of_one_maker_draft_no_model(text):
    assert keyed(text, "model") == []


def test_two_models_for_one_aircraft_are_a_warning(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "A Boeing 737-800 overran the runway at the island airport on Friday.",
                     "The Boeing 787-800 overran the runway at the island airport on Friday.")
    assert found == [("CC407", "warning", ["737-800", "787-800"])]


def test_one_model_in_two_articles_is_no_finding(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch,
                    "A Boeing 737-800 overran the runway at the island airport on Friday.",
                    "The airline's Boeing 737-800 skidded off the end of the runway.") == []


@pytest.mark.parametrize("a, b, same", [
    ("737-800", "787-800", False),  # a digit is no misspelling
    ("Apollo 11", "Apollo 13", False),
    ("Apollo", "Apollo 13", True),  # one form says no number: it may be either
    ("A321neo", "A321neo", True),
])
def test_names_whose_numbers_differ_are_different_names(a, b, same):
    assert same_name(a, b, by_surname=False) is same


@pytest.mark.parametrize("text, winner, sets, written", [
    ("Maria Sakkari beat Elena Rybakina 6-3, 3-6, 7-6 (7-4) in the final on Saturday.", "maria-sakkari", 3,
     "6-3, 3-6, 7-6 (7-4)"),
    ("Andy Murray won 6-2, 6-4 and 6-1 against a qualifier.", "andy-murray", 3, "6-2, 6-4 and 6-1"),
    ("Rafael Nadal reached his first final of the year on Friday. The 38-year-old won 4-6, 6-3, 6-4, 7-5.",
     "rafael-nadal", 4, "4-6, 6-3, 6-4, 7-5"),
])
def test_a_score_line_after_a_winning_verb_is_the_winner_s_number_of_sets(text, winner, sets, written):
    assert keyed(text, "match-sets") == [(winner, sets, written)]


@pytest.mark.parametrize("text", [
    "Andy Murray lost the first set 4-6 and then took the next three sets 6-4, 6-4, 6-4.",  # some sets only
    "The head-to-head record stands at 6-3, 2-1 in matches and titles.",  # no winning verb: no match's line
    "Andy Murray beat a qualifier 6-2, 6-2 on Monday and then beat the top seed 4-6, 6-3, 7-5 on Wednesday.",
])
def test_partial_lines_lines_without_a_winner_and_two_matches_of_one_winner_draft_no_sets(text):
    assert keyed(text, "match-sets") == []


def test_three_sets_and_four_for_one_winner_s_match_are_a_warning(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Maria Sakkari beat Elena Rybakina 6-3, 3-6, 7-5 in the final on Saturday.",
                     "Maria Sakkari beat Elena Rybakina 6-3, 3-6, 6-4, 7-5 in the final on Saturday.")
    assert [f for f in found if f[0] == "CC101"] == [("CC101", "warning", ["6-3, 3-6, 6-4, 7-5", "6-3, 3-6, 7-5"])]


def test_one_score_line_in_two_articles_is_no_finding(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch,
                    "Maria Sakkari beat Elena Rybakina 6-3, 3-6, 7-5 in the final on Saturday.",
                    "Sakkari took the title on Saturday. Maria Sakkari won 6-3, 3-6, 7-5.") == []
