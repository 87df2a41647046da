"""The outcome of linting one file, and the exit code that follows from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report, Severity
from .finding import Finding, InternalError, Message, Skip

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class LintResult:
    """Findings, skipped rules and internal errors for one file (``report`` is None when the file
    could not be read: then ``input_error`` says why)."""

    path: str
    report: Report | None = None
    findings: tuple[Finding, ...] = ()
    skipped: tuple[Skip, ...] = ()
    errors: tuple[InternalError, ...] = ()
    input_error: Message | None = None
    passed_over: bool = False  # found while walking a folder, and plainly not an annual report
    rules_run: tuple[str, ...] = field(default=())
    # Findings an inline comment, per-file-ignores or the baseline suppresses (each with its
    # `Finding.suppression`): never counted, shown only with --report-suppressed.
    suppressed: tuple[Finding, ...] = ()

    def failing(self, fail_on: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.rank >= fail_on.rank)

    def exit_code(self, fail_on: Severity = Severity.WARNING) -> int:
        if self.input_error is not None or self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failing(fail_on) else EXIT_CLEAN

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in reversed(Severity)}
        for f in self.findings:
            out[f.severity.value] += 1
        return out


def exit_code(results: list[LintResult], fail_on: Severity = Severity.WARNING) -> int:
    """The worst exit code of a batch (2 over 1 over 0)."""
    return max((r.exit_code(fail_on) for r in results), default=EXIT_CLEAN)
