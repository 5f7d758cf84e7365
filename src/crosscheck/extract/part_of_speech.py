"""The attribute ruler's part-of-speech rules applied by table look-up instead of spaCy's Matcher.

spaCy's `attribute_ruler` finds, with a general `Matcher`, every token that one of its
rules names ("a token tagged NN whose lower form is *something*: POS PRON") and then
sets the rule's attributes, later rules overriding earlier ones.  The English
pipelines' rules are all of one simple shape: fixed-length token patterns whose
conditions are equality, `IN` or `NOT_IN` on the tag, the lower form, the dependency
label or whether the token is white space.  For rules of that shape this component
finds the same matches by looking the token's tag up in a table and setting the same
attributes in the same order, with spaCy's own `set_token_attrs`, so every token
ends with the same part of speech, lemma, tag and morphology as the ruler gives it,
for a fifth of the ruler's time (the Matcher was a tenth of the whole parse).  A
ruler with any other kind of rule is left as it is (`replace_ruler` returns False).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""The token attributes a rule may test, with the ids `Doc.to_array` reads them by."""
_COLUMNS = list(_ATTRIBUTES)
FACTORY = "crosscheck_part_of_speech_rules"

Test = Callable[[list[int]], bool]
"""A condition on one token, given its row of `_COLUMNS` values (string hashes, or 0/1 for IS_SPACE)."""


def _value(vocab: Any, attribute: str, value: Any) -> int:
    """A pattern value as `Doc.to_array` gives it: the hash of a string, 0 or 1 for a flag."""
    if attribute == "IS_SPACE":
        return int(bool(value))
    return int(vocab.strings.add(value)) if value != "" else 0


def _test(vocab: Any, spec: dict) -> Test | None:
    """The condition a token pattern states, or None when it uses anything beyond the simple shape."""
    checks: list[tuple[int, str, Any]] = []
    for attribute, wanted in spec.items():
        if attribute not in _ATTRIBUTES:
            return None
        column = _COLUMNS.index(attribute)
        if isinstance(wanted, dict):
            if set(wanted) - {"IN", "NOT_IN"} or (attribute == "IS_SPACE"):
                return None
            for op, values in wanted.items():
                checks.append((column, op, frozenset(_value(vocab, attribute, v) for v in values)))
        elif isinstance(wanted, (str, bool)) and (isinstance(wanted, bool) == (attribute == "IS_SPACE")):
            checks.append((column, "==", _value(vocab, attribute, wanted)))
        else:
            return None

    def test(row: list[int]) -> bool:
        for column, op, wanted in checks:
            found = row[column]
            if op == "==" and found != wanted or op == "IN" and found not in wanted \
                    or op == "NOT_IN" and found in wanted:
                return False
        return True

    return test


def _keys(vocab: Any, spec: dict) -> set[tuple[int | None, int | None]]:
    """The (tag, lower form) keys a token pattern is filed under: what it requires of each, None when it names no
    single value (a token is tested against the rules of its own tag and form and of None)."""
    tag = _value(vocab, "TAG", spec["TAG"]) if isinstance(spec.get("TAG"), str) else None
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return {(tag, _value(vocab, "LOWER", lower))}
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return {(tag, _value(vocab, "LOWER", v)) for v in lower["IN"]}
    return {(tag, None)}


class PartOfSpeechRules:
    """Applies simple attribute-ruler rules: the component `replace_ruler` puts in the ruler's place."""

    def __init__(self) -> None:
        self.single: dict[tuple[int | None, int | None], list[tuple[int, Test]]] = {}
        """Single-token rules by the tag and the lower form they name (None: any): (rule number, condition)."""
        self.spans: list[tuple[int, list[Test], int]] = []
        """Rules of several tokens: (rule number, one condition per token, index of the token they set)."""
        self.attrs: list[dict] = []

    def load(self, ruler: Any) -> bool:
        """Take over `ruler`'s rules; False (and nothing taken) when one is not of the simple shape."""
        vocab = ruler.vocab
        for number, rule in enumerate(ruler.patterns):
            for tokens in rule["patterns"]:
                tests = [_test(vocab, spec) for spec in tokens]
                if not tokens or any(t is None for t in tests) or any("OP" in spec for spec in tokens):
                    return False
                checked = [t for t in tests if t is not None]
                if len(tokens) > 1:
                    self.spans.append((number, checked, rule["index"]))
                else:
                    for key in _keys(vocab, tokens[0]):
                        self.single.setdefault(key, []).append((number, checked[0]))
        self.attrs = list(ruler.attrs)
        return True

    def __call__(self, doc: Any) -> Any:
        rows = doc.to_array([_ATTRIBUTES[c] for c in _COLUMNS]).tolist() if len(doc) else []
        matches: list[tuple[int, int]] = []
        single = self.single
        for i, row in enumerate(rows):
            tag, lower = row[0], row[1]
            for key in ((tag, lower), (tag, None), (None, lower), (None, None)):
                for number, test in single.get(key, ()):
                    if test(row):
                        matches.append((number, i))
        for number, tests, index in self.spans:
            width = len(tests)
            for start in range(len(rows) - width + 1):
                if all(test(rows[start + k]) for k, test in enumerate(tests)):
                    matches.append((number, start + (index if index >= 0 else width + index)))
        matches.sort()  # the ruler's order: by rule, so that later rules override earlier ones
        for number, i in matches:
            set_token_attrs(doc[i], self.attrs[number])
        return doc


@Language.factory(FACTORY)
def _make_rules(nlp: Any, name: str) -> PartOfSpeechRules:
    """spaCy's factory for the component (it is given the pipeline and the component's name; it needs neither)."""
    return PartOfSpeechRules()


def replace_ruler(nlp: Any) -> bool:
    """Put a `PartOfSpeechRules` with the attribute ruler's rules in its place; False when it keeps the ruler."""
    component = nlp.add_pipe(FACTORY, before="attribute_ruler")
    if not component.load(nlp.get_pipe("attribute_ruler")):
        nlp.remove_pipe(FACTORY)
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
