"""The precision set: correct reports on which the linter must stay silent.

A linter that cries wolf on correct reports gets switched off. Every report in ``reports/`` is
internally consistent (every identity holds, the prose states the tables' figures, contact details
are valid) and published on time; where the set holds last year's report, the two fit together. So
linting each one — with last year's report as ``--previous`` and its publication date as
``--published-on`` — must give no DL4xx or DL6xx finding at all, and no warning or error from any
rule. Info-level advice (DL108 …) is allowed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from disclosure_lint import lint_path, lint_paths
from disclosure_lint.config import Config
from disclosure_lint.model import Severity
from disclosure_lint.plugins.manager import Plugins

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
MANIFEST: list[dict[str, object]] = yaml.safe_load((HERE / "manifest.yaml").read_text(encoding="utf-8"))
LINTER = Plugins().linter(Config())
CROSS_YEAR = {"DL601", "DL602", "DL603", "DL604"}


def _entries() -> list[object]:
    return [pytest.param(e, id=str(e["file"])) for e in MANIFEST]


def test_the_set_is_large_and_varied() -> None:
    assert len(MANIFEST) >= 12
    assert sorted(p.name for p in REPORTS.glob("*.txt")) == sorted(str(e["file"]) for e in MANIFEST)
    years = {int(str(e["file"]).rsplit("-", 1)[1][:4]) for e in MANIFEST}
    assert years == {2021, 2022, 2023, 2024}
    assert sum(1 for e in MANIFEST if e.get("previous")) >= 3


@pytest.mark.parametrize("entry", _entries())
def test_no_finding_on_a_correct_report(entry: dict[str, object]) -> None:
    previous = REPORTS / str(entry["previous"]) if entry.get("previous") else None
    published = entry["published_on"]
    assert isinstance(published, date)
    result = lint_path(REPORTS / str(entry["file"]), linter=LINTER, previous=previous, published_on=published)
    assert result.input_error is None and not result.errors, (result.input_error, result.errors)
    unwanted = [f for f in result.findings
                if f.rule_id.startswith(("DL4", "DL6")) or f.severity.rank >= Severity.WARNING.rank]
    assert unwanted == [], [f"{f.rule_id} {f.place.logical}: {f.message.zh}" for f in unwanted]
    # The rules whose silence is the point did run (the test must not pass by skipping them).
    skipped = {s.rule_id for s in result.skipped}
    assert "DL408" not in skipped
    assert not (CROSS_YEAR & skipped) if previous else CROSS_YEAR <= skipped
    assert result.report is not None and result.report.agency and result.report.year


def test_the_batch_pairs_consecutive_years_by_itself() -> None:
    results = {Path(r.path).name: r for r in lint_paths([REPORTS], config=Config(), published_on=date(2025, 1, 1))}
    assert len(results) == len(MANIFEST)
    for entry in MANIFEST:
        result = results[str(entry["file"])]
        skipped = {s.rule_id for s in result.skipped}
        assert not (CROSS_YEAR & skipped) if entry.get("previous") else CROSS_YEAR <= skipped, entry["file"]
        assert not [f for f in result.findings if f.rule_id.startswith("DL6")]


def test_the_reports_are_what_generate_py_writes() -> None:
    sys.path.insert(0, str(HERE))
    try:
        from precision_data import REPORT_DATA
    finally:
        sys.path.remove(str(HERE))
    for report in REPORT_DATA:
        assert (REPORTS / report.file).read_text(encoding="utf-8") == report.text(), (
            f"{report.file} is out of date: run python tests/precision/generate.py")
