"""An environment variable that is not what it should be is a one-line usage error (exit 2), not an internal one (issue 19)."""

from __future__ import annotations

import pytest

from conftest import ROOT


@pytest.mark.parametrize("value", ["²", "abc", "-1", "1.5"])
def test_crosscheck_jobs_that_is_not_a_whole_number_is_a_usage_error(run_cli, monkeypatch, value):
    monkeypatch.setenv("CROSSCHECK_JOBS", value)
    result = run_cli("check", str(ROOT / "seeds"), "--no-cache", "-f", "json")
    assert result.code == 2 and "internal error" not in result.err
    assert result.err.strip().splitlines() == [f"CROSSCHECK_JOBS:1:1: usage: not a number of processes: {value!r} (expected a whole number such as 4)"]
