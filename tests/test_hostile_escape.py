"""Invisible formatting characters are shown, `$` cannot start Markdown math, and the JSON report carries
no raw control, bidi or invisible character (issue 19)."""

from __future__ import annotations

import json

import pytest

from crosscheck.reporters.escape import json_safe, markdown_inline, strip_control, terminal


@pytest.mark.parametrize("char", ["\u200b", "\u200e", "\u200f", "\u2028", "\u2060", "\ufeff", "\u061c"])
def test_an_invisible_character_is_made_visible(char):
    shown = f"<U+{ord(char):04X}>"
    assert strip_control(f"5{char}00") == f"5{shown}00"
    assert terminal(f"5{char}00") == f"5{shown}00"
    assert markdown_inline(f"5{char}00") == f"5&lt;U+{ord(char):04X}&gt;00"


def test_dollar_signs_cannot_open_markdown_math():
    assert markdown_inline("$3 million and $5") == "\\$3 million and \\$5"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x85", "\x9b", "\x07", "\u200b", "\u2028"])
def test_json_carries_no_raw_unsafe_character_and_reads_back_the_same(char):
    value = {"quote": f"a{char}b"}
    safe = json_safe(json.dumps(value, ensure_ascii=False))
    assert char not in safe and json.loads(safe) == value


def test_the_json_report_escapes_a_bidi_override_in_a_finding(run_cli):
    import io

    from conftest import ROOT
    from crosscheck.reporters import RenderOptions
    from crosscheck.reporters.json_report import render

    result = run_cli("check", str(ROOT / "seeds"), "--no-cache", "-f", "json")
    report_json = json.loads(result.out)
    from crosscheck.model.report import Report

    report = Report.model_validate(report_json)
    finding = report.findings[0].model_copy(update={"message": "5\u202e00 \x85 \u200b"})
    for findings in ([finding], [finding] * 3):
        out = io.StringIO()
        render(report.model_copy(update={"findings": findings}), out, RenderOptions())
        assert not any(c in out.getvalue() for c in "\u202e\x85\u200b")
        assert json.loads(out.getvalue())["findings"][0]["message"] == "5\u202e00 \x85 \u200b"
