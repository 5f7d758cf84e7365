"""Start-up cost guards: the command line imports only what the command it runs uses.

`crosscheck check NEW --against STORE` runs on every new article in CI, so its
start-up matters (issue 6: <= 0.2 s beyond interpreter start-up).  Most of a cold
start is imports, and the drafting machinery (`crosscheck.extract`, which compiles
many patterns) is the largest piece that a check with claims files never uses.
These tests run the real command in a fresh interpreter and look at
`sys.modules`: a behavioural guard against an eager import creeping back, not a
timing test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Runs `crosscheck.cli.app.main(argv)` in a fresh interpreter and prints its exit status and the
# crosscheck and third-party modules it imported, as JSON on the last line of stdout.
PROBE = """
import json, sys
import crosscheck.cli.app
argv = json.loads(sys.argv[1])
if argv[0] == "--parse-only":
    crosscheck.cli.app.build_parser().parse_args(argv[1:])
    status = None
else:
    status = crosscheck.cli.app.main(argv)
sys.stdout.write("\\n" + json.dumps({"status": status, "modules": sorted(sys.modules)}) + "\\n")
"""

DRAFTING = ("crosscheck.extract.draft", "crosscheck.extract.article", "crosscheck.extract.writing", "ruamel")
"""Modules only drafting needs; `crosscheck.cli.commands.extract` (the `extract` subcommand's parser) may load."""


def probe(argv: list[str], cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)], cwd=cwd, capture_output=True, text=True, check=False,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}, "CROSSCHECK_NO_CACHE": "1"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def drafting_modules(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(DRAFTING)]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A store of four seed articles, and `new/`: the fifth with its claims file and the registry."""
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    articles = sorted(SEEDS.glob("*.txt"))
    for article in articles:
        target = new if article == articles[-1] else old
        shutil.copy(article, target / article.name)
        shutil.copy(article.with_suffix(".claims.yaml"), target / article.with_suffix(".claims.yaml").name)
    for folder in (old, new):
        shutil.copy(SEEDS / "registry.yaml", folder / "registry.yaml")
    indexed = probe(["index", "old", "--store", "store.db", "--no-cache"], tmp_path)
    assert indexed["status"] == 0
    return tmp_path


def test_top_level_help_imports_no_subcommand_module(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import sys, crosscheck.cli.app as cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
         "print([m for m in sys.modules if m.startswith(('crosscheck.cli.commands.', 'crosscheck.extract'))])"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "validate" in done.stdout and "index" in done.stdout  # every command is listed with its help line
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_parsing_check_arguments_imports_no_drafting_and_no_models(tmp_path):
    found = probe(["--parse-only", "check", "new", "--against", "store.db", "-f", "json"], tmp_path)
    assert drafting_modules(found["modules"]) == []
    # building the parser of every subcommand needs none of the heavy layers either
    assert [m for m in found["modules"] if m.startswith(("pydantic", "crosscheck.model.claims", "crosscheck.engine", "yaml"))] == []


def test_check_against_a_store_does_not_import_drafting(archive):
    found = probe(["check", "new", "--against", "store.db", "-f", "json", "--no-cache", "-o", "report.json"], archive)
    assert found["status"] in (0, 1)  # it ran to a verdict
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] > 1  # the stored articles took part
    assert drafting_modules(found["modules"]) == []
    assert "crosscheck.gate.baseline" not in found["modules"]  # no baseline configured
    # of the subcommand modules, only check's own is imported (shared options live in cli.arguments)
    assert [m for m in found["modules"] if m.startswith(("crosscheck.cli.commands.", "crosscheck.extract"))] == [
        "crosscheck.cli.commands.check",
    ]
    # only the selected reporter is imported (and the escaping every reporter shares): no rich for JSON
    assert [m for m in found["modules"] if m.startswith(("rich", "crosscheck.reporters."))] == [
        "crosscheck.reporters.escape", "crosscheck.reporters.json_report",
    ]


def test_an_article_without_claims_file_still_gets_drafted(archive):
    """The positive control: when drafting is needed, the lazy imports do happen."""
    (archive / "new" / next(p.name for p in (archive / "new").glob("*.claims.yaml"))).unlink()
    found = probe(["check", "new", "--against", "store.db", "-f", "json", "--no-cache", "-o", "report.json"], archive)
    assert found["status"] in (0, 1)
    report = json.loads((archive / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["drafted"] > 0
    assert "crosscheck.extract.draft" in found["modules"]


def test_public_api_names_resolve_lazily():
    code = (
        "import sys, crosscheck\n"
        "assert 'crosscheck.engine' not in sys.modules and 'pydantic' not in sys.modules\n"
        "from crosscheck import check, load_corpus, load_rules, Claim, ClaimsFile, Registry, Report, Finding, Rule, LoadResult\n"
        "from crosscheck import run, check_texts, Options, Outcome\n"
        "from crosscheck.engine import check as engine_check\n"
        "from crosscheck.api import run as api_run\n"
        "assert check is engine_check and run is api_run and set(crosscheck.__all__) <= set(dir(crosscheck))\n"
        "try:\n"
        "    crosscheck.no_such_name\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('expected AttributeError')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
