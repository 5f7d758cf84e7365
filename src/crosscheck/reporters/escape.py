"""Neutralise untrusted article text for each output target.

Article text and claims come from outside: a quote may hold terminal escape
sequences, rich markup, Markdown, HTML or a GitHub workflow command.  Each
reporter passes every piece of such text through the function for its target
at the moment it writes it, and nowhere else.
"""

from __future__ import annotations

import html
import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, and 8-bit CSI.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides and isolates that reorder text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\s*\n\s*")
# Characters that draw nothing but change what a reader sees: zero-width spaces and joiners, the
# directional marks, the line and paragraph separators, the soft hyphen, the byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]")
# What JSON must not carry raw: every control but tab and newline, DEL, C1, the bidi overrides and
# isolates, and the invisible characters above.  As \u escapes they read back as the same text.
_JSON_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                          "\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]")


def _shown(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def json_safe(serialised: str) -> str:
    """Serialised JSON with every control, bidi or invisible character inside its strings written as a \\u escape.

    Structural JSON never holds such characters, so only string contents change, and a JSON
    reader gets exactly the same values back.
    """
    if not _JSON_UNSAFE.search(serialised):
        return serialised
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", serialised)


def strip_control(text: str, *, keep_newlines: bool = True) -> str:
    """Remove escape sequences and control characters; tabs become spaces, `\\r\\n` becomes `\\n`;
    invisible formatting characters (zero-width, LRM/RLM, U+2028) are shown as `<U+200B>`.

    With `keep_newlines=False`, line breaks (and the space around them) become one space,
    for targets where a line break would end a table cell or a command.
    """
    if text.isprintable():  # no escape, control, bidi or line-break character: nothing to remove (most text)
        return text
    text = _ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _INVISIBLE.sub(_shown, _CONTROL.sub("", text))
    if not keep_newlines:
        text = _NEWLINES.sub(" ", text)
    return text


def terminal(text: str) -> str:
    """Text safe to print on a terminal or in a CI log: one line, no escapes or control characters.

    Rich markup is not escaped here because the terminal reporter never parses
    markup: it builds `rich.text.Text` objects, which show `[bold]` as written.
    A CI runner reads `::command::` and `##[command]` at the start of any log
    line, and the reporter wraps lines, so those openers get an invisible
    zero-width space between their characters.
    """
    if text.isprintable() and "::" not in text and "##[" not in text:
        return text  # most text: nothing to remove or break up
    text = strip_control(text, keep_newlines=False)
    return text.replace("::", ":\u200b:").replace("##[", "#\u200b#[")


# Backslash-escape every ASCII punctuation character that means something in
# CommonMark/GFM inline syntax; `&`, `<` and `>` become entities so no HTML
# can start.  `@` becomes an entity so a quote cannot mention a GitHub user.
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#!|~$])")  # `$`: GitHub renders $...$ as math
# A list marker or thematic break at the start of a paragraph: "- x", "+ x", "1. x", "2) x", "---".
_MD_BULLET_START = re.compile(r"^(\s*)([-+=])")
_MD_ORDERED_START = re.compile(r"^(\s*)(\d+)([.)])")


_MD_PLAIN = re.compile(r"[^\\`*_{}\[\]()#!|~&<>@$]*\Z")
"""Text without a character Markdown (or this escaping) treats specially."""


def markdown_inline(text: str) -> str:
    """Text safe inside a Markdown paragraph, heading or table cell: one line, nothing interpreted."""
    if text.isprintable() and _MD_PLAIN.match(text) and not _MD_BULLET_START.match(text) and not _MD_ORDERED_START.match(text):
        return text  # nothing to escape (most text): one scan instead of five
    text = strip_control(text, keep_newlines=False)
    text = _MD_PUNCT.sub(r"\\\1", text.replace("&", "&amp;"))
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
    text = _MD_BULLET_START.sub(r"\1\\\2", text)
    return _MD_ORDERED_START.sub(r"\1\2\\\3", text)


def html_text(text: str) -> str:
    """Text safe inside raw HTML (e.g. a `<summary>`), where Markdown is not processed."""
    return html.escape(strip_control(text, keep_newlines=False), quote=True).replace("@", "&#64;")


def github_data(text: str) -> str:
    """The message part of a GitHub workflow command (`::error ...::DATA`), %-encoded."""
    text = strip_control(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a GitHub workflow command (`file=`, `title=`), %-encoded."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def sarif_text(text: str) -> str:
    """A SARIF plain-text message: brackets escaped, since `[text](target)` is an embedded link there (SARIF §3.11.6)."""
    if "[" not in text and "]" not in text and "\\" not in text:
        return strip_control(text)
    return strip_control(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


# Inside <script>, only `</script` (or `<!--`) ends or changes the element: with `<`, `>` and `&` as
# \u escapes no tag or entity can form; U+2028/9 are escaped because older JavaScript parsers end a
# line at them.  JSON.parse reads every escape back as the character.
_SCRIPT_JSON = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(value: object) -> str:
    """`value` as JSON safe to embed in `<script type="application/json">`: no character can end the element."""
    import json  # on first use: only the HTML reporter needs it

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_JSON:  # str.replace, many times faster than str.translate on a report of megabytes
        text = text.replace(char, escape)
    return text
