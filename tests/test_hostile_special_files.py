"""Only regular files are read, with a size cap: a pipe or a device as an input is an error, never a hang (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.load.read import read_text

CLAIMS = """version: 1
document:
  article: a.txt
claims:
  - id: c1
    subject: acme
    property: hires
    text: 5 people
    quote: 5 people were hired
    value: {kind: quantity, amount: 5, unit: person}
"""


def crosscheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crosscheck", *args], cwd=cwd, capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_not_read(device):
    text, problems = read_text(Path(device), "article")
    assert text is None and [p.code for p in problems] == ["file-unreadable"]
    assert "character device (expected a regular file)" in problems[0].message


@pytest.mark.parametrize("command", [["check"], ["validate"], ["check", "--no-cache"]])
def test_a_pipe_as_an_article_or_a_claims_file_is_an_error_not_a_hang(tmp_path, command):
    (tmp_path / "a.txt").write_text("Acme said 5 people were hired.\n", encoding="utf-8")
    (tmp_path / "a.claims.yaml").write_text(CLAIMS, encoding="utf-8")
    os.mkfifo(tmp_path / "bare.txt")
    os.mkfifo(tmp_path / "b.claims.yaml")
    done = crosscheck(command[0], ".", *command[1:], cwd=tmp_path)
    assert done.returncode == 2
    assert "b.claims.yaml:1:1: file-unreadable: claims file is a pipe" in done.stdout + done.stderr


def test_a_pipe_named_by_a_claims_file_is_an_error_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "a.claims.yaml").write_text(CLAIMS, encoding="utf-8")
    done = crosscheck("check", ".", cwd=tmp_path)
    assert done.returncode == 2 and "internal error" not in done.stderr
