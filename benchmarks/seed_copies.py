"""The seed corpus copied N times: `python benchmarks/seed_copies.py [--copies 20,200] [--repeat 3]`.

Each copy is a folder of the seed articles and claims files, so every disagreement of the seeds
is restated N times.  A finding is one disagreement about one fact, so every size must give the
same findings (the same fingerprints, the same positions' readings), and the check's time must
grow with the claims, not with the square of the articles stating a fact.  Each size is checked
with `crosscheck check -f json --no-cache` in a fresh subprocess, the median of `--repeat` runs
(interleaved across sizes); the last line gives the time ratio of the largest size to the smallest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
CLI = [sys.executable, "-m", "crosscheck.cli.app"]


def copies(folder: Path, count: int) -> Path:
    """`folder/seeds-xCOUNT`: the registry once, and COUNT folders of the seed articles and claims files."""
    corpus = folder / f"seeds-x{count}"
    if (corpus / "registry.yaml").exists():
        return corpus
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEEDS / "registry.yaml", corpus / "registry.yaml")
    for n in range(count):
        copy = corpus / f"copy-{n:04d}"
        copy.mkdir(exist_ok=True)
        for path in SEEDS.iterdir():
            if path.suffix == ".txt" or path.name.endswith(".claims.yaml"):
                shutil.copy(path, copy / path.name)
    return corpus


def checked(corpus: Path, report: Path) -> float:
    """Seconds of one `crosscheck check -f json` of `corpus` (no cache), the report written to `report`."""
    start = time.perf_counter()
    done = subprocess.run([*CLI, "check", str(corpus), "-f", "json", "-o", str(report), "--no-cache", "-q"],
                          capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"check of {corpus} failed ({done.returncode}): {done.stderr[-2000:]}")
    return took


def findings(report: Path) -> list[tuple[str, str, tuple[str, ...], int]]:
    """(fingerprint, rule, positions' readings, documents per position) of each finding, sorted."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return sorted(
        (f["fingerprint"], f["rule"], tuple(p["reading"] for p in f["positions"]), max(len(p["documents"]) for p in f["positions"]))
        for f in data["findings"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="crosscheck on the seeds copied N times")
    parser.add_argument("--copies", default="20,200", help="comma-separated copy counts (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the median is shown (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "crosscheck-seed-copies")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.copies.split(",") if n]
    corpora = {n: copies(args.workdir, n) for n in sizes}
    times: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(args.repeat):
        for n in sizes:
            times[n].append(checked(corpora[n], args.workdir / f"report-x{n}.json"))
    print(f"{'copies':>6} {'articles':>8} {'seconds':>8} {'findings':>8} {'articles per position':>21}")
    seen = {}
    for n in sizes:
        found = findings(args.workdir / f"report-x{n}.json")
        seen[n] = [(fingerprint, rule, readings) for fingerprint, rule, readings, _ in found]
        most = max((count for *_, count in found), default=0)
        print(f"{n:>6} {n * 5:>8} {statistics.median(times[n]):>8.2f} {len(found):>8} {most:>21}")
    same = all(seen[n] == seen[sizes[0]] for n in sizes)
    print(f"same findings at every size: {'yes' if same else 'NO'}")
    small, big = sizes[0], sizes[-1]
    ratio = statistics.median(times[big]) / statistics.median(times[small])
    print(f"{big} copies take {ratio:.1f}x the time of {small} ({big / small:.0f}x the articles)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
