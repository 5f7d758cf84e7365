"""A hand-written claim may state a frame: a forecast or a change is never compared as the reported level."""

from __future__ import annotations

import json

CLAIM = """version: 1
document: {{article: {n}.txt}}
claims:
  - id: revenue
    subject: northwind
    property: revenue
    value: {{kind: quantity, amount: {amount}, scale: billion, currency: USD}}
    text: ${amount} billion
    quote: Revenue was ${amount} billion.
{frame}"""


def _write(folder, n: int, amount: str, frame: str = "") -> None:
    (folder / f"{n}.txt").write_text(f"Revenue was ${amount} billion.\n", encoding="utf-8")
    (folder / f"{n}.claims.yaml").write_text(CLAIM.format(n=n, amount=amount, frame=frame), encoding="utf-8")


def test_a_forecast_frame_is_at_most_info_against_the_reported_figure(run_cli, tmp_path, monkeypatch):
    _write(tmp_path, 1, "10.2")
    _write(tmp_path, 2, "11.5", "    frame: {measure: revenue, modality: forecast}\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    assert {f["severity"] for f in json.loads(result.out)["findings"]} <= {"info"}


def test_without_frames_the_same_figures_conflict(run_cli, tmp_path, monkeypatch):
    _write(tmp_path, 1, "10.2")
    _write(tmp_path, 2, "11.5")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert [f["severity"] for f in json.loads(result.out)["findings"]] == ["error"]
