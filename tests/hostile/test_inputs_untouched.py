"""No command ever writes to its input (issue 9).

A folder of fixture copies — every format, the variants, a configuration with YAML rule paths, a
baseline, the YAML rules themselves — goes through every command of the CLI: ``check`` of the
whole folder (in worker processes) and of a few files (in-process), to standard output and to
files (``--output-file``), writing a baseline, with a baseline, with ``--previous`` and
``--config``; ``parse``, ``rules``, ``rule``, ``schema``, ``plugins``, ``test-rules``. Before and
after, every file's content hash, modification time and mode are recorded: they must not change,
and no file may appear in the folder (outputs go to their own folder). Every output format writes
through the same code (stdout or ``--output-file``): test_determinism runs each of them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import hostile_files as hf
from cli_run import run_many

ZIBO_RULES = hf.ROOT / "examples" / "plugins" / "disclosure-lint-zibo" / "src" / "disclosure_lint_zibo" / "rules"


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for path in hf.FIXTURES.glob("seed.*"):
        shutil.copy2(path, folder / path.name)
    shutil.copytree(hf.FIXTURES / "variants", folder / "variants")
    shutil.copytree(ZIBO_RULES, folder / "rules")
    (folder / "structured.yaml").write_text(
        (hf.ROOT / "tests" / "read" / "data" / "report.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "disclosure-lint.yaml").write_text("rule-paths: [rules]\nfail-on: error\n", encoding="utf-8")
    (folder / "defect.txt").write_text(hf.seed_text().replace(hf.LICENSING_CELL_TXT, "\t18463件x\n"), encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            st = path.lstat()
            out[str(path.relative_to(folder))] = (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns,
                                                  st.st_mode)
    return out


def test_no_command_writes_to_its_input(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "inputs")
    out = tmp_path / "out"
    out.mkdir()
    setup = run_many([("check", f"{inputs}/defect.txt", "--write-baseline", f"{inputs}/baseline.yaml")])[0]
    assert setup.returncode == 0, setup.describe()  # a baseline to read, kept in the inputs
    before = _snapshot(inputs)
    assert len(before) >= 20
    i = str(inputs)
    few = (f"{i}/defect.txt", f"{i}/seed.docx", f"{i}/variants/seed_sloppy.html", f"{i}/structured.yaml")
    one = ("--jobs", "1")  # in this process; the folder run below uses worker processes
    commands: list[tuple[str, ...]] = [
        ("check", i),
        ("check", *few, *one, "--output-format", "json"),
        ("check", *few, *one, "--output-format", "sarif", "--output-file", str(out / "lint.sarif")),
        ("check", *few, *one, "--output-format", "html", "--output-file", str(out / "lint.html")),
        ("check", *few, *one, "--write-baseline", str(out / "baseline.yaml")),
        ("check", *few, *one, "--baseline", str(inputs / "baseline.yaml"), "--report-suppressed"),
        ("check", f"{i}/seed.txt", "--previous", f"{i}/variants", "--published-on", "2024-01-20"),
        ("check", f"{i}/seed.docx", "--config", f"{i}/disclosure-lint.yaml", "--statistics", "--verbose"),
        ("parse", f"{i}/seed.docx"),
        ("parse", f"{i}/seed.pdf", "--output-format", "yaml"),
        ("parse", f"{i}/structured.yaml"),
        ("rules", "--output-format", "json"), ("rule", "requests-row-total"), ("schema", "--what", "config"),
        ("plugins",),
        ("test-rules", f"{i}/rules"),
    ]
    runs = run_many(commands, cwd=inputs)
    for run in runs:
        assert run.returncode in (0, 1), run.describe()
        assert "Traceback" not in run.output, run.describe()
    assert _snapshot(inputs) == before
    assert sorted(p.name for p in out.iterdir()) == ["baseline.yaml", "lint.html", "lint.sarif"]
