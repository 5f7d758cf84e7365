"""Archive benchmark: `python benchmarks/store_bench.py [--sizes 1000,10000] [--postgres URL]`.

For each size (articles x 40 claims, benchmarks/generate.py's corpus) and each backend (SQLite
always; PostgreSQL when `--postgres` or CROSSCHECK_TEST_POSTGRES names a server, e.g. from
`eval "$(.ci/postgres-setup)"`) it measures, each in a fresh subprocess:

- index: the whole corpus into an empty store (loading the files is not counted), then again
  unchanged (PostgreSQL skips unchanged articles by content hash; SQLite rewrites them)
- against: one new article (a copy of the corpus's first, with a registry of the ids it names)
  checked against the store: load it, query the store, run the engine; seconds beyond
  interpreter start-up and imports (the median of 7), and the child's peak memory; `query` is
  the store's part alone
- audit: the whole archive checked one batch of fact groups at a time, its findings streamed
  (`ArchiveAudit.findings`, counted), its seconds and peak memory; report: the same sorted into
  one Report (`check_archive`), as today's reporters take it; beside them the in-memory check
  of the same corpus (load the files + check, one process) that the audit must match within 2x;
  all three must find the same number of findings

Peak memory is the child's max RSS, interpreter and imports included.  The machine is printed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
AGAINST_RUNS = 7


def child(spec: dict) -> dict:
    """Subprocess body: one measured operation, its own timings returned (printed as JSON by `main`)."""
    from contextlib import closing

    from crosscheck.audit import ArchiveAudit, check_archive
    from crosscheck.engine import check
    from crosscheck.load.corpus import load_corpus
    from crosscheck.rules import load_rules
    from crosscheck.store import open_store, with_archive

    if spec["backend"] == "postgres":
        importlib.import_module("crosscheck.store.postgres")  # psycopg's import is start-up, not the operation's

    def connect(create: bool = False):  # a ClaimStore, closed on leaving the `with`
        return closing(open_store(spec["target"], create=create))

    op = spec["op"]
    if op == "index":
        corpus = load_corpus([spec["corpus"]]).corpus
        start = time.perf_counter()
        with connect(create=True) as archive:
            archive.index(corpus.documents)
        return {"seconds": time.perf_counter() - start}
    if op == "against":
        rules = load_rules()
        start = time.perf_counter()
        new = load_corpus([spec["corpus"]]).corpus
        queried = time.perf_counter()
        with connect() as archive:
            combined, new_ids = with_archive(new, archive)
        query = time.perf_counter() - queried
        report = check(combined, rules)
        found = sum(1 for f in report.findings if any(c.document in new_ids for c in f.claims))
        return {"seconds": time.perf_counter() - start, "query": query, "findings": found,
                "archived_claims": len(combined.claims) - len(new.claims)}
    if op in ("audit", "report"):
        rules = load_rules()
        from crosscheck.load.read import load_registry

        registry = load_registry(Path(spec["corpus"]) / "registry.yaml")[0]
        start = time.perf_counter()
        with connect() as archive:
            if op == "audit":  # the findings streamed, as a streaming reporter would take them
                found = sum(1 for _finding in ArchiveAudit(archive, rules, registry=registry).findings())
            else:  # the findings sorted into one Report, as today's reporters take it
                found = len(check_archive(archive, rules, registry=registry).findings)
        return {"seconds": time.perf_counter() - start, "findings": found}
    if op == "memory":
        rules = load_rules()
        start = time.perf_counter()
        corpus = load_corpus([spec["corpus"]]).corpus
        loaded = time.perf_counter()
        report = check(corpus, rules)
        return {"seconds": time.perf_counter() - start, "load": loaded - start, "findings": len(report.findings)}
    raise ValueError(op)


def measure(spec: dict) -> tuple[dict, int]:
    """(the child's reported figures, its max RSS in bytes)."""
    proc = subprocess.Popen([PY, __file__, "--child", json.dumps(spec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{spec['op']} on {spec['backend']} failed: {err.decode()[-3000:]}")
    return json.loads(out.decode().strip().splitlines()[-1]), usage.ru_maxrss * 1024


def prepare(size: int, claims: int, work: Path) -> tuple[Path, Path]:
    """The generated corpus of `size` articles and the new article's folder (its first article, elsewhere)."""
    corpus = work / f"corpus-{size}"
    if not (corpus / "registry.yaml").exists():
        print(f"  generating {size} articles x {claims} claims ...", file=sys.stderr, flush=True)
        subprocess.run([PY, str(HERE / "generate.py"), str(corpus), "--articles", str(size), "--claims", str(claims), "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)
    new = work / f"new-{size}"
    shutil.rmtree(new, ignore_errors=True)
    first = min(corpus.rglob("*.claims.yaml"))
    (new / "part").mkdir(parents=True)
    for source in (first, first.with_name(first.name.replace(".claims.yaml", ".txt"))):
        shutil.copy(source, new / "part" / source.name)
    subprocess.run([PY, str(HERE / "scale.py"), "--registry-for", str(first), str(corpus / "registry.yaml"), str(new / "registry.yaml")],
                   check=True, stdout=subprocess.DEVNULL)
    return corpus, new


def bench(size: int, claims: int, corpus: Path, new: Path, work: Path, backend: str, postgres: str | None, repeat: int) -> dict[str, float]:
    base = {"backend": backend}
    if backend == "sqlite":
        target = work / f"store-{size}.db"
        for leftover in work.glob(f"store-{size}.db*"):
            leftover.unlink()
        base["target"] = str(target)
    else:
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        database = f"crosscheck_bench_{size}"  # a fresh database of the server's per size
        with psycopg.connect(postgres, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{database}"')
        base["target"] = urlunsplit(urlsplit(postgres)._replace(path=f"/{database}"))
    row: dict[str, float] = {"articles": size, "claims": size * claims}
    done, row["index_rss"] = measure({**base, "op": "index", "corpus": str(corpus)})
    row["index"] = done["seconds"]
    row["reindex"] = measure({**base, "op": "index", "corpus": str(corpus)})[0]["seconds"]
    runs = [measure({**base, "op": "against", "corpus": str(new)}) for _ in range(AGAINST_RUNS)]
    row["against"] = statistics.median(r["seconds"] for r, _ in runs)
    row["query"] = statistics.median(r["query"] for r, _ in runs)
    row["against_rss"] = max(rss for _, rss in runs)
    row["against_findings"] = runs[0][0]["findings"]
    for op in ("audit", "report"):
        runs = [measure({**base, "op": op, "corpus": str(corpus)}) for _ in range(repeat)]
        row[op] = statistics.median(r["seconds"] for r, _ in runs)
        row[f"{op}_rss"] = max(rss for _, rss in runs)
        row[f"{op}_findings"] = runs[0][0]["findings"]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crosscheck archive benchmark (SQLite and PostgreSQL)")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--claims", type=int, default=40, help="claims per article")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each audit and in-memory measure; the median is shown")
    parser.add_argument("--postgres", default=os.environ.get("CROSSCHECK_TEST_POSTGRES"),
                        help="a PostgreSQL URL (default: $CROSSCHECK_TEST_POSTGRES)")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "crosscheck-store-bench")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    backends = ["sqlite"] + (["postgres"] if args.postgres else [])
    if not args.postgres:
        print("no PostgreSQL URL (--postgres or CROSSCHECK_TEST_POSTGRES): SQLite only", file=sys.stderr)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"{'articles':>8} {'claims':>8} {'backend':>8} {'index':>7} {'reindex':>7} {'idx MB':>6} {'against':>7} {'query':>6} "
          f"{'agst MB':>7} {'audit':>7} {'aud MB':>6} {'report':>7} {'rep MB':>6} "
          f"{'memory':>7} {'(load)':>7} {'mem MB':>6} {'audit/mem':>9} {'findings':>8}")
    for size in [int(s) for s in args.sizes.split(",") if s]:
        corpus, new = prepare(size, args.claims, args.workdir)
        memory_runs = [measure({"backend": "none", "op": "memory", "corpus": str(corpus)}) for _ in range(args.repeat)]
        in_memory = {key: statistics.median(r[key] for r, _ in memory_runs) for key in ("seconds", "load", "findings")}
        memory_rss = max(rss for _, rss in memory_runs)
        for backend in backends:
            row = bench(size, args.claims, corpus, new, args.workdir, backend, args.postgres, args.repeat)
            if not row["audit_findings"] == row["report_findings"] == in_memory["findings"]:
                raise SystemExit(f"audit on {backend} found {row['audit_findings']} findings, "
                                 f"the in-memory check {in_memory['findings']}")
            print(f"{size:>8} {int(row['claims']):>8} {backend:>8} {row['index']:>7.2f} {row['reindex']:>7.2f} "
                  f"{row['index_rss'] / 2**20:>6.0f} "
                  f"{row['against']:>7.3f} {row['query']:>6.3f} {row['against_rss'] / 2**20:>7.0f} {row['audit']:>7.2f} "
                  f"{row['audit_rss'] / 2**20:>6.0f} "
                  f"{row['report']:>7.2f} {row['report_rss'] / 2**20:>6.0f} "
                  f"{in_memory['seconds']:>7.2f} {in_memory['load']:>7.2f} {memory_rss / 2**20:>6.0f} "
                  f"{row['audit'] / in_memory['seconds']:>9.2f} "
                  f"{int(row['audit_findings']):>8}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
