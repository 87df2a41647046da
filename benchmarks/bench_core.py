"""Benchmark the core: import time, a cold CLI run, an in-process lint of the example report.

Not a timed test: timings depend on the machine, so they are measured here and recorded in
docs/performance.md. Run from the repository root::

    python benchmarks/bench_core.py            # a Markdown table
    python benchmarks/bench_core.py --json     # machine-readable

Targets on a 2-core machine: import ≤ 250 ms, cold CLI ≤ 0.5 s, in-process lint ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "reports" / "zibo-approval-bureau-2023.txt"


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
    from disclosure_lint.engine.linter import Linter

    linter = Linter()
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = bench(args.repeat)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        targets = {"import_ms": 250, "cold_cli_check_ms": 500, "in_process_lint_ms": 20}
        print("| measure | median (ms) | target (ms) |\n|---|---|---|")
        for key, value in results.items():
            print(f"| {key} | {value} | {targets.get(key, '—')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
