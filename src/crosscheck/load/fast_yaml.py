"""The fast YAML path: ryaml's reading, used only where it provably equals libyaml's.

`_parse_fast(text)` returns the data or `_MISS`; `_SafeLoader` is libyaml's safe loader (or
PyYAML's pure one where libyaml is missing), whose results and messages count.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Any

import yaml

try:  # libyaml is an order of magnitude faster; fall back to pure Python where it is missing
    _SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _SafeLoader = yaml.SafeLoader

try:  # a Rust YAML parser, 4-5x faster than libyaml; used only where it provably agrees with it
    _ryaml: ModuleType | None = importlib.import_module("ryaml")
except ImportError:  # pragma: no cover - optional speed-up
    _ryaml = None

# ryaml follows YAML 1.2, libyaml (through PyYAML) YAML 1.1: they read a few plain scalars
# differently (yes/no/on/off, 012, 0o12, 1_000, 1:20, 1e3, timestamps) and ryaml expands anchors.
# So ryaml's result is used only when it provably equals libyaml's: no anchor, alias or tag
# marks in the text, no string that libyaml's own resolvers would read as something else had it
# been plain, and no number written in a form only YAML 1.2 knows.  Anything else, and any text
# ryaml rejects, goes to libyaml, whose results and messages count (tests/test_fast_yaml.py).
# Block scalars (`|`, `>`) take the fast path: ryaml's scanner is libyaml's own (serde-yaml reads
# through unsafe-libyaml, a translation of it), so a block's text is folded by the same code, and a
# block scalar is never resolved to another type by either (tabs and NEL still go to libyaml).
_ALWAYS_SLOW = re.compile(r"<<|[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\\[/\x20\t]")
"""What sends a text to libyaml whatever else it holds: a merge key, a tab or control character, a BOM or
non-character, an escape YAML 1.1 lacks.  The definition; `_always_slow` decides it faster."""
_SLOW_CHARACTER = re.compile(r"[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_SLOW_ESCAPE = re.compile(r"\\[/\x20\t]")


def _always_slow(text: str) -> bool:
    """Whether `_ALWAYS_SLOW` occurs in `text`, by its three parts, each at C speed: a text that is printable
    but for its line breaks holds none of its characters (they are all controls, formats or non-characters)."""
    if "<<" in text or ("\\" in text and _SLOW_ESCAPE.search(text)):
        return True
    return not text.replace("\n", "").replace("\r", "").isprintable() and _SLOW_CHARACTER.search(text) is not None


_MARKS = re.compile(r"[&*!%?]")
# Not marks: `|` and `>` (block scalars, read by the same scanner: see above) and the reserved `@`
# and backtick, which libyaml refuses to start a scalar with and ryaml, scanning alike, refuses too
# (so libyaml gives its message); anywhere else they are text, as in prose about `code`.
_BEFORE_MARK = frozenset(" \t\r\n[]{},:")
_YAML12_FLOAT = re.compile(r"[eE][-+]?[0-9]|[-+]\.[0-9]")
_RETYPING = {  # libyaml's own implicit resolvers for every type but str, one combined pattern
    tag: rx.pattern for pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.values() for tag, rx in pairs
    if tag != "tag:yaml.org,2002:str"
}
_RETYPED = re.compile("|".join(f"(?:{pattern})" for pattern in _RETYPING.values()), re.VERBOSE)
_RETYPED_FIRST = frozenset(c for c in yaml.resolver.Resolver.yaml_implicit_resolvers if c)
_PLAIN_BEFORE = frozenset(":-[{,?")
_DATE_FIELDS = frozenset({"date", "end", "as_of", "start", "published"})
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MISS = object()


def _has_marks(text: str) -> bool:
    """True when the text may hold an anchor, alias, tag, directive, complex key or reserved indicator."""
    for match in _MARKS.finditer(text):
        at = match.start()
        if at == 0 or text[at - 1] in _BEFORE_MARK:
            return True
    return False


_AFTER_PLAIN = re.compile(r"[ ]*(?:$|[,\]}#]|:(?:\s|$))", re.MULTILINE)
"""What may follow a plain scalar on its line: the line's end, a flow delimiter, a comment, a key's colon."""


def _maybe_plain(value: str, key: object, text: str) -> bool:
    """True unless `value` (one word) never stands in the text where a plain scalar could.

    For a mapping value the search is for `key: value`, so a quoted `text: "2024"` stays fast
    even when a plain `as_of: 2024` is elsewhere in the file.  Each place the word stands is
    looked at (`str.find`, no pattern compiled per word: a file has hundreds of such words).
    """
    if " " in value or "\n" in value:
        return True  # a plain scalar may be folded over lines: assume the worst
    keyed = isinstance(key, str)
    if keyed and str(key).endswith(" "):
        return _maybe_plain_by_pattern(value, str(key), text)
    at = text.find(value)
    while at >= 0:
        if _AFTER_PLAIN.match(text, at + len(value)):
            start = _key_start(text, at, str(key)) if keyed else at
            if start is not None and _plain_can_start_after(text[max(0, start - 80) : start], keyed):
                return True
        at = text.find(value, at + 1)
    return False


def _key_start(text: str, at: int, key: str) -> int | None:
    r"""Where `key` starts when `key[ ]*:\s+` ends at `at` in `text`, else None."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == at or i == 0 or text[i - 1] != ":":
        return None
    i -= 1
    while i > 0 and text[i - 1] == " ":
        i -= 1
    start = i - len(key)
    return start if start >= 0 and text.startswith(key, start) else None


def _plain_can_start_after(before: str, keyed: bool) -> bool:
    """Whether a key (`keyed`) or a plain scalar may stand right after `before` (up to 80 characters before it)."""
    before = before.rstrip(" ")
    return not before or before[-1] == "\n" or (before[-1] in " {," if keyed else before[-1] in _PLAIN_BEFORE)


def _maybe_plain_by_pattern(value: str, key: str, text: str) -> bool:
    """`_maybe_plain` for a key ending in a space, which the backward walk of `_key_start` would take for padding."""
    pattern = rf"{re.escape(key)}[ ]*:\s+{re.escape(value)}[ ]*(?:$|[,\]}}#]|:(?:\s|$))"
    return any(_plain_can_start_after(text[max(0, m.start() - 80) : m.start()], True) for m in re.finditer(pattern, text, re.MULTILINE))


def _reads_the_same(data: Any, text: str) -> bool:
    """True when libyaml would build exactly `data` (ryaml's reading) from `text`.

    Runs on every parsed file, so a mapping's scalar values are checked in place; only
    containers go on the stack.
    """
    has_int = has_float = False
    first, retyped = _RETYPED_FIRST, _RETYPED.match
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        item, key = stack.pop()
        kind = type(item)
        if kind is dict:
            for k, v in item.items():
                if type(k) is not str or (k and k[0] in first and retyped(k)):
                    stack.append((k, None))  # checked in full below
                value_kind = type(v)
                if value_kind is str:
                    if v and v[0] in first and retyped(v):
                        stack.append((v, k))
                elif value_kind is dict or value_kind is list:
                    stack.append((v, k))
                elif value_kind is int:
                    has_int = True
                elif value_kind is float:
                    has_float = True
        elif kind is str:
            if item and item[0] in first and retyped(item):
                # a string libyaml would read as another type if it were plain.  Fine when it is
                # only ever quoted in the text ("on"), or a day under a date field: libyaml's
                # date and ryaml's string validate to the same value
                if not (key in _DATE_FIELDS and _ISO_DAY.fullmatch(item)) and _maybe_plain(item, key, text):
                    return False
        elif kind is list:
            stack.extend((v, None) for v in item)
        elif kind is int:
            has_int = True
        elif kind is float:
            has_float = True
    if has_int and "0o" in text:
        return False
    if has_float:  # 1e3, 1.0e3 and +.5 are floats in YAML 1.2 only
        for match in _YAML12_FLOAT.finditer(text):
            at = match.start()
            if match.group()[0] in "+-" or (at and text[at - 1] in "0123456789."):
                return False
    return True


_MAX_FLOW_DEPTH = 16
"""Flow nesting ([ and {) beyond which ryaml is not tried: it gives up past ~128 levels, but only
after time that grows with the square of the text (9 s at 50,000 levels); libyaml refuses at once."""
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")


def _nested_deeper_than(text: str, depth: int) -> bool:
    """True when the brackets of `text` nest deeper than `depth`, or more than `depth` of them do not pair up.

    Linear and at C speed: keep only the brackets, then take away one innermost level per pass; a
    pair left after `depth` passes nests deeper.  A few brackets that pair with nothing (prose in a
    quote or a block scalar: "[0.35, 0.45)") add at most `depth` levels to what ryaml meets.
    """
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    for _level in range(depth):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"").replace(b"{}", b"")
    return b"[]" in brackets or b"{}" in brackets or len(brackets) > depth


def _parse_fast(text: str) -> Any:
    """Parse with ryaml where it provably agrees with libyaml; else `_MISS`."""
    if _ryaml is None or _always_slow(text) or _has_marks(text) or _nested_deeper_than(text, _MAX_FLOW_DEPTH):
        return _MISS
    try:
        data = _ryaml.loads(text)
    except Exception:
        return _MISS
    return data if _reads_the_same(data, text) else _MISS


