"""A YAML mapping that names a key twice is an error at the second key, in every file crosscheck reads.

YAML readers keep the last value and drop the first without a word; a claims file edited by
hand (a second `amount:` pasted below the first) would then be checked with a value no one sees.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, ROOT

VALID = (DATA / "invalid" / "valid.claims.yaml").read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    for name in ("registry.yaml", "article.txt"):
        shutil.copy(DATA / "invalid" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("tagged", [False, True], ids=["fast-path", "libyaml"])
def test_a_claims_file_repeating_a_key_is_located_at_the_repeat(corpus, run_cli, tagged):
    # a tag keeps the text off the fast path: libyaml reads it, and must refuse it as well
    extra = "    note: !!str checked\n" if tagged else ""
    text = VALID.replace("    text: nearly 600\n", "    text: nearly 600\n    subject: harbour-institute\n" + extra)
    (corpus / "a.claims.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", "a.claims.yaml")
    assert result.code == 2
    assert result.out.splitlines() == [
        "a.claims.yaml:10:5: duplicate-key: key 'subject' given twice (first given on line 7; a YAML reader keeps only the last)"
    ]


def test_a_registry_repeating_a_key_is_located(corpus, run_cli):
    registry = (corpus / "registry.yaml").read_text(encoding="utf-8")
    (corpus / "registry.yaml").write_text(registry + "version: 1\n", encoding="utf-8")
    (corpus / "a.claims.yaml").write_text(VALID, encoding="utf-8")
    result = run_cli("validate", "a.claims.yaml")
    assert result.code == 2 and "registry.yaml:" in result.out and "duplicate-key: key 'version' given twice" in result.out


def test_a_rule_file_repeating_a_key_is_located(corpus, run_cli):
    (corpus / "house").mkdir()
    rule = (ROOT / "rules" / "CC101.yaml").read_text(encoding="utf-8").replace("id: CC101", "id: HX101")
    (corpus / "house" / "HX101.yaml").write_text(rule + "severity: info\n", encoding="utf-8")
    result = run_cli("rules", "--rules", "house")
    assert result.code == 2 and "house/HX101.yaml:" in result.err and "duplicate-key: key 'severity' given twice" in result.err
