"""A reader that closes the pipe early (`crosscheck check ... | head`) never changes the exit status."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

CROSSCHECK = [sys.executable, "-m", "crosscheck"]


def run_into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run crosscheck with its standard output a pipe whose reader has already gone away."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([*CROSSCHECK, *args], cwd=ROOT, stdout=write, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "CROSSCHECK_NO_CACHE": "1"}, check=False)
    finally:
        os.close(write)
    return done


@pytest.mark.parametrize("fmt", ["json", "rich"])
def test_a_failing_check_piped_into_a_closed_reader_still_exits_1_and_says_nothing(fmt):
    done = run_into_a_closed_pipe("check", "seeds", "-f", fmt)
    assert (done.returncode, done.stderr) == (1, "")


def test_an_invalid_corpus_piped_into_a_closed_reader_still_exits_2(tmp_path):
    (tmp_path / "a.claims.yaml").write_text("version: 1\ndocument: [\n", encoding="utf-8")
    done = run_into_a_closed_pipe("validate", str(tmp_path))
    assert done.returncode == 2 and "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_valid_corpus_piped_into_a_closed_reader_exits_0():
    done = run_into_a_closed_pipe("validate", "seeds")
    assert (done.returncode, done.stderr) == (0, "")
