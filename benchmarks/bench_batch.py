"""Benchmark batches: reports per second by format at --jobs 1 and 2, peak memory per worker, Dask.

Runs the real command line (a fresh process per run, as a user or a CI job runs it) over the
corpus of ``make_corpus.py``, one folder per format and then all of it (the mixed batch), and
checks that every run gives the same output as the --jobs 1 run. While a run goes, the memory
high-water mark (VmHWM) of the command's process and of each of its descendants — the worker
processes; Dask's nannies and workers — is read from /proc, so Linux only. On a shared machine
other processes' CPU time during a run is measured too (/proc/stat less the run's own rusage):
only runs during which others used less than a tenth of a core count, when there are any.

Not a timed test: numbers depend on the machine; they are recorded in docs/performance.md::

    python benchmarks/make_corpus.py                     # /tmp/dl-corpus
    python benchmarks/bench_batch.py                     # a Markdown table
    python benchmarks/bench_batch.py --json --no-dask    # machine-readable, without the Dask run
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("text", "md", "html", "docx", "pdf", "structured")
# Targets on a 2-core machine, with --jobs 2 (reports per second).
TARGETS = {"text": 200, "html": 60, "docx": 40, "pdf": 2}
REPORT_SUFFIXES = {".txt", ".md", ".html", ".docx", ".pdf", ".json", ".yaml"}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _descendants(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        for child in tree.get(pid, []):
            out.append(child)
            todo.append(child)
    return out


def _busy_cpu_s() -> float:
    """CPU seconds the whole machine has been busy since boot (/proc/stat)."""
    with open("/proc/stat", encoding="utf-8") as fh:
        fields = [int(v) for v in fh.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_cli(args: list[str], poll: float = 0.05) -> dict[str, object]:
    """One command-line run: wall time, exit code, output, peak memory of it and its descendants,
    and the CPU time other processes took meanwhile (``foreign_cpu_s``: a shared machine's noise)."""
    out = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
    out.close()
    cmd = [sys.executable, "-m", "disclosure_lint", "check", *args, "-f", "csv", "-o", out.name, "--exit-zero"]
    env = {**os.environ, "CI": "true"}  # no progress bar
    busy = _busy_cpu_s()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        for each in [proc.pid, *_descendants(proc.pid)]:
            hwm = _hwm_kb(each)
            if hwm is not None:
                peaks[each] = max(peaks.get(each, 0), hwm)
        time.sleep(poll)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    ours = usage.ru_utime + usage.ru_stime  # the command and every process it waited for
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    text = Path(out.name).read_text(encoding="utf-8")
    os.unlink(out.name)
    workers = [kb for pid, kb in peaks.items() if pid != proc.pid]
    return {"wall": wall, "code": proc.returncode, "output": text, "stderr": stderr, "cpu_s": round(ours, 2),
            "foreign_cpu_s": round(max(0.0, _busy_cpu_s() - busy - ours), 2),
            "parent_mb": round(peaks.get(proc.pid, 0) / 1024, 1),
            "worker_mb": round(max(workers) / 1024, 1) if workers else None}


def quiet_best(args: list[str], repeat: int, tries: int) -> dict[str, object]:
    """The fastest of ``repeat`` runs during which other processes used less than a tenth of a
    core (up to ``tries`` runs in all; if none was quiet, the quietest)."""
    runs: list[dict[str, object]] = []
    for _ in range(tries):
        runs.append(run_cli(args))
        quiet = [r for r in runs if float(r["foreign_cpu_s"]) < 0.1 * float(r["wall"])]  # type: ignore[arg-type]
        if len(quiet) >= repeat:
            break
    quiet = [r for r in runs if float(r["foreign_cpu_s"]) < 0.1 * float(r["wall"])]  # type: ignore[arg-type]
    if quiet:
        return min(quiet, key=lambda r: float(r["wall"]))  # type: ignore[arg-type]
    return min(runs, key=lambda r: float(r["foreign_cpu_s"]))  # type: ignore[arg-type]


def count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in REPORT_SUFFIXES)


def bench(corpus: Path, repeat: int, dask: bool, only: tuple[str, ...] = ()) -> dict[str, object]:
    empty = Path(tempfile.mkdtemp())
    startup = statistics.median(float(run_cli([str(empty)])["wall"]) for _ in range(3))  # type: ignore[arg-type]
    os.rmdir(empty)
    rows: list[dict[str, object]] = []
    for name in (*FORMATS, "mixed"):
        if only and name not in only:
            continue
        folder = corpus if name == "mixed" else corpus / name
        n = count(folder)
        row: dict[str, object] = {"format": name, "reports": n}
        outputs = {}
        for jobs in (1, 2):
            best = quiet_best([str(folder), "-j", str(jobs)], repeat, 3 * repeat)
            wall = float(best["wall"])  # type: ignore[arg-type]
            row[f"j{jobs}_foreign_cpu_s"] = best["foreign_cpu_s"]
            row[f"j{jobs}_cpu_s"] = best["cpu_s"]
            outputs[jobs] = best["output"]
            row[f"j{jobs}_s"] = round(wall, 2)
            row[f"j{jobs}_per_s"] = round(n / wall, 1)
            row[f"j{jobs}_per_s_steady"] = round(n / max(wall - startup, 1e-9), 1)
            row[f"j{jobs}_parent_mb"] = best["parent_mb"]
            if jobs == 2:
                row["worker_mb"] = best["worker_mb"]
        row["speedup"] = round(float(row["j1_s"]) / float(row["j2_s"]), 2)  # type: ignore[arg-type]
        row["same_output"] = outputs[1] == outputs[2]
        if name == "mixed" and dask:
            d = quiet_best([str(folder), "-j", "2", "--executor", "dask"], 1, 3)
            row["dask_s"] = round(float(d["wall"]), 2)  # type: ignore[arg-type]
            row["dask_per_s"] = round(n / float(d["wall"]), 1)  # type: ignore[arg-type]
            row["dask_worker_mb"] = d["worker_mb"]
            row["dask_same_output"] = d["output"] == outputs[1]
            row["dask_foreign_cpu_s"] = d["foreign_cpu_s"]
        rows.append(row)
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "startup_s": round(startup, 2), "rows": rows}


def markdown(result: dict[str, object]) -> str:
    lines = [f"Start-up of the command (an empty folder): {result['startup_s']} s; {result['cpus']} cores; "
             f"Python {result['python']}.", "",
             "| format | reports | --jobs 1 (s) | reports/s | --jobs 2 (s) | reports/s | excl. start-up | speed-up "
             "| target (reports/s, -j 2) | peak MB per worker | parent peak MB (-j 2) | same output |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in result["rows"]:  # type: ignore[union-attr]
        target = TARGETS.get(r["format"], "—")
        lines.append(f"| {r['format']} | {r['reports']} | {r['j1_s']} | {r['j1_per_s']} | {r['j2_s']} "
                     f"| {r['j2_per_s']} | {r['j2_per_s_steady']} | {r['speedup']}× | {target} | {r['worker_mb']} "
                     f"| {r['j2_parent_mb']} | {'yes' if r['same_output'] else 'NO'} |")
    noisy = [(r["format"], jobs, r[f"j{jobs}_foreign_cpu_s"], r[f"j{jobs}_s"])
             for r in result["rows"] for jobs in (1, 2)  # type: ignore[union-attr]
             if float(r[f"j{jobs}_foreign_cpu_s"]) >= 0.1 * float(r[f"j{jobs}_s"])]
    lines += ["", "Every run counted was quiet (other processes used under a tenth of a core)." if not noisy else
              "Runs disturbed by other processes (no quiet run was had): " + "; ".join(
                  f"{f} -j {j}: {c} CPU-s of others in {w} s" for f, j, c, w in noisy) + "."]
    for r in result["rows"]:  # type: ignore[union-attr]
        if "dask_s" in r:
            lines += ["", f"Dask (LocalCluster, 2 single-threaded worker processes), mixed batch: {r['dask_s']} s, "
                          f"{r['dask_per_s']} reports/s, peak {r['dask_worker_mb']} MB per process, same output as "
                          f"--jobs 1: {'yes' if r['dask_same_output'] else 'NO'}."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/dl-corpus"))
    parser.add_argument("--repeat", type=int, default=2,
                        help="quiet runs per measure (the fastest counts; up to 3× as many are tried)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask run")
    parser.add_argument("--only", action="append", default=[], choices=[*FORMATS, "mixed"],
                        help="measure only this batch (repeatable)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "text").is_dir():
        parser.error(f"no corpus at {args.corpus}: run benchmarks/make_corpus.py first")
    result = bench(args.corpus, args.repeat, dask=not args.no_dask, only=tuple(args.only))
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
