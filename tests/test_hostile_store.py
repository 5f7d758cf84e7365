"""A claims store that cannot be created or read is a one-line store error (exit 2), never an internal one (issue 19)."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import ROOT

_STORE_ID = 0x63637331  # the SQLite store's application_id, as `crosscheck index` writes it


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return str(ROOT / "seeds")


def one_line(result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("store", ["missing/folder/s.db", "sqlite:///missing/s.db"])
def test_index_into_a_missing_folder_is_a_store_error(seeds, run_cli, store):
    result = run_cli("index", seeds, "--store", store, "--no-cache")
    assert result.code == 2 and "store: " in one_line(result) and "no folder" in result.err


def test_index_onto_a_folder_is_a_store_error(seeds, run_cli, tmp_path):
    (tmp_path / "s.db").mkdir()
    result = run_cli("index", seeds, "--store", "s.db", "--no-cache")
    assert result.code == 2 and "not a claims store" in one_line(result)


@pytest.mark.parametrize("command", ["index", "check"])
def test_a_store_with_our_id_and_other_tables_is_refused(seeds, run_cli, tmp_path, command):
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute(f"PRAGMA application_id = {_STORE_ID}")
        db.execute("CREATE TABLE documents (id TEXT)")
    before = (tmp_path / "s.db").read_bytes()
    args = ["index", seeds, "--store", "s.db"] if command == "index" else ["check", seeds, "--against", "s.db"]
    result = run_cli(*args, "--no-cache")
    assert result.code == 2 and "a claims store without the table" in one_line(result)
    assert (tmp_path / "s.db").read_bytes() == before


def test_a_damaged_row_in_a_store_is_a_store_error(seeds, run_cli, tmp_path):
    from contextlib import closing

    from crosscheck.errors import StoreError
    from crosscheck.store import open_store

    assert run_cli("index", seeds, "--store", "s.db", "--no-cache").code == 0
    with sqlite3.connect(tmp_path / "s.db") as db:
        key = db.execute("SELECT subject, property FROM claims LIMIT 1").fetchone()
        db.execute("UPDATE claims SET claim = '{\"not\": \"a claim\"}'")
    with closing(open_store("s.db")) as store, pytest.raises(StoreError, match="the claims store cannot be used"):
        store.claims_for_keys({tuple(key)})
