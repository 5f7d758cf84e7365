"""Articles of hostile text with claims on them, as a loaded corpus hands them to the HTML reporter.

Shared by the file-level tests (tests/test_reporter_html.py) and the browser tests: the same
article must be inert in the file and in the page.
"""

from __future__ import annotations

from pathlib import Path

from crosscheck.model.claims import Claim, DocumentMeta, Draft
from crosscheck.model.corpus import Document, LocatedClaim
from crosscheck.model.report import ClaimRef, Finding, Report, Summary
from crosscheck.model.values import Interval, QuantityValue

LONG_WORD = "Überseedampfschifffahrtsgesellschaftsvorstand" * 70
HOSTILE_ARTICLE = (
    "Acme <script>window.pwned = 1</script> said on Monday 😀 that revenue was 12 million euros.\n"
    '<img src=x onerror="window.pwned = 2"> The board <a href="javascript:window.pwned = 3">approved</a> it.\n'
    "A reversed \u202edesrever\u202c aside, a C1 \x85 control, and </script><!-- a comment that never closes.\n"
    f"{LONG_WORD} hired 40 engineers in March.\n"
    "Nobody annotated this last sentence, which says 7 offices closed.\n"
)
PLAIN_ARTICLE = "Acme said its revenue was 15 million euros last year.\n"
HOSTILE_TITLE = '<script>window.pwned = 4</script> Acme "results" \u202eflipped'


def _located(document: str, text: str, claim: Claim) -> LocatedClaim:
    start = text.index(claim.quote)
    line_start = text.rfind("\n", 0, start) + 1
    return LocatedClaim(claim, document, start, start + len(claim.quote), text.count("\n", 0, start) + 1, start - line_start + 1,
                        drafted=claim.draft is not None)


def _claim(id: str, property: str, text: str, quote: str, amount: float, draft: Draft | None = None) -> Claim:
    return Claim(id=id, subject="acme", property=property, value=QuantityValue(amount=amount, currency="EUR" if property == "revenue" else None,
                 unit=None if property == "revenue" else "engineer"), text=text, quote=quote, draft=draft)


REVENUE = _claim("revenue", "revenue", "12 million euros", "revenue was 12 million euros", 12e6)
HIRES = _claim("hires", "hires", "40 engineers", f"{LONG_WORD[-20:]} hired 40 engineers", 40, Draft(confidence=0.42, review=True))
PLAIN_REVENUE = _claim("revenue", "revenue", "15 million euros", "revenue was 15 million euros", 15e6)


def hostile_documents(folder: Path) -> list[Document]:
    """The hostile article (with one annotated and one drafted claim) and a plain one, their texts written to `folder`."""
    documents = []
    for name, text, claims, meta in (
        ("news/hostile.txt", HOSTILE_ARTICLE, [REVENUE, HIRES], DocumentMeta(article="hostile.txt", title=HOSTILE_TITLE,
                                                                             publisher="<b>Daily</b> \u202eWire", published="2025-03-04")),
        ("news/plain.txt", PLAIN_ARTICLE, [PLAIN_REVENUE], DocumentMeta(article="plain.txt", publisher="Plain Post", published="2025-03-05")),
    ):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        documents.append(Document.of(name, meta, [_located(name, text, claim) for claim in claims], article_path=path,
                                     claims_path=Path(name.replace(".txt", ".claims.yaml"))))
    return documents


def hostile_article_report() -> Report:
    """One finding between the hostile article's revenue and the plain article's."""
    refs = []
    for document, text, claim, amount in (("news/hostile.txt", HOSTILE_ARTICLE, REVENUE, 12e6), ("news/plain.txt", PLAIN_ARTICLE, PLAIN_REVENUE, 15e6)):
        at = _located(document, text, claim)
        refs.append(ClaimRef(document=document, claims_file=document.replace(".txt", ".claims.yaml"), claim=claim.id, quote=claim.quote,
                             line=at.line, column=at.column, value=claim.text, interval=Interval(low=amount, high=amount),
                             normalized=f"[{amount:.0f}, {amount:.0f}] EUR"))
    finding = Finding(fingerprint="a" * 16, rule="CC101", rule_name="quantity.intervals-overlap", severity="error", subject="acme",
                      property="revenue", message="revenue: '12 million euros' and '15 million euros' cannot both hold",
                      explanation="12 million and 15 million cannot both hold.", claims=refs)
    return Report(summary=Summary(documents=2, claims=3, drafted=1, error=1), findings=[finding])
