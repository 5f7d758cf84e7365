"""`--format html`: one inert, self-contained page; what it holds for the page's script to draw.

The page's drawing is tested in a real browser (tests/browser/); here the file itself: its
Content-Security-Policy, that nothing in it loads from anywhere, that hostile article text can
neither end the data block nor survive as markup or control characters, and what the data says.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import replace

import pytest

from conftest import ROOT
from crosscheck import reporters
from crosscheck.model.report import ClaimRef, Finding, Report, Summary
from crosscheck.model.values import Interval
from crosscheck.reporters import RenderOptions
from report_fixtures import HOSTILE, hostile_report, sample_report

OPTIONS = RenderOptions(color=False, width=100, tool_version="0.1.0")
DATA_OPEN = '<script type="application/json" id="report-data">'
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitän" * 120
HOSTILE_QUOTE = (
    "revenue was 12 million <script>alert(1)</script> <img src=x onerror=alert(2)> "
    '<a href="javascript:alert(3)">javascript:alert(3)</a> \u202eevil\u202c \x85\x9b31m C1 '
    "</script><script>alert(4)</script> </SCRIPT > <!-- " + LONG_WORD
)


def render(report: Report, options: RenderOptions = OPTIONS) -> str:
    out = io.StringIO()
    reporters.get("html")(report, out, options)
    return out.getvalue()


def embedded(page: str) -> dict:
    """The report data the page's script reads, its claim and finding rows as dicts of their named fields."""
    start = page.index(DATA_OPEN) + len(DATA_OPEN)
    data = json.loads(page[start : page.index("</script>", start)])
    for rows, fields in (("claims", "claimFields"), ("findings", "findingFields")):
        data[rows] = [dict(zip(data[fields], row)) for row in data[rows]]
    return data


def markup(page: str) -> str:
    """The page without its data block: what the browser parses as HTML, CSS and code."""
    start = page.index(DATA_OPEN) + len(DATA_OPEN)
    return page[:start] + page[page.index("</script>", start) :]


def runs(segments: list, kind: int) -> list[str]:
    """The texts a quote's segments mark as `kind` (1 the value, 2 a differing word), adjacent ones joined."""
    found: list[str] = []
    joined = False
    for text, marks in segments:
        if marks & kind:
            found[-1:] = [found[-1] + text] if joined else [*found[-1:], text]
        joined = bool(marks & kind)
    return found


def hostile_quote_report() -> Report:
    ref = ClaimRef(
        document="news/<b>evil</b>.txt",
        claims_file="news/evil.claims.yaml",
        claim="c1",
        quote=HOSTILE_QUOTE,
        line=3,
        column=5,
        value="12 million",
        interval=Interval(low=11.5e6, high=12.5e6, high_closed=False),
        normalized="[11.5e6, 12.5e6) \u202e<script>alert(5)</script>",
    )
    other = ref.model_copy(update={"document": "news/plain.txt", "quote": "revenue was 15 million", "value": "15 million"})
    finding = Finding(
        fingerprint="0123456789abcdef",
        rule="CC101",
        rule_name="<script>alert(6)</script>",
        severity="error",
        subject="acme",
        property="revenue",
        message="revenue: " + HOSTILE_QUOTE,
        explanation="</script>" + HOSTILE,
        claims=[ref, other],
    )
    return Report(summary=Summary(documents=2, claims=2, error=1), findings=[finding])


def test_content_security_policy_allows_only_the_inlined_style_and_script():
    page = render(sample_report())
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'" and directives["require-trusted-types-for"] == "'script'"
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    script = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(script) == 1  # the one executable script; the data block is JSON
    for directive, code in (("style-src", style), ("script-src", script[0])):
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
        assert directives[directive] == f"'sha256-{digest}'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


@pytest.mark.parametrize("report", [sample_report(), hostile_report(), hostile_quote_report()], ids=["sample", "hostile", "hostile-quote"])
def test_nothing_in_the_page_loads_from_anywhere(report):
    code = markup(render(report))
    assert not re.search(r"\b(src|href|action|srcset|poster)\s*=", code, re.IGNORECASE)
    assert not re.search(r"url\(|@import|://|fetch\(|XMLHttpRequest|innerHTML|insertAdjacentHTML|document\.write|eval\(", code)


def test_hostile_text_cannot_end_the_data_block_or_become_markup():
    page = render(hostile_quote_report())
    assert page.count("<script") == 2 and page.lower().count("</script") == 2  # the data block and the code, each closed once
    assert page.count("<img") == 0 and page.count("<a ") == 0 and page.count("<!--") == 0 and "<b>" not in page
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]", page)


def test_hostile_text_reads_back_as_written_minus_control_characters():
    data = embedded(render(hostile_quote_report()))
    quote = "".join(text for text, _ in data["claims"][0]["quote"])
    assert "<script>alert(1)</script>" in quote and "<img src=x onerror=alert(2)>" in quote
    assert '<a href="javascript:alert(3)">' in quote and "</script><script>alert(4)</script>" in quote
    assert LONG_WORD in quote  # whole: the page wraps it, nothing cuts it
    assert "\u202e" not in quote and "\x85" not in quote and "31m" not in quote and "evil" in quote
    assert data["documents"][0] == "news/<b>evil</b>.txt"


def test_a_link_base_of_an_active_scheme_gives_no_links():
    for base in ("javascript:alert(1)//", "data:text/html,<script>alert(1)</script>", " JavaScript:alert(1)"):
        data = embedded(render(hostile_quote_report(), replace(OPTIONS, link_base=base)))
        assert {c["url"] for c in data["claims"]} == {None} and {url for _, url in data["files"]} == {None}


def test_links_go_to_the_article_line_and_the_claims_file():
    data = embedded(render(hostile_quote_report(), replace(OPTIONS, link_base="https://example.org/news/blob/main/")))
    assert data["claims"][0]["url"] == "https://example.org/news/blob/main/news/%3Cb%3Eevil%3C/b%3E.txt#L3"
    assert data["files"][data["claims"][0]["file"]] == ["news/evil.claims.yaml", "https://example.org/news/blob/main/news/evil.claims.yaml"]


def test_the_value_is_marked_in_its_quote():
    data = embedded(render(sample_report()))
    figure = next(f for f in data["findings"] if f["rule"] == "CC101")
    marked = [runs(data["claims"][i]["quote"], 1) for i in figure["claims"]]
    assert marked == [["nearly 600"], ["600+"]]


def test_the_findings_come_most_severe_first():
    assert [f["severity"] for f in embedded(render(sample_report()))["findings"]] == ["error", "warning", "warning", "info"]


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> str:
    import os

    from crosscheck.cli import main

    path = tmp_path_factory.mktemp("html") / "report.html"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = main(["check", "seeds/", "-f", "html", "-o", str(path), "--no-cache"])
    finally:
        os.chdir(cwd)
    assert status == 1  # the seeds disagree
    return path.read_text(encoding="utf-8")


def test_the_seed_report_renders(seed_page):
    data = embedded(seed_page)
    assert data["summary"]["documents"] == 5 and data["summary"]["error"] == 1
    assert len(data["findings"]) == data["summary"]["error"] + data["summary"]["warning"] + data["summary"]["info"]
    assert seed_page.rstrip().endswith("</html>")
    assert "://" not in seed_page  # no URL at all, in the markup or the data, without --link-base


def test_a_quote_finding_marks_the_words_each_quote_has_and_the_other_lacks(seed_page):
    data = embedded(seed_page)
    yin = next(f for f in data["findings"] if f["subject"] == "yin-hejun")
    differs = [runs(quote, 2) for quote in yin["quotes"]]
    assert differs == [["integrated"], ["This", "marks a new phase where innovation hubs are moving", "comprehensive"]]
    assert ["-", "integrated"] in yin["diff"] and ["+", "comprehensive"] in yin["diff"]


def test_resolve_hints_name_the_alias_the_waiver_and_the_baseline(seed_page):
    data = embedded(seed_page)
    name = next(f for f in data["findings"] if f["subject"] == "nature-index-science-cities-2025")
    assert name["aliases"] == ["Nature Index Cities 2025"]  # the registered form needs no alias
    first = data["claims"][name["claims"][0]]
    assert (data["files"][first["file"]][0], first["id"]) == ("seeds/002_b4a56f776e750063.claims.yaml", "nature-index-name")  # what a waiver names
    assert data["baseline"] == ["crosscheck baseline seeds -o crosscheck-baseline.json", "crosscheck check seeds --baseline crosscheck-baseline.json"]


def test_a_changed_files_run_says_which_files_it_was_limited_to():
    data = embedded(render(sample_report(), replace(OPTIONS, focus=frozenset({"seeds/003_4608776da9d1df45.txt"}))))
    assert data["focus"] == ["seeds/003_4608776da9d1df45.txt"]


def test_a_claim_named_by_many_findings_is_held_once():
    report = sample_report()
    figure = next(f for f in report.findings if f.rule == "CC101")
    copies = [figure.model_copy(update={"claims": [c.model_copy() for c in figure.claims]}) for _ in range(3)]  # as read back from JSON
    data = embedded(render(report.model_copy(update={"findings": [*report.findings, *copies]})))
    rows = [tuple(f["claims"]) for f in data["findings"] if f["rule"] == "CC101"]
    assert len(rows) == 4 and len(set(rows)) == 1
