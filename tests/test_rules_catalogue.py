"""Meta-tests on the rule catalogue: ids, fields, and every rule's examples run through the engine."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from crosscheck.comparators import registry
from crosscheck.rules import RULE_ID_PATTERN, builtin_rules_dir, load_rules, rule_files
from crosscheck.rules.examples import run_example

RULES = load_rules()
EXAMPLES = [(rule, index, example) for rule in RULES for index, example in enumerate(rule.examples)]


def test_catalogue_loads_from_the_repository_rules_folder():
    assert builtin_rules_dir().resolve() == (ROOT / "rules").resolve()  # the packaged folder is the repository folder
    assert len(RULES) == len(rule_files(ROOT / "rules")) >= 10


def test_ids_and_names_are_unique():
    assert len({r.id for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("path", rule_files(ROOT / "rules"), ids=lambda p: p.name)
def test_each_file_is_named_after_its_rule_and_points_at_the_schema(path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert re.match(RULE_ID_PATTERN, data["id"])
    assert path.stem == data["id"]
    assert text.startswith("# yaml-language-server: $schema=../schemas/rules.schema.json")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_what_people_and_tools_need(rule):
    comparator = registry().get(rule.comparator)
    assert comparator is not None
    assert rule.summary.strip() and rule.rationale.strip() and rule.message.strip()
    assert set(rule.applies_to.kinds) <= set(comparator.kinds)
    assert any(e.fires for e in rule.examples) and any(not e.fires for e in rule.examples)


def test_every_comparator_is_used_by_a_rule():
    assert {r.comparator for r in RULES} == set(registry().names())


@pytest.mark.parametrize(("rule", "index", "example"), EXAMPLES, ids=[f"{r.id}-{i + 1}" for r, i, _ in EXAMPLES])
def test_rule_example(rule, index, example):
    report = run_example(rule, example)
    assert bool(report.findings) is example.fires, [f.explanation for f in report.findings]
    for finding in report.findings:
        assert finding.rule == rule.id
        assert finding.explanation and finding.message
        assert "{" not in finding.message, "a message placeholder was left unfilled"
        assert len(finding.claims) == 2
