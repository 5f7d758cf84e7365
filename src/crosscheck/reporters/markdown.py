"""`--format markdown`: a reviewer's report for a pull request, GitHub or GitLab.

A summary table, then one section per finding (severity badge, message,
explanation, a table of the quotes with document and line), info findings
folded inside `<details>`.  With `--link-base URL` each document links to
`URL/path#Lline`.  All article-derived text goes through
`sanitize.markdown_inline` (or `html_text` inside raw HTML).
"""

from __future__ import annotations

from typing import TextIO
from urllib.parse import quote as url_quote

from crosscheck.model.report import ClaimRef, Finding, Report, severity_rank
from crosscheck.reporters import RenderOptions, key_label, rule_label
from crosscheck.reporters.escape import html_text, markdown_inline

BADGE = {"error": "🔴 **Error**", "warning": "🟠 **Warning**", "info": "🔵 **Info**"}
ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def render(report: Report, out: TextIO, options: RenderOptions) -> None:
    out.write("\n".join(_lines(report, options)).rstrip("\n") + "\n")


def _lines(report: Report, options: RenderOptions) -> list[str]:
    s = report.summary
    claims = f"{s.claims}" + (f" ({s.drafted} drafted)" if s.drafted else "")
    lines = [
        "## crosscheck report",
        "",
        "| Documents | Claims | 🔴 Errors | 🟠 Warnings | 🔵 Info | Waived |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s.documents} | {claims} | {s.error} | {s.warning} | {s.info} | {s.waived} |",
        "",
    ]
    if not report.findings:
        lines += ["No disagreements found.", ""]
        return lines
    ordered = sorted(report.findings, key=lambda f: severity_rank(f.severity))  # stable: report order within a severity
    for n, finding in enumerate(ordered, 1):
        if finding.severity == "info":
            lines += _details(finding, n, options)
        else:
            lines += _section(finding, n, options)
    return lines


def _title(finding: Finding) -> str:
    return f"{rule_label(finding)}: {key_label(finding)}"


def _section(finding: Finding, n: int, options: RenderOptions) -> list[str]:
    return [f"### {n}. {ICON[finding.severity]} {markdown_inline(_title(finding))}", "", *_body(finding, options)]


def _details(finding: Finding, n: int, options: RenderOptions) -> list[str]:
    # Raw HTML block: the <summary> line is HTML (escape as HTML); the blank line after it returns to Markdown.
    summary = f"{n}. {ICON[finding.severity]} {html_text(_title(finding))}"
    return ["<details>", f"<summary>{summary}</summary>", "", *_body(finding, options), "</details>", ""]


def _body(finding: Finding, options: RenderOptions) -> list[str]:
    lines = [f"{BADGE[finding.severity]} · {markdown_inline(finding.message)}", ""]
    if finding.explanation:
        lines += [f"> {markdown_inline(finding.explanation)}", ""]
    facts = []
    if finding.similarity is not None:
        facts.append(f"similarity {finding.similarity:.2f}")
    if finding.confidence is not None:
        facts.append(f"match confidence {finding.confidence:.2f}")
    if finding.diff:
        facts.append(f"word diff: {markdown_inline(finding.diff)}")
    if facts:
        lines += [" · ".join(facts), ""]
    if finding.claims:
        lines += [
            "| Document | Line | Quote (value in bold) | Read as |",
            "|---|---:|---|---|",
            *(_claim_row(c, options) for c in finding.claims),
            "",
        ]
    lines += [f"<sub>fingerprint `{markdown_inline(finding.fingerprint)}`</sub>", ""]
    return lines


def _claim_row(claim: ClaimRef, options: RenderOptions) -> str:
    document = markdown_inline(claim.document) + (" *(drafted)*" if claim.drafted else "")
    if options.link_base:
        document = f"[{markdown_inline(claim.document)}]({document_url(options.link_base, claim)})" + (
            " *(drafted)*" if claim.drafted else ""
        )
    cells = [document, f"{claim.line}:{claim.column}", _highlighted(claim), _read_as(claim)]
    return "| " + " | ".join(cells) + " |"


def _read_as(claim: ClaimRef) -> str:
    """The normalised interval; the value as written when it is not visible in the quote; else a dash."""
    shown = claim.value and claim.value in claim.quote
    if claim.interval is not None and claim.normalized and claim.normalized != claim.value:  # names and words need no reading
        return markdown_inline(claim.normalized) if shown else f"{markdown_inline(claim.value)} → {markdown_inline(claim.normalized)}"
    return "—" if shown else markdown_inline(claim.value)


def document_url(link_base: str, claim: ClaimRef) -> str:
    """`BASE/path/to/article.txt#L12`, the path percent-encoded so it cannot end the link early."""
    return f"{link_base.rstrip('/')}/{url_quote(claim.document, safe='/')}#L{claim.line}"


def _highlighted(claim: ClaimRef) -> str:
    """The quote with the value in bold; each piece escaped on its own so the <b> tags stay ours.

    HTML tags, unlike `**`, do not depend on the neighbouring characters.
    """
    quote, value = claim.quote, claim.value
    start = quote.find(value) if value else -1
    if start < 0:
        return markdown_inline(quote)
    before, after = quote[:start], quote[start + len(value) :]
    return f"{markdown_inline(before)}<b>{markdown_inline(value)}</b>{markdown_inline(after)}".strip()
