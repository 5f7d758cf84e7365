"""Refresh the README's screenshots of the HTML report, taken of the seeds' report in Debian's Chromium.

    .venv/bin/python tests/browser/screenshot.py

writes docs/html-report.png (the findings, the first one's "how to resolve" open) and
docs/html-article-view.png (an article with its claims marked, one of them read), with the
same browser and Playwright setup as the browser tests.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from crosscheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE, CLAIM = "000_7a62f7c734be23ae", "transition from single-city"
"""The article shown, and the claim read in it."""
sys.path.insert(0, str(ROOT / "tests"))

from browser.chromium import ARGS, CHROMIUM  # noqa: E402  # tests/ is on the path only once the line above has run


def shoot(report: Path, docs: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(report.as_uri())
        page.wait_for_selector("article.finding")
        page.locator("article.finding details.resolve summary").first.click()
        page.evaluate("window.scrollTo(0, 0)")  # the sticky filter bar where it stands unscrolled
        page.screenshot(path=str(docs / "html-report.png"), clip={"x": 0, "y": 0, "width": 1200, "height": 1420}, full_page=True)
        page.click("#tab-articles")
        page.select_option("#article-pick", label=page.locator("#article-pick option", has_text=ARTICLE).inner_text())
        page.evaluate("window.scrollTo(0, document.querySelector('.tabs').getBoundingClientRect().top + window.scrollY - 8)")
        page.locator("#article mark.claim", has_text=CLAIM).first.evaluate("mark => mark.focus({preventScroll: true})")
        page.screenshot(path=str(docs / "html-article-view.png"))
        browser.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        os.chdir(ROOT)
        main(["check", "seeds/", "-f", "html", "-o", str(path), "--no-cache"])
        shoot(path, ROOT / "docs")
