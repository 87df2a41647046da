"""Benchmark the core: import time, a cold CLI run, an in-process lint of the example report, and
where the time of one report goes (read, build, the rules) for each format of the seed.

Not a timed test: timings depend on the machine, so they are measured here and recorded in
docs/performance.md. Run from the repository root::

    python benchmarks/bench_core.py            # Markdown tables
    python benchmarks/bench_core.py --json     # machine-readable

Targets on a 2-core machine: import ≤ 250 ms, cold CLI ≤ 0.5 s, in-process lint ≤ 20 ms.

The stages are measured warm, on the same file again and again — as a batch sees the format's
labels and headings over and over (they are cached), but also the same paragraphs, which a real
batch of different bodies' reports does not: ``--distinct`` measures instead over every different
.txt report of the test suite (precision and conformance cases), each once per round.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reports" / "zibo-approval-bureau-2023.txt"
SEEDS = {"txt": "seed.txt", "html": "seed.html", "docx": "seed.docx", "pdf": "seed.pdf"}


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def bench(repeat: int) -> dict[str, float]:
    py = sys.executable
    baseline = [_run([py, "-c", "pass"]) for _ in range(repeat)]
    imports = [_run([py, "-c", "import disclosure_lint"]) for _ in range(repeat)]
    cli = [_run([py, "-m", "disclosure_lint", "check", str(EXAMPLE)]) for _ in range(repeat)]

    from disclosure_lint import lint_path
    from disclosure_lint.plugins.manager import Plugins

    linter = Plugins().linter()
    lint_path(EXAMPLE, linter=linter)  # warm-up: lazy imports, caches
    runs = []
    for _ in range(repeat * 10):
        start = time.perf_counter()
        lint_path(EXAMPLE, linter=linter)
        runs.append(time.perf_counter() - start)
    return {
        "python_startup_ms": median_ms(baseline),
        "import_ms": round(median_ms(imports) - median_ms(baseline), 1),
        "cold_cli_check_ms": median_ms(cli),
        "in_process_lint_ms": median_ms(runs),
    }


def stages(files: list[Path], rounds: int) -> dict[str, float]:
    """Median read, build and lint (the rules) times of the files, each read ``rounds`` times."""
    from disclosure_lint.builder.builder import build_report
    from disclosure_lint.model import SourceInfo
    from disclosure_lint.plugins.manager import Plugins

    plugins = Plugins()
    linter = plugins.linter()
    readers = plugins.readers()
    prepared = []
    for path in files:
        data = path.read_bytes()
        reader = next(r for r in readers if r.sniff(data[:8192], str(path)))
        source = SourceInfo(path=str(path), format=reader.name, sha256=hashlib.sha256(data).hexdigest(),
                            size=len(data))
        prepared.append((reader, data, source))
    times: dict[str, list[float]] = {"read": [], "build": [], "lint": []}
    for round_ in range(rounds + 1):  # the first round warms up (lazy imports, caches)
        for reader, data, source in prepared:
            t0 = time.perf_counter()
            doc = reader.read(data, source)
            t1 = time.perf_counter()
            report = build_report(doc)
            t2 = time.perf_counter()
            linter.lint_report(report, path=source.path)
            t3 = time.perf_counter()
            if round_:
                times["read"].append(t1 - t0)
                times["build"].append(t2 - t1)
                times["lint"].append(t3 - t2)
    return {f"{k}_ms": median_ms(v) for k, v in times.items()}


def bench_stages(repeat: int, distinct: bool) -> dict[str, dict[str, float]]:
    fixtures = ROOT / "tests" / "fixtures"
    out = {fmt: stages([fixtures / name], repeat * 10 if fmt != "pdf" else repeat) for fmt, name in SEEDS.items()}
    if distinct:
        files = sorted((ROOT / "tests" / "precision" / "reports").glob("*.txt"))
        files += sorted((ROOT / "tests" / "conformance").glob("*/report.txt"))
        out[f"txt, {len(files)} different reports"] = stages(files, repeat)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--distinct", action="store_true",
                        help="also the stages over the test suite's different .txt reports")
    args = parser.parse_args()
    results = bench(args.repeat)
    by_stage = bench_stages(args.repeat, args.distinct)
    if args.json:
        print(json.dumps({**results, "stages": by_stage}, indent=2))
    else:
        targets = {"import_ms": 250, "cold_cli_check_ms": 500, "in_process_lint_ms": 20}
        print("| measure | median (ms) | target (ms) |\n|---|---|---|")
        for key, value in results.items():
            print(f"| {key} | {value} | {targets.get(key, '—')} |")
        print("\n| format | read (ms) | build (ms) | lint, the rules (ms) |\n|---|---|---|---|")
        for fmt, values in by_stage.items():
            print(f"| {fmt} | {values['read_ms']} | {values['build_ms']} | {values['lint_ms']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
