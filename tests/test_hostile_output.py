"""`-o` never replaces what is not a plain file, and a killed write leaves nothing behind (issue 19)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from crosscheck.io import write_atomic


def test_a_symlink_as_output_is_written_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to("real.txt")
    write_atomic(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.txt", "report.txt"]


def test_a_device_as_output_is_written_into_not_replaced(tmp_path):
    write_atomic("/dev/null", "report\n")
    assert Path("/dev/null").is_char_device()


def test_a_killed_write_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import sys, time\n"
        "from crosscheck.io import atomic_writer\n"
        f"with atomic_writer({str(out / 'report.json')!r}) as handle:\n"
        "    handle.write('x' * 100000); handle.flush()\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "writing\n"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    time.sleep(0.05)
    assert list(out.iterdir()) == []
