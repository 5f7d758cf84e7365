"""Archive benchmark: `python benchmarks/store_bench.py [--sizes 1000,10000,10000x10] [--postgres URL]`.

For each size (articles x 40 claims, benchmarks/generate.py's corpus) and each backend (SQLite
always; PostgreSQL when `--postgres` or CROSSCHECK_TEST_POSTGRES names a server, e.g. from
`eval "$(.ci/postgres-setup)"`) it measures, each in a fresh subprocess:

- index: the corpus into an empty store of every backend, from one load of each part folder
  (with the share of the registry its claims name), then each part again unchanged (PostgreSQL
  skips unchanged articles by content hash; SQLite rewrites them); the store's seconds only
- against: one new article (a copy of the corpus's first, with a registry of the ids it names)
  checked against the store: load it, query the store, run the engine, the rules loaded before
  the clock starts (the pipeline's part); seconds beyond interpreter start-up and imports (the
  median of 7), the CPU seconds of the child and of the PostgreSQL server for its connection,
  and the child's peak memory
- command: the same article through the real `crosscheck check NEW --against STORE` (JSON to a
  file, `--no-cache`), in a process that first imported every module the command imports (the
  list a first run left) and nothing else: start-up is the interpreter and those imports
  (`startup_cpu`), everything after counts (settings, rules, loading, the archive, the engine,
  the gate, the report); the median of 7, CPU of the child and the server
- audit: the whole archive checked one batch of fact groups at a time, its findings streamed
  (`ArchiveAudit.findings`, counted), its seconds, CPU seconds and peak memory, and the memory
  before it began (interpreter, imports and the registry); report (unless `--no-report`): the
  same sorted into one Report (`check_archive`), as today's reporters take it; beside them the
  in-memory check of the same corpus (load the files + check, one process; `--in-memory-max`
  skips it on large corpora), which the audit must match within 2x; all must find the same
  number of findings

A size `SIZExN` is the stores of SIZE articles (measured first) grown N times over inside
themselves (`copy_archive`): 4M claims without loading 4M claims from YAML files, the same
shape to the queries and the audit.  Peak memory is the child's own peak RSS (VmHWM), interpreter and
imports included.  The machine and its load average are printed: on a busy machine, compare CPU seconds.
`--against-only` measures `against` and `command` alone, on the stores an earlier run left where
they are (to compare versions of the code on the same stores: PYTHONPATH=OTHER/src).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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

    if spec["backend"] in ("sqlite", "postgres"):  # a backend's import (psycopg's, sqlite3's) is start-up, not the operation's
        importlib.import_module(f"crosscheck.store.{spec['backend']}")

    def connect(create: bool = False):  # a ClaimStore, closed on leaving the `with`
        return closing(open_store(spec["target"], create=create))

    op = spec["op"]
    if op == "index":  # every backend from one load of each part: loading 4M claims once is the slow part
        return index_all(spec["targets"], (load_corpus([part.folder], registry=part.registry).corpus.documents
                                           for part in parts(Path(spec["corpus"]), Path(spec["workdir"]))))
    if op == "index-from":  # the documents of a SQLite store, indexed again: the store's part without the YAML loading
        return index_all(spec["targets"], stored_documents(spec["source"]))
    if op == "copy":
        start = time.perf_counter()
        copy_archive(spec)
        return {"seconds": time.perf_counter() - start}
    if op == "against":
        rules = load_rules()
        start, cpu = time.perf_counter(), time.process_time()
        new = load_corpus([spec["corpus"]]).corpus
        queried = time.perf_counter()
        with connect() as archive:
            combined, new_ids = with_archive(new, archive)
            server = server_cpu(spec)
        query = time.perf_counter() - queried
        report = check(combined, rules)
        found = sum(1 for f in report.findings if any(c.document in new_ids for c in f.claims))
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "server": server, "query": query,
                "findings": found, "archived_claims": len(combined.claims) - len(new.claims)}
    if op == "command":  # the real `crosscheck check NEW --against STORE`, beyond importing what it imports
        return run_command(spec)
    if op in ("audit", "report"):
        rules = load_rules()
        from crosscheck.load.read import load_registry

        registry = load_registry(Path(spec["registry"]))[0]
        registry_rss = own_peak_rss() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # interpreter, imports, registry
        start, cpu = time.perf_counter(), time.process_time()
        with connect() as archive:
            if op == "audit":  # the findings streamed, as a streaming reporter would take them
                found = sum(1 for _finding in ArchiveAudit(archive, rules, registry=registry).findings())
            else:  # the findings sorted into one Report, as today's reporters take it
                found = len(check_archive(archive, rules, registry=registry).findings)
            server = server_cpu(spec)
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "server": server, "findings": found,
                "registry_rss": registry_rss}
    if op == "memory":
        rules = load_rules()
        start, cpu = time.perf_counter(), time.process_time()
        corpus = load_corpus([spec["corpus"]]).corpus
        loaded = time.perf_counter()
        report = check(corpus, rules)
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "load": loaded - start,
                "findings": len(report.findings)}
    raise ValueError(op)


def command_argv(spec: dict) -> list[str]:
    """`crosscheck check NEW --against STORE` as a CI gate runs it: JSON to a file, no claims cache, no warnings."""
    return ["check", spec["corpus"], "--against", spec["target"], "--format", "json", "--no-cache", "-q", "-o", spec["output"]]


def run_command(spec: dict) -> dict:
    """The command run in this process, timed from after start-up: the interpreter and every module the command
    imports (`spec["modules"]`, the list a first run of it left; nothing else is done before the clock starts).

    Without `modules` it is that first run: it returns the modules the command imported."""
    from crosscheck.cli import main

    if not spec.get("modules"):
        main(command_argv(spec))
        return {"modules": sorted(name for name in sys.modules if name != "__main__")}
    for name in spec["modules"]:
        with contextlib.suppress(ImportError):  # a module only some runs import (the other backend's) is none of ours
            importlib.import_module(name)
    startup = time.process_time()
    start, cpu = time.perf_counter(), time.process_time()
    status = main(command_argv(spec))
    seconds, used = time.perf_counter() - start, time.process_time() - cpu
    imported = sorted(set(sys.modules) - set(spec["modules"]) - {"__main__"})  # should be none: else start-up was counted as the command's
    return {"seconds": seconds, "cpu": used, "server": server_cpu(spec), "startup": startup, "status": status, "imported": imported}


def index_all(targets: list[str], batches: Iterable[list]) -> dict:
    """Each batch of documents into every store at `targets`, then again unchanged; the seconds each store took, both times."""
    from crosscheck.store import open_store

    took = {target: 0.0 for target in targets}
    again = dict(took)
    with contextlib.ExitStack() as stack:
        stores = {target: stack.enter_context(contextlib.closing(open_store(target, create=True))) for target in targets}
        for documents in batches:
            for target, archive in stores.items():
                start = time.perf_counter()
                archive.index(documents)
                took[target] += time.perf_counter() - start
                start = time.perf_counter()
                archive.index(documents)  # unchanged: PostgreSQL skips by content hash, SQLite rewrites
                again[target] += time.perf_counter() - start
    return {"seconds": took, "again": again}


def stored_documents(path: str, chunk: int = 1000) -> Iterator[list]:
    """A SQLite store's documents with their claims, `chunk` at a time in id order (as `index` wrote them)."""
    import sqlite3

    from crosscheck.store import open_store
    from crosscheck.store.rows import SELECT_CLAIM, located, with_claims

    archive = open_store(path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]
        for i in range(0, len(ids), chunk):
            wanted = ids[i : i + chunk]
            bare = archive.documents(wanted)
            claims: dict[str, list] = {doc_id: [] for doc_id in wanted}
            marks = ",".join("?" * len(wanted))
            for row in db.execute(f"SELECT {SELECT_CLAIM} FROM claims WHERE document IN ({marks}) ORDER BY rowid", wanted):
                claims[row[2]].append(located(row))
            yield [with_claims(bare[doc_id], claims[doc_id]) for doc_id in wanted]
    archive.close()


_COPY_SQL = {
    "sqlite": [
        """INSERT INTO documents SELECT 'copy-{k}/' || id, 'copy-{k}/' || article_path, 'copy-{k}/' || claims_path, meta
           FROM documents WHERE id NOT LIKE 'copy-%' ORDER BY rowid""",
        """INSERT INTO claims SELECT 'copy-{k}/' || document, 'org-' || (CAST(substr(subject, 5) AS INTEGER) + {shift}), property,
               json_set(claim, '$.subject', 'org-' || (CAST(substr(subject, 5) AS INTEGER) + {shift})),
               start, "end", line, "column", drafted
           FROM claims WHERE document NOT LIKE 'copy-%' ORDER BY rowid""",
    ],
    "postgres": [
        """INSERT INTO crosscheck.documents SELECT 'copy-{k}/' || id, 'copy-{k}/' || article_path, 'copy-{k}/' || claims_path,
               meta, content_hash FROM crosscheck.documents WHERE id NOT LIKE 'copy-%'""",
        """INSERT INTO crosscheck.claims SELECT 'copy-{k}/' || document, ordinal, 'org-' || (substr(subject, 5)::int + {shift}),
               property, jsonb_set(claim::jsonb, '{{subject}}', to_jsonb('org-' || (substr(subject, 5)::int + {shift})))::text,
               start, "end", line, "column", drafted
           FROM crosscheck.claims WHERE document NOT LIKE 'copy-%'""",
    ],
}


def copy_archive(spec: dict) -> None:
    """Grow a store `copies` times over inside itself: each copy's documents under `copy-K/`, its subjects moved
    `entities` ids up (org-N -> org-(N + K * entities)), so copies share no key and every fact group keeps its size.

    Loading a generated 4M-claim corpus from its YAML files takes hours of CPU on this machine; the
    archive the queries and the audit meet is the same shape either way (claims per key, keys per article)."""
    statements = [(statement, k) for k in range(1, spec["copies"]) for statement in _COPY_SQL[spec["backend"]]]
    if spec["backend"] == "sqlite":
        import sqlite3

        with contextlib.closing(sqlite3.connect(spec["target"], isolation_level=None)) as db:
            for statement, k in statements:
                db.execute(statement.format(k=k, shift=k * spec["entities"]))
    else:
        import psycopg

        with psycopg.connect(spec["target"], autocommit=True) as db:
            for statement, k in statements:
                db.execute(statement.format(k=k, shift=k * spec["entities"]))
            db.execute("VACUUM ANALYZE crosscheck.claims")
            db.execute("VACUUM ANALYZE crosscheck.documents")


def copied_stores(stores: dict[str, str], size: int, copies: int, work: Path, make: bool = True) -> dict[str, str]:
    """Copies of the stores of `size` articles, as `targets` names them for the label `{size}x{copies}`, before they grow
    (with `make=False`: only their names, where an earlier run grew them)."""
    import sqlite3

    found = {}
    for backend, target in stores.items():
        if not make:
            from urllib.parse import urlsplit, urlunsplit

            found[backend] = (str(work / f"store-{size}x{copies}.db") if backend == "sqlite" else
                              urlunsplit(urlsplit(target)._replace(path=f"/crosscheck_bench_{size}x{copies}")))
            continue
        if backend == "sqlite":
            copy = work / f"store-{size}x{copies}.db"
            for leftover in work.glob(f"{copy.name}*"):
                leftover.unlink()
            with contextlib.closing(sqlite3.connect(target)) as source, contextlib.closing(sqlite3.connect(copy)) as destination:
                source.backup(destination)
            found[backend] = str(copy)
        else:
            from urllib.parse import urlsplit, urlunsplit

            import psycopg

            database = f"crosscheck_bench_{size}x{copies}"
            with psycopg.connect(urlunsplit(urlsplit(target)._replace(path="/postgres")), autocommit=True) as db:  # not the template
                db.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                db.execute(f'CREATE DATABASE "{database}" TEMPLATE "{urlsplit(target).path[1:]}"')
            found[backend] = urlunsplit(urlsplit(target)._replace(path=f"/{database}"))
    return found


def server_cpu(spec: dict) -> float:
    """CPU seconds the PostgreSQL server has spent so far for the store's connection (0 on SQLite).

    The server runs on this machine: its backend processes for the bench database (the store's,
    started by this operation) are read from /proc, the figure the child's own CPU time leaves out.
    Every backend on that database counts, so nothing else may use it meanwhile."""
    if spec["backend"] != "postgres":
        return 0.0
    import psycopg

    with psycopg.connect(spec["target"], autocommit=True) as side:
        pids = [row[0] for row in side.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Part:
    """One folder of a generated corpus and a registry of the ids its claims name."""

    folder: Path
    registry: Path


def parts(corpus: Path, work: Path) -> Iterator[Part]:
    """The corpus's part folders, each with its share of the registry (written once, beside the corpus).

    Loading a part with the whole registry would parse it again per part (500k entities at 4M
    claims); the ids a part's claims name are the only ones its loading looks up."""
    import ryaml

    shares = work / f"{corpus.name}-registries"
    full = None
    for folder in sorted(corpus.glob("part-*")):
        share = shares / f"{folder.name}.json"
        if not share.exists():
            if full is None:
                full = ryaml.loads((corpus / "registry.yaml").read_text(encoding="utf-8"))
            text = "\n".join(path.read_text(encoding="utf-8") for path in folder.glob("*.claims.yaml"))
            named = set(re.findall(r"(?:subject|speaker|entity): ([\w.-]+)", text))
            entities = {i: e for i, e in full["entities"].items() if i in named}
            shares.mkdir(exist_ok=True)
            share.write_text(json.dumps({"version": full.get("version", 1), "entities": entities,
                                         "properties": full["properties"]}, ensure_ascii=False), encoding="utf-8")
        yield Part(folder, share)


def own_peak_rss() -> int | None:
    """This process's peak RSS in bytes since its `exec` (VmHWM), or None where /proc does not say.

    Not `ru_maxrss`: Linux carries into it the RSS of the memory the process had before `exec`,
    and a child spawned by this benchmark starts from a copy of (or, with vfork, in) the parent's
    memory, which holds a 500,000-entity registry after a `SIZExN` store is grown."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return None


def measure(spec: dict) -> tuple[dict, int]:
    """(the child's reported figures, its peak RSS in bytes: its own VmHWM, else its max RSS)."""
    proc = subprocess.Popen([PY, __file__, "--child", json.dumps(spec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{spec['op']} on {spec['backend']} failed: {err.decode()[-3000:]}")
    found = json.loads(out.decode().strip().splitlines()[-1])
    return found, found.pop("peak_rss", None) or usage.ru_maxrss * 1024


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


def targets(size: int, work: Path, backends: list[str], postgres: str | None, make: bool = True) -> dict[str, str]:
    """An empty store per backend for `size`: a fresh SQLite file, a fresh database on the PostgreSQL server
    (with `make=False`: only where they are, as an earlier run left them)."""
    found = {}
    for backend in backends:
        if not make:
            from urllib.parse import urlsplit, urlunsplit

            found[backend] = (str(work / f"store-{size}.db") if backend == "sqlite" else
                              urlunsplit(urlsplit(postgres)._replace(path=f"/crosscheck_bench_{size}")))
        elif backend == "sqlite":
            for leftover in work.glob(f"store-{size}.db*"):
                leftover.unlink()
            found[backend] = str(work / f"store-{size}.db")
        else:
            from urllib.parse import urlsplit, urlunsplit

            import psycopg

            database = f"crosscheck_bench_{size}"
            with psycopg.connect(postgres, autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                db.execute(f'CREATE DATABASE "{database}"')
            found[backend] = urlunsplit(urlsplit(postgres)._replace(path=f"/{database}"))
    return found


def existing(target: str) -> bool:
    """Whether a store an earlier run indexed is at `target` (a SQLite file, or a PostgreSQL database with its tables)."""
    from crosscheck.errors import StoreError
    from crosscheck.store import open_store

    try:
        open_store(target).close()
    except StoreError:
        return False
    return True


def bench(stores: dict[str, str], new: Path, registry: Path, repeat: int, report: bool, audit: bool = True) -> dict[str, dict]:
    """Each backend's `--against` and audit figures (and the sorted report's, with `report`) on its store."""
    rows: dict[str, dict] = {}
    for backend, target in stores.items():
        base = {"backend": backend, "target": target}
        row: dict = {}
        runs = [measure({**base, "op": "against", "corpus": str(new)}) for _ in range(AGAINST_RUNS)]
        row["against"] = statistics.median(r["seconds"] for r, _ in runs)
        row["against_cpu"] = statistics.median(r["cpu"] + r["server"] for r, _ in runs)
        row["query"] = statistics.median(r["query"] for r, _ in runs)
        row["against_rss"] = max(rss for _, rss in runs)
        row["archived"] = runs[0][0]["archived_claims"]
        command = {**base, "op": "command", "corpus": str(new),
                   "output": str(new / f"report-{backend}.json")}
        command["modules"] = measure(command)[0]["modules"]
        runs = [measure(command) for _ in range(AGAINST_RUNS)]
        if runs[0][0]["imported"]:
            raise SystemExit(f"the command imported {runs[0][0]['imported']} after its start-up: they would count as its work")
        row["command"] = statistics.median(r["seconds"] for r, _ in runs)
        row["command_cpu"] = statistics.median(r["cpu"] + r["server"] for r, _ in runs)
        row["startup_cpu"] = statistics.median(r["startup"] for r, _ in runs)
        row["command_rss"] = max(rss for _, rss in runs)
        for op in ("audit", "report") if report and audit else ("audit",) if audit else ():
            runs = [measure({**base, "op": op, "registry": str(registry)}) for _ in range(repeat)]
            row[op] = statistics.median(r["seconds"] for r, _ in runs)
            row[f"{op}_cpu"] = statistics.median(r["cpu"] + r["server"] for r, _ in runs)
            row[f"{op}_rss"] = max(rss for _, rss in runs)
            row[f"{op}_findings"] = runs[0][0]["findings"]
            row["registry_rss"] = runs[0][0]["registry_rss"]
        rows[backend] = row
    return rows


def cell(row: dict, key: str, unit: str) -> str:
    """A figure of `row`: seconds, MB of a byte count or a plain number; '-' where it was not measured."""
    if key not in row:
        return "-"
    value = row[key]
    if unit == "n":
        return f"{value:.2f}" if isinstance(value, float) else str(value)
    return {"MB": f"{value / 2**20:.0f}", "ms": f"{value:.3f}", "s": f"{value:.1f}"}[unit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crosscheck archive benchmark (SQLite and PostgreSQL)")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--claims", type=int, default=40, help="claims per article")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each audit and in-memory measure; the median is shown")
    parser.add_argument("--postgres", default=os.environ.get("CROSSCHECK_TEST_POSTGRES"),
                        help="a PostgreSQL URL (default: $CROSSCHECK_TEST_POSTGRES)")
    parser.add_argument("--backends", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--in-memory-max", type=int, default=None, metavar="CLAIMS",
                        help="skip the in-memory check above this many claims (it holds the whole corpus: ~10 GB at 4M)")
    parser.add_argument("--no-report", action="store_true", help="measure the streamed audit only, not the sorted report")
    parser.add_argument("--against-only", action="store_true",
                        help="measure `--against` only (no audit, no in-memory check), on the stores of an earlier run where they exist")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "crosscheck-store-bench")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps({**child(json.loads(args.child)), "peak_rss": own_peak_rss()}))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    backends = [b for b in args.backends.split(",") if b and (b != "postgres" or args.postgres)]
    if not args.postgres:
        print("no PostgreSQL URL (--postgres or CROSSCHECK_TEST_POSTGRES): SQLite only", file=sys.stderr)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (timings are wall clock; cpu = client + server)")
    columns = [("index", "s"), ("reindex", "s"), ("index_rss", "MB"), ("against", "ms"), ("against_cpu", "ms"), ("against_rss", "MB"),
               ("command", "ms"), ("command_cpu", "ms"), ("startup_cpu", "ms"), ("command_rss", "MB"), ("archived", "n"),
               ("audit", "s"), ("audit_cpu", "s"), ("audit_rss", "MB"), ("registry_rss", "MB"), ("report", "s"),
               ("report_rss", "MB"), ("memory", "s"), ("memory_cpu", "s"), ("memory_rss", "MB"), ("audit/mem", "n"), ("findings", "n")]
    print(f"{'archive':>9} {'claims':>8} {'backend':>8} " + " ".join(f"{name:>{max(len(name), 7)}}" for name, _unit in columns), flush=True)
    stores: dict[str, dict[str, str]] = {}
    for label in [s for s in args.sizes.split(",") if s]:
        size, _, times = label.partition("x")
        copies = int(times or 1)
        corpus, new = prepare(int(size), args.claims, args.workdir)
        claims = int(size) * args.claims * copies
        in_memory: dict = {}
        if copies == 1 and not args.against_only and (args.in_memory_max is None or claims <= args.in_memory_max):
            memory_runs = [measure({"backend": "none", "op": "memory", "corpus": str(corpus)}) for _ in range(args.repeat)]
            in_memory = {"memory": statistics.median(r["seconds"] for r, _ in memory_runs),
                         "memory_cpu": statistics.median(r["cpu"] for r, _ in memory_runs),
                         "memory_rss": max(rss for _, rss in memory_runs), "findings": memory_runs[0][0]["findings"]}
        indexed: dict = {}
        if copies == 1 and args.against_only and all(existing(t) for t in targets(int(size), args.workdir, backends, args.postgres,
                                                                               make=False).values()):
            stores[size] = targets(int(size), args.workdir, backends, args.postgres, make=False)
            registry = corpus / "registry.yaml"
        elif copies == 1:
            stores[size] = targets(int(size), args.workdir, backends, args.postgres)
            done, rss = measure({"backend": "all", "op": "index", "targets": list(stores[size].values()), "corpus": str(corpus),
                                 "workdir": str(args.workdir)})
            indexed = {backend: {"index": done["seconds"][t], "reindex": done["again"][t], "index_rss": rss}
                       for backend, t in stores[size].items()}
            registry = corpus / "registry.yaml"
        else:  # the stores of `size`, grown `copies` times over inside themselves (`copy_archive`)
            from generate import write_registry

            if size not in stores:
                raise SystemExit(f"{label}: measure {size} first (--sizes {size},{label}): its stores are the ones copied")
            entities = max(50, int(size) * args.claims // 8)
            registry = args.workdir / f"registry-{label}.yaml"
            write_registry(registry, entities * copies, entities * copies // 20)
            grown = copied_stores(stores[size], int(size), copies, args.workdir, make=False)
            if args.against_only and all(existing(target) for target in grown.values()):
                stores[label] = grown  # an earlier run grew them
            else:
                stores[label] = copied_stores(stores[size], int(size), copies, args.workdir)
                for backend, target in stores[label].items():
                    measure({"backend": backend, "op": "copy", "target": target, "copies": copies, "entities": entities})
        rows = bench(stores[label], new, registry, args.repeat, not args.no_report, audit=not args.against_only)
        for backend, row in rows.items():
            row.update(indexed.get(backend, {}))
            row.update(in_memory)
            if args.against_only:
                print(f"{label:>9} {claims:>8} {backend:>8} " + " ".join(f"{cell(row, name, unit):>{max(len(name), 7)}}"
                                                                       for name, unit in columns), flush=True)
                continue
            audited = row["audit_findings"]
            found = {audited, row.get("report_findings", audited), in_memory.get("findings", audited)}
            if len(found) != 1:
                raise SystemExit(f"audit on {backend} found {row['audit_findings']} findings, "
                                 f"the report {row.get('report_findings')}, the in-memory check {in_memory.get('findings')}")
            row["findings"] = row["audit_findings"]
            if in_memory:
                row["audit/mem"] = row["audit_cpu"] / in_memory["memory_cpu"]
            figures = " ".join(f"{cell(row, name, unit):>{max(len(name), 7)}}" for name, unit in columns)
            print(f"{label:>9} {claims:>8} {backend:>8} {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
