"""``check --write-baseline FILE``: record today's findings, then report as with that baseline.

Kept out of main.py so the command stays a thin layer: which findings are recorded (those reported
and those an earlier baseline suppressed, never those of the suppression rules themselves), which
reasons carry over (from every baseline the run's configurations use), and what the run reports
afterwards (nothing the new baseline lists; DL013 about entries it dropped disappears with them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..engine.linter import Linter
from ..engine.result import LintResult
from ..engine.suppress import STALE_BASELINE, accept_all, baseline_entries, dump_baseline, uses_late_fixtures


def write_baseline(path: str, results: Sequence[LintResult], linters: Iterable[Linter], lang: str
                   ) -> tuple[list[LintResult], int]:
    """Write the baseline to ``path``; the results as the run with it reports them, and how many
    entries were written. Raises OSError when the file cannot be written."""
    linters = list(linters)
    rules = {rid: spec for lt in linters for rid, spec in lt.rules.items()}
    judges = {rid for rid, spec in rules.items() if uses_late_fixtures(spec)}
    stale = {rid for rid, spec in rules.items() if STALE_BASELINE in spec.fixtures}
    old = {id(b): b for lt in linters for b in (lt.suppressor.baseline,) if b is not None}
    data = baseline_entries(results, path, old=list(old.values()), exclude=judges, lang=lang)
    Path(path).write_text(dump_baseline(data, path), encoding="utf-8")
    return accept_all(results, path, exclude=judges, drop=stale), len(data.findings)


__all__ = ["write_baseline"]
