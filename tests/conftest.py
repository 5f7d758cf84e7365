"""Shared fixtures: the repository root, and a CLI runner that captures output and exit status."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from crosscheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys):
    """Run `crosscheck ARGS...` in-process; return exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def installed_plugins(tmp_path, monkeypatch):
    """Install entry points the way a plugin package does: a distribution's metadata on `sys.path`.

    `install(group, {name: "module:attr"}, modules={"module": "source"})`; the modules are written beside it.
    """
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    written: list[str] = []
    count = 0

    def install(group: str, entries: dict[str, str], modules: dict[str, str] | None = None) -> None:
        nonlocal count
        count += 1
        info = site / f"crosscheck_test_plugin_{count}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: crosscheck-test-plugin-{count}\nVersion: 0.1\n", encoding="utf-8")
        lines = "".join(f"{name} = {target}\n" for name, target in entries.items())
        (info / "entry_points.txt").write_text(f"[{group}]\n{lines}", encoding="utf-8")
        for module, source in (modules or {}).items():
            (site / f"{module}.py").write_text(source, encoding="utf-8")
            written.append(module)

    yield install
    for module in written:  # imported from this test's folder: the next test writes its own
        sys.modules.pop(module, None)
