"""How to resolve a finding (`crosscheck.reporters.resolve`): the hints any reporter shows, and that what they say to paste does what it says.

Every snippet is read back: the YAML with a YAML parser, the commands with a shell's word splitting,
so a form of a name or a folder holding quotes, colons or shell syntax cannot change what is pasted.
"""

from __future__ import annotations

import shlex

import pytest
import yaml

from crosscheck.model.report import ClaimRef, Finding
from crosscheck.reporters.resolve import REASON_PLACEHOLDER, baseline_commands, hints, place

NAME_FINDING_FORMS = [
    ("Acme Holdings", "ACME Hldgs", "'ACME Hldgs' is not a registered name of acme.", ["ACME Hldgs"]),
    ("Acme: the \"real\" one", "Acme #1, {inc}", "neither is a registered name of acme.", ['Acme: the "real" one', "Acme #1, {inc}"]),
    ("Acme \u202eWire", "yes", "'yes' is not a registered name of acme.", ["yes"]),
]


def claim(document: str, value: str, *, drafted: bool = False, id: str = "c1") -> ClaimRef:
    return ClaimRef(document=document, claims_file=None if drafted else document.replace(".txt", ".claims.yaml"), claim=id,
                    quote=f"the firm, {value}, said", line=1, column=1, value=value, normalized=value.lower(), drafted=drafted)


def finding(rule: str, claims: list[ClaimRef], explanation: str = "They differ.", subject: str = "acme") -> Finding:
    return Finding(fingerprint="f" * 16, rule=rule, severity="warning", subject=subject, property="name", message="names differ",
                   explanation=explanation, claims=claims)


BASELINE = baseline_commands(["news/a.txt", "news/b.txt"])


@pytest.mark.parametrize(("first", "second", "explanation", "aliases"), NAME_FINDING_FORMS)
def test_a_name_finding_offers_the_unregistered_forms_as_aliases_that_read_back_as_written(first, second, explanation, aliases):
    found = hints(finding("CC401", [claim("news/a.txt", first), claim("news/b.txt", second)], explanation), BASELINE)
    alias = next(hint for hint in found if hint.action == "alias")
    assert alias.language == "yaml"
    assert yaml.safe_load(alias.snippet) == {"entities": {"acme": {"aliases": [form.replace("\u202e", "") for form in aliases]}}}


@pytest.mark.parametrize("rule", ["CC101", "CC402", "CC501"])
def test_only_a_registry_rule_offers_an_alias(rule):
    actions = [hint.action for hint in hints(finding(rule, [claim("news/a.txt", "x"), claim("news/b.txt", "y")]), BASELINE)]
    assert actions == ["waive", "baseline", "correct"]


def test_the_waiver_names_the_rule_leaves_the_reason_to_the_reviewer_and_lists_where_it_may_go():
    claims = [claim("news/a.txt", "x", id="revenue-2024"), claim("news/b.txt", "y", id="revenue")]
    waiver = next(hint for hint in hints(finding("CC101", claims), BASELINE) if hint.action == "waive")
    assert yaml.safe_load(waiver.snippet) == {"waive": {"rule": "CC101", "reason": REASON_PLACEHOLDER}}
    assert [place(c) for c in waiver.claims] == ["news/a.claims.yaml, the claim with id: revenue-2024", "news/b.claims.yaml, the claim with id: revenue"]


def test_drafted_claims_have_no_file_to_waive_in():
    drafted = [claim("news/a.txt", "x", drafted=True), claim("news/b.txt", "y")]
    waiver = next(hint for hint in hints(finding("CC101", drafted), BASELINE) if hint.action == "waive")
    assert [c.document for c in waiver.claims] == ["news/b.txt"]
    assert "waive" not in [hint.action for hint in hints(finding("CC101", [drafted[0]]), BASELINE)]


BASELINE_FOLDERS = [
    (["news/a.txt", "news/b.txt"], "news"),
    (["news/2024/a.txt", "news/2025/b.txt"], "news"),
    (["a.txt", "b.txt"], "."),
    (["my news; rm -rf ~/a.txt", "my news; rm -rf ~/b.txt"], "my news; rm -rf ~"),
    (["/srv/news/a.txt", "relative/b.txt"], "."),
]


@pytest.mark.parametrize(("documents", "folder"), BASELINE_FOLDERS)
def test_the_baseline_commands_cover_the_folder_of_every_document_as_one_shell_word(documents, folder):
    record, check = baseline_commands(documents)
    assert shlex.split(record) == ["crosscheck", "baseline", folder, "-o", "crosscheck-baseline.json"]
    assert shlex.split(check) == ["crosscheck", "check", folder, "--baseline", "crosscheck-baseline.json"]
