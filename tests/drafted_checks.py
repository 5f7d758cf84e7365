"""Helpers for the drafting tests: the claim drafted for a figure, and `crosscheck check` over articles."""

from __future__ import annotations

import json

from crosscheck.extract.draft import draft_claims


def drafted_claim(text: str, written: str, **context):
    """The claim drafted for the figure written `written` in `text` (`context`: draft_claims' keywords)."""
    claims = [c for c in draft_claims(text, **context) if c.text == written]
    assert claims, f"no claim drafted for {written!r}: {[c.text for c in draft_claims(text, **context)]}"
    return claims[0]


def check_articles(run_cli, tmp_path, monkeypatch, *articles: str) -> list[dict]:
    """The findings of `crosscheck check` over the articles (drafted: no claims files, no registry)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(articles, 1):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    return json.loads(result.out)["findings"]


def alarms(found: list[dict]) -> list[tuple[str, ...]]:
    """Warnings and errors, as the values they compare."""
    return [tuple(c["value"] for c in f["claims"]) for f in found if f["severity"] in ("warning", "error")]
