"""Quotes and names compared across articles with drafted claims and no registry, through `api.check_texts`.

Each case is a few short articles we wrote; the test names the rules that must
and must not report on them.
"""

from __future__ import annotations

import pytest

from crosscheck.api import check_texts

QUOTE_RULES = ("CC501", "CC502", "CC503", "CC504", "CC505")
NAME_RULES = ("CC401", "CC403", "CC404")


def _rules(texts: dict[str, str], family: tuple[str, ...]) -> dict[str, str]:
    """Rule id -> severity of the findings of `family` on the articles."""
    report = check_texts(texts)
    return {f.rule: f.severity for f in report.findings if f.rule in family}


MISQUOTES = [
    pytest.param(
        {
            "a.txt": 'Mayor Lena Berg spoke at the depot.\n"The new trams will run on every line by the end of next year," Lena Berg said.',
            "b.txt": 'Lena Berg opened the depot.\n"The new trams will run on every line by the end of next year," she said.',
            "c.txt": 'Lena Berg visited the depot.\n"The new trams will run on some lines by the end of next year," Lena Berg said.',
        },
        {"CC502": "warning"}, id="a changed word against two articles that agree",
    ),
    pytest.param(
        {
            "a.txt": 'Coach Omar Haddad met the press.\n"We will be in a position to win the title this season," Omar Haddad said.',
            "b.txt": 'Coach Omar Haddad met the press.\n"We will be in position to win the title this season," Omar Haddad said.',
        },
        {"CC503": "info"}, id="an article dropped is minor",
    ),
    pytest.param(
        {
            "a.txt": 'Minister Sara Kim spoke on Monday.\n"The reform will cut waiting lists in every hospital of the region," Sara Kim said.',
            "b.txt": 'Minister Sara Kim spoke on Monday.\n"The reform will cut waiting lists … of the region," Sara Kim said.',
            "c.txt": 'Minister Sara Kim spoke on Monday.\n"The reform will cut waiting lists in every [public] hospital of the region," Sara Kim said.',
        },
        {}, id="an ellipsis and a bracketed insertion are excerpts",
    ),
    pytest.param(
        {
            "a.txt": 'Chef Amara Obi spoke on Friday.\n"Our speciality is fish from the harbour and it\'s always fresh," Amara Obi said.',
            "b.txt": 'Chef Amara Obi spoke on Friday.\n"Our specialty is fish from the harbor and it is always fresh," Amara Obi said.',
        },
        {}, id="spelling conventions and contractions are the same words",
    ),
    pytest.param(
        {
            "a.txt": 'Runner Peter Lund won the race.\n"I felt strong in the last mile and never looked back," Peter Lund said.',
            "b.txt": 'Runner Peter Lund won the race.\n"The crowd was amazing and I want to thank my family," Peter Lund said.',
        },
        {}, id="two remarks of one speaker are not one utterance",
    ),
    pytest.param(
        {
            "a.txt": 'Officials met on Monday.\n"The port will reopen on Monday and the ferries will run on time," Lena Berg said.',
            "b.txt": 'Officials met on Monday.\n"The port will reopen on Monday and the ferries will run on time," Omar Haddad said.',
        },
        {"CC504": "warning"}, id="the same words attributed to two speakers",
    ),
    pytest.param(
        {
            "a.txt": 'The team celebrated.\n"A title was not on my mind this morning, to be honest," Peter Lund said.',
            "b.txt": 'The team celebrated.\n"A title was not in my mind this morning, to be honest," Peter Lund said.',
        },
        {"CC505": "info"}, id="no two articles agree on a wording",
    ),
]


@pytest.mark.parametrize(("texts", "expected"), MISQUOTES)
def test_quotations_compared_across_articles(texts, expected):
    assert _rules(texts, QUOTE_RULES) == expected


NAMES = [
    pytest.param(
        {"a.txt": "Markus Lindqvist, chief executive of the shipyard, resigned on Friday.",
         "b.txt": "The shipyard's chief executive, Markus Lindquist, resigned on Friday."},
        {"CC403": "warning"}, id="a chief executive's surname misspelt",
    ),
    pytest.param(
        {"a.txt": "The World Meteorological Organization published its annual report on Monday.",
         "b.txt": "The World Meteorology Organisation published its annual report on Monday."},
        {"CC403": "warning"}, id="an institution's name misspelt",
    ),
    pytest.param(
        {"a.txt": "Dimitra Kalogeropoulou, chair of the committee, opened the hearing.",
         "b.txt": "Dimitra Kalogeropulou, chair of the committee, opened the hearing."},
        {"CC403": "warning"}, id="a committee chair's name garbled",
    ),
    pytest.param(
        {"a.txt": "Researchers at the University of Texas built the model.",
         "b.txt": "Researchers at Texas A&M University built the model."},
        {}, id="different institutions in one role are not conflated",
    ),
    pytest.param(
        {"a.txt": "Second place went to Benson Kamau of Kenya.",
         "b.txt": "Grace Kamau of Kenya won the women's race."},
        {}, id="two people sharing a surname",
    ),
    pytest.param(
        {"a.txt": "Cosmonaut Aleksei Petrov returned to Earth on Thursday.",
         "b.txt": "Cosmonaut Alexei Petrov returned to Earth on Thursday."},
        {"CC404": "info"}, id="a transliterated given name is information",
    ),
    pytest.param(
        {"a.txt": "The World Health Organization (WHO) declared an emergency.",
         "b.txt": "The World Health Organisation declared an emergency, the WHO said."},
        {}, id="British and American spellings and an acronym agree",
    ),
]


@pytest.mark.parametrize(("texts", "expected"), NAMES)
def test_names_compared_without_a_registry(texts, expected):
    assert _rules(texts, NAME_RULES) == expected
