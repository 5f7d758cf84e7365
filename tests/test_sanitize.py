"""Neutralising untrusted text, per target: text as written -> text as emitted."""

from __future__ import annotations

import pytest

from crosscheck.reporters import escape as sanitize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("\x1b[2Jclear", "clear"),
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("\x1b]8;;http://evil\x07link\x1b]8;;\x07", "link"),
        ("\x1b]0;title\x1b\\x", "x"),
        ("bell\x07 nul\x00 del\x7f c1\x9b", "bell nul del c1"),
        ("tab\there", "tab here"),
        ("line\r\nbreak", "line\nbreak"),
        ("bidi \u202eevil\u202c", "bidi evil"),
        ("[bold red]x[/]", "[bold red]x[/]"),
    ],
)
def test_strip_control(raw, expected):
    assert sanitize.strip_control(raw) == expected


def test_terminal_is_one_line_and_defuses_ci_commands():
    assert sanitize.terminal("a\n  b") == "a b"
    assert "::" not in sanitize.terminal("::error::x") and "##[" not in sanitize.terminal("##[error]x")
    assert sanitize.terminal("[link=http://evil]x[/link]") == "[link=http://evil]x[/link]"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nearly 600", "nearly 600"),
        ("| col |", "\\| col \\|"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("[x](http://evil)", "\\[x\\]\\(http://evil\\)"),
        ("`code`", "\\`code\\`"),
        ("*em* _u_", "\\*em\\* \\_u\\_"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("a & b", "a &amp; b"),
        ("@someone", "&#64;someone"),
        ("two\nlines", "two lines"),
        ("\\[", "\\\\\\["),
    ],
)
def test_markdown_inline(raw, expected):
    assert sanitize.markdown_inline(raw) == expected


def test_html_text():
    assert sanitize.html_text('<b title="x">&</b>\n@me') == "&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt; &#64;me"


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0Ac", "a%0Ab%0Ac"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_github_encoding(raw, data, prop):
    assert sanitize.github_data(raw) == data
    assert sanitize.github_property(raw) == prop


def test_sarif_text_escapes_embedded_links():
    assert sanitize.sarif_text("see [here](1) \\ ok") == "see \\[here\\](1) \\\\ ok"
