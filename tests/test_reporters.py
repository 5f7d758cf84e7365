"""Every report format: snapshots of the wording, schemas for the machine formats, and hostile text."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import jsonschema
import pytest
from markdown_it import MarkdownIt

from conftest import DATA, ROOT
from crosscheck import reporters
from crosscheck.errors import CrosscheckError
from crosscheck.model.report import Report, Summary
from crosscheck.reporters import RenderOptions, RuleInfo
from report_fixtures import HOSTILE, catalogue, empty_report, hostile_report, quote_diff, sample_report

FORMATS = ["rich", "markdown", "json", "sarif", "github"]
RULES = {
    rule.id: RuleInfo(id=rule.id, name=rule.name, summary=rule.summary, rationale=rule.rationale, severity=rule.severity)
    for rule in [catalogue()["CC101"]]
}
OPTIONS = RenderOptions(color=False, width=100, link_base="https://example.org/news/blob/main", rules=RULES, tool_version="0.1.0")


def render(fmt: str, report: Report, options: RenderOptions = OPTIONS) -> str:
    out = io.StringIO()
    reporters.get(fmt)(report, out, options)
    return out.getvalue()


def sarif_validator() -> jsonschema.Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def report_validator() -> jsonschema.Validator:
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def test_the_sample_report_s_rules_are_the_catalogue_s():
    for finding in sample_report().findings:
        assert finding.rule_name == catalogue()[finding.rule].name


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot_of_sample_report(fmt, file_regression):
    file_regression.check(render(fmt, sample_report()), basename=f"sample_{fmt}", extension=".txt")


@pytest.mark.parametrize("fmt", ["rich", "markdown", "github"])
def test_snapshot_of_clean_report(fmt, file_regression):
    file_regression.check(render(fmt, empty_report()), basename=f"empty_{fmt}", extension=".txt")


@pytest.mark.parametrize("report", [sample_report(), empty_report(), hostile_report()], ids=["sample", "empty", "hostile"])
def test_json_validates_against_checked_in_schema_and_round_trips(report):
    data = json.loads(render("json", report))
    assert list(report_validator().iter_errors(data)) == []
    assert Report.model_validate(data) == report


@pytest.mark.parametrize("count", [1, 499, 500, 501, 1201])
def test_json_written_in_batches_is_exactly_the_models_own_dump(count):
    findings = (sample_report().findings + hostile_report().findings) * count
    report = sample_report().model_copy(update={"findings": findings[:count]})
    assert render("json", report) == report.model_dump_json(indent=2) + "\n"


@pytest.mark.parametrize("report", [sample_report(), empty_report(), hostile_report()], ids=["sample", "empty", "hostile"])
def test_sarif_validates_against_sarif_2_1_0(report):
    log = json.loads(render("sarif", report))
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_sarif_rules_carry_help_and_results_point_at_the_article():
    run = json.loads(render("sarif", sample_report()))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CC101", "CC102", "CC401", "CC501"]
    assert catalogue()["CC101"].rationale.split(":")[0] in rules[0]["help"]["text"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    conflict = by_rule["CC101"]
    assert conflict["level"] == "error" and rules[conflict["ruleIndex"]]["id"] == "CC101"
    region = conflict["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "seeds/002_b4a56f776e750063.txt"
    assert (region["region"]["startLine"], region["region"]["startColumn"]) == (6, 494)
    assert conflict["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/003_4608776da9d1df45.txt"
    assert conflict["partialFingerprints"] == {"crosscheckFinding/v2": "3f9a1c0d5e7b2a46"}
    assert by_rule["CC102"]["level"] == "note"


def test_changed_document_is_the_primary_location():
    options = RenderOptions(focus=frozenset({"seeds/003_4608776da9d1df45.txt"}))
    run = json.loads(render("sarif", sample_report(), options))["runs"][0]
    conflict = next(r for r in run["results"] if r["ruleId"] == "CC101")
    assert conflict["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/003_4608776da9d1df45.txt"
    line = next(row for row in render("github", sample_report(), options).splitlines() if row.startswith("::error"))
    assert "file=seeds/003_4608776da9d1df45.txt,line=5,col=265" in line


def test_github_annotations_one_per_finding_with_severity_command():
    lines = render("github", sample_report()).splitlines()
    assert [row.split(" ", 1)[0] for row in lines[:-1]] == ["::warning", "::warning", "::notice", "::error"]
    assert lines[-1].startswith("crosscheck: 5 documents")


def test_rich_shows_quotes_locations_and_summary():
    text = render("rich", sample_report())
    assert "seeds/002_b4a56f776e750063.txt:6:494" in text and "seeds/003_4608776da9d1df45.txt:5:265" in text
    assert "nearly 600 → [540, 600) company" in text
    assert text.splitlines()[0] == "5 documents · 118 claims · 1 error · 2 warnings · 1 info · 1 waived"  # the summary first
    assert "\x1b" not in text
    # grouped by subject and property, errors first
    assert text.index("ncie · partner_companies") < text.index("yin-hejun · quote.regional_transition")


@pytest.mark.parametrize("width", [60, 80, 100])
def test_rich_prints_every_location_whole_at_any_width(width):
    # a location is clicked or pasted as one `path:line:col`: it must never be folded inside a column
    report = sample_report()
    text = render("rich", report, replace(OPTIONS, width=width))
    lines = text.splitlines()
    for finding in report.findings:
        for claim in finding.claims:
            where = f"{claim.document}:{claim.line}:{claim.column}"
            assert any(where in line for line in lines), (width, where)
    assert max(len(line) for line in lines) <= width


@pytest.mark.parametrize("folder", ["a", "the-archive/of-many-outlets/2024"])
def test_rich_lays_out_every_finding_alike_whatever_the_length_of_its_paths(folder):
    # locations are listed above the table, the columns headed by letters: one layout an editor learns once
    finding = sample_report().findings[0]
    claims = [claim.model_copy(update={"document": f"{folder}/{claim.document}"}) for claim in finding.claims]
    report = Report(summary=Summary(documents=2, claims=2, warning=1), findings=[finding.model_copy(update={"claims": claims})])
    lines = render("rich", report).splitlines()
    top = next(i for i, line in enumerate(lines) if line.lstrip().startswith("╭"))
    assert [line.strip() for line in lines[top - 2:top]] == [f"{label} {c.document}:{c.line}:{c.column}" for label, c in zip("AB", claims)]
    assert [cell.strip() for cell in lines[top + 1].strip("│ ").split("│")] == ["A", "B"]


def test_rich_colours_only_on_request_or_terminal(monkeypatch):
    coloured = render("rich", sample_report(), RenderOptions(color=True, width=100))
    assert "\x1b[" in coloured

    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = Tty()
    monkeypatch.setenv("NO_COLOR", "1")
    reporters.get("rich")(sample_report(), out, RenderOptions(width=100))
    assert "\x1b" not in out.getvalue()
    monkeypatch.delenv("NO_COLOR")
    out = Tty()
    reporters.get("rich")(sample_report(), out, RenderOptions(width=100))
    assert "\x1b[" in out.getvalue()


def test_markdown_renders_sections_tables_details_and_links():
    html = html_of(render("markdown", sample_report()))
    assert html.count("<h3>") == 3  # error and warnings as sections
    assert html.count("<details>") == 1  # info folded
    assert '<a href="https://example.org/news/blob/main/seeds/002_b4a56f776e750063.txt#L6">' in html
    assert "<b>nearly 600</b>" in html
    assert html.index("CC101") < html.index("CC401")  # errors first


# --------------------------------------------------------------------------- hostile text


def test_hostile_rich_prints_markup_literally_and_drops_escapes():
    for color in (False, True):
        text = render("rich", hostile_report(), RenderOptions(color=color, width=100))
        assert "[bold red]x[/]" in text and "[link=http://evil]" in text
        assert "\x1b[2J" not in text and "\x1b]8;;http://evil" not in text and "\x07" not in text
        plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
        assert not any(line.strip().startswith("::") for line in plain.splitlines())


def test_hostile_markdown_injects_no_html_links_code_or_columns():
    markdown = render("markdown", hostile_report())
    html = html_of(markdown)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert 'href="http://evil"' not in html
    assert "<code>code</code>" not in html and "<em>em</em>" not in html
    assert "<h1>" not in html and "@admin" not in markdown  # no GitHub mention from article text
    hostile_rows = [row for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S) if "script" in row]
    assert len(hostile_rows) == 1 and hostile_rows[0].count("<td") == 5  # the | in the quote made no column
    assert "\x1b" not in markdown


def test_hostile_github_stays_one_command_per_finding():
    text = render("github", hostile_report())
    lines = text.splitlines()
    assert len(lines) == 2  # one annotation, one summary: no injected line
    assert lines[0].startswith("::error file=news/evil%2C file%3A1.txt,line=3,col=5,endLine=4,endColumn=36,title=")
    data = lines[0].split("::", 2)[2]
    assert "%0A::error::pwned %250A 100%25" in data
    assert "\x1b" not in text


def test_hostile_sarif_escapes_embedded_links_and_control_characters():
    log = json.loads(render("sarif", hostile_report()))
    message = log["runs"][0]["results"][0]["message"]["text"]
    assert "\\](http://evil)" in message and "\x1b" not in message
    assert list(sarif_validator().iter_errors(log)) == []


def test_hostile_json_keeps_the_quote_verbatim_but_inert():
    text = render("json", hostile_report())
    assert "\x1b" not in text  # escaped as \u001b by JSON
    assert json.loads(text)["findings"][0]["claims"][0]["quote"] == HOSTILE


# --------------------------------------------------------------------------- registry


def test_unknown_format_suggests_the_closest():
    with pytest.raises(CrosscheckError, match="did you mean 'sarif'"):
        reporters.get("sarfi")


def test_broken_plugin_names_itself_and_leaves_others_working(installed_plugins):
    installed_plugins("crosscheck.reporters", {"fancy": "fancy_pkg:render", "tsv": "tsv_pkg:render"},
                      modules={"tsv_pkg": "def render(report, out, options):\n    out.write('tsv\\n')\n"})
    assert "tsv" in reporters.names() and "rich" in reporters.names()
    assert any("fancy" in message and "fancy_pkg" in message for message in reporters.plugin_errors())
    assert render("tsv", sample_report()) == "tsv\n"


def test_rich_report_marks_a_possessive_the_quotations_differ_by():
    base = quote_diff()
    said = ["the centre's partners will grow", "the centre partners will grow"]
    claims = [c.model_copy(update={"quote": f"“{words},” she said", "value": words, "normalized": words}) for c, words in zip(base.claims, said)]
    report = Report(summary=Summary(documents=2, claims=2, warning=1), findings=[base.model_copy(update={"claims": claims})])
    coloured = render("rich", report, RenderOptions(color=True, width=140))
    reversed_words = re.findall(r"\x1b\[(?:[0-9]+;)*7(?:;[0-9]+)*m([^\x1b]+)\x1b\[0m", coloured)  # SGR 7: reverse video
    assert reversed_words == ["centre's", "centre"]


def test_rich_report_finds_a_name_followed_by_a_possessive_and_marks_only_the_differing_words():
    finding = next(f for f in sample_report().findings if f.rule == "CC401")
    report = Report(summary=Summary(documents=2, claims=2, warning=1), findings=[finding])
    coloured = render("rich", report, RenderOptions(color=True, width=140))
    reversed_words = re.findall(r"\x1b\[(?:[0-9]+;)*7(?:;[0-9]+)*m([^\x1b]+)\x1b\[0m", coloured)
    # "National Center for Technological Innovation Excellence" against "National Innovation Center par Excellence's"
    assert reversed_words and "Excellence's" not in reversed_words and "National" not in reversed_words


def test_without_colour_the_differing_words_of_a_quote_are_marked():
    from crosscheck.reporters.terminal import DIFF_MARKS

    text = render("rich", sample_report())
    opening, closing = DIFF_MARKS
    assert f"{opening}integrated{closing}" in text and f"{opening}comprehensive{closing}" in text


@pytest.mark.parametrize("fmt", ["concise", "json-lines", "junit", "gitlab"])
def test_hostile_text_in_the_new_formats_stays_data(fmt):
    from xml.etree import ElementTree

    report = hostile_report()
    text = render(fmt, report)
    assert "\x1b" not in text
    if fmt == "concise":
        assert len(text.splitlines()) == len(report.findings) and not text.startswith("::")
    elif fmt == "json-lines":
        assert [json.loads(line)["fingerprint"] for line in text.splitlines()] == [f.fingerprint for f in report.findings]
    elif fmt == "junit":
        assert len(ElementTree.fromstring(text).find("testsuite")) == len(report.findings)
    else:
        assert [issue["fingerprint"] for issue in json.loads(text)] == [f.fingerprint for f in report.findings]


def test_markdown_says_how_to_resolve_each_finding_and_the_baseline_once():
    text = render("markdown", sample_report())
    assert text.count("**How to resolve:**") == len(sample_report().findings)
    assert 'aliases: ["National Center for Technological Innovation Excellence", "National Innovation Center par Excellence"]' in text
    assert "waive: {rule: CC101, reason:" in text
    assert text.count("crosscheck baseline seeds -o crosscheck-baseline.json") == 1

