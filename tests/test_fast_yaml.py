"""The fast YAML path (ryaml) is taken only where it gives exactly what libyaml gives."""

from __future__ import annotations

import datetime as _dt
import math
import random
from pathlib import Path

import pytest
import yaml

from crosscheck.load import fast_yaml
from crosscheck.load import read as loading

pytestmark = pytest.mark.skipif(loading._ryaml is None, reason="ryaml not installed")
ROOT = Path(__file__).resolve().parents[1]


def _same(a: object, b: object) -> bool:
    """Equal values of equal types, all the way down (NaN equals NaN).

    One allowed difference: a plain YYYY-MM-DD under a date field is a string for ryaml and a
    `date` for libyaml; both validate to the same PartialDate string.
    """
    if isinstance(a, str) and isinstance(b, _dt.date) and not isinstance(b, _dt.datetime):
        return a == b.isoformat()
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(_same(k1, k2) and _same(v1, v2) for (k1, v1), (k2, v2) in zip(a.items(), b.items()))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)  # type: ignore[arg-type]
    return a == b


def _libyaml(text: str) -> tuple[str, object]:
    try:
        return "ok", yaml.load(text, Loader=loading._SafeLoader)
    except yaml.YAMLError:
        return "error", None


ALPHABET = "0123456789._-+:eExobn yYoONnfFtTrRuUaAlLsS=~<!&*\"'\\/#,[]{}\t\n@`|>?%"
WORDS = [
    "yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "~", "1e3", "1.0e3", "1.5e+3", "012", "0o12", "0x1f",
    "0b11", "1_000", "1:20", "2024-03-10", "2024-3-1", "2024-03-10 12:00:00", "2024-03-10T12:00:00Z", ".inf", "-.inf",
    ".nan", "+1", "-0", "5.", "=", "<<", "1e400", "123456789012345678901234", "x y", "R&D", '"a\\/b"', "'it''s'",
    '"\\x41"', '"\\u00e9"', '"tab\\there"', "a: b", "- c", "{a: 1}", "[1, 2]", "2035", "2024-03", "+.5", "0.e0",
]


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_with_libyaml_on_tricky_scalars(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(6000):
        if rng.random() < 0.5:
            value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))
        else:
            value = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 2)))
        key = rng.choice(["a", "date", "published", "text", "on", "1", "amount"])
        doc = rng.choice([f"{key}: {value}\n", f"x:\n  - {value}\n", f"v: {{{key}: {value}, b: 2}}\n", f"l: [{value}]\n", f"{value}: 1\n", f"a: \"{value}\"\nb: {value}\n", f"text: '{value}'\nl: [{value}]\n"])
        fast = loading._parse_fast(doc)
        if fast is loading._MISS:
            continue  # libyaml decides
        checked += 1
        status, slow = _libyaml(doc)
        assert status == "ok" and _same(fast, slow), (doc, fast, slow)
    assert checked > 1000  # the fast path is actually exercised


def test_fast_path_agrees_on_every_yaml_file_in_the_repository():
    files = [p for p in ROOT.glob("**/*.y*ml") if ".venv" not in p.parts and ".git" not in p.parts]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        fast = loading._parse_fast(text)
        if fast is not loading._MISS:
            assert _same(fast, _libyaml(text)[1]), path


@pytest.mark.parametrize(
    "text",
    ["a: on\n", "a: 012\n", "a: 1e3\n", "a: 1_000\n", "a: 1:20\n", "title: 2024-03-10\n", "x: &a [1]\ny: *a\n", "a: !!str 1\n", "<<: {b: 1}\n"],
)
def test_yaml_1_1_readings_go_to_libyaml(text):
    assert loading._parse_fast(text) is loading._MISS


def test_plain_claims_file_takes_the_fast_path():
    text = 'version: 1\ndocument:\n  article: a.txt\n  title: "A title"\n  published: 2024-03-10\nclaims:\n  - id: c1\n    value: {kind: date, relation: \"on\", date: 2035}\n'
    fast = loading._parse_fast(text)
    assert fast is not loading._MISS
    assert _same(fast, _libyaml(text)[1])


_BLOCK_LINES = ["word", "two words", "yes", "on", "012", "1e3", "2024-03-10", "- dash", "key: value", "# not a comment",
                "  more indented", "", " ", "   ", "trailing  ", '"quoted"', "'single'", "a > b", "x | y", "é", "{flow}", "[list]",
                "...", "---", "#", "\\back"]


def _block_document(rng: random.Random) -> str:
    """A document with one block scalar: `|` or `>`, any chomping and indentation indicator, lines of every kind."""
    indicator = rng.choice("|>") + rng.choice(["", "-", "+"]) + rng.choice(["", "", "1", "2"]) + rng.choice(["", "", " # c"])
    indent = " " * rng.choice([1, 2, 2, 4])
    body = [indent + line if line.strip() or rng.random() < 0.5 else line
            for line in (rng.choice(_BLOCK_LINES) for _ in range(rng.randint(0, 6)))]
    nested = "\n".join("  " + line if line.strip() else line for line in body)
    tail = rng.choice(["", "\n", "\n\n", "\n  \n"])
    return rng.choice([
        f"a: {indicator}\n" + "\n".join(body) + f"\n{tail}b: 1\n",
        f"l:\n  - {indicator}\n{nested}\n{tail}  - z\n",
        f"a: {indicator}\n" + "\n".join(body) + tail,
        f"top:\n  inner: {indicator}\n{nested}\n{tail}other: 2024\n",
    ])


@pytest.mark.parametrize("seed", range(2))
def test_fast_path_agrees_with_libyaml_on_block_scalars(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(3000):
        doc = _block_document(rng)
        fast = loading._parse_fast(doc)
        if fast is loading._MISS:
            continue
        checked += 1
        status, slow = _libyaml(doc)
        assert status == "ok" and _same(fast, slow), (doc, fast, slow)
    assert checked > 1000


def test_rule_files_with_folded_text_take_the_fast_path():
    from crosscheck.rules import builtin_rules_dir, rule_files

    paths = rule_files(builtin_rules_dir())
    texts = [path.read_text(encoding="utf-8") for path in paths]
    assert any(": >\n" in text for text in texts)
    fast = [loading._parse_fast(text) for text in texts]
    assert sum(found is not loading._MISS for found in fast) >= len(paths) * 3 // 4
    assert all(_same(found, _libyaml(text)[1]) for found, text in zip(fast, texts) if found is not loading._MISS)


def _maybe_plain_as_first_written(value: str, key: object, text: str) -> bool:
    """`_maybe_plain` as a pattern per word: `key: value` (or the bare value) searched, then what precedes each hit."""
    import re

    if " " in value or "\n" in value:
        return True
    keyed = isinstance(key, str)
    head = rf"{re.escape(key)}[ ]*:\s+" if isinstance(key, str) else ""
    for match in re.finditer(rf"{head}{re.escape(value)}[ ]*(?:$|[,\]}}#]|:(?:\s|$))", text, re.MULTILINE):
        before = text[max(0, match.start() - 80) : match.start()].rstrip(" ")
        if not before or before[-1] == "\n" or (before[-1] in " {," if keyed else before[-1] in fast_yaml._PLAIN_BEFORE):
            return True
    return False


@pytest.mark.parametrize("seed", range(3))
def test_the_plain_scalar_search_finds_every_place_the_pattern_finds(seed):
    """Never a plain occurrence missed (the fast path would then be taken wrongly); the same answer almost always."""
    rng = random.Random(seed)
    pieces = ["a", "text", "40", "on", ":", " ", "  ", "\n", "\t", "- ", "{", "}", "[", "]", ",", "#", '"', "'", "a ", "x"]
    same = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        value = rng.choice(["40", "on", "a", "x"])
        key = rng.choice(["a", "text", "", "a ", None, 1])
        expected = _maybe_plain_as_first_written(value, key, text)
        found = fast_yaml._maybe_plain(value, key, text)
        assert found or not expected, (value, key, text)
        same += found == expected
    assert same >= 3900


@pytest.mark.parametrize("seed", range(2))
def test_the_quick_always_slow_check_is_the_pattern(seed):
    rng = random.Random(seed)
    pieces = ["a", " ", "\n", "\r", "<", "<<", "\\", "\\/", "\\ ", "\\\t", "\\n", "\t", "\x00", "\x0b", "\x1f", "\x7f", "\x85",
              "\x9f", "\xa0", "\ufeff", "\ufffe", "\uffff", "\u2028", "\u200b", "é", "z"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert fast_yaml._always_slow(text) == bool(fast_yaml._ALWAYS_SLOW.search(text)), repr(text)
