"""`--format html`: one self-contained page a reviewer opens from disk, with filters and keyboard navigation.

The page holds the report as JSON in a `<script type="application/json">` block
(escaped by `escape.script_json`, so no article text can end the element) and a
small inlined script that builds every element from it with DOM text nodes,
never by parsing HTML.  A Content-Security-Policy lets only that script and the
inlined style run, by their sha256 hashes, loads nothing from anywhere, and
requires Trusted Types, so a browser refuses any string where HTML is parsed.

What the script needs but cannot work out is computed here: each quote cut into
segments (the value, and for quote findings the words that differ, marked),
links to the article lines, and the snippets of "how to resolve".  Findings are
shown a page at a time, so 30,000 of them stay quick to filter and to scroll.

The report holds quotes, not article texts, so there is no view of a whole
article: the article filter shows the findings of one article instead.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import os.path
import re
import shlex
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TextIO
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from crosscheck.model.report import ClaimRef, Finding, Report, severity_rank
from crosscheck.reporters import RenderOptions, RuleInfo, summary_parts
from crosscheck.reporters.escape import html_text, script_json, strip_control

REGISTRY_RULES = frozenset({"CC401"})
"""Rules a registry alias resolves (a name form that is not registered), so their hint shows the alias to add."""
BASELINE_FILE = "crosscheck-baseline.json"
LINK_SCHEMES = frozenset({"", "http", "https", "file"})
"""Schemes a `--link-base` may have; any other (`javascript:`, `data:`) gives no links."""
PLAIN, VALUE, DIFFERS = 0, 1, 2
"""Kinds of quote segment, a bit mask: the value as written, a word that differs from the other quote."""


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    """Write the report as one self-contained page: its data, then the code that draws it."""
    style, script = _asset("report.css"), _asset("report.js")
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
        '<main id="app"></main>\n<script type="application/json" id="report-data">'
    )
    out.write(_embedded_data(report, options))
    out.write(f"</script>\n<script>{script}</script>\n</body>\n</html>\n")


def _embedded_data(report: Report, options: RenderOptions) -> str:
    """The data block's JSON, built with the cycle collector paused.

    The rows are plain lists that refcounting frees, but the millions of objects of a large report
    (and of the process that made it) make each collection a long walk: 80% of the time at 30,000 findings.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return script_json(_data(report, options))
    finally:
        if enabled:
            gc.enable()


@cache
def _asset(name: str) -> str:
    return resources.files("crosscheck.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --------------------------------------------------------------------------- the data the page draws

CLAIM_FIELDS = ("doc", "line", "column", "url", "file", "id", "quote", "value", "reading", "numeric", "drafted", "confidence")
"""A claim's row in the page's data, in this order (the script names them back): one row per claim, however many findings name it."""
FINDING_FIELDS = (
    "fingerprint", "rule", "severity", "subject", "property", "scope", "message", "explanation", "claims", "similarity", "confidence",
    "aliases", "diff", "quotes",
)
"""A finding's row: `claims` are indices into the claim rows; `aliases` (registry rules), `diff` and `quotes` (word diffs) or null."""


def _data(report: Report, options: RenderOptions) -> dict:
    """The report as the page's script reads it: rows of fields named once, paths and claims each held once."""
    claims: list[list] = []
    seen: dict[tuple, tuple[ClaimRef, int]] = {}  # a claim's place -> the claim and its row
    documents: dict[str, int] = {}
    files: dict[str, int] = {}
    findings = []
    for finding in sorted(report.findings, key=lambda f: severity_rank(f.severity)):  # stable: report order within a severity
        at = []
        for ref in finding.claims:  # a figure restated across a corpus meets many others: its claim is one row
            place = (ref.document, ref.claims_file, ref.claim, ref.line, ref.column)
            known = seen.get(place)
            if known is None or (known[0] is not ref and known[0] != ref):
                known = seen[place] = (ref, len(claims))
                claims.append(_claim(ref, documents, files, options.link_base))
            at.append(known[1])
        findings.append(_finding(finding, at))
    rules = {f.rule for f in report.findings}
    return {
        "summary": report.summary.model_dump(),
        "focus": sorted(_clean(path) for path in options.focus),
        "baseline": _baseline_commands(list(documents)),
        "documents": [_clean(path) for path in documents],
        "files": [[_clean(path), _link(options.link_base, path)] for path in files],
        "rules": {rule: _rule(rule, options.rules.get(rule), report.findings) for rule in sorted(rules)},
        "claimFields": CLAIM_FIELDS,
        "claims": claims,
        "findingFields": FINDING_FIELDS,
        "findings": findings,
    }


def _claim(ref: ClaimRef, documents: dict[str, int], files: dict[str, int], link_base: str | None) -> list:
    quote, value = _clean(ref.quote), _clean(ref.value)
    return [
        documents.setdefault(ref.document, len(documents)),
        ref.line,
        ref.column,
        _link(link_base, ref.document, ref.line),
        files.setdefault(ref.claims_file, len(files)) if ref.claims_file else None,
        _clean(ref.claim),
        _segments(quote, _value_span(quote, value), set()),
        value,
        _clean(ref.normalized),
        ref.interval is not None,
        ref.drafted,
        ref.confidence,
    ]


def _finding(finding: Finding, claims: list[int]) -> list:
    aliases = _unregistered_forms(finding) if finding.rule in REGISTRY_RULES else None
    diff = quotes = None
    if finding.diff:
        removed, added, diff = _parse_diff(_clean(finding.diff))
        if len(finding.claims) == 2:  # a word diff is between two quotes: mark each one's own words
            quotes = [_marked_quote(ref, words) for ref, words in zip(finding.claims, (removed, added))]
    return [
        _clean(finding.fingerprint),
        _clean(finding.rule),
        finding.severity,
        _clean(finding.subject),
        _clean(finding.property),
        _clean(finding.scope) if finding.scope else None,
        _clean(finding.message),
        _clean(finding.explanation),
        claims,
        finding.similarity,
        finding.confidence,
        aliases,
        diff,
        quotes,
    ]


def _rule(rule: str, info: RuleInfo | None, findings: list[Finding]) -> dict:
    name = info.name if info and info.name else next((f.rule_name for f in findings if f.rule == rule and f.rule_name), None)
    return {"name": _clean(name) if name else None, "summary": _clean(info.summary) if info and info.summary else None}


def _clean(text: str) -> str:
    """One line with no control characters: bidi overrides and C1 controls cannot reorder or hide what a reviewer reads."""
    return text if text.isprintable() else strip_control(text, keep_newlines=False)  # only unprintable characters change


def _link(base: str | None, path: str, line: int | None = None) -> str | None:
    """`BASE/path#L12`, the path percent-encoded; None without a base or with one of an active scheme."""
    try:
        if not base or urlsplit(base).scheme.lower() not in LINK_SCHEMES:
            return None
    except ValueError:  # not a URL at all ("http://[")
        return None
    url = f"{base.rstrip('/')}/{url_quote(path, safe='/')}"
    return f"{url}#L{line}" if line else url


def _baseline_commands(documents: list[str]) -> list[str]:
    """`crosscheck baseline DIR -o crosscheck-baseline.json` and the check that uses it, DIR the folder of every reported document."""
    folders = [os.path.dirname(path) or "." for path in documents]
    try:
        folder = os.path.commonpath(folders) if folders else "."
    except ValueError:  # absolute and relative paths mixed
        folder = "."
    folder = shlex.quote(_clean(folder) or ".")
    return [f"crosscheck baseline {folder} -o {BASELINE_FILE}", f"crosscheck check {folder} --baseline {BASELINE_FILE}"]


def _unregistered_forms(finding: Finding) -> list[str]:
    """The name forms to add as aliases: those the explanation says are not registered, else every form."""
    forms = list(dict.fromkeys(ref.value for ref in finding.claims))
    named = [form for form in forms if f"'{form}' is not" in finding.explanation]
    return [_clean(form) for form in (named or forms)]


# --------------------------------------------------------------------------- quotes cut into segments

_WORD = re.compile(r"\S+")
_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}|(\S+)")
_EDGE_PUNCT = "‘’“”\"'.,;:!?()[]"
_LOOKAHEAD = 3
"""After the first word, a word of the diff is looked for this many words on in the quote, no further."""


def _value_span(quote: str, value: str) -> tuple[int, int] | None:
    start = quote.find(value) if value else -1
    if start < 0 and value and len(quote.lower()) == len(quote):  # lower case keeps the offsets (not so for "İ")
        start = quote.lower().find(value.lower())
    return (start, start + len(value)) if start >= 0 else None


def _segments(quote: str, value: tuple[int, int] | None, differs: set[tuple[int, int]]) -> list[list]:
    """`[[text, kind], ...]` covering the quote: kind is PLAIN, VALUE, DIFFERS or both, by character."""
    if not differs:  # most quotes: the value and what stands around it
        if value is None:
            return [[quote, PLAIN]]
        start, end = value
        return [piece for piece in ([quote[:start], PLAIN], [quote[start:end], VALUE], [quote[end:], PLAIN]) if piece[0]]
    spans = ([(*value, VALUE)] if value else []) + [(start, end, DIFFERS) for start, end in differs]
    cuts = sorted({0, len(quote), *(i for start, end, _ in spans for i in (start, end))})
    segments: list[list] = []
    for start, end in pairwise(cuts):
        kind = PLAIN
        for low, high, mark in spans:
            if low <= start and end <= high:
                kind |= mark
        if segments and segments[-1][1] == kind:
            segments[-1][0] += quote[start:end]
        else:
            segments.append([quote[start:end], kind])
    return segments


def _fold(word: str) -> str:
    """A word as the quote comparison sees it: lower case, without outer punctuation or a possessive 's."""
    return re.sub(r"['’]s$", "", word.strip(_EDGE_PUNCT).lower())


def _inner_span(word: re.Match[str]) -> tuple[int, int]:
    """Where a word stands without its outer punctuation, which is not part of what differs."""
    text = word.group()
    inner = text.strip(_EDGE_PUNCT) or text
    start = word.start() + text.index(inner)
    return start, start + len(inner)


def _parse_diff(diff: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]], list[list[str]]]:
    """From "a [-old-] {+new+} b": each side's words with whether they differ, and the ops `[[" "|"-"|"+", text]]`."""
    removed: list[tuple[str, bool]] = []
    added: list[tuple[str, bool]] = []
    ops: list[list[str]] = []
    for match in _DIFF.finditer(diff):
        old, new, same = match.groups()
        op, text = ("-", old) if old is not None else ("+", new) if new is not None else (" ", same)
        if op != "+":
            removed += [(w, op == "-") for w in text.split()]
        if op != "-":
            added += [(w, op == "+") for w in text.split()]
        if ops and ops[-1][0] == op:
            ops[-1][1] += " " + text
        else:
            ops.append([op, text])
    return removed, added, ops


def _marked_quote(ref: ClaimRef, words: list[tuple[str, bool]]) -> list[list]:
    """The quote's segments with the diff's differing words of this side marked, found in order in the quote."""
    quote = _clean(ref.quote)
    tokens = [(*_inner_span(m), _fold(m.group())) for m in _WORD.finditer(quote)]
    differing: list[int] = []  # indices of the quote's words that differ
    after: int | None = None  # index of the quote word after the last one found; None until the first is found
    for word, differ in words:
        folded = _fold(word)
        candidates = range(len(tokens)) if after is None else range(after, min(after + _LOOKAHEAD, len(tokens)))
        hit = next((i for i in candidates if tokens[i][2] == folded), None)
        if hit is None:
            continue
        if differ:
            differing.append(hit)
        after = hit + 1
    spans: list[list[int]] = []
    for i in differing:  # a run of differing words is one mark, the spaces between them included
        if spans and spans[-1][2] == i - 1:
            spans[-1][1:] = [tokens[i][1], i]
        else:
            spans.append([tokens[i][0], tokens[i][1], i])
    return _segments(quote, _value_span(quote, _clean(ref.value)), {(start, end) for start, end, _ in spans})
