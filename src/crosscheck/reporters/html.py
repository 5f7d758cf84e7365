"""`--format html`: one self-contained page a reviewer opens from disk, with filters and keyboard navigation.

The page holds the report as JSON in a `<script type="application/json">` block
(escaped by `escape.script_json`, so no article text can end the element) and a
small inlined script that builds every element from it with DOM text nodes,
never by parsing HTML.  A Content-Security-Policy lets only that script and the
inlined style run, by their sha256 hashes, loads nothing from anywhere, and
requires Trusted Types, so a browser refuses any string where HTML is parsed.

What the script needs but cannot work out is computed here: each quote cut into
segments (`html_quotes`), each article's text cut at its claims (`html_articles`,
from `RenderOptions.documents`), links to the article lines, and the hints of
"how to resolve" (`resolve`), each distinct hint held once.  Findings are shown a
page at a time and one article at a time, so 30,000 findings stay quick to filter.
"""

from __future__ import annotations

import base64
import gc
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from crosscheck.model.report import ClaimRef, Finding, Report, severity_rank
from crosscheck.reporters import RenderOptions, RuleInfo, summary_parts
from crosscheck.reporters import resolve as resolving
from crosscheck.reporters.escape import html_text, script_json
from crosscheck.reporters.html_articles import ARTICLE_CLAIM_FIELDS, article_rows
from crosscheck.reporters.html_quotes import clean, marked_quote, parse_diff, segments, value_span

if TYPE_CHECKING:
    from crosscheck.model.corpus import Document

LINK_SCHEMES = frozenset({"", "http", "https", "file"})
"""Schemes a `--link-base` may have; any other (`javascript:`, `data:`) gives no links."""
SCRIPTS = ("dom.js", "findings.js", "articles.js", "main.js")
"""The page's script, in parts: one function body, run in this order inside one strict-mode closure."""


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    """Write the report as one self-contained page: its data, then the code that draws it."""
    style, script = _asset("report.css"), _script()
    title = "crosscheck report: " + ", ".join(summary_parts(report)[2:5])  # the findings by severity
    policy = (
        f"default-src 'none'; style-src '{_sha256(style)}'; script-src '{_sha256(script)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'"
    )  # Trusted Types: a browser that has them refuses any string put where HTML would be parsed (innerHTML and the like)
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_text(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        "<noscript><p>This report is drawn by JavaScript, which is off: "
        "<code>crosscheck check -f markdown</code> gives a static one.</p></noscript>\n"
        '<main id="app"></main>\n'
    )
    findings, articles = _embedded_data(report, options)
    out.write(f'<script type="application/json" id="report-data">{findings}</script>\n')
    out.write(f'<script type="application/json" id="article-data">{articles}</script>\n')  # parsed when the article view opens
    out.write(f"<script>{script}</script>\n</body>\n</html>\n")


def _embedded_data(report: Report, options: RenderOptions) -> tuple[str, str]:
    """The two data blocks' JSON (the report; the articles' claims and texts), built with the cycle collector paused.

    The rows are plain lists that refcounting frees, but the millions of objects of a large report
    (and of the process that made it) make each collection a long walk: 80% of the time at 30,000 findings.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        findings, articles = _data(report, options)
        return script_json(findings), script_json(articles)
    finally:
        if enabled:
            gc.enable()


@cache
def _asset(name: str) -> str:
    return resources.files("crosscheck.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


@cache
def _script() -> str:
    return '(function () {\n"use strict";\n' + "".join(_asset(name) for name in SCRIPTS) + "})();\n"


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --------------------------------------------------------------------------- the data the page draws

CLAIM_FIELDS = ("doc", "line", "column", "url", "file", "fileLine", "fileUrl", "id", "quote", "value", "reading", "numeric",
                "drafted", "confidence")
"""A claim's row in the page's data, in this order (the script names them back): one row per claim, however many findings name it."""
FINDING_FIELDS = (
    "fingerprint", "rule", "severity", "subject", "property", "scope", "message", "explanation", "claims", "similarity", "confidence",
    "diff", "quotes", "hints",
)
"""A finding's row: `claims` are indices into the claim rows; `diff` and `quotes` (word diffs) or null; `hints` `[[hint, claims]]`."""
HINT_FIELDS = ("action", "advice", "snippet", "language")
"""A hint's row (`resolve.Hint`); a finding names its hints by row, with the claims a waiver may go in."""


# What a finding holds is read here and in `_finding` only, so a change to its shape is a change in these few lines.
def _claims_of(finding: Finding) -> list[ClaimRef]:
    return list(finding.claims)


def _data(report: Report, options: RenderOptions) -> tuple[dict, dict]:
    """The report as the page's script reads it: rows of fields named once, paths, claims and hints each held once.

    The articles' claims and texts, most of a large report's bytes, come apart: a page opens
    without parsing them, and parses them when its article view is first shown.
    """
    claims: list[list] = []
    seen: dict[tuple, tuple[ClaimRef, int]] = {}  # a claim's place -> the claim and its row
    documents: dict[str, int] = {}
    files: dict[str, int] = {}
    hints: dict[tuple, int] = {}
    shown = _shown_documents(options.documents, options.focus, report.findings)
    for document in shown:  # the articles first: the baseline covers the corpus, and the filter lists every article
        documents.setdefault(document.id, len(documents))
    baseline = resolving.baseline_commands(list(documents) or dict.fromkeys(ref.document for f in report.findings for ref in _claims_of(f)))
    findings = []
    for finding in sorted(report.findings, key=lambda f: severity_rank(f.severity)):  # stable: report order within a severity
        at = []
        for ref in _claims_of(finding):  # a figure restated across a corpus meets many others: its claim is one row
            place = (ref.document, ref.claims_file, ref.claim, ref.line, ref.column)
            known = seen.get(place)
            if known is None or (known[0] is not ref and known[0] != ref):
                known = seen[place] = (ref, len(claims))
                claims.append(_claim(ref, documents, files, options.link_base))
            at.append(known[1])
        findings.append(_finding(finding, at, _hint_rows(finding, at, baseline, hints)))
    refs = {(place[0], place[2]): row for place, (_, row) in seen.items()}
    articles, article_claims, texts = article_rows(shown, lambda id: documents[id], refs, lambda path: _link(options.link_base, path))
    rules = {f.rule for f in report.findings}
    return {
        "summary": report.summary.model_dump(),
        "focus": sorted(clean(path) for path in options.focus),
        "documents": [clean(path) for path in documents],
        "files": [[clean(path), _link(options.link_base, path)] for path in files],
        "rules": {rule: _rule(rule, options.rules.get(rule), report.findings) for rule in sorted(rules)},
        "claimFields": CLAIM_FIELDS,
        "claims": claims,
        "findingFields": FINDING_FIELDS,
        "findings": findings,
        "hintFields": HINT_FIELDS,
        "hints": [list(key) for key in hints],
        "articles": articles,
    }, {"claimFields": ARTICLE_CLAIM_FIELDS, "claims": article_claims, "texts": texts}


def _shown_documents(documents: Sequence[Document], focus: frozenset[str], findings: list[Finding]) -> list[Document]:
    """The articles the article view offers: every one checked; in a run on changed files, those and the ones their findings name."""
    if not focus:
        return list(documents)
    named = focus | {ref.document for finding in findings for ref in _claims_of(finding)}
    return [document for document in documents if document.id in named]


def _claim(ref: ClaimRef, documents: dict[str, int], files: dict[str, int], link_base: str | None) -> list:
    quote, value = clean(ref.quote), clean(ref.value)
    return [
        documents.setdefault(ref.document, len(documents)),
        ref.line,
        ref.column,
        _link(link_base, ref.document, ref.line),
        files.setdefault(ref.claims_file, len(files)) if ref.claims_file else None,
        ref.claims_line,
        _link(link_base, ref.claims_file, ref.claims_line) if ref.claims_file else None,
        clean(ref.claim),
        segments(quote, value_span(quote, value), set()),
        value,
        clean(ref.normalized),
        ref.interval is not None,
        ref.drafted,
        ref.confidence,
    ]


def _finding(finding: Finding, claims: list[int], hints: list[list]) -> list:
    diff = quotes = None
    refs = _claims_of(finding)
    if finding.diff:
        removed, added, diff = parse_diff(clean(finding.diff))
        if len(refs) == 2:  # a word diff is between two quotes: mark each one's own words
            quotes = [marked_quote(clean(ref.quote), clean(ref.value), words) for ref, words in zip(refs, (removed, added))]
    return [
        clean(finding.fingerprint),
        clean(finding.rule),
        finding.severity,
        clean(finding.subject),
        clean(finding.property),
        clean(finding.scope) if finding.scope else None,
        clean(finding.message),
        clean(finding.explanation),
        claims,
        finding.similarity,
        finding.confidence,
        diff,
        quotes,
        hints,
    ]


def _hint_rows(finding: Finding, claims: list[int], baseline: list[str], rows: dict[tuple, int]) -> list[list]:
    """`[[hint row, [claim rows]]]`: the finding's hints, each distinct one held once (a waiver's text is the same for every claim)."""
    refs = _claims_of(finding)
    by_identity = {id(ref): row for ref, row in zip(refs, claims)}  # a hint names the finding's own claims
    found = []
    for hint in resolving.hints(finding, baseline):
        key = (hint.action, hint.advice, hint.snippet, hint.language)
        places = [by_identity[id(claim)] if id(claim) in by_identity else claims[refs.index(claim)] for claim in hint.claims]
        found.append([rows.setdefault(key, len(rows)), places])
    return found


def _rule(rule: str, info: RuleInfo | None, findings: list[Finding]) -> dict:
    name = info.name if info and info.name else next((f.rule_name for f in findings if f.rule == rule and f.rule_name), None)
    return {"name": clean(name) if name else None, "summary": clean(info.summary) if info and info.summary else None}


def _link(base: str | None, path: str, line: int | None = None) -> str | None:
    """`BASE/path#L12`, the path percent-encoded; None without a base or with one of an active scheme."""
    try:
        if not base or urlsplit(base).scheme.lower() not in LINK_SCHEMES:
            return None
    except ValueError:  # not a URL at all ("http://[")
        return None
    url = f"{base.rstrip('/')}/{url_quote(path, safe='/')}"
    return f"{url}#L{line}" if line else url
