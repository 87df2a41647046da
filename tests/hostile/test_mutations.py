"""Mutated fixtures in every format never crash the linter (issue 9).

For each input format, hypothesis drives mutations.py (its `random.Random` is hypothesis's own,
so a failure shrinks and replays) and the mutant goes through `lint_path`: the outcome is always a
`LintResult` — a report with findings, or an input error of one line — and never an exception, nor
a rule that failed on what the reader made of it (an internal error). A batch of seeded mutants of
every format then goes through the command line in one run: no traceback, every file accounted
for. Example counts follow the hypothesis profile (tests/conftest.py), scaled by how long one
example of the format takes.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from cli_run import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import MUTATORS

from disclosure_lint import Config, LintResult, lint_path
from disclosure_lint.plugins.manager import Plugins

LINTER = Plugins().linter(Config())
# Share of the profile's example count per format: reading a 9-page PDF costs ten text files.
SHARE = {"txt": 100, "docx": 60, "html": 60, "pdf": 25, "structured": 20}


def check_outcome(result: LintResult, name: str) -> None:
    assert isinstance(result, LintResult)
    assert not result.errors, [(e.rule_id, e.message) for e in result.errors]  # type: ignore[attr-defined]
    if result.input_error is not None:
        assert result.report is None
        for text in (result.input_error.zh, result.input_error.en):
            assert text and "\n" not in text, text
            assert "Traceback" not in text
    else:
        assert result.report is not None


def _lint(name: str, data: bytes) -> LintResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return lint_path(path, linter=LINTER)


def _scaled(fmt: str) -> settings:
    return settings(max_examples=max(5, settings.default.max_examples * SHARE[fmt] // 100))


@pytest.mark.parametrize("fmt", sorted(MUTATORS))
def test_a_mutant_ends_in_findings_or_an_input_error(fmt: str) -> None:
    @_scaled(fmt)
    @given(st.randoms(use_true_random=False))
    def run(rng: random.Random) -> None:
        name, data = MUTATORS[fmt](rng)
        check_outcome(_lint(name, data), name)

    run()


def test_mutants_of_every_format_through_the_command_line(tmp_path: Path) -> None:
    rng = random.Random(20240126)
    paths = []
    for fmt, mutate in sorted(MUTATORS.items()):
        for i in range(8):
            name, data = mutate(rng)
            path = tmp_path / f"{fmt}-{i}{Path(name).suffix}"
            path.write_bytes(data)
            paths.append(path)
    run = run_cli("check", *map(str, paths), "--output-format", "json", "--lang", "en", cwd=tmp_path)
    assert run.returncode in (1, 2), run.describe()
    assert "Traceback" not in run.output and not run.stderr, run.describe()
    files = {f["path"]: f for f in json.loads(run.stdout)["files"]}
    assert sorted(files) == sorted(map(str, paths)), run.describe()
    for entry in files.values():  # each: a report checked, or a one-line input error
        error = entry["input_error"]
        assert (entry["report"] is None) == (error is not None), entry
        assert error is None or ("\n" not in error["zh"] and "\n" not in error["en"]), entry
        assert entry["errors"] == [], entry  # no rule failed on what the reader made of the file
