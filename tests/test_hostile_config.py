"""A pyproject.toml whose `tool` or `tool.crosscheck` is not a table is a located config error or ignored, never an internal error (issue 19)."""

from __future__ import annotations

import pytest

from conftest import ROOT


@pytest.mark.parametrize("text, line", [("[[tool.crosscheck]]\n", 1), ("[tool]\ncrosscheck = 5\n", 2), ("tool = 5\n", None)])
def test_a_tool_table_that_is_not_a_table(tmp_path, run_cli, monkeypatch, text, line):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run_cli("check", str(ROOT / "seeds"), "--no-cache", "-f", "json")
    assert "internal error" not in result.err
    if line is None:
        assert result.code in (0, 1)  # no crosscheck table at all: the defaults apply
    else:
        assert result.code == 2
        assert result.err.strip().splitlines() == [f"pyproject.toml:{line}:1: config-syntax: [tool.crosscheck] must be a table (expected [tool.crosscheck] followed by key = value lines)"]


def test_an_integer_past_4300_digits_in_toml_is_a_located_error(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.crosscheck]\nfail_on = \"error\"\njobs = " + "9" * 5000 + "\n", encoding="utf-8")
    result = run_cli("check", str(ROOT / "seeds"), "--no-cache", "-f", "json")
    assert result.code == 2
    assert result.err.strip().splitlines() == ["pyproject.toml:3:1: config-syntax: invalid TOML: an integer of more than 4300 digits (expected a smaller number)"]
