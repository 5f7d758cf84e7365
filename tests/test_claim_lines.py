"""Each claim a finding names points at its line in the claims file (JSON, the resolve hints, HTML), so a
reviewer told to waive or correct "the claim with id: partners" lands on it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.load.claim_lines import claim_lines
from test_check_cli import corpus  # noqa: F401 - a fixture, used by name

ID_FORMS = [
    ("claims:\n  - id: first\n    subject: a\n  - id: second\n", {"first": 2, "second": 4}),
    ("claims:\n  -   id: 'quoted'  # a comment\n  - {id: flow-one, subject: a}\n", {"quoted": 2, "flow-one": 3}),
    ("claims:\n  - subject: a\n    id: \"last-key\"\n", {"last-key": 3}),
    ("claims:\n  - id: twice\n  - id: twice\n", {"twice": 2}),  # validation rejects the second; the first is where to look
    ("claims:\n  - note: 'an id: in prose is no key'\n    identity: x\n", {}),
]


@pytest.mark.parametrize(("text", "lines"), ID_FORMS)
def test_every_claim_id_key_is_found_at_its_line_and_nothing_else_is(text, lines):
    assert claim_lines(text) == lines


def test_the_json_report_gives_each_annotated_claim_its_claims_file_line(corpus, run_cli):
    claims = corpus / "b.claims.yaml"
    claims.write_text("# moved down by comments\n#\n" + claims.read_text(encoding="utf-8"), encoding="utf-8")
    report = json.loads(run_cli("check", "news", "--format", "json").out)
    refs = {ref["claims_file"]: ref["claims_line"] for finding in report["findings"] for ref in finding["claims"]}
    assert refs == {"news/a.claims.yaml": 6, "news/b.claims.yaml": 8}


def test_the_waiver_hint_names_the_line_to_put_it_on(corpus, run_cli):
    out = run_cli("check", "news", "--format", "markdown").out
    assert "news/a.claims.yaml:6, the claim with id: partners" in out


def test_the_html_report_links_the_claims_file_line(corpus, run_cli, tmp_path):
    out = tmp_path / "report.html"
    run_cli("check", "news", "--format", "html", "-o", str(out), "--link-base", "https://example.org/blob/main")
    assert "https://example.org/blob/main/news/a.claims.yaml#L6" in out.read_text(encoding="utf-8")


def test_a_claims_file_gone_since_the_check_leaves_the_line_out_but_the_report_whole(corpus, run_cli, monkeypatch):
    from crosscheck.load import claim_lines as module

    report = json.loads(run_cli("check", "news", "--format", "json").out)
    assert all(ref["claims_line"] for finding in report["findings"] for ref in finding["claims"])
    (corpus / "a.claims.yaml").rename(corpus / "a.moved")
    from crosscheck.model.report import Report

    stripped = Report.model_validate({**report, "findings": [
        {**f, "claims": [{**ref, "claims_line": None} for ref in f["claims"]]} for f in report["findings"]]})
    located = module.with_claim_lines(stripped)
    assert [ref.claims_line for f in located.findings for ref in f.claims] == [None, 6]


def _by_pattern(text: str) -> dict[str, int]:
    """`claim_lines` as the pattern defines it: every match of `_ID_KEY`, tried at each character."""
    from crosscheck.load.claim_lines import _ID_KEY

    lines: dict[str, int] = {}
    for match in _ID_KEY.finditer(text):
        lines.setdefault(match.group(2), text.count("\n", 0, match.start(2)) + 1)
    return lines


_PIECES = ["id:", " ", "\t", "\n", "-", "- ", "{", "}", ",", "'", '"', "#", "a", "b-2", "x_y", "valid:", "c1", ":", "  id: ", "\r"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_the_scan_from_each_id_key_finds_what_the_pattern_finds(text):
    assert claim_lines(text) == _by_pattern(text)


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.sets(st.sampled_from(["a", "b-2", "x_y", "c1", "id", "d"])))
@settings(max_examples=400, deadline=None)
def test_the_lines_of_some_ids_are_those_the_whole_scan_gives(text, ids):
    assert claim_lines(text, ids) == {claim: line for claim, line in claim_lines(text).items() if claim in ids}
