"""`crosscheck check` on hand-written change claims: a registry, two articles, the finding an editor gets."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

REGISTRY = """\
version: 1
entities:
  harbour-city: {name: Harbour City, type: place}
properties:
  jobless-rate: {kind: percentage, unit: "%", description: Share of the labour force out of work}
  ferry-riders: {kind: quantity, unit: rider, description: Riders of the city ferry in a year}
"""

ARTICLES = {
    "a": ("Harbour City's jobless rate went from 4.0% to 6.5% over the year, and ferry riders tripled to 9,000.",
          [("jobless-rate", "went from 4.0% to 6.5%", "{kind: percentage, change: {direction: up, from: 4.0, to: 6.5}}"),
           ("ferry-riders", "tripled to 9,000", "{kind: quantity, unit: riders, change: {direction: up, factor: 3, to: 9000}}")]),
    "b": ("The jobless rate was up 3.5 percentage points to 6.5%, while the ferry saw riders rise 200%.",
          [("jobless-rate", "up 3.5 percentage points to 6.5%", "{kind: percentage, amount: 3.5, points: true, change: {direction: up, to: 6.5}}"),
           ("ferry-riders", "rise 200%", "{kind: percentage, amount: 200, change: {direction: up}}")]),
}


def write_corpus(folder: Path) -> None:
    (folder / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    for name, (text, claims) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        items = "".join(
            textwrap.dedent(f"""\
              - id: c{index}
                subject: harbour-city
                property: {prop}
                text: "{said}"
                quote: "{text}"
                value: {value}
            """)
            for index, (prop, said, value) in enumerate(claims, start=1)
        )
        (folder / f"{name}.claims.yaml").write_text(f"version: 1\ndocument: {{article: {name}.txt, published: 2025-03-12}}\nclaims:\n{items}",
                                                    encoding="utf-8")


def test_changes_are_checked_by_direction_size_and_levels(tmp_path, run_cli, monkeypatch):
    write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", ".").code == 0
    result = run_cli("check", ".", "-f", "json", "--no-cache", "--fail-on", "never")
    assert result.code == 0, result.err
    findings = json.loads(result.out)["findings"]
    assert [(f["rule"], f["property"]) for f in findings] == [("CC701", "jobless-rate")]  # tripled is 200%: no finding
    assert "a change of at least 2.4 pp and at most 2.6 pp" in findings[0]["explanation"]
