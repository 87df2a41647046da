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


def test_comments_cite_documents_in_the_repository() -> None:
    """Code cites docs/format.md (the format as the code relies on it), never spec files that
    are not in the repository, and every section it cites exists."""
    import re

    headings = set(re.findall(r"^##+ §?(\d+(?:\.\d+)?)\b", (ROOT / "docs" / "format.md").read_text(encoding="utf-8"),
                              re.M))
    files = [p for folder in ("disclosure_lint", "rules", "tests") for p in (ROOT / folder).rglob("*.py")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        for name in ("FORMAT.md", "RULES.md", "READING.md"):
            assert name not in text or path.name == "test_house.py", f"{path} cites {name}"
        for cited in re.findall(r"docs/format\.md §(\d+(?:\.\d+)?)", text):
            assert cited in headings, f"{path} cites docs/format.md §{cited}, which does not exist"
