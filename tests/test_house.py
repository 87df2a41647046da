"""The house rules of the code base itself: every test file runs, and the package has no import cycle.

A folder named like one of pytest's ``norecursedirs`` (``build``, ``dist``, ``*.egg`` …) is skipped
without a word — 240 tests of ``tests/build/`` once never ran — so the files pytest collects are
compared with the test files on disk. The layers themselves are import-linter's contracts
(``.importlinter``, run by tests/run.sh); a cycle is checked here, over every import, those inside
functions and under ``TYPE_CHECKING`` included.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_test_file_on_disk_is_collected() -> None:
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    collected = {line.split("::", 1)[0] for line in out.stdout.splitlines() if "::" in line}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    assert on_disk - collected == set(), "test files pytest never collects"
    assert len(collected) > 50


def test_the_package_has_no_import_cycle() -> None:
    import grimp

    graph = grimp.build_graph("disclosure_lint", "disclosure_lint_rules")
    cycles = sorted((m, imported) for m in graph.modules for imported in graph.find_modules_directly_imported_by(m)
                    if graph.chain_exists(imported, m))
    assert cycles == []
