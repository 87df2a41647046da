"""The same input gives byte-identical output in every format (issue 9).

Two runs of ``check`` per output format over the same files — reports of several formats with
findings, a clean one, one that cannot be read — in environments that differ in everything that
must not matter: the hash seed (set and dict order), the clock's zone, ``SOURCE_DATE_EPOCH``, the
locale. No output format carries a timestamp (SARIF's invocation times and JUnit's ``timestamp``
are optional and left out), so ``SOURCE_DATE_EPOCH`` has nothing to set: the test shows that it,
and the date, change nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import hostile_files as hf
from cli_run import run_many

from disclosure_lint.reporters.registry import builtin_reporters

ENVIRONMENTS = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai", "SOURCE_DATE_EPOCH": "1700000000", "LC_ALL": "C.UTF-8"},
)


def _inputs(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "defect.txt").write_text(hf.seed_text().replace(hf.LICENSING_CELL_TXT, "\t18463件x\n"),
                                       encoding="utf-8")
    for source in (hf.SEED_TXT, hf.SEED_DOCX, hf.FIXTURES / "variants" / "seed_sloppy.html",
                   hf.FIXTURES / "variants" / "seed_split.pdf", hf.ROOT / "tests" / "read" / "data" / "report.yaml"):
        shutil.copyfile(source, folder / source.name)
    hf.nul_text(folder)
    return sorted(str(p) for p in folder.iterdir())


def test_every_format_is_byte_identical_across_environments(tmp_path: Path) -> None:
    files = _inputs(tmp_path / "in")
    # Every file for the JSON output (all the data); the others leave out the PDF, the slow one
    # to read, whose reading the JSON run already covers.
    few = [f for f in files if not f.endswith(".pdf")]
    commands = [("check", *(files if fmt == "json" else few), "--output-format", fmt, "--jobs", "1")
                for fmt in builtin_reporters() for _ in ENVIRONMENTS]
    envs = [{**os.environ, **extra} for _ in builtin_reporters() for extra in ENVIRONMENTS]
    runs = run_many(commands, cwd=tmp_path, envs=envs)
    for first, second in zip(runs[::2], runs[1::2], strict=True):
        assert first.returncode == second.returncode == 2, first.describe()  # nul.txt: an input error
        assert first.stdout and not first.stderr, first.describe()
        assert first.stdout == second.stdout, (first.args, _first_difference(first.stdout, second.stdout))


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at {at}: {a[max(0, at - 80):at + 80]!r} / {b[max(0, at - 80):at + 80]!r}"
