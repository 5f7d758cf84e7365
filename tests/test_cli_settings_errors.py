"""Wrong settings are reported where they are written: the config file's line, with the rule named; `--width 0` is refused."""

from __future__ import annotations

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use

CONFIG = """[project]
name = "newsroom"

[tool.crosscheck.params.CC101]
nearl = 0.05
about = 2

[tool.crosscheck.params]
CC999 = {delta = 1}
CC102 = {near = 1}
"""


def test_wrong_param_overrides_point_at_the_config_file_and_name_the_rule(corpus, run_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    result = run_cli("check", "news")
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines() == [
        "pyproject.toml:5:1: unknown-param: unknown parameter 'nearl' for rule CC101 (quantity.intervals-overlap) "
        "(expected one of about, nearly; did you mean 'nearly'?)",
        "pyproject.toml:6:1: bad-param: parameter 'about' of rule CC101 (quantity.intervals-overlap): expected less than 1, found 2",
        "pyproject.toml:9:1: unknown-rule: params given for unknown rule 'CC999' (expected a rule id from `crosscheck rules`)",
        "pyproject.toml:10:10: unknown-param: unknown parameter 'near' for rule CC102 (percentage.intervals-overlap) "
        "(expected one of about, nearly; did you mean 'nearly'?)",
    ]


def test_width_0_is_a_usage_error(corpus, run_cli):
    result = run_cli("check", "news", "--width", "0")
    assert result.code == 2 and result.out == ""
    assert "--width: expected a number of at least 1, found 0" in result.err
