"""The units library (pint, seconds to build on a cold machine) loads only when two units of measure meet."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_startup_imports import SEEDS, probe


def test_checking_claims_without_units_of_measure_does_not_import_pint(tmp_path: Path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    found = probe(["check", "seeds", "-f", "json", "--no-cache", "-o", "report.json"], tmp_path)
    assert found["status"] in (0, 1)  # it ran to a verdict
    assert [m for m in found["modules"] if m.split(".")[0] == "pint"] == []
    assert "crosscheck.kinds.units" in found["modules"]  # the one vocabulary is read, without the library behind it
