"""-V, shell completion, `crosscheck schema NAME`, and the schema modeline `extract` writes."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from crosscheck import __version__
from test_check_cli import corpus  # noqa: F401 - a fixture these tests use


def test_dash_v_prints_the_version(run_cli):
    result = run_cli("-V")
    assert (result.code, result.out.strip()) == (0, f"crosscheck {__version__}")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts_name_the_commands_and_their_options(run_cli, shell):
    result = run_cli("completion", shell)
    assert result.code == 0
    assert "validate" in result.out and "--fail-on" in result.out and "--stdin-name" in result.out


@pytest.mark.parametrize("name", ["claims", "registry", "report", "rules"])
def test_schema_prints_the_published_schema_with_an_https_id(run_cli, name):
    result = run_cli("schema", name)
    assert result.code == 0
    assert result.out == (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.out)["$id"].startswith("https://")


def test_schema_of_an_unknown_name_is_a_usage_error(run_cli):
    assert run_cli("schema", "claim").code == 2


def test_the_package_ships_the_schemas():
    from importlib import resources

    shipped = resources.files("crosscheck").joinpath("published_schemas", "claims.schema.json").read_text(encoding="utf-8")
    assert shipped == (ROOT / "schemas" / "claims.schema.json").read_text(encoding="utf-8")


def test_extract_writes_the_yaml_language_server_modeline(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The institute now works with nearly 600 companies, it said on Monday.\n", encoding="utf-8")
    result = run_cli("extract", "a.txt")
    assert result.code == 0, result.err
    schema_id = json.loads((ROOT / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))["$id"]
    assert result.out.splitlines()[0] == f"# yaml-language-server: $schema={schema_id}"


def test_a_usage_error_is_one_plain_line(run_cli):
    result = run_cli("check", "--fail-on", "sometimes")
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        "crosscheck: error: argument --fail-on: invalid choice: 'sometimes' (choose from 'error', 'warning', 'info', 'never') "
        "(see `crosscheck check --help`)"
    ]


def test_one_document_is_singular(corpus, run_cli):
    for name in ("b.txt", "b.claims.yaml"):
        (corpus / name).unlink()
    result = run_cli("check", "news", "--no-color", "--no-cache", "--width", "200")
    assert result.out.splitlines()[-1] == "No disagreements found. 1 document · 1 claim · 0 errors · 0 warnings · 0 info · 0 waived"
    assert run_cli("validate", "news").out.startswith("ok: 1 document, 1 claim (quantity 1)")
