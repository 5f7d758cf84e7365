"""Drafting skips a figure the model refuses instead of failing with an internal error (issue 19)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Between 5 and 3 people left the company on Monday.\n",
    "Officials said " + "9" * 400 + " people came on Monday.\n",
])
def test_extract_on_a_figure_the_model_refuses_is_not_an_internal_error(tmp_path, run_cli, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    for args in (["extract", "a.txt"], ["check", ".", "--no-cache", "-f", "json"]):
        result = run_cli(*args)
        assert result.code in (0, 1, 2) and "internal error" not in result.err


def test_drafting_an_article_with_a_32000_digit_number_is_quick(tmp_path, run_cli, monkeypatch):
    import time

    monkeypatch.chdir(tmp_path)
    (tmp_path / "warm.txt").write_text("Officials said 12 people came 3 years ago.\n", encoding="utf-8")
    run_cli("extract", "warm.txt")  # loads the parsing pipeline once: its start-up is not what is timed
    (tmp_path / "a.txt").write_text("Officials said " + "1" * 32_000 + " people came 3 years ago.\n", encoding="utf-8")
    started = time.monotonic()
    result = run_cli("extract", "a.txt")
    # 52 s, then 38 s before: the "N units ago" and "6.7-magnitude" patterns retried at every digit
    assert time.monotonic() - started < 5
    assert "internal error" not in result.err


def test_drafting_a_long_sentence_of_many_figures_is_linear(tmp_path, run_cli, monkeypatch):
    # found by the long campaign: every figure looked its entities up in the whole document (16 s of
    # processor time for this 3 KB article, growing with the square of its length)
    import time

    monkeypatch.chdir(tmp_path)
    (tmp_path / "warm.txt").write_text("Officials said 12 people came 3 years ago.\n", encoding="utf-8")
    run_cli("extract", "warm.txt")
    text = "The company expects revenue" + " of $3 million by 2025," * 100 + " its chief said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    started = time.process_time()
    result = run_cli("extract", "a.txt")
    assert time.process_time() - started < 5
    assert result.code == 0 and "internal error" not in result.err
