"""The lemmatizer's rules applied once per distinct word form, not once per token.

spaCy's rule lemmatizer decides a token's lemma from its text, its part of speech and its
morphology alone, but it walks every token in Python and keeps only some of its answers,
so most tokens are decided again from the rules: it was a tenth of the parse.  This
component asks the pipeline's own lemmatizer once for each (text, part of speech,
morphology) it meets, keeps the answer and writes every document's lemmas in one array
operation, so each token gets exactly the lemma the lemmatizer gives it.  Like the
lemmatizer it leaves a lemma an earlier component set, unless the lemmatizer is set to
overwrite.  A lemmatizer in a mode that reads anything else (not "rule" or "lookup")
is left in place (`replace_lemmatizer` returns False).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language

FACTORY = "crosscheck_lemmas"
_MODES = frozenset({"rule", "lookup"})
"""Lemmatizer modes whose lemma is a function of the token's text, part of speech and morphology."""
_MAX_FORMS = 500_000
"""Distinct forms remembered before the table starts again (a newsroom's vocabulary stays well below it)."""


class CachedLemmas:
    """Sets each token's lemma from a table of the wrapped lemmatizer's answers, by (text, part of speech, morphology)."""

    def __init__(self) -> None:
        self.lemmatizer: Any = None
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas, strings, lemmatize = self.lemmas, doc.vocab.strings, self.lemmatizer.lemmatize
        overwrite, changed = self.lemmatizer.overwrite, False
        column = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = lemmas.get((orth, pos, morph))
            if found is None:
                if len(lemmas) >= _MAX_FORMS:
                    lemmas.clear()
                found = lemmas[orth, pos, morph] = strings.add(lemmatize(doc[i])[0])
            column[i], changed = found, True
        if changed:
            doc.from_array([LEMMA], column.reshape(-1, 1))
        return doc


@Language.factory(FACTORY)
def _make_lemmas(nlp: Any, name: str) -> CachedLemmas:
    """spaCy's factory for the component (it is given the pipeline and the component's name; it needs neither)."""
    return CachedLemmas()


def replace_lemmatizer(nlp: Any, name: str = "lemmatizer") -> bool:
    """Put a `CachedLemmas` wrapping the pipeline's lemmatizer in its place; False when it keeps the lemmatizer."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if getattr(lemmatizer, "mode", None) not in _MODES or not hasattr(lemmatizer, "lemmatize"):
        return False
    if hasattr(lemmatizer, "_validate_tables"):  # what the lemmatizer checks on its first document
        lemmatizer._validate_tables()
    component = nlp.add_pipe(FACTORY, before=name)
    component.lemmatizer = lemmatizer
    nlp.remove_pipe(name)
    return True
