"""A catalogue of hostile files (issue 19): bombs, encodings, line endings, special files, symlinks,
permissions and huge inputs.  Each gives its exit status with one-line located messages, changes no
input file (hashes before and after) and writes nothing but the named output and the cache."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fuzz

A, CLAIMS = fuzz.ARTICLE, fuzz.CLAIMS
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                    for p, c in zip("abcdefgh", "bcdefghi"))
LOCATED = re.compile(r"^\S.*:\d+:\d+: [a-z-]+: .+$")
USAGE = re.compile(r"^crosscheck: error: .+$")
"""A command line refused before any file is read: one plain line, no location."""


def corpus(**files: str) -> dict[str, str]:
    return {"a.txt": A, "a.claims.yaml": CLAIMS, **files}


CATALOGUE = [
    # (id, case, expected exit statuses)
    ("alias-bomb", fuzz.Case(corpus(**{"a.claims.yaml": BOMB}), ["validate", "."]), {2}),
    ("deep-flow-nesting", fuzz.Case(corpus(**{"a.claims.yaml": "a: " + "[" * 50_000 + "]" * 50_000 + "\n"}), ["validate", "."]), {2}),
    ("deep-block-nesting", fuzz.Case(corpus(**{"a.claims.yaml": "a:\n" + "".join("  " * i + "- \n" for i in range(1, 1500))}), ["validate", "."]), {2}),
    ("utf16-claims", fuzz.Case(corpus(**{"a.claims.yaml": "\ufeff" + CLAIMS}), ["validate", "."]), {0}),
    ("latin1-article", fuzz.Case(corpus(**{"a.txt": A.replace("Acme", "Acm\udce9")}), ["check", ".", "-f", "json"]), {2}),
    ("lone-cr-article", fuzz.Case(corpus(**{"a.txt": A.replace("\n", "\r")}), ["check", ".", "-f", "json"]), {0, 1}),
    ("u2028-article", fuzz.Case(corpus(**{"a.txt": A.replace("\n", "\u2028")}), ["check", ".", "-f", "markdown"]), {0, 1}),
    ("nel-article", fuzz.Case(corpus(**{"a.txt": A.replace("\n", "\x85")}), ["check", ".", "-f", "sarif"]), {0, 1}),
    ("bidi-and-c1-article", fuzz.Case(corpus(**{"d.txt": "Acme\u202e said 7\x85 people were hired in March 2024.\n"}), ["check", ".", "-f", "github"]), {0, 1}),
    ("fifo-bare-article", fuzz.Case(corpus(), ["check", "."], special="fifo"), {2}),
    ("fifo-claims", fuzz.Case(corpus(), ["validate", "."], special="fifo", special_name="c.claims.yaml"), {2}),
    ("dev-zero-article", fuzz.Case(corpus(), ["check", ".", "--no-cache"], special="devzero"), {2}),
    ("symlink-outside", fuzz.Case(corpus(), ["check", ".", "-f", "json"], links={"e.txt": "/etc/hostname"}), {2}),
    ("symlink-loop", fuzz.Case(corpus(), ["validate", "."], links={"x.claims.yaml": "y.claims.yaml", "y.claims.yaml": "x.claims.yaml"}), {2}),
    ("article-path-outside", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("article: a.txt", "article: ../../etc/hostname")}), ["validate", "."]), {2}),
    ("nul-in-article-path", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("article: a.txt", 'article: "a\\0.txt"')}), ["validate", "."]), {2}),
    ("long-name", fuzz.Case(corpus(), ["check", "x" * 300 + ".claims.yaml"]), {2}),
    ("non-utf8-name", fuzz.Case(corpus(**{"c\udcff.txt": A}), ["check", ".", "--no-cache"]), {2}),
    ("huge-claims-file", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS + "#" * (21 * 1024 * 1024) + "\n"}), ["validate", "."]), {2}),
    ("huge-integer", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("amount: 5,", "amount: " + "9" * 5000 + ",")}), ["validate", "."]), {2}),
    ("infinite-amount", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("amount: 5,", "amount: .inf,")}), ["validate", "."]), {2}),
    ("nan-amount", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("amount: 5,", "amount: .nan,")}), ["validate", "."]), {2}),
    ("impossible-date", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("published: 2024-03-10", "published: 2024-02-30")}), ["validate", "."]), {2}),
    ("duplicate-key", fuzz.Case(corpus(**{"a.claims.yaml": CLAIMS.replace("  title: Acme hires\n", "  title: Acme hires\n  title: again\n")}), ["validate", "."]), {2}),
    ("output-through-symlink", fuzz.Case(corpus(**{"real.json": "old\n"}), ["check", ".", "-f", "json", "-o", "out.json"], links={"out.json": "real.json"}), {0, 1}),
    ("cache-is-a-claims-file", fuzz.Case(corpus(), ["check", ".", "--cache", "a.claims.yaml"]), {2}),
    ("cache-is-a-folder", fuzz.Case(corpus(**{"cachedir/keep": "mine\n"}), ["check", ".", "--cache", "cachedir"]), {2}),
    ("since-as-option", fuzz.Case(corpus(**{"victim.txt": "keep\n"}), ["check", ".", "--since=--output=victim.txt"]), {2}),
    ("template-width", fuzz.Case(corpus(**{"rules/XX901.yaml": fuzz.RULE.replace("{subject}", "{subject:>99999}", 1)}), ["check", ".", "--rules", "rules"]), {2}),
]
USAGE_ERRORS = {"since-as-option"}
"""Cases refused as a usage error (`--since` is checked to be a git ref before git runs)."""


@pytest.mark.parametrize("case, statuses", [(case, statuses) for _, case, statuses in CATALOGUE], ids=[name for name, _, _ in CATALOGUE])
def test_a_hostile_file_is_handled_safely(tmp_path, case, statuses, request):
    outcome = fuzz.run_case(case, tmp_path)
    if case.command[-1] == "out.json" and "real.json" in case.files:
        assert outcome.problems == ["changed or removed an input: real.json"]  # written through the link, as asked
    else:
        assert outcome.problems == []
    assert outcome.status in statuses, (outcome.status, outcome.err, outcome.out)
    assert "Traceback" not in outcome.err + outcome.out
    if outcome.status == 2:
        shape = USAGE if request.node.callspec.id in USAGE_ERRORS else LOCATED
        messages = [line for line in (outcome.out + outcome.err).splitlines() if shape.match(line)]
        assert messages, (outcome.out, outcome.err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its permissions")
def test_an_unreadable_claims_file_is_a_located_error(tmp_path):
    outcome = fuzz.run_case(fuzz.Case(corpus(), ["validate", "."], modes={"a.claims.yaml": 0}), tmp_path)
    assert outcome.status == 2 and outcome.problems == []
    assert "a.claims.yaml:1:1: file-unreadable:" in outcome.out
