"""A finding is one disagreement about one fact: its positions, who states each, and an identity that lasts."""

from __future__ import annotations

import pytest

from crosscheck.engine import check
from crosscheck.rules import load_rules
from test_engine import claim, corpus, q

RULES = load_rules()


def stating(*values: tuple[str, str, dict], line: int = 1) -> object:
    """A corpus where each (document, text, value) is one article stating the figure of one fact."""
    return corpus({doc: [claim("partners", "centre", "partner-companies", text, value)] for doc, text, value in values}, line=line)


NEARLY = ("nearly 600", q(600, "nearly", unit="company"))
PLUS = ("600+", q(600, "at_least", unit="company"))
FOUR_FIFTY = ("450", q(450, unit="company"))
ABOUT = ("about 600", q(600, "about", unit="company"))


@pytest.mark.parametrize(
    ("case", "articles", "positions"),
    [
        ("two positions, one article each",
         [("a.txt", *NEARLY), ("b.txt", *PLUS)],
         [("nearly 600", ["a.txt"]), ("600+", ["b.txt"])]),
        ("two positions, restated: one finding, not one per pair of articles",
         [("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *PLUS), ("d.txt", "almost 600", q(600, "nearly", unit="company"))],
         [("nearly 600", ["a.txt", "d.txt"]), ("600+", ["b.txt", "c.txt"])]),
        ("a claim that agrees with every position is not listed",
         [("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *ABOUT)],
         [("nearly 600", ["a.txt"]), ("600+", ["b.txt"])]),
        ("three positions",
         [("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *FOUR_FIFTY)],
         [("nearly 600", ["a.txt"]), ("600+", ["b.txt"]), ("450", ["c.txt"])]),
        ("a new article against many",
         [*((f"old-{n}.txt", *NEARLY) for n in range(12)), ("zz-new.txt", *FOUR_FIFTY)],
         [("nearly 600", sorted(f"old-{n}.txt" for n in range(12))), ("450", ["zz-new.txt"])]),
    ],
)
def test_a_fact_in_dispute_is_one_finding_listing_its_positions(case, articles, positions):
    (finding,) = check(stating(*articles), RULES).findings
    assert [(p.value, p.documents) for p in finding.positions] == positions, case
    assert finding.severity == "error" and finding.rule == "CC101"
    for position in finding.positions:  # each position's claims read as it does
        assert {finding.claims[i].normalized for i in position.claims} == {position.reading}


def test_three_positions_say_which_pairs_clash_and_why():
    findings = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS), ("d.txt", *FOUR_FIFTY)), RULES).findings
    (finding,) = findings
    assert [p.value for p in finding.positions] == ["nearly 600", "600+", "450"]
    assert {tuple(c.positions) for c in finding.conflicts} == {(0, 1), (0, 2), (1, 2)}
    assert all(c.explanation and c.severity == "error" for c in finding.conflicts)


def test_readings_that_agree_are_never_listed_in_one_finding():
    findings = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *ABOUT), ("d.txt", *FOUR_FIFTY)), RULES).findings
    # "about 600" agrees with "nearly 600" and with "600+", but not with "450": that clash is a finding of its own
    assert sorted([p.value for p in f.positions] for f in findings) == [["about 600", "450"], ["nearly 600", "600+", "450"]]
    for finding in findings:  # every pair of positions in a finding clashes
        n = len(finding.positions)
        assert len(finding.conflicts) == n * (n - 1) // 2


def test_readings_of_one_article_against_another_are_one_finding():
    # b.txt gives two readings that were never held against each other (one article is not checked against
    # itself): both clash with a.txt's, so they are one disagreement, not two findings
    docs = {"a.txt": [claim("partners", "centre", "partner-companies", *FOUR_FIFTY)],
            "b.txt": [claim("partners", "centre", "partner-companies", *NEARLY),
                      claim("partners-2", "centre", "partner-companies", *PLUS)]}
    (finding,) = check(corpus(docs), RULES).findings
    assert sorted(p.value for p in finding.positions) == ["450", "600+", "nearly 600"]


def test_the_fingerprint_ignores_agreeing_newcomers_moved_lines_and_file_order():
    (base,) = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS)), RULES).findings
    (joined,) = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *PLUS)), RULES).findings
    (moved,) = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS), line=40), RULES).findings
    (renamed,) = check(stating(("x/b.txt", *NEARLY), ("x/a.txt", *PLUS)), RULES).findings
    assert base.fingerprint == joined.fingerprint == moved.fingerprint == renamed.fingerprint
    (widened,) = check(stating(("a.txt", *NEARLY), ("b.txt", *PLUS), ("c.txt", *FOUR_FIFTY)), RULES).findings
    assert widened.fingerprint != base.fingerprint  # a new reading is a new disagreement


def test_a_waiver_takes_its_claim_out_of_the_finding_and_is_counted():
    waiving = claim("partners", "centre", "partner-companies", "450", q(450, unit="company"),
                    waive={"rule": "CC101", "reason": "the article counts only one programme"})
    docs = {"a.txt": [claim("partners", "centre", "partner-companies", *NEARLY)],
            "b.txt": [claim("partners", "centre", "partner-companies", *PLUS)], "c.txt": [waiving]}
    report = check(corpus(docs), RULES)
    (finding,) = report.findings
    assert [p.value for p in finding.positions] == ["nearly 600", "600+"]
    assert report.summary.waived == 1


def test_claims_with_and_without_a_scope_are_one_fact_reported_as_info():
    docs = {"a.txt": [claim("partners", "centre", "partner-companies", *NEARLY, scope={"as_of": "2024"})],
            "b.txt": [claim("partners", "centre", "partner-companies", *PLUS)]}
    (finding,) = check(corpus(docs), RULES).findings
    assert (finding.scope, finding.severity) == ("2024", "info")
    assert "time scope" in finding.explanation
