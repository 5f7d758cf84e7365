"""Rule files: located errors with suggestions, user rule folders, overrides, plugins, and the CLI."""

from __future__ import annotations

import shutil

import pytest

import crosscheck.comparators as comparators_module
from conftest import ROOT
from crosscheck.errors import CrosscheckError
from crosscheck.rules import load_rule_file, load_rules

GOOD = (ROOT / "rules" / "CC101.yaml").read_text(encoding="utf-8")


def _write(tmp_path, text, name="XX100.yaml"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path):
    rule, problems = load_rule_file(path)
    assert rule is None
    return [p.format() for p in problems]


def test_a_good_rule_loads(tmp_path):
    rule, problems = load_rule_file(_write(tmp_path, GOOD))
    assert problems == [] and rule.id == "CC101"


def test_unknown_top_level_key_is_located_with_a_suggestion(tmp_path):
    path = _write(tmp_path, GOOD.replace("severity: error", "severty: error"))
    problems = _problems(path)
    assert any(":10:10: unknown-field: unknown field 'severty'" in p and "did you mean 'severity'?" in p for p in problems), problems


def test_unknown_param_is_located_with_a_suggestion(tmp_path):
    path = _write(tmp_path, GOOD.replace("params: {about: 0.1, nearly: 0.1}", "params: {about: 0.1, nearli: 0.1}"))
    (problem,) = _problems(path)
    assert ":13:" in problem and "unknown-param" in problem and "did you mean 'nearly'?" in problem


def test_bad_param_value_is_reported(tmp_path):
    (problem,) = _problems(_write(tmp_path, GOOD.replace("about: 0.1,", "about: 2,")))
    assert "bad-param" in problem and "$.params.about" in problem


def test_unknown_comparator_suggests_the_closest(tmp_path):
    (problem,) = _problems(_write(tmp_path, GOOD.replace("comparator: intervals_overlap", "comparator: interval_overlap")))
    assert ":12:13: unknown-comparator" in problem and "did you mean 'intervals_overlap'?" in problem


def test_unknown_message_placeholder_is_an_error(tmp_path):
    (problem,) = _problems(_write(tmp_path, GOOD.replace("{subject} {property}", "{subjet} {property}")))
    assert "bad-template" in problem and "did you mean 'subject'?" in problem


def test_a_rule_needs_examples_that_fire_and_that_do_not(tmp_path):
    text = GOOD.replace("fires: false", "fires: true")
    problems = _problems(_write(tmp_path, text))
    assert any("missing one that does not fire" in p for p in problems)


def test_a_kind_the_comparator_cannot_compare_is_an_error(tmp_path):
    problems = _problems(_write(tmp_path, GOOD.replace("applies_to: {kinds: [quantity]}", "applies_to: {kinds: [quantity, rank]}")))
    assert any("kind-mismatch" in p and "'rank'" in p for p in problems)


def test_user_folder_adds_rules_and_duplicate_ids_are_errors(tmp_path):
    _write(tmp_path, GOOD.replace("id: CC101", "id: XX101").replace("name: quantity.intervals-overlap", "name: house.counts"), "XX101.yaml")
    ids = [r.id for r in load_rules([tmp_path / "rules"])]
    assert "XX101" in ids and "CC101" in ids
    _write(tmp_path, GOOD, "copy.yaml")
    with pytest.raises(CrosscheckError) as caught:
        load_rules([tmp_path / "rules"])
    assert "duplicate-rule" in str(caught.value)


def test_param_overrides_apply_and_are_validated():
    rule = next(r for r in load_rules(overrides={"CC101": {"nearly": 0.05}}) if r.id == "CC101")
    assert rule.comparator_params().nearly == 0.05
    with pytest.raises(CrosscheckError, match="unknown-param"):
        load_rules(overrides={"CC101": {"neerly": 0.05}})
    with pytest.raises(CrosscheckError, match="did you mean 'CC101'"):
        load_rules(overrides={"CC1O1": {"nearly": 0.05}})


def test_a_missing_rules_folder_is_an_error(tmp_path):
    with pytest.raises(CrosscheckError, match="rules-missing"):
        load_rules([tmp_path / "nowhere"])


def test_a_broken_plugin_names_itself_and_the_rest_still_loads(installed_plugins):
    installed_plugins("crosscheck.comparators", {"broken": "no_such_module_xyz:COMPARATOR", "again": "crosscheck.comparators.ranks_overlap"})
    comparators_module.registry.cache_clear()
    try:
        found = comparators_module.registry()
        assert "intervals_overlap" in found.comparators
        assert any("'broken'" in p and "failed to load" in p for p in found.problems)
        assert any("'again'" in p and "redefines 'ranks_overlap'" in p for p in found.problems)
    finally:
        comparators_module.registry.cache_clear()


def test_cli_lists_rules(run_cli):
    result = run_cli("rules")
    assert result.code == 0
    assert result.out.splitlines()[0].startswith("CC101  error")
    assert len(result.out.splitlines()) == len(load_rules())


def test_cli_explains_a_rule_with_its_examples_run(run_cli):
    result = run_cli("rules", "explain", "cc101")
    assert result.code == 0
    assert "CC101 quantity.intervals-overlap (error)" in result.out
    assert "'nearly 600' / '600+': fires [ok]" in result.out
    assert "MISMATCH" not in result.out


def test_cli_unknown_rule_is_a_usage_error(run_cli):
    result = run_cli("rules", "explain", "CC10")
    assert result.code == 2 and "unknown rule 'CC10'" in result.err and "Traceback" not in result.err


def test_cli_explain_without_an_id_is_a_usage_error(run_cli):
    result = run_cli("rules", "explain")
    assert result.code == 2 and "needs a rule id" in result.err


def test_cli_rule_folder_errors_exit_2(run_cli, tmp_path):
    shutil.copy(ROOT / "rules" / "CC101.yaml", tmp_path / "XX1.yaml")
    (tmp_path / "XX1.yaml").write_text(GOOD.replace("id: CC101", "id: XX101").replace("severity: error", "severity: fatal"), encoding="utf-8")
    result = run_cli("rules", "--rules", str(tmp_path))
    assert result.code == 2 and "XX1.yaml:10:11: schema" in result.err and "expected one of error, warning, info" in result.err


def test_a_plugin_installed_after_a_first_listing_is_found_by_the_next(installed_plugins):
    """The entry points are listed once for both plugin groups, and again once an install changed a folder of the path."""
    from crosscheck import plugins

    assert plugins.load(plugins.COMPARATORS, "comparator", lambda obj: obj).plugins == []
    installed_plugins("crosscheck.comparators", {"again": "crosscheck.comparators.ranks_overlap"})
    assert [p.name for p in plugins.load(plugins.COMPARATORS, "comparator", lambda obj: obj).plugins] == ["again"]
    installed_plugins("crosscheck.comparators", {"more": "crosscheck.comparators.ranks_overlap"})
    assert [p.name for p in plugins.load(plugins.COMPARATORS, "comparator", lambda obj: obj).plugins] == ["again", "more"]
