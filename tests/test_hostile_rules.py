"""A rule's message template is plain `{name}` placeholders: a format spec or conversion is a located error,
not an internal error or seconds of padding when a finding is rendered (issue 19)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from crosscheck.rules import load_rule_file

GOOD = (ROOT / "rules" / "CC101.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("placeholder", ["{subject:>99999}", "{subject:d}", "{subject!x}", "{subject!r}", "{subject:{property}}"])
def test_a_format_spec_or_conversion_in_a_message_is_a_bad_template(tmp_path, placeholder):
    folder = tmp_path / "rules"
    folder.mkdir()
    path = folder / "XX100.yaml"
    path.write_text(GOOD.replace("{subject}", placeholder, 1), encoding="utf-8")
    rule, problems = load_rule_file(path)
    assert rule is None and len(problems) == 1
    assert problems[0].code == "bad-template" and "invalid message template" in problems[0].message


@pytest.mark.skipif(__import__("os").geteuid() == 0, reason="root reads every folder whatever its permissions")
def test_an_unreadable_rules_folder_is_an_error(tmp_path, run_cli):
    folder = tmp_path / "rules"
    folder.mkdir()
    folder.chmod(0)
    try:
        result = run_cli("check", str(ROOT / "seeds"), "--rules", str(folder), "--no-cache")
    finally:
        folder.chmod(0o755)
    assert result.code == 2 and "rules-unreadable: cannot read the rules folder" in result.err
