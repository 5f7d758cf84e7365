"""Rule examples as tiny corpora: each example claim becomes an article of its own.

The test suite runs every rule's examples through the real engine (fires /
does not fire), and `crosscheck rules explain` shows them with the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from crosscheck.comparators import Comparator
from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.model.registry import Registry
from crosscheck.model.report import Report
from crosscheck.rules import Example, Rule, example_property


def example_corpus(rule: Rule, example: Example) -> Corpus:
    """An in-memory corpus holding the example's claims, one article per claim."""
    documents = []
    for index, given in enumerate(example.claims, start=1):
        name = f"example-{index}.txt"
        claim = Claim(
            id=f"claim-{index}",
            subject=given.subject,
            property=given.property or example_property(rule),
            value=given.value,
            text=given.text,
            quote=given.text,
            scope=given.scope,
            frame=given.frame,
        )
        located = LocatedClaim(claim, name, 0, len(given.text), 1, 1)
        meta = DocumentMeta(article=name, title=f"Example article {index}", published=given.published)
        documents.append(Document.of(name, meta, (located,), article_path=Path(name), text=given.text))
    return Corpus(documents=documents, registry=Registry(entities=example.entities))


def run_example(rule: Rule, example: Example, comparators: Mapping[str, Comparator] | None = None) -> Report:
    """The report the rule alone produces on the example."""
    from crosscheck.engine import check

    return check(example_corpus(rule, example), [rule], comparators)

