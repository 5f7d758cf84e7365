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
ARTICLES_OPEN = '<script type="application/json" id="article-data">'
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


def block(page: str, opening: str) -> dict:
    start = page.index(opening) + len(opening)
    return json.loads(page[start : page.index("</script>", start)])


def embedded(page: str) -> dict:
    """The data the page's script reads, its rows as dicts of their named fields; the article block's as `articleClaims` and `texts`."""
    data = block(page, DATA_OPEN)
    for rows, fields in (("claims", "claimFields"), ("findings", "findingFields"), ("hints", "hintFields")):
        data[rows] = [dict(zip(data[fields], row)) for row in data[rows]]
    articles = block(page, ARTICLES_OPEN)
    data["articleClaims"] = [dict(zip(articles["claimFields"], row)) for row in articles["claims"]]
    for article, text in zip(data["articles"], articles["texts"], strict=True):
        article["text"] = text
    return data


def markup(page: str) -> str:
    """The page without its data blocks: what the browser parses as HTML, CSS and code."""
    for opening in (DATA_OPEN, ARTICLES_OPEN):
        start = page.index(opening) + len(opening)
        page = page[:start] + page[page.index("</script>", start) :]
    return page


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
    assert page.count("<script") == 3 and page.lower().count("</script") == 3  # the two data blocks and the code, each closed once
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


def test_a_link_base_of_an_active_scheme_gives_no_links(tmp_path):
    from browser.hostile_articles import hostile_documents

    documents = hostile_documents(tmp_path)
    for base in ("javascript:alert(1)//", "data:text/html,<script>alert(1)</script>", " JavaScript:alert(1)"):
        data = embedded(render(hostile_quote_report(), replace(OPTIONS, link_base=base, documents=documents)))
        assert {c["url"] for c in data["claims"]} == {None} and {url for _, url in data["files"]} == {None}
        assert {a["url"] for a in data["articles"]} == {None}


def test_the_article_view_links_to_the_article(tmp_path):
    from browser.hostile_articles import hostile_documents

    data = embedded(render(sample_report(), replace(OPTIONS, link_base="https://example.org/news/blob/main", documents=hostile_documents(tmp_path))))
    assert [a["url"] for a in data["articles"]] == ["https://example.org/news/blob/main/news/hostile.txt", "https://example.org/news/blob/main/news/plain.txt"]


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
    hints = {data["hints"][row]["action"]: (data["hints"][row], places) for row, places in name["hints"]}
    assert list(hints) == ["alias", "waive", "baseline", "correct"]
    assert 'aliases: ["Nature Index Cities 2025"]' in hints["alias"][0]["snippet"]  # the registered form needs no alias
    assert hints["waive"][0]["snippet"] == 'waive: {rule: CC401, reason: "<why this difference is accepted>"}'
    first = data["claims"][hints["waive"][1][0]]
    assert (data["files"][first["file"]][0], first["id"]) == ("seeds/002_b4a56f776e750063.claims.yaml", "nature-index-name")  # where it goes
    assert hints["baseline"][0]["snippet"] == "crosscheck baseline seeds -o crosscheck-baseline.json\ncrosscheck check seeds --baseline crosscheck-baseline.json"


def test_a_hint_every_finding_shares_is_held_once(seed_page):
    data = embedded(seed_page)
    baseline = [row for row, hint in enumerate(data["hints"]) if hint["action"] == "baseline"]
    assert len(baseline) == 1 and all([baseline[0], []] in f["hints"] for f in data["findings"])


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


# --------------------------------------------------------------------------- the article view


def article_text(data: dict, path: str) -> tuple[dict, str, list[list]]:
    """The article of `path` in the data, its text joined back, and its segments."""
    article = next(a for a in data["articles"] if data["documents"][a["doc"]] == path)
    return article, "".join(segment[0] for segment in article["text"]), article["text"]


def marked_values(data: dict, article: dict) -> dict[str, str]:
    """Claim id -> the text the article view marks as its value."""
    found: dict[str, str] = {}
    for text, *marks in article["text"]:
        for row in marks[1] if len(marks) == 2 else []:
            found[data["articleClaims"][row]["id"]] = found.get(data["articleClaims"][row]["id"], "") + text
    return found


def test_every_article_of_the_seeds_is_shown_with_every_claim_marked(seed_page):
    import yaml

    data = embedded(seed_page)
    assert len(data["articles"]) == 5
    for path in sorted(ROOT.glob("seeds/*.claims.yaml")):
        claims = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
        article_path = str(path.relative_to(ROOT)).replace(".claims.yaml", ".txt")
        article, text, _ = article_text(data, article_path)
        assert text == (ROOT / article_path).read_text(encoding="utf-8")  # the whole text, as written
        assert marked_values(data, article) == {claim["id"]: claim["text"] for claim in claims}
        assert article["file"] == str(path.relative_to(ROOT))


def test_a_report_rendered_without_the_corpus_has_no_article_view():
    data = embedded(render(sample_report()))
    assert data["articles"] == []  # rendered without the corpus: no article view, and no error


def test_an_article_claim_named_by_a_finding_carries_the_finding_claim(seed_page):
    data = embedded(seed_page)
    article, _, _ = article_text(data, "seeds/002_b4a56f776e750063.txt")
    first, stop = article["claims"]
    claim = next(c for c in data["articleClaims"][first:stop] if c["id"] == "ncti-partner-companies")
    assert claim["ref"] is not None and data["claims"][claim["ref"]]["reading"] == "[540, 600) company"
    assert claim["value"] == "amount: 600, approx: nearly, unit: company" and claim["kind"] == "quantity" and not claim["drafted"]


def test_the_article_view_survives_the_report_cache(tmp_path, monkeypatch):
    """The second run reuses the stored report; the page must still show the articles, loaded again."""
    import shutil

    from crosscheck.cli import main

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    pages = []
    for run in ("first", "second"):
        assert main(["check", "seeds/", "-f", "html", "-o", f"{run}.html"]) == 1
        pages.append(embedded((tmp_path / f"{run}.html").read_text(encoding="utf-8")))
    assert len(pages[1]["articles"]) == 5 and pages[0] == pages[1]


def hostile_article_page(tmp_path) -> str:
    from browser.hostile_articles import hostile_article_report, hostile_documents

    return render(hostile_article_report(), replace(OPTIONS, documents=hostile_documents(tmp_path)))


def test_hostile_article_text_is_data_read_back_whole_without_control_characters(tmp_path):
    from browser.hostile_articles import HOSTILE_ARTICLE, LONG_WORD

    data = embedded(hostile_article_page(tmp_path))
    article, text, _ = article_text(data, "news/hostile.txt")
    assert text == HOSTILE_ARTICLE.replace("\u202e", "").replace("\u202c", "").replace("\x85", "")
    assert LONG_WORD in text and "<script>window.pwned = 1</script>" in text
    assert marked_values(data, article) == {"revenue": "12 million euros", "hires": "40 engineers"}  # after an emoji, still in place
    assert article["title"].startswith("<script>") and "\u202e" not in article["title"] + article["publisher"]
    hires = next(c for c in data["articleClaims"] if c["id"] == "hires")
    assert (hires["drafted"], hires["confidence"], hires["review"], hires["ref"]) == (True, 0.42, True, None)


def test_hostile_article_text_cannot_become_markup(tmp_path):
    page = hostile_article_page(tmp_path)
    assert page.count("<script") == 3 and page.lower().count("</script") == 3
    assert "<img" not in page and "<a " not in page and "<!--" not in page and "<b>" not in page
    assert not re.search("[\x80-\x9f\u202a-\u202e\u2066-\u2069]", page)


def test_a_changed_files_run_offers_the_changed_articles_and_those_their_findings_name(tmp_path):
    from browser.hostile_articles import hostile_article_report, hostile_documents

    documents = hostile_documents(tmp_path)
    extra = documents[1].__class__.of("news/unrelated.txt", documents[1].meta, [], article_path=tmp_path / "news/plain.txt")
    options = replace(OPTIONS, documents=[*documents, extra], focus=frozenset({"news/hostile.txt"}))
    data = embedded(render(hostile_article_report(), options))
    assert sorted(data["documents"][a["doc"]] for a in data["articles"]) == ["news/hostile.txt", "news/plain.txt"]
