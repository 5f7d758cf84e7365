"""Scale benchmark: `python benchmarks/scale.py [--sizes 1000,10000,100000]`.

For each size (articles x 40 claims) it generates a synthetic corpus, then measures, each in a
fresh subprocess on the same files:

- parse floor: read + parse every claims file with the fastest parser the project uses
- orjson floor: read + parse an equivalent JSON dump of the same claims (the warm target's yardstick)
- validate: `crosscheck validate` (load path only: parse, validate, locate quotes)
- check cold: `crosscheck check` with an empty cache (which it fills)
- check warm: `crosscheck check` again, nothing changed
- peak memory (max RSS) of the cold check, per claim
- one new article `--against` a store of the whole corpus, minus interpreter start-up (medians of 7)
- `crosscheck validate` with one worker process (1proc) and two (2proc)

Timings are wall-clock seconds of one run each (floors: median of 3; `--against`: median of 7);
the machine is printed with them.  crosscheck's bytecode is compiled first, as a normal install
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
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
CLI = [PY, "-m", "crosscheck.cli"]


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
    from crosscheck.loading import _parse_fast, _MISS, _SafeLoader  # noqa: PLC0415
    import gc  # noqa: PLC0415

    import yaml  # noqa: PLC0415

    gc.disable()  # as load_corpus does: the floor is the fastest parse, not the collector's
    start = time.perf_counter()
    for path in sorted(Path(folder).rglob("*.claims.yaml")):
        text = path.read_text(encoding="utf-8")
        data = _parse_fast(text)
        if data is _MISS:
            data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506
    print(time.perf_counter() - start)


def floor_json(folder: str) -> None:
    """Subprocess body: read and parse every JSON dump with orjson."""
    import gc  # noqa: PLC0415

    import orjson  # noqa: PLC0415

    gc.disable()
    start = time.perf_counter()
    for path in sorted(Path(folder).rglob("*.json")):
        orjson.loads(path.read_bytes())
    print(time.perf_counter() - start)


def dump_json(corpus: Path, out: Path) -> None:
    import orjson  # noqa: PLC0415
    import ryaml  # noqa: PLC0415

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


def bench(size: int, work: Path, claims: int) -> dict[str, float]:
    corpus = work / f"corpus-{size}"
    if not (corpus / "registry.yaml").exists():
        print(f"  generating {size} articles x {claims} claims ...", file=sys.stderr, flush=True)
        generate(corpus, articles=size, claims=claims, seed=1)
    total = size * claims
    json_dir = work / f"json-{size}"
    if not json_dir.exists():
        dump_json(corpus, json_dir)
    row: dict[str, float] = {"articles": size, "claims": total}
    row["parse"] = inner([PY, __file__, "--floor-yaml", str(corpus)], corpus)
    row["orjson"] = inner([PY, __file__, "--floor-json", str(json_dir)], json_dir)
    cache = work / f"cache-{size}.db"
    for leftover in work.glob(f"cache-{size}.db*"):
        leftover.unlink()
    row["validate"], row["validate_rss"], _ = timed(CLI + ["validate", str(corpus)], reads=(corpus,))
    row["validate_1"], _, _ = timed(CLI + ["validate", str(corpus)], jobs=1, reads=(corpus,))
    row["validate_2"], _, _ = timed(CLI + ["validate", str(corpus)], jobs=2, reads=(corpus,))
    report = work / "report.json"
    check = CLI + ["check", str(corpus), "-f", "json", "-o", str(report), "--cache", str(cache)]
    row["cold"], row["cold_rss"], _ = timed(check, reads=(corpus,))
    row["findings"] = _findings(report)
    row["warm"], row["warm_rss"], _ = timed(check, reads=(corpus, cache))
    store = work / f"store-{size}.db"
    if not store.exists():
        subprocess.run(CLI + ["index", str(corpus), "--store", str(store), "--no-cache"], check=True, capture_output=True)
    new = work / "new"
    shutil.rmtree(new, ignore_errors=True)
    generate(new, articles=1, claims=claims, seed=1)  # article 0 again: it shares every key with the store
    # a fraction of a second: the median of interleaved runs, so one hiccup of the machine does not count
    startups, againsts = [], []
    for _ in range(7):
        startups.append(timed([PY, "-c", "pass"])[0])
        seconds, rss, _ = timed(CLI + ["check", str(new), "--against", str(store), "-f", "json", "--no-cache"], reads=(new,))
        againsts.append(seconds)
    row["against"] = statistics.median(againsts) - statistics.median(startups)
    row["against_rss"] = rss
    return row


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
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "crosscheck-bench")
    parser.add_argument("--floor-yaml", help=argparse.SUPPRESS)
    parser.add_argument("--floor-json", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor_yaml:
        floor_yaml(args.floor_yaml)
        return 0
    if args.floor_json:
        floor_json(args.floor_json)
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    # as after `pip install`: bytecode compiled once, not on every run (PYTHONDONTWRITEBYTECODE may be set)
    import crosscheck  # noqa: PLC0415

    compileall.compile_dir(Path(crosscheck.__file__).parent, quiet=1)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    header = (
        f"{'articles':>8} {'claims':>9} {'findings':>8} {'parse':>7} {'orjson':>7} {'validate':>8} {'cold':>7} {'warm':>7} "
        f"{'claims/s':>9} {'cold/parse':>10} {'warm/orjson':>11} {'KB/claim':>8} {'against':>8} {'agst MB':>7} {'1proc':>6} {'2proc':>6}"
    )
    print(header)
    rows = []
    for size in [int(s) for s in args.sizes.split(",") if s]:
        row = bench(size, args.workdir, args.claims)
        rows.append(row)
        print(
            f"{size:>8} {int(row['claims']):>9} {int(row['findings']):>8} {row['parse']:>7.2f} {row['orjson']:>7.2f} {row['validate']:>8.2f} "
            f"{row['cold']:>7.2f} {row['warm']:>7.2f} {row['claims'] / row['cold']:>9.0f} "
            f"{row['cold'] / row['parse']:>10.2f} {row['warm'] / row['orjson']:>11.1f} "
            f"{row['cold_rss'] / row['claims'] / 1024:>8.2f} {row['against']:>8.3f} {row['against_rss'] / 2**20:>7.0f} "
            f"{row['validate_1']:>6.2f} {row['validate_2']:>6.2f}",
            flush=True,
        )
    for small, big in zip(rows, rows[1:]):
        ratio = big["claims"] / small["claims"]
        print(f"scaling {int(small['articles'])} -> {int(big['articles'])} articles ({ratio:.0f}x claims): "
              f"cold {big['cold'] / small['cold']:.1f}x, warm {big['warm'] / small['warm']:.1f}x, validate {big['validate'] / small['validate']:.1f}x")
    print(f"(max RSS of this script's children so far: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
