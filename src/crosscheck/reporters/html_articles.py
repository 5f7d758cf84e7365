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
    link: Callable[[str], str | None],
) -> tuple[list[dict], list[list], list[list[list] | None]]:
    """(articles, claims, texts): each article's metadata and claim rows `[first, stop)`; the claim rows; each text in segments.

    A segment is `[text]` outside any quote, `[text, quoting]` inside the quotes of the claims
    `quoting`, `[text, quoting, values]` where it is the value of the claims `values` (indices
    into the claim rows), or null for a text that could not be read.  `refs` maps (document,
    claim id) to the row of a claim a finding names; `link(path)` is the URL of a file, or None.
    """
    articles: list[dict] = []
    claims: list[list] = []
    texts: list[list[list] | None] = []
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
            "url": link(document.id),
            "file": _optional(document.claims_path.as_posix() if document.claims_path else None),
            "claims": [first, len(claims)],
        })
        texts.append(None if text is None else _cut(text, document.claims, first))
    return articles, claims, texts


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
    """The article's segments: cut at every quote's and value's edge (one sweep), each piece cleaned of control characters."""
    edges: dict[int, list[tuple[int, int, bool]]] = {}  # offset -> (claim row, +1 opens / -1 closes, is the value)
    for row, claim in enumerate(located, start=first):
        start, end = claim.start, claim.end
        found = value_span(text[start:end], claim.claim.text)
        value = (start + found[0], start + found[1]) if found else (start, end)  # a quote that matched only up to typography
        for at, step, is_value in ((start, 1, False), (end, -1, False), (value[0], 1, True), (value[1], -1, True)):
            edges.setdefault(at, []).append((row, step, is_value))
    cuts = sorted({0, len(text), *edges})
    open_quotes: dict[int, int] = {}
    open_values: dict[int, int] = {}
    segments: list[list] = []
    for low, high in pairwise(cuts):
        for row, step, is_value in edges.get(low, ()):
            opened = open_values if is_value else open_quotes
            opened[row] = opened.get(row, 0) + step
            if not opened[row]:
                del opened[row]
        values = sorted(open_values)
        quoting = sorted(open_quotes)
        shape = [quoting, values] if values else [quoting] if quoting else []
        if segments and segments[-1][1:] == shape:
            segments[-1][0] += text[low:high]
        else:
            segments.append([text[low:high], *shape])
    if strip_control(text) != text:  # rare: only then is each piece cleaned (newlines kept, the article reads in its paragraphs)
        for segment in segments:
            segment[0] = strip_control(segment[0])
    return [segment for segment in segments if segment[0]]
