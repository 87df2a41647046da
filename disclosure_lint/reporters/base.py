"""The contract of a reporter: results in, text out.

Reporters see findings and rule metadata, never readers or the CLI. A plugin adds an output format
by returning ``{name: reporter}`` from the ``disclosure_lint_reporters`` hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from ..engine.result import LintResult
from ..engine.rule import RuleSpec
from ..model import Severity
from ..version import __version__


@dataclass(frozen=True)
class ReportContext:
    """What every reporter may need besides the results."""

    rules: Mapping[str, RuleSpec]  # the rules that were selected, by ID
    lang: str = "zh"
    color: bool = False
    fail_on: Severity = Severity.WARNING
    statistics: bool = False  # add a count per rule
    verbose: bool = False  # also list skipped rules with their reasons
    quiet: bool = False  # only the findings, no summary
    report_suppressed: bool = False  # also show the findings suppressed inline, by config or baseline
    tool_version: str = __version__
    docs_url: str = "https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/"
    extra: Mapping[str, object] = field(default_factory=dict)


class Reporter(Protocol):
    def __call__(self, results: Sequence[LintResult], ctx: ReportContext) -> str: ...


F = TypeVar("F", bound=Callable[..., str])


def summaries_only(reporter: F) -> F:
    """Mark a reporter that reads only each report's summary (title, body, year, template,
    source), never its sections or tables: a batch for it then keeps summaries, not whole
    reports (memory, and the cost of moving them between processes)."""
    setattr(reporter, "needs_reports", False)  # noqa: B010 - an attribute of a function
    return reporter


def needs_reports(reporter: Any) -> bool:
    """Whether a reporter reads whole reports: unless marked `summaries_only`, it is given them."""
    return bool(getattr(reporter, "needs_reports", True))
