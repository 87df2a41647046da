"""The conformance suite: each case's report fires exactly the findings its expected.yaml lists.

A case may hold last year's report as ``previous.*`` and a ``published_on`` date in expected.yaml:
they are passed as ``--previous`` and ``--published-on`` are.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from disclosure_lint import lint_path
from disclosure_lint.config import Config
from disclosure_lint.plugins.manager import Plugins

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in HERE.iterdir() if (p / "expected.yaml").exists())
LINTER = Plugins().linter(Config())


def _report_file(case: Path) -> Path:
    return next(p for p in sorted(case.iterdir()) if p.name != "expected.yaml" and p.stem != "previous")


def _previous_file(case: Path) -> Path | None:
    """Last year's report (``previous.*``), given as ``--previous``, for the cross-year rules."""
    return next((p for p in sorted(case.iterdir()) if p.stem == "previous"), None)


def test_there_are_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    result = lint_path(_report_file(case), linter=LINTER, previous=_previous_file(case),
                       published_on=expected.get("published_on"))  # YAML reads 2024-02-15 as a date
    assert result.input_error is None and not result.errors, (result.input_error, result.errors)
    wanted = [f if isinstance(f, dict) else {"rule": f} for f in expected["findings"]]
    got = Counter(f.rule_id for f in result.findings)
    assert got == Counter(w["rule"] for w in wanted), [
        f"{f.rule_id} {f.place.logical}: {f.message.zh}" for f in result.findings]
    for w in wanted:
        if "at" in w:
            places = {f.place.key or f.place.logical for f in result.findings if f.rule_id == w["rule"]}
            assert w["at"] in places, (w, places)
    assert result.exit_code() == (1 if result.failing(LINTER.config.fail_on) else 0)
