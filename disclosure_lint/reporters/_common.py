"""What every built-in reporter computes the same way: order, totals, and where a finding points.

Kept in one place so the text, JSON and SARIF outputs can never disagree on how many findings a
run had or on which line a finding sits.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..engine.finding import Message
from ..engine.result import LintResult
from ..model import Location, Severity


def ordered(results: Sequence[LintResult]) -> list[LintResult]:
    """Results by path, so the output does not depend on the order files were linted in."""
    return sorted(results, key=lambda r: r.path)


def has_line(location: Location) -> bool:
    """True when ``location.line`` is a line of the file itself (text, Markdown, HTML).

    A PDF location may carry a line, but it counts within its page, not within the file.
    """
    return location.line is not None and location.page is None


def describe(location: Location, lang: str) -> str:
    """The place in the file in words: only line and column when the file has lines (a text
    reader may also record the table cell, which would say the same thing twice)."""
    if has_line(location):
        return Location(line=location.line, column=location.column).describe(lang)
    return location.describe(lang)


def input_error_text(result: LintResult, lang: str) -> str:
    """Why the file could not be read, in ``lang`` (the file's name is shown beside it)."""
    return result.input_error.get(lang) if result.input_error is not None else ""


@dataclass(frozen=True)
class Totals:
    """The counts a summary line reports, over one file or the whole run."""

    files: int = 0  # files linted (passed-over files not counted)
    error: int = 0
    warning: int = 0
    info: int = 0
    skipped: int = 0  # skipped rule runs (a rule skipped in two files counts twice)
    internal_errors: int = 0
    input_errors: int = 0
    passed_over: int = 0
    suppressed: int = 0  # findings an inline comment, per-file-ignores or the baseline suppressed

    @property
    def findings(self) -> int:
        return self.error + self.warning + self.info


def totals(results: Sequence[LintResult]) -> Totals:
    counts = {s.value: 0 for s in Severity}
    files = skipped = internal = inputs = passed = suppressed = 0
    for r in results:
        if r.passed_over:
            passed += 1
            continue
        files += 1
        for key, n in r.counts().items():
            counts[key] += n
        skipped += len(r.skipped)
        internal += len(r.errors)
        inputs += r.input_error is not None
        suppressed += len(r.suppressed)
    return Totals(files=files, skipped=skipped, internal_errors=internal, input_errors=inputs,
                  passed_over=passed, suppressed=suppressed, **counts)


def workspace_path(path: str, workspace: object) -> str:
    """``path`` relative to ``workspace`` (the repository root, e.g. ``GITHUB_WORKSPACE``) when it
    lies inside it, with forward slashes — what CI annotations and reports expect; else as given."""
    if not workspace or path == "-":
        return path
    try:  # realpath: a symbolic-link loop (an input error of its own) must not crash the report
        rel = Path(os.path.realpath(path)).relative_to(os.path.realpath(str(workspace)))
    except ValueError:
        return path
    return rel.as_posix()


def annotated(results: Sequence[LintResult], workspace: object) -> Iterator[tuple[LintResult, str]]:
    """The results a CI annotation format reports (files passed over are not), by path, each
    with the path relative to the repository (`workspace_path`)."""
    for r in ordered(results):
        if not r.passed_over:
            yield r, workspace_path(r.path, workspace)


def message_or_none(message: Message | None, lang: str) -> str | None:
    return message.get(lang) if message is not None else None
