"""The HTML report in a real browser: what a reviewer sees, and that article text never runs.

Headless Chromium from the system's packages (`apt-get install chromium`), driven by Playwright
from the package index (`pip install -e '.[browser]'`); nothing downloads a browser build.
`.ci/browser-setup` installs both.  Without them these tests are skipped, saying which is missing.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser.chromium import ARGS, CHROMIUM
from browser.hostile_articles import HOSTILE_ARTICLE, LONG_WORD, hostile_article_report, hostile_documents
from crosscheck import reporters
from crosscheck.cli import main
from crosscheck.model.report import ClaimRef, Finding, Report, Summary
from crosscheck.model.values import Interval
from crosscheck.reporters import RenderOptions

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # the optional `browser` extra is not installed
    sync_playwright = None

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="the Playwright driver is not installed: pip install -e '.[browser]' (or run .ci/browser-setup)"),
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (or run .ci/browser-setup)"),
]


@dataclass
class Opened:
    """A report open in a page, with everything the page said and asked for."""

    page: Page
    url: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def findings(self, selector: str = "") -> int:
        return self.page.locator(f"article.finding{selector}").count()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """open_page(path) -> Opened: the file loaded from file://, its console and requests recorded."""
    pages = []

    def open_path(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        pages.append(page)
        opened = Opened(page, path.resolve().as_uri())
        page.on("console", lambda message: opened.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.goto(opened.url)
        page.wait_for_selector("#summary")
        return opened

    yield open_path
    for page in pages:
        page.close()


def write(report: Report, path: Path, options: RenderOptions | None = None) -> Path:
    out = io.StringIO()
    reporters.get("html")(report, out, options or RenderOptions())
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    """`crosscheck check seeds/ -f html -o report.html`, as a reviewer would run it."""
    path = tmp_path_factory.mktemp("seed") / "report.html"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["check", "seeds/", "-f", "html", "-o", str(path), "--no-cache"]) == 1
    finally:
        os.chdir(cwd)
    return path


def test_the_seed_report_opens_with_no_console_message_and_no_request(open_page, seed_report):
    opened = open_page(seed_report)
    assert opened.findings() == 5
    assert opened.console == [] and opened.errors == []  # a CSP refusal of our own style or script would show here
    assert opened.requests == [opened.url]


def test_the_page_refuses_to_parse_any_string_as_html(open_page, seed_report):
    """Trusted Types: had the page's script put report text where HTML is parsed, the browser would have refused it (and logged it)."""
    page = open_page(seed_report).page
    refused = page.evaluate("() => { try { document.body.innerHTML = '<b>x</b>'; return false; } catch (error) { return error instanceof TypeError; } }")
    assert refused


def test_the_disputed_figure_is_highlighted_in_each_quote(open_page, seed_report):
    page = open_page(seed_report).page
    figure = page.locator("article.finding.error")
    assert figure.locator("mark.value").all_inner_texts() == ["nearly 600", "600+"]
    background = figure.locator("mark.value").first.evaluate("mark => getComputedStyle(mark).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "[540, 600) company" in figure.inner_text() and "[600, ∞) company" in figure.inner_text()


def test_a_quote_finding_marks_the_words_that_differ(open_page, seed_report):
    page = open_page(seed_report).page
    yin = page.locator("article.finding", has_text="yin-hejun")
    first, second = yin.locator(".claim").all()
    assert first.locator("mark.differs").all_inner_texts() == ["integrated"]
    assert "comprehensive" in second.locator("mark.differs").all_inner_texts()
    assert yin.locator(".diff del").all_inner_texts() == ["integrated"]


def test_unticking_a_severity_hides_its_findings(open_page, seed_report):
    opened = open_page(seed_report)
    opened.page.uncheck("#show-warning")
    assert opened.findings(".warning") == 0 and opened.findings(".error") == 1
    assert "1 finding (filtered from 5)" in opened.page.inner_text("#counter")
    opened.page.check("#show-warning")
    assert opened.findings() == 5


def test_the_rule_article_and_text_filters(open_page, seed_report):
    opened = open_page(seed_report)
    opened.page.select_option("#filter-rule", "CC401")
    assert opened.findings() == 2 and opened.findings('[data-rule="CC401"]') == 2
    opened.page.select_option("#filter-rule", "")
    opened.page.select_option("#filter-doc", label="seeds/000_7a62f7c734be23ae.txt")
    assert opened.findings() == 2 and opened.findings(".warning") == 2
    opened.page.fill("#filter-text", "Huang")
    assert opened.findings() == 1 and "huang-hu" in opened.page.inner_text("article.finding")


def test_j_and_k_move_between_findings(open_page, seed_report):
    page = open_page(seed_report).page
    numbers = page.locator("article.finding .fingerprint").all_inner_texts()
    focused = "() => document.activeElement.querySelector('.fingerprint').textContent"
    page.keyboard.press("j")
    assert page.evaluate(focused) == numbers[0]
    page.keyboard.press("j")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == numbers[2]
    page.keyboard.press("k")
    assert page.evaluate(focused) == numbers[1]


def test_the_resolve_hints_give_the_alias_the_waiver_and_the_baseline(open_page, seed_report):
    page = open_page(seed_report).page
    name = page.locator("article.finding", has_text="Nature Index Cities 2025")
    name.locator("details.resolve summary").click()
    hints = name.locator("details.resolve").inner_text()
    assert 'aliases: ["Nature Index Cities 2025"]' in hints
    assert 'waive: {rule: CC401, reason: "<why this difference is accepted>"}' in hints
    assert "seeds/002_b4a56f776e750063.claims.yaml:35, the claim with id nature-index-name" in hints
    assert "crosscheck baseline seeds -o crosscheck-baseline.json" in hints


def test_a_run_on_changed_files_with_drafted_claims_says_so(open_page, tmp_path):
    drafted = [
        ClaimRef(document=f"news/{name}.txt", claim=f"d{i}", quote=f"sales rose to {n} units", line=2, column=9, value=f"{n} units",
                 interval=Interval(low=n, high=n, unit="unit"), normalized=f"[{n}, {n}] unit", drafted=True, confidence=confidence)
        for i, (name, n, confidence) in enumerate((("new", 10, 0.72), ("old", 20, 0.9)))
    ]
    finding = Finding(fingerprint="f" * 16, rule="CC101", severity="warning", subject="acme", property="sales", message="sales disagree",
                      explanation="10 units and 20 units cannot both hold.", claims=drafted, confidence=0.65)
    report = Report(summary=Summary(documents=2, claims=2, drafted=2, warning=1), findings=[finding])
    opened = open_page(write(report, tmp_path / "drafted.html", RenderOptions(focus=frozenset({"news/new.txt"}))))
    text = opened.page.inner_text("#app")
    assert "Limited to the changed files (--changed / --since): news/new.txt" in text
    assert "2 claims (2 drafted)" in text and "match confidence 0.65" in text
    assert opened.page.locator(".badge.drafted").all_inner_texts() == ["drafted · confidence 0.72", "drafted · confidence 0.90"]
    assert opened.page.locator(".claim", has=opened.page.locator(".badge.changed")).locator(".where").first.inner_text().startswith("news/new.txt:2:9")
    assert opened.page.locator(".badge.changed").count() == 1
    assert opened.console == [] and opened.errors == []


def test_a_clean_report_says_so(open_page, tmp_path):
    opened = open_page(write(Report(summary=Summary(documents=5, claims=118), findings=[]), tmp_path / "clean.html"))
    assert "No disagreements found." in opened.page.inner_text("#app")
    assert opened.findings() == 0 and opened.console == [] and opened.errors == []


HOSTILE = [
    '<img src=x onerror="window.pwned = 1">',
    "<script>window.pwned = 2</script>",
    "</script><script>window.pwned = 3</script>",
    '<svg onload="window.pwned = 4"></svg>',
    '<a href="javascript:window.pwned = 5">click</a>',
    "\u202edesrever\u202c and a C1 \x85 control",
    "x" * 3000,
]


def hostile_report() -> Report:
    findings = []
    for i, text in enumerate(HOSTILE):
        refs = [
            ClaimRef(document=f"news/{text[:40]}.txt", claims_file=f"news/{i}.claims.yaml", claim=f"c{i}", quote=f"revenue was {n} million {text}",
                     line=1, column=1, value=f"{n} million", interval=Interval(low=n * 1e6, high=n * 1e6), normalized=f"[{n}e6, {n}e6] {text}")
            for n in (10 + i, 20 + i)
        ]
        findings.append(Finding(fingerprint=f"{i:016x}", rule="CC101", rule_name=text, severity="error", subject=f"acme {text}", property="revenue",
                                message=f"revenue: {text}", explanation=text, claims=refs))
    return Report(summary=Summary(documents=2, claims=2 * len(HOSTILE), error=len(HOSTILE)), findings=findings)


def test_article_text_never_runs_and_reads_as_written(open_page, tmp_path):
    options = RenderOptions(link_base="javascript:window.pwned=6;//")
    opened = open_page(write(hostile_report(), tmp_path / "hostile.html", options))
    page = opened.page
    page.locator("details.resolve summary").first.click()
    for link in page.locator("a").all():  # no link from a hostile base; none can be clicked into running code
        assert not link.get_attribute("href").lower().startswith("javascript:")
    assert page.evaluate("window.pwned") is None
    assert page.locator("img, svg, iframe, #findings script").count() == 0
    text = page.inner_text("#findings")
    for hostile in HOSTILE[:5]:
        assert hostile in text
    assert "desrever and a C1" in text and "\u202e" not in text and "\x85" not in text
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # a 3,000-letter word wraps
    assert opened.console == [] and opened.errors == [] and opened.requests == [opened.url]


def large_report(count: int) -> Report:
    findings = []
    for i in range(count):
        refs = [
            ClaimRef(document=f"news/{i // 10 + side:05d}.txt", claims_file=f"news/{i // 10 + side:05d}.claims.yaml", claim=f"c{i}",
                     quote=f"the company said it had {amount} customers at the end of the year", line=3 + side, column=17, value=f"{amount}",
                     interval=Interval(low=amount, high=amount, unit="customer"), normalized=f"[{amount}, {amount}] customer")
            for side, amount in ((0, 1000 + i), (1, 2000 + i))
        ]
        findings.append(Finding(fingerprint=f"{i:016x}", rule="CC101" if i % 3 else "CC201", rule_name="quantity.intervals-overlap", severity="error" if i % 4 else "warning",
                                subject=f"company-{i}", property="customers", message=f"company-{i} customers disagree", explanation="The figures cannot both hold.", claims=refs))
    errors = sum(1 for f in findings if f.severity == "error")
    return Report(summary=Summary(documents=count // 10 + 1, claims=2 * count, error=errors, warning=count - errors), findings=findings)


def test_a_link_to_a_finding_opens_its_page_with_it_in_focus(open_page, tmp_path):
    opened = open_page(write(large_report(500), tmp_path / "linked.html"))
    page = opened.page
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    fingerprint = page.locator("article.finding").nth(2).get_attribute("data-fingerprint")
    page.goto("about:blank")
    page.goto(f"{opened.url}#{fingerprint}")
    page.wait_for_selector("article.finding")
    assert "page 7 of 10" in page.inner_text(".pager")
    assert page.evaluate("document.activeElement.dataset.fingerprint") == fingerprint


def test_thirty_thousand_findings_open_in_pages_and_filter(open_page, tmp_path):
    path = write(large_report(30_000), tmp_path / "large.html")
    started = time.perf_counter()
    opened = open_page(path)
    opened.page.wait_for_selector("article.finding")
    assert time.perf_counter() - started < 20  # a few seconds on a laptop; generous for a loaded CI machine
    page = opened.page
    assert opened.findings() == 50 and "page 1 of 600" in page.inner_text(".pager")
    page.keyboard.press("ArrowRight")
    assert "page 2 of 600" in page.inner_text(".pager") and "#51 " in page.locator(".fingerprint").first.inner_text()
    for _ in range(51):  # j past the page's last finding goes on to the next page's first
        page.keyboard.press("j")
    assert "page 3 of 600" in page.inner_text(".pager")
    assert page.evaluate("document.activeElement.querySelector('.fingerprint').textContent").startswith("#101 ")
    assert opened.page.url.endswith("#" + page.evaluate("document.activeElement.dataset.fingerprint"))  # the address links to the finding in focus
    page.uncheck("#show-error")
    assert "Showing 1–50 of 7500 findings (filtered from 30000)" in page.inner_text("#counter")
    assert opened.console == [] and opened.errors == []


# --------------------------------------------------------------------------- the article view


def test_the_article_view_marks_every_claim_and_reads_one_on_hover(open_page, seed_report):
    opened = open_page(seed_report)
    page = opened.page
    page.click("#tab-articles")
    page.select_option("#article-pick", label=page.locator("#article-pick option", has_text="002_b4a56f776e750063").inner_text())
    assert "nearly 600" in page.locator("#article mark.claim").all_inner_texts()
    figure = page.locator("#article mark.claim", has_text="nearly 600")
    assert figure.evaluate("mark => getComputedStyle(mark).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "disputed" in figure.get_attribute("class")  # a finding names it
    figure.hover()
    reading = page.inner_text("#reading")
    assert "yrd-national-innovation-center · partner-companies" in reading and "reads as\n[540, 600) company" in reading
    page.locator("#reading button", has_text="CC101").click()  # on to the finding that names it
    assert page.is_visible("#findings-view") and not page.is_visible("#articles-view")
    assert page.evaluate("document.activeElement.dataset.rule") == "CC101"
    assert opened.console == [] and opened.errors == []


def test_a_finding_leads_to_its_claim_in_the_article(open_page, seed_report):
    page = open_page(seed_report).page
    page.locator("article.finding.error .claim").first.locator("button.in-article").click()
    assert page.is_visible("#articles-view")
    assert page.evaluate("document.activeElement.textContent") == "nearly 600"
    assert "seeds/002_b4a56f776e750063.txt" in page.inner_text("#article header")


def test_j_and_k_move_between_claims_and_the_arrows_between_articles(open_page, seed_report):
    page = open_page(seed_report).page
    page.keyboard.press("a")
    marks = page.locator("#article mark.claim").all_inner_texts()
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == marks[1]
    assert "What crosscheck read" in page.inner_text("#reading")  # focus reads the claim, as hover does
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.textContent") == marks[0]
    first = page.inner_text("#article header h2")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#article header h2") != first and page.url.endswith("#article-1")
    page.keyboard.press("f")
    assert page.is_visible("#findings-view")


def test_a_hostile_article_renders_inert_and_readable(open_page, tmp_path):
    report = write(hostile_article_report(), tmp_path / "article.html", RenderOptions(documents=hostile_documents(tmp_path)))
    opened = open_page(report)
    page = opened.page
    page.keyboard.press("a")
    page.select_option("#article-pick", label=page.locator("#article-pick option", has_text="hostile").inner_text())
    article = page.locator("#article")
    assert article.locator("script, img, svg, iframe, a").count() == 0 and page.evaluate("window.pwned") is None
    text = page.inner_text("#article .text")
    for line in ("<script>window.pwned = 1</script>", '<img src=x onerror="window.pwned = 2">', '<a href="javascript:window.pwned = 3">approved</a>',
                 "</script><!-- a comment that never closes."):
        assert line in text
    assert "desrever" in text and "\u202e" not in text and "\x85" not in text
    assert page.inner_text("#article header h2").startswith("<script>window.pwned = 4</script>")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # the long word wraps
    assert LONG_WORD in text.replace("\n", "") and text.count("\n") >= HOSTILE_ARTICLE.count("\n") - 1
    assert article.locator("mark.claim").all_inner_texts() == ["12 million euros", "40 engineers"]  # in place after the emoji
    assert "review" in article.locator("mark.claim").nth(1).get_attribute("class")
    article.locator("mark.claim").nth(1).focus()
    assert "drafted · confidence 0.42 · to review" in page.inner_text("#reading") and "No finding names this claim." in page.inner_text("#reading")
    page.keyboard.press("f")
    assert "Plain Post · 2025-03-05" in page.inner_text("article.finding")  # each side's outlet and date
    assert opened.console == [] and opened.errors == [] and opened.requests == [opened.url]


def test_a_report_without_article_texts_says_so(open_page, tmp_path):
    opened = open_page(write(hostile_report(), tmp_path / "no-articles.html"))
    opened.page.click("#tab-articles")
    assert "This report holds no article text" in opened.page.inner_text("#articles-view")
    assert opened.console == [] and opened.errors == []
