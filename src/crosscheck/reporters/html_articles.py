"""The HTML report's article view: each article's text cut at its claims, and what crosscheck read in each.

An annotator sees what was read (every claim's quote, its value marked, drafted or annotated,
with its confidence) and, in the text left unmarked, what was missed.  The text is cut here,
on the article as loaded, because the claims' offsets count Python characters, which a page's
script (counting UTF-16 units) would misplace after an emoji; each piece is then cleaned of
control characters, which leaves the offsets of the pieces after it untouched.

What a value means is the kinds' business, which a reporter does not import: a claim shows
the fields of its value as the claims file gives them, and the reading (the interval, the date
range) of any claim a finding names, taken from the finding.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from crosscheck.reporters.escape import strip_control
from crosscheck.reporters.html_quotes import clean, value_span

if TYPE_CHECKING:
    from crosscheck.model.corpus import Document, LocatedClaim

ARTICLE_CLAIM_FIELDS = (
    "id", "subject", "property", "kind", "text", "value", "scope", "drafted", "confidence", "review", "line", "column", "ref",
)
"""A claim's row in the article view, in this order: `value` its fields in words, `ref` its row among the findings' claims or null."""


def article_rows(
    documents: Sequence[Document], document_row: Callable[[str], int], refs: Mapping[tuple[str, str], int],
) -> tuple[list[dict], list[list]]:
    """(articles, claims): per article its metadata, its claims' rows `[first, stop)` and its text cut into segments.

    A segment is `[text]` outside any quote, `[text, quoting]` inside the quotes of the claims
    `quoting`, `[text, quoting, values]` where it is the value of the claims `values` (indices
    into the claim rows).  `refs` maps (document, claim id) to the row of a claim a finding names.
    """
    articles: list[dict] = []
    claims: list[list] = []
    for document in documents:
        first = len(claims)
        claims += [_claim_row(located, refs.get((document.id, located.claim.id))) for located in document.claims]
        try:
            text: str | None = document.text
        except (OSError, UnicodeDecodeError):  # an archived article whose file is gone, or is no longer text
            text = None
        meta = document.meta
        articles.append({
            "doc": document_row(document.id),
            "title": _optional(meta.title),
            "publisher": _optional(meta.publisher),
            "published": _optional(meta.published),
            "dateline": _optional(meta.dateline),
            "file": _optional(document.claims_path.as_posix() if document.claims_path else None),
            "claims": [first, len(claims)],
            "text": None if text is None else _cut(text, document.claims, first),
        })
    return articles, claims


def _claim_row(located: LocatedClaim, ref: int | None) -> list:
    claim = located.claim
    draft = claim.draft
    return [
        clean(claim.id),
        clean(claim.subject),
        clean(claim.property),
        claim.value.kind,
        clean(claim.text),
        _value_fields(claim.value.model_dump(mode="json", exclude_defaults=True, exclude={"kind"})),
        clean(claim.scope.key) if claim.scope else None,
        located.drafted,
        draft.confidence if draft else None,
        bool(draft and draft.review),
        located.line,
        located.column,
        ref,
    ]


def _value_fields(fields: dict) -> str:
    """`amount: 600, approx: nearly, unit: company`: the value's fields as the claims file gives them, defaults left out."""
    return clean(", ".join(f"{name}: {value if isinstance(value, str | int | float) else json.dumps(value, ensure_ascii=False)}"
                           for name, value in fields.items()))


def _optional(text: str | None) -> str | None:
    return clean(str(text)) if text is not None else None


def _cut(text: str, located: Sequence[LocatedClaim], first: int) -> list[list]:
    """The article's segments: cut at every quote's and value's edge, each piece cleaned of control characters."""
    spans = []
    for row, claim in enumerate(located, start=first):
        start, end = claim.start, claim.end
        found = value_span(text[start:end], claim.claim.text)
        value = (start + found[0], start + found[1]) if found else (start, end)  # a quote that matched only up to typography
        spans.append((row, start, end, *value))
    cuts = sorted({0, len(text), *(i for span in spans for i in span[1:])})
    segments: list[list] = []
    for low, high in pairwise(cuts):
        quoting = [row for row, start, end, _, _ in spans if start <= low and high <= end]
        values = [row for row, _, _, start, end in spans if start <= low and high <= end]
        shape = [quoting, values] if values else [quoting] if quoting else []
        piece = text[low:high]
        if segments and segments[-1][1:] == shape:
            segments[-1][0] += piece
        else:
            segments.append([piece, *shape])
    for segment in segments:
        segment[0] = strip_control(segment[0])  # newlines kept: the article reads in its paragraphs
    return [segment for segment in segments if segment[0]]
