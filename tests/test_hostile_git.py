"""`--since` reaches git as a ref, never as an option (issue 19: `--since=--output=victim.txt` overwrote a file)."""

from __future__ import annotations

import subprocess

import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.gate.changed import git_changed_files


def test_an_option_as_since_is_a_bad_ref_not_an_option(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(CrosscheckError) as caught:
        git_changed_files(f"--output={victim}", tmp_path)
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert len(str(caught.value).splitlines()) == 1
