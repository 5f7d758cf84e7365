"""The engine on small in-memory corpora: what fires, what stays silent, and how findings look."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.comparators import Comparator, registry
from crosscheck.engine import check
from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.model.registry import Registry
from crosscheck.rules import load_rules

RULES = load_rules()


def claim(cid: str, subject: str, prop: str, text: str, value: dict, **extra) -> dict:
    return {"id": cid, "subject": subject, "property": prop, "text": text, "quote": f"... {text} ...", "value": value, **extra}


def corpus(docs: dict[str, list[dict]], registry_data: dict | None = None, published: dict[str, str] | None = None, line: int = 1) -> Corpus:
    documents = []
    for doc_id, claims in docs.items():
        located = tuple(
            LocatedClaim(Claim.model_validate(c), doc_id, 0, len(c["quote"]), line + i, 5) for i, c in enumerate(claims)
        )
        meta = DocumentMeta(article=doc_id, title=doc_id, published=(published or {}).get(doc_id))
        documents.append(Document.of(doc_id, meta, located, article_path=Path(doc_id), text=""))
    return Corpus(documents=documents, registry=Registry.model_validate(registry_data or {}))


def q(amount, approx="exact", **kw) -> dict:
    return {"kind": "quantity", "amount": amount, "approx": approx, **kw}


def two(text_a, value_a, text_b, value_b, prop="count", **kw) -> Corpus:
    return corpus({"a.txt": [claim("x", "s", prop, text_a, value_a, **kw)], "b.txt": [claim("x", "s", prop, text_b, value_b)]})


def test_nearly_and_plus_conflict_with_a_full_finding():
    report = check(two("nearly 600", q(600, "nearly", unit="company"), "600+", q(600, "at_least", unit="company")), RULES)
    (finding,) = report.findings
    assert (finding.rule, finding.severity, finding.subject, finding.property) == ("CC101", "error", "s", "count")
    assert finding.explanation == "'nearly 600' means less than 600; '600+' means at least 600, so both cannot hold."
    assert [(c.document, c.claim, c.value, c.line, c.column) for c in finding.claims] == [("a.txt", "x", "nearly 600", 1, 5), ("b.txt", "x", "600+", 1, 5)]
    assert finding.claims[0].normalized == "[540, 600) company"
    assert finding.claims[0].interval.high == 600 and not finding.claims[0].interval.high_closed
    assert report.summary.error == 1 and report.summary.claims == 2 and report.summary.documents == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("over 200", q(200, "over")), ("200+", q(200, "at_least"))),
        (("2.4 billion", q(2.4, scale="billion")), ("2.43 billion", q(2.43, scale="billion"))),
        (("31", q(31)), ("31", q(31))),
    ],
)
def test_the_same_fact_worded_differently_is_silent(a, b):
    assert check(two(*a, *b), RULES).findings == []


def test_claims_of_different_keys_or_the_same_document_are_never_compared():
    docs = {
        "a.txt": [claim("x", "s", "count", "31", q(31)), claim("y", "s", "count", "35", q(35))],
        "b.txt": [claim("x", "s", "other", "99", q(99)), claim("y", "t", "count", "12", q(12))],
    }
    assert check(corpus(docs), RULES).findings == []


def test_missing_scope_is_at_most_info_and_different_scopes_are_not_compared():
    docs = {
        "a.txt": [claim("x", "s", "count", "31", q(31), scope={"as_of": 2024})],
        "b.txt": [claim("x", "s", "count", "35", q(35))],
        "c.txt": [claim("x", "s", "count", "50", q(50), scope={"as_of": 2023})],
    }
    findings = check(corpus(docs), RULES).findings
    assert {(f.severity, f.scope) for f in findings} == {("info", "2024"), ("info", "2023")}
    assert all("time scope" in f.explanation for f in findings)


def test_a_waiver_hides_the_finding_and_counts_it():
    report = check(two("nearly 600", q(600, "nearly"), "600+", q(600, "at_least"), waive={"rule": "CC101", "reason": "known rounding"}), RULES)
    assert report.findings == [] and report.summary.waived == 1


def test_a_waiver_of_another_rule_does_not_hide_it():
    report = check(two("nearly 600", q(600, "nearly"), "600+", q(600, "at_least"), waive={"rule": "CC102", "reason": "other rule"}), RULES)
    assert len(report.findings) == 1 and report.summary.waived == 0


def test_fingerprint_ignores_line_numbers_and_output_is_deterministic():
    docs = {"a.txt": [claim("x", "s", "count", "31", q(31))], "b.txt": [claim("x", "s", "count", "35", q(35))]}
    first = check(corpus(docs, line=1), RULES)
    moved = check(corpus(docs, line=40), RULES)
    reordered = check(corpus(dict(reversed(list(docs.items())))), RULES)
    assert first.findings[0].fingerprint == moved.findings[0].fingerprint == reordered.findings[0].fingerprint
    assert first.model_dump() == reordered.model_dump()


def test_exchange_rates_are_compared_across_keys():
    def money(cny, usd):
        return q(cny, scale="billion", currency="CNY", converted={"amount": usd, "scale": "billion", "currency": "USD", "text": f"{usd} billion USD"})

    docs = {
        "a.txt": [claim("x", "s", "gdp", "72 billion yuan (10 billion USD)", money(72, 10))],
        "b.txt": [claim("y", "t", "investment", "60 billion yuan (10 billion USD)", money(60, 10))],
    }
    (finding,) = check(corpus(docs), RULES).findings
    assert finding.rule == "CC601" and finding.subject == "cny/usd" and "CNY per USD" in finding.explanation


def test_duration_counts_from_the_start_property_the_registry_names():
    reg = {
        "properties": {
            "reign-start": {"kind": "date", "description": "start"},
            "reign-length": {"kind": "duration", "description": "length", "counts_from": "reign-start"},
        }
    }

    def docs(since):
        return {
            "a.txt": [claim("x", "beijing", "reign-start", f"since {since}", {"kind": "date", "relation": "since", "date": since})],
            "b.txt": [claim("y", "beijing", "reign-length", "six-year", {"kind": "duration", "amount": 6, "unit": "year"}, scope={"as_of": 2025})],
        }

    assert check(corpus(docs(2019), reg), RULES).findings == []
    (finding,) = check(corpus(docs(2021), reg), RULES).findings
    assert finding.rule == "CC202" and "gives 4 (5 counting both ends)" in finding.explanation


def test_names_registered_aliases_are_silent_and_others_warn_with_similarity():
    reg = {"entities": {"wipo": {"name": "World Intellectual Property Organization", "type": "organisation", "aliases": ["WIPO"]}}}

    def docs(other):
        return {
            "a.txt": [claim("x", "wipo", "name", "World Intellectual Property Organization", {"kind": "name", "name": "World Intellectual Property Organization"})],
            "b.txt": [claim("x", "wipo", "name", other, {"kind": "name", "name": other})],
        }

    assert check(corpus(docs("WIPO"), reg), RULES).findings == []
    (finding,) = check(corpus(docs("World Intellectual Property Organisation"), reg), RULES).findings
    assert finding.rule == "CC401" and finding.severity == "warning" and 0.9 < finding.similarity < 1


def test_quotes_with_different_words_warn_with_a_word_diff():
    def quote(words):
        return {"kind": "quote", "speaker": "yin", "words": words}

    docs = {
        "a.txt": [claim("x", "yin", "quote.t", "from single-city development to integrated regional coordination", quote("from single-city development to integrated regional coordination"))],
        "b.txt": [claim("x", "yin", "quote.t", "from single-city development to comprehensive regional coordination", quote("from single-city development to comprehensive regional coordination"))],
    }
    (finding,) = check(corpus(docs), RULES).findings
    assert finding.rule == "CC501" and finding.diff == "from single-city development to [-integrated-] {+comprehensive+} regional coordination"


def _counting_comparators():
    calls = {"n": 0}
    base = registry().comparators["intervals_overlap"]

    def counted(a, b, params):
        calls["n"] += 1
        return base.pair(a, b, params)

    comparators = dict(registry().comparators)
    comparators["intervals_overlap"] = Comparator(name="intervals_overlap", summary="", kinds=base.kinds, params=base.params, pair=counted)
    return comparators, calls


@pytest.mark.parametrize("documents", [10, 40])
def test_comparisons_grow_with_claims_not_with_their_square(documents):
    # every document states 25 facts, 5 of which another document also states: only those pairs are compared
    docs = {}
    for d in range(documents):
        own = [claim(f"own-{k}", f"subject-{d}-{k}", "count", "31", q(31)) for k in range(20)]
        shared = [claim(f"shared-{k}", f"shared-{d // 2}-{k}", "count", "31", q(31)) for k in range(5)]
        docs[f"doc-{d}.txt"] = own + shared
    comparators, calls = _counting_comparators()
    rule = next(r for r in RULES if r.id == "CC101")
    check(corpus(docs), [rule], comparators)
    assert calls["n"] == (documents // 2) * 5  # one pair per shared fact; all-pairs would be C(25 * documents, 2)


def test_a_figure_restated_by_many_articles_is_compared_once_per_distinct_wording():
    # 30 articles say "600+", 3 say "nearly 600": one comparison per pair of wordings, and one finding
    # for the fact, its two positions naming every article that takes each
    docs = {f"plus-{d:02d}.txt": [claim("n", "s", "count", "600+", q(600, "at_least"))] for d in range(30)}
    docs |= {f"nearly-{d}.txt": [claim("n", "s", "count", "nearly 600", q(600, "nearly"))] for d in range(3)}
    comparators, calls = _counting_comparators()
    rule = next(r for r in RULES if r.id == "CC101")
    report = check(corpus(docs), [rule], comparators)
    assert calls["n"] <= 4  # within each wording, and across the two in both argument orders
    (finding,) = report.findings
    assert [(p.value, len(p.documents)) for p in finding.positions] == [("nearly 600", 3), ("600+", 30)]
    assert len(finding.claims) == 33
    assert "(nearly-0.txt and 2 more)" in finding.message and "(plus-00.txt and 29 more)" in finding.message


def test_a_verdict_reads_in_corpus_order_like_a_fresh_one():
    # ranks word the explanation by argument order: the finding of many articles reads as that of the first two
    def rank(text, position):
        return claim("r", "s", "index-rank", text, {"kind": "rank", "position": position})

    many = corpus({"a.txt": [rank("first", 1)], "b.txt": [rank("second", 2)], "c.txt": [rank("first", 1)], "d.txt": [rank("second", 2)]})
    (finding,) = check(many, RULES).findings
    (alone,) = check(corpus({"a.txt": [rank("first", 1)], "b.txt": [rank("second", 2)]}), RULES).findings
    assert finding.explanation == alone.explanation
    assert finding.fingerprint == alone.fingerprint  # two more articles joining the positions change nothing
    assert [p.documents for p in finding.positions] == [["a.txt", "c.txt"], ["b.txt", "d.txt"]]
