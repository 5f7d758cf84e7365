"""`crosscheck validate` on a folder of bad claims files: one located line per problem, exit 2."""

from __future__ import annotations

import re

import pytest

from conftest import DATA

INVALID = DATA / "invalid"
CASES = sorted(p.name.removesuffix(".claims.yaml") for p in INVALID.glob("*.claims.yaml") if p.name != "valid.claims.yaml")
LOCATED = re.compile(r"^[^:\s]+\.claims\.yaml:\d+:\d+: [a-z-]+: .+$")


def test_valid_file_passes(run_cli, monkeypatch):
    monkeypatch.chdir(INVALID)
    result = run_cli("validate", "valid.claims.yaml")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith("ok: 1 document, 2 claims (quantity 1, quote 1); registry registry.yaml")


@pytest.mark.parametrize("case", CASES)
def test_invalid_file(case, run_cli, monkeypatch, file_regression):
    monkeypatch.chdir(INVALID)
    result = run_cli("validate", f"{case}.claims.yaml")
    assert result.code == 2
    assert "Traceback" not in result.out + result.err
    lines = result.out.splitlines()
    assert lines, "an invalid file must produce at least one diagnostic"
    assert all(LOCATED.match(line) for line in lines), lines
    file_regression.check(result.out, basename=f"invalid_{case}", extension=".txt")


def test_every_error_class_has_a_case():
    """The folder covers each problem a user can make with a claims file."""
    expected = {
        "broken-yaml", "invalid-utf8", "missing-article", "empty-article", "empty-file", "alias-bomb",
        "outside-corpus", "mistyped-property", "quote-not-in-article", "duplicate-id", "kind-mismatch",
    }
    assert expected <= set(CASES)


def test_missing_path_is_an_error(run_cli, tmp_path):
    result = run_cli("validate", str(tmp_path / "nope"))
    assert result.code == 2
    assert "path-missing" in result.out


def test_folder_without_claims_files(run_cli, tmp_path):
    result = run_cli("validate", str(tmp_path))
    assert result.code == 2
    assert "no claims files found" in result.err


def test_usage_error_exits_2(run_cli):
    assert run_cli("validate", "--no-such-flag").code == 2
