"""Files crosscheck writes get the permissions any other program's would: the umask decides, and a
replaced file keeps its own mode (mkstemp's 0600 made reports unreadable to a web server or a team)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from crosscheck.io import atomic_writer, write_atomic

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def umask():
    """Set the process umask for one test and put the previous one back."""
    previous = os.umask(0o022)
    os.umask(previous)

    def set_umask(value: int) -> None:
        os.umask(value)

    yield set_umask
    os.umask(previous)


@pytest.fixture
def seeds(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    return corpus


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def writes(seeds: Path, out: Path) -> dict[str, list[str]]:
    """Each command that takes `-o`, writing to `out`."""
    article = sorted(seeds.glob("*.txt"))[0]
    return {
        "check": ["check", str(seeds), "--no-cache", "-f", "json", "-o", str(out)],
        "baseline": ["baseline", str(seeds), "-o", str(out)],
        "extract": ["extract", str(article), "-o", str(out)],
    }


@pytest.mark.parametrize("command", ["check", "baseline", "extract"])
def test_a_new_output_file_gets_0666_less_the_umask(command, seeds, tmp_path, umask, run_cli):
    out = tmp_path / "out" / "written.yaml"
    out.parent.mkdir()
    umask(0o002)  # a group-writable umask: neither mkstemp's 0600 nor the common 0644
    result = run_cli(*writes(seeds, out)[command])
    assert result.code in (0, 1), result.err
    assert mode(out) == 0o664
    assert sorted(p.name for p in out.parent.iterdir()) == ["written.yaml"]  # no temporary file left


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_a_replaced_output_file_keeps_its_mode(command, seeds, tmp_path, umask, run_cli):
    out = tmp_path / "report"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    umask(0o077)
    result = run_cli(*writes(seeds, out)[command])
    assert result.code in (0, 1), result.err
    assert out.read_text(encoding="utf-8") != "old\n"
    assert mode(out) == 0o640


def test_extract_merge_keeps_the_claims_files_mode(seeds, tmp_path, umask, run_cli):
    out = tmp_path / "article.claims.yaml"
    article = sorted(seeds.glob("*.txt"))[0]
    assert run_cli("extract", str(article), "-o", str(out)).code == 0
    out.chmod(0o664)
    umask(0o077)
    assert run_cli("extract", str(article), "-o", str(out), "--merge").code == 0
    assert mode(out) == 0o664


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640), (0o000, 0o666)])
def test_a_new_file_gets_0666_less_the_umask(mask, expected, tmp_path, umask):
    path = tmp_path / "file.txt"
    umask(mask)
    write_atomic(path, "one\n")
    assert mode(path) == expected


def test_a_replaced_file_keeps_its_mode_whatever_the_umask(tmp_path, umask):
    path = tmp_path / "file.txt"
    write_atomic(path, "one\n")
    umask(0o077)
    path.chmod(0o604)
    write_atomic(path, "two\n")
    assert (path.read_text(encoding="utf-8"), mode(path)) == ("two\n", 0o604)


def test_a_set_user_id_bit_is_not_handed_on(tmp_path, umask):
    path = tmp_path / "file.txt"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o4755)
    write_atomic(path, "new\n")
    assert mode(path) == 0o755


def test_a_failed_write_leaves_the_file_and_its_mode_and_no_temporary(tmp_path, umask):
    path = tmp_path / "file.txt"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    umask(0o022)
    with pytest.raises(RuntimeError), atomic_writer(path) as handle:
        handle.write("half")
        raise RuntimeError("disk full")
    assert (path.read_text(encoding="utf-8"), mode(path)) == ("old\n", 0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_no_overwrite_still_refuses_an_existing_file(tmp_path):
    path = tmp_path / "file.txt"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(path, "theirs\n", overwrite=False)
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_a_pipe_is_written_into_not_replaced(tmp_path):
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    write_atomic(pipe, "report\n")
    reader.join(timeout=10)
    assert received == ["report\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
