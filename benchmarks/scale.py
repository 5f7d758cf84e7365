"""Scale benchmark: `python benchmarks/scale.py [--sizes 1000,10000,100000] [--repeat N]`.

For each size (articles x 40 claims) it generates a synthetic corpus, then measures, each in a
fresh subprocess on the same files:

- parse floor: read + parse every claims file with the fastest parser the project uses
- orjson floor: read + parse an equivalent JSON dump of the same claims (the warm target's yardstick)
- validate: `crosscheck validate` (load path only: parse, validate, locate quotes)
- check cold: `crosscheck check` with an empty cache (which it fills)
- check warm: `crosscheck check` again, nothing changed
- peak memory (max RSS) of the cold check, per claim
- one new article (a copy of the corpus's first) `--against` a store of the whole corpus,
  minus interpreter start-up: with a registry of the ids the article names, and (+registry)
  with the whole corpus's registry
- `crosscheck validate` with one worker process (1proc) and two (2proc)
- findings per article and JSON report bytes per article (constant when findings grow with the
  disagreements, not with the square of the articles stating a fact), and the CPU time of rendering
  the cold check's report as rich, Markdown (no size limit) and SARIF over that of rendering it as JSON

`--findings-only` runs one cold check per size and prints just the last group of figures.
(About 350 lines, on purpose: one command measures every figure of the README's Performance section.)

Timings are wall-clock seconds: crosscheck runs the median of `--repeat` interleaved runs
(default 1), floors the median of 3 (or of `--repeat`), `--against` the median of 7.  The
machine is printed with them.  crosscheck's bytecode is compiled first, as a normal install
does, and every timed run starts with the files it reads in the OS page cache (read just
before), so a figure measures crosscheck, not the disk.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
CONFLICTS = 0.1
"""The generator's default share of disagreeing claims; another share gets corpora of its own."""
CLI = [PY, "-m", "crosscheck.cli.app"]


def cached(*paths: Path) -> None:
    """Read every file under `paths`, so the timed run after finds them in the page cache.

    Some machines (this project's among them) page out file data left idle for a minute, which
    would otherwise make a run's reading time depend on what ran before it.
    """
    for path in paths:
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            with open(file, "rb") as handle:
                while handle.read(1 << 20):
                    pass


def timed(cmd: list[str], jobs: int | None = None, reads: tuple[Path, ...] = ()) -> tuple[float, int, int]:
    """(seconds, max RSS in bytes, exit code) of one subprocess, its input files cached first; output discarded."""
    cached(*reads)
    env = dict(os.environ, CROSSCHECK_JOBS=str(jobs)) if jobs else None
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024, code


def floor_yaml(folder: str) -> None:
    """Subprocess body: read and parse every claims file as `crosscheck` does on a valid corpus."""
    import gc

    import yaml

    from crosscheck.load.read import _MISS, _parse_fast, _SafeLoader

    gc.disable()  # as load_corpus does: the floor is the fastest parse, not the collector's
    start = time.perf_counter()
    for path in sorted(Path(folder).rglob("*.claims.yaml")):
        text = path.read_text(encoding="utf-8")
        data = _parse_fast(text)
        if data is _MISS:
            data = yaml.load(text, Loader=_SafeLoader)
    print(time.perf_counter() - start)


def floor_json(folder: str) -> None:
    """Subprocess body: read and parse every JSON dump with orjson."""
    import gc

    import orjson

    gc.disable()
    start = time.perf_counter()
    for path in sorted(Path(folder).rglob("*.json")):
        orjson.loads(path.read_bytes())
    print(time.perf_counter() - start)


def dump_json(corpus: Path, out: Path) -> None:
    import orjson
    import ryaml

    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(sorted(corpus.rglob("*.claims.yaml"))):
        (out / f"{i:07d}.json").write_bytes(orjson.dumps(ryaml.loads(path.read_text(encoding="utf-8"))))


def inner(cmd: list[str], reads: Path, runs: int = 3) -> float:
    """Seconds a subprocess reports for its own work (floors exclude interpreter start-up): the median of `runs`."""
    seconds = []
    for _ in range(runs):
        cached(reads)
        result = subprocess.run(cmd, capture_output=True, text=True, check=True)
        seconds.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(seconds)


def bench(size: int, work: Path, claims: int, conflicts: float = CONFLICTS, repeat: int = 1) -> dict[str, float]:
    name = f"{size}" if conflicts == CONFLICTS else f"{size}-conflicts-{conflicts:g}"
    corpus = work / f"corpus-{name}"
    if not (corpus / "registry.yaml").exists():
        print(f"  generating {size} articles x {claims} claims ...", file=sys.stderr, flush=True)
        _quietly([PY, str(HERE / "generate.py"), str(corpus), "--articles", str(size), "--claims", str(claims),
                  "--conflicts", str(conflicts), "--seed", "1"])
    total = size * claims
    json_dir = work / f"json-{name}"
    if not json_dir.exists():
        _quietly([PY, __file__, "--dump-json", str(corpus), str(json_dir)])
    row: dict[str, float] = {"articles": size, "claims": total}
    row["parse"] = inner([PY, __file__, "--floor-yaml", str(corpus)], corpus, runs=max(3, repeat))
    row["orjson"] = inner([PY, __file__, "--floor-json", str(json_dir)], json_dir, runs=max(3, repeat))
    cache = work / f"cache-{name}.db"
    report = work / "report.json"
    check = CLI + ["check", str(corpus), "-f", "json", "-o", str(report), "--cache", str(cache)]
    runs: dict[str, list[tuple[float, int]]] = {}
    for _ in range(repeat):  # interleaved, so a slow spell of the machine spreads over every measure
        for leftover in work.glob(f"cache-{name}.db*"):
            leftover.unlink()
        for key, cmd, jobs, reads in (
            ("validate", CLI + ["validate", str(corpus)], None, (corpus,)),
            ("validate_1", CLI + ["validate", str(corpus)], 1, (corpus,)),
            ("validate_2", CLI + ["validate", str(corpus)], 2, (corpus,)),
            ("cold", check, None, (corpus,)),
            ("warm", check, None, (corpus, cache)),
        ):
            seconds, rss, _ = timed(cmd, jobs=jobs, reads=reads)
            runs.setdefault(key, []).append((seconds, rss))
    for key, measured in runs.items():
        row[key] = statistics.median(seconds for seconds, _ in measured)
        row[f"{key}_rss"] = max(rss for _, rss in measured)
    row["findings"] = _findings(report)
    row["report_bytes"] = report.stat().st_size
    ratios = subprocess.run([PY, __file__, "--render-ratios", str(report)], capture_output=True, text=True, check=True)
    row.update({key: float(value) for key, value in (pair.split("=") for pair in ratios.stdout.split())})
    store = work / f"store-{name}.db"
    if not store.exists():
        subprocess.run(CLI + ["index", str(corpus), "--store", str(store), "--no-cache"], check=True, capture_output=True)
    # a new article that restates figures of the archive: the first article again, under another
    # path, checked once with a registry of just the ids it uses and once with the whole corpus's
    new = work / "new"
    shutil.rmtree(new, ignore_errors=True)
    first = min(corpus.rglob("*.claims.yaml"))
    (new / "part").mkdir(parents=True)
    for source in (first, first.with_name(first.name.replace(".claims.yaml", ".txt"))):
        shutil.copy(source, new / "part" / source.name)
    against = CLI + ["check", str(new), "--against", str(store), "-f", "json", "--no-cache"]
    for key, whole in (("against", False), ("against_registry", True)):
        if whole:
            shutil.copy(corpus / "registry.yaml", new / "registry.yaml")
        else:
            _quietly([PY, __file__, "--registry-for", str(first), str(corpus / "registry.yaml"), str(new / "registry.yaml")])
        # a fraction of a second: the median of interleaved runs, so one hiccup of the machine does not count
        startups, seconds = [], []
        for _ in range(7):
            startups.append(timed([PY, "-c", "pass"])[0])
            took, rss, _ = timed(against, reads=(new,))
            seconds.append(took)
        row[key] = statistics.median(seconds) - statistics.median(startups)
        row[f"{key}_rss"] = rss
    return row


def render_ratios(report_path: str, repeat: int = 5) -> None:
    """Subprocess body: each format's CPU time to render the report over JSON's (best of `repeat`, interleaved).

    The report is loaded, then put out of the collector's sight and rendered with the collector
    paused, as `crosscheck check` renders the report it has just computed.
    """
    import gc
    import io

    from crosscheck import reporters
    from crosscheck.model.report import Report
    from crosscheck.speed.gcpause import paused

    report = Report.model_validate_json(Path(report_path).read_bytes())
    gc.collect()
    gc.freeze()
    best: dict[str, float] = {}
    options = reporters.RenderOptions(color=False, width=100, max_chars=0)
    for _ in range(repeat):
        for name in ("json", "rich", "markdown", "sarif"):
            render = reporters.get(name)
            start = time.process_time()
            with paused():
                render(report, io.StringIO(), options)
            best[name] = min(best.get(name, float("inf")), time.process_time() - start)
    ratios = " ".join(f"{name}_ratio={best[name] / best['json']:.2f}" for name in ("rich", "markdown", "sarif"))
    print(ratios, f"json_render={best['json']:.3f}")


def findings_only(size: int, work: Path, claims: int, conflicts: float = CONFLICTS) -> None:
    """`--findings-only`: generate, one cold `check -f json`, and what its report holds per article, with render ratios."""
    name = f"{size}" if conflicts == CONFLICTS else f"{size}-conflicts-{conflicts:g}"
    corpus = work / f"corpus-{name}"
    if not (corpus / "registry.yaml").exists():
        print(f"  generating {size} articles x {claims} claims ...", file=sys.stderr, flush=True)
        _quietly([PY, str(HERE / "generate.py"), str(corpus), "--articles", str(size), "--claims", str(claims),
                  "--conflicts", str(conflicts), "--seed", "1"])
    report = work / f"report-{name}.json"
    seconds, _, _ = timed(CLI + ["check", str(corpus), "-f", "json", "-o", str(report), "--no-cache", "-q"], reads=(corpus,))
    ratios = subprocess.run([PY, __file__, "--render-ratios", str(report)], capture_output=True, text=True, check=True)
    row = {key: float(value) for key, value in (pair.split("=") for pair in ratios.stdout.split())}
    found = _findings(report)
    print(f"{size:>8} {size * claims:>9} {seconds:>7.1f} {found:>8} {found / size:>8.3f} {report.stat().st_size / size / 1024:>6.1f} "
          f"{row['json_render']:>6.2f} {row['rich_ratio']:>9.2f} {row['markdown_ratio']:>7.2f} {row['sarif_ratio']:>10.2f}", flush=True)


def _quietly(cmd: list[str]) -> None:
    """Run a preparation step in a subprocess of its own.

    A child's peak RSS (ru_maxrss) starts from this process's at fork, so whatever this process
    grows to would show up in every measure after; the big steps (generating, dumping, parsing a
    registry) stay out of it.
    """
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def _registry_for(claims_file: Path, registry: Path) -> str:
    """The part of `registry` that the claims of `claims_file` name (JSON, which is YAML)."""
    import json

    import ryaml

    claims = ryaml.loads(claims_file.read_text(encoding="utf-8"))["claims"]
    full = ryaml.loads(registry.read_text(encoding="utf-8"))
    ids = {c["subject"] for c in claims} | {c["value"][k] for c in claims for k in ("speaker", "entity") if k in c["value"]}
    entities = {i: e for i, e in full.get("entities", {}).items() if i in ids}
    properties = {i: p for i, p in full.get("properties", {}).items() if i in {c["property"] for c in claims}}
    return json.dumps({"version": full.get("version", 1), "entities": entities, "properties": properties}, ensure_ascii=False)


def _findings(report: Path) -> int:
    """How many findings a JSON report holds (read from its summary, without parsing it all)."""
    with open(report, encoding="utf-8") as handle:
        head = handle.read(4096)
    summary = head[head.index('"summary"') : head.index("}", head.index('"summary"')) + 1]
    return sum(int(line.split(":")[1].strip().rstrip(",")) for line in summary.splitlines()
               if line.strip().startswith(('"error"', '"warning"', '"info"')))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crosscheck scale benchmark")
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--claims", type=int, default=40, help="claims per article")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each crosscheck measure; the median is shown (default: 1)")
    parser.add_argument("--conflicts", type=float, default=CONFLICTS, help="share of shared claims that disagree (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "crosscheck-bench")
    parser.add_argument("--floor-yaml", help=argparse.SUPPRESS)
    parser.add_argument("--floor-json", help=argparse.SUPPRESS)
    parser.add_argument("--dump-json", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--registry-for", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--render-ratios", help=argparse.SUPPRESS)
    parser.add_argument("--findings-only", action="store_true",
                        help="only one cold check per size: findings and report size per article, and render ratios")
    args = parser.parse_args(argv)
    if args.render_ratios:
        render_ratios(args.render_ratios)
        return 0
    if args.floor_yaml:
        floor_yaml(args.floor_yaml)
        return 0
    if args.floor_json:
        floor_json(args.floor_json)
        return 0
    if args.dump_json:
        dump_json(*args.dump_json)
        return 0
    if args.registry_for:
        claims_file, registry, out = args.registry_for
        out.write_text(_registry_for(claims_file, registry), encoding="utf-8")
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    # as after `pip install`: bytecode compiled once, not on every run (PYTHONDONTWRITEBYTECODE may be set)
    import crosscheck

    compileall.compile_dir(Path(crosscheck.__file__).parent, quiet=1)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    if args.findings_only:
        print(f"{'articles':>8} {'claims':>9} {'cold s':>7} {'findings':>8} {'find/art':>8} {'KB/art':>6} {'json s':>6} "
              f"{'rich/json':>9} {'md/json':>7} {'sarif/json':>10}")
        for size in [int(s) for s in args.sizes.split(",") if s]:
            findings_only(size, args.workdir, args.claims, args.conflicts)
        return 0
    header = (
        f"{'articles':>8} {'claims':>9} {'findings':>8} {'parse':>7} {'orjson':>7} {'validate':>8} {'cold':>7} {'warm':>7} "
        f"{'claims/s':>9} {'cold/parse':>10} {'warm/orjson':>11} {'KB/claim':>8} {'against':>8} {'agst MB':>7} {'+registry':>9} "
        f"{'1proc':>6} {'2proc':>6} {'find/art':>8} {'KB/art':>6} {'json s':>6} {'rich/json':>9} {'md/json':>7} {'sarif/json':>10}"
    )
    print(header)
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        row = bench(size, args.workdir, args.claims, args.conflicts, args.repeat)
        rows.append(row)
        print(
            f"{size:>8} {int(row['claims']):>9} {int(row['findings']):>8} {row['parse']:>7.2f} {row['orjson']:>7.2f} "
            f"{row['validate']:>8.2f} "
            f"{row['cold']:>7.2f} {row['warm']:>7.2f} {row['claims'] / row['cold']:>9.0f} "
            f"{row['cold'] / row['parse']:>10.2f} {row['warm'] / row['orjson']:>11.1f} "
            f"{row['cold_rss'] / row['claims'] / 1024:>8.2f} {row['against']:>8.3f} {row['against_rss'] / 2**20:>7.0f} "
            f"{row['against_registry']:>9.3f} "
            f"{row['validate_1']:>6.2f} {row['validate_2']:>6.2f} "
            f"{row['findings'] / size:>8.3f} {row['report_bytes'] / size / 1024:>6.1f} {row['json_render']:>6.2f} "
            f"{row['rich_ratio']:>9.2f} {row['markdown_ratio']:>7.2f} {row['sarif_ratio']:>10.2f}",
            flush=True,
        )
    for small, big in zip(rows, rows[1:]):
        ratio = big["claims"] / small["claims"]
        print(f"scaling {int(small['articles'])} -> {int(big['articles'])} articles ({ratio:.0f}x claims): "
              f"cold {big['cold'] / small['cold']:.1f}x, warm {big['warm'] / small['warm']:.1f}x, "
              f"validate {big['validate'] / small['validate']:.1f}x")
    print(f"(max RSS of this script's children so far: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
