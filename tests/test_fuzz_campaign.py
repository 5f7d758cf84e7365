"""The hostile-input campaign, briefly (`benchmarks/fuzz.py` runs it at length): mutated claims files,
articles, rules and configuration never give an internal error, a hang or a changed input."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fuzz


class _Draws:
    """hypothesis's draws as the campaign's source of decisions (so failures shrink)."""

    def __init__(self, data: st.DataObject) -> None:
        self._data = data

    def randint(self, low: int, high: int) -> int:
        return self._data.draw(st.integers(low, high))


@settings(max_examples=60, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_mutated_input_crashes_hangs_or_touches_its_inputs(data, tmp_path_factory):
    case = fuzz.make_case(_Draws(data))
    outcome = fuzz.run_case(case, tmp_path_factory.mktemp("fuzz"))
    assert outcome.problems == [], (case, outcome)


def test_the_campaign_command_counts_and_passes(capsys):
    assert fuzz.main(["--inputs", "30", "--seed", "3", "--workers", "1"]) == 0
    assert "campaign: 30 inputs, 0 internal errors, 0 hangs over 10 s, 0 changed files" in capsys.readouterr().out
