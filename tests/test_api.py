"""The pipeline as a library: `run(Options)` does what `crosscheck check` does, and `check_texts` drafts and
compares texts held in memory exactly as `check` does those texts written as files."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

import crosscheck
from conftest import ROOT
from crosscheck import Options, Outcome, check_texts, run
from crosscheck.api import settings_for
from crosscheck.errors import CrosscheckError
from crosscheck.model.report import Report

SEEDS = ROOT / "seeds"
AGREEING = {
    "a.txt": "Harbour City (Wire) — The Harbour Research Institute now works with 600 companies, its director said on Monday.\n",
    "b.txt": "Harbour City (Wire) — The Harbour Research Institute, which works with 600 companies, opened a new lab.\n",
}


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Work in an empty folder with no CROSSCHECK_* variables, so no config or cache of the checkout applies."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("CROSSCHECK_")]:
        monkeypatch.delenv(name)
    return tmp_path


def _cli_report(run_cli, *args: str) -> tuple[int, Report]:
    result = run_cli("check", *args, "-f", "json", "--no-cache")
    assert result.code in (0, 1), result.err
    return result.code, Report.model_validate_json(result.out)


def _write(folder: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_the_public_names_are_exported():
    assert {"run", "check_texts", "Options", "Outcome"} <= set(crosscheck.__all__)
    assert crosscheck.run is run and crosscheck.Outcome is Outcome


def test_run_gives_the_report_and_exit_status_of_the_cli(in_tmp, run_cli):
    shutil.copytree(SEEDS, in_tmp / "seeds")
    code, expected = _cli_report(run_cli, "seeds")
    outcome = run(Options(paths=["seeds"], use_cache=False))
    assert outcome.report == expected and outcome.exit_status == code == 1
    assert {d.id for d in outcome.documents} == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}
    assert set(outcome.rules) >= {f.rule for f in expected.findings} and outcome.focus == frozenset()


def test_options_are_frozen_and_resolved_like_flags_over_environment_over_file(in_tmp):
    shutil.copytree(SEEDS, in_tmp / "seeds")
    (in_tmp / "crosscheck.toml").write_text('paths = ["seeds"]\nfail-on = "info"\nformat = "markdown"\n', encoding="utf-8")
    options = Options(use_cache=False, environ={"CROSSCHECK_FAIL_ON": "never"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.draft = False  # type: ignore[misc]  # the point: assigning fails
    outcome = run(options)
    assert (outcome.settings.paths, outcome.settings.fail_on, outcome.settings.format) == (["seeds"], "never", "markdown")
    assert outcome.report.findings and outcome.exit_status == 0
    assert run(dataclasses.replace(options, fail_on="error")).exit_status == 1
    assert settings_for(Options(paths="seeds")).paths == ["seeds"]  # one path alone, not its letters


def test_an_injected_engine_compares_and_its_report_is_never_cached(in_tmp):
    shutil.copytree(SEEDS, in_tmp / "seeds")
    calls = []

    def quiet(corpus, rules):
        calls.append(len(corpus.documents))
        return crosscheck.check(corpus, [rule for rule in rules if rule.severity != "error"])

    options = Options(paths=["seeds"], cache="c.db", engine=quiet)
    first, second = run(options), run(options)
    assert calls == [5, 5]  # the second run compared again: a stand-in's report is not stored as the real one
    assert first.report == second.report and {f.severity for f in first.report.findings} <= {"warning", "info"}
    assert first.exit_status == 0 and run(dataclasses.replace(options, fail_on="warning")).exit_status == 1


def test_changed_narrows_the_report_to_the_changed_article(in_tmp):
    shutil.copytree(SEEDS, in_tmp / "seeds")
    changed = sorted((in_tmp / "seeds").glob("*.txt"))[0]
    whole = run(Options(paths=["seeds"], use_cache=False))
    outcome = run(Options(paths=[in_tmp / "seeds"], use_cache=False, changed=[changed]))  # paths may be Paths
    shown = f"seeds/{changed.name}"
    assert outcome.focus == {shown}
    involving = [f for f in whole.report.findings if any(c.document == shown for c in f.claims)]
    assert [f.fingerprint for f in outcome.report.findings] == [f.fingerprint for f in involving]
    assert all(f.view and f.view.startswith(f"this article ({shown}) says") for f in outcome.report.findings)


def test_warnings_are_passed_on_as_they_come_and_kept(in_tmp, run_cli):
    article = next(SEEDS.glob("002_*.txt"))
    shutil.copy(article, in_tmp / article.name)
    shutil.copy(SEEDS / "registry.yaml", in_tmp / "registry.yaml")
    assert run_cli("extract", article.name, "-o", f"{article.stem}.claims.yaml").code == 0
    seen: list[str] = []
    outcome = run(Options(paths=["."], use_cache=False, on_warning=seen.append))
    assert seen and tuple(seen) == outcome.warnings
    assert all(": warning: " in line for line in seen)


def test_invalid_input_raises_the_located_error(in_tmp):
    (in_tmp / "a.claims.yaml").write_text("version: 1\ndocument: [\n", encoding="utf-8")
    with pytest.raises(CrosscheckError, match=r"a\.claims\.yaml:"):
        run(Options(paths=["."], use_cache=False))


@pytest.mark.parametrize("registry", [True, False], ids=["registry", "no-registry"])
def test_check_texts_that_conflict_equals_the_cli_on_those_files(in_tmp, run_cli, registry):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    _write(in_tmp, texts)
    if registry:
        shutil.copy(SEEDS / "registry.yaml", in_tmp / "registry.yaml")
    code, expected = _cli_report(run_cli, ".")
    report = check_texts(texts, registry="registry.yaml" if registry else None)
    assert report.findings and code == (1 if report.summary.error else 0)
    assert report == expected


def test_check_texts_that_agree_equals_the_cli_on_those_files(in_tmp, run_cli):
    _write(in_tmp, AGREEING)
    code, expected = _cli_report(run_cli, ".")
    report = check_texts(AGREEING)
    assert code == 0 and report.findings == [] and report.summary.drafted > 0
    assert report == expected


def test_check_texts_takes_a_registry_model_and_skips_empty_texts(in_tmp):
    from crosscheck.load.read import load_registry

    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    registry, _text, problems = load_registry(SEEDS / "registry.yaml")
    assert registry is not None and not problems
    shutil.copy(SEEDS / "registry.yaml", in_tmp / "registry.yaml")
    assert check_texts({**texts, "empty.txt": " \n"}, registry=registry) == check_texts(texts, registry="registry.yaml")
    assert check_texts({}).summary.documents == 0


def test_check_texts_with_a_broken_registry_raises_its_located_error(in_tmp):
    (in_tmp / "registry.yaml").write_text("version: 1\nentities: [\n", encoding="utf-8")
    with pytest.raises(CrosscheckError, match=r"registry\.yaml:"):
        check_texts(AGREEING, registry="registry.yaml")
