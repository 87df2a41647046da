"""The units of work of a batch, and doing one: what a worker process (or a Dask worker) runs.

A batch has two kinds of task. A `LoadTask` reads and builds one file — and, when the file is not
expected to need last year's report, lints it right away (``lint``), so most files cross between
processes once. A `LintTask` lints a report already loaded, with last year's report the batch
paired it with. Tasks and their outcomes are plain picklable values; `perform` runs one with the
`Checker` (linter and loader) the task's configuration source stands for, in whatever process
that is.

Whatever goes wrong with one file becomes that file's result — an input error, a time-out, a
reader that raised — so one bad file never stops the others.
"""

from __future__ import annotations

import ctypes
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ..builder.loading import Loader
from ..engine.finding import InternalError, Message
from ..engine.result import LintResult
from ..errors import InputError
from ..model import Report
from .recipe import Checker, Checkers


@dataclass(frozen=True)
class LoadTask:
    """Read and build one file (``data`` for standard input, else read ``read_path``)."""

    index: int
    name: str  # the path as results show it
    read_path: str | None  # where to read it (absolute on a cluster); None with ``data``
    source: str | None  # its configuration file (see `LinterRecipe.source`)
    only_reports: bool = False  # pass over a file that is plainly not a report
    data: bytes | None = None
    lint: bool = False  # also lint it (without last year's report)
    published_on: date | None = None
    candidate: bool = False  # a file of a --previous folder: a Report with year and body, or None
    keep_report: bool = True  # False: the outcome carries only the report's `summary`
    timeout: float | None = None  # seconds (its configuration's limits.timeout-per-file)


@dataclass(frozen=True)
class LintTask:
    """Lint a report, with last year's report if the batch found one. Each report is given, or
    (when the batch keeps only summaries) read again by its `LoadTask`."""

    index: int
    name: str
    source: str | None
    report: Report | None = None
    load: LoadTask | None = None  # how to read the report again (``report`` is None)
    previous: Report | None = None
    load_previous: LoadTask | None = None  # how to read last year's report again
    published_on: date | None = None
    keep_report: bool = True
    timeout: float | None = None

Task = LoadTask | LintTask
Outcome = Report | LintResult | None


class FileTimedOut(BaseException):
    """Raised inside a thread whose file ran out of time (never caught by ``except Exception``)."""


def input_error(name: str, zh: str, en: str) -> LintResult:
    return LintResult(path=name, input_error=Message(zh=zh, en=en))


def timed_out(task: Task, seconds: float) -> LintResult:
    """The result of a file that took longer than ``--timeout-per-file``."""
    return input_error(task.name, f"检查超时（超过 {seconds:g} 秒，--timeout-per-file），已跳过该文件",
                       f"took longer than {seconds:g} s to check (--timeout-per-file); skipped")


def worker_died(task: Task, detail: str) -> LintResult:
    """The result of a file whose worker process died while checking it (a crash in a C
    extension, the system killing it for memory)."""
    return input_error(task.name, f"检查该文件的工作进程意外退出（{detail}），已跳过该文件",
                       f"the worker process checking this file died ({detail}); skipped")


def _crashed(name: str, exc: BaseException, report: Report | None = None) -> LintResult:
    """A reader or builder that raised something other than an `InputError`: an internal error
    of that file, reported like a rule's, not the end of the batch."""
    return LintResult(path=name, report=report, errors=(InternalError(
        rule_id=None, plugin="disclosure-lint", message=f"{type(exc).__name__}: {exc}",
        traceback="".join(traceback.format_exception(exc))),))


def plainly_not_a_report(report: Report, path: str) -> bool:
    """Nothing of the national format in it, or YAML/JSON without the structured-report marker
    (config, rule packs, data files: the marker decides, never the extension)."""
    from pathlib import Path

    if Path(path).suffix.lower() in (".json", ".yaml", ".yml") and (
            report.source is None or report.source.format != "structured"):
        return True
    return not report.is_recognisable and not report.notices


def load_bytes(data: bytes, path: str, loader: Loader, *, only_reports: bool = False) -> Report | LintResult:
    """Read and build a file's content without running rules: the `Report`, or the `LintResult`
    of a file that cannot be read or (with ``only_reports``) is passed over."""
    try:
        report = loader.parse(data, path)
    except InputError as exc:
        return input_error(path, exc.zh, exc.en)
    if only_reports and plainly_not_a_report(report, path):
        return LintResult(path=path, report=report, passed_over=True)
    return report


def _load(task: LoadTask, loader: Loader) -> Report | LintResult:
    if task.data is not None or task.read_path is None:
        data = task.data or b""
    else:
        try:
            data = loader.read(task.read_path)
        except InputError as exc:  # the result carries the name the user gave (task.name)
            return input_error(task.name, exc.zh, exc.en)
    return load_bytes(data, task.name, loader, only_reports=task.only_reports)


def summary(report: Report) -> Report:
    """The report without its body — title, body's name, year, period, template, source, notices:
    what every output but the HTML page shows, and what pairing looks at. A batch of ten thousand
    reports keeps ten thousand of these instead of the full models (about 0.7 MB each)."""
    return report.model_copy(update={"intro": [], "sections": [], "active": None, "requests": None,
                                     "litigation": None, "unrecognised": [], "comments": []})


def _summarised(outcome: Outcome, keep: bool) -> Outcome:
    if keep:
        return outcome
    if isinstance(outcome, Report):
        return summary(outcome)
    if isinstance(outcome, LintResult) and outcome.report is not None:
        return replace(outcome, report=summary(outcome.report))
    return outcome


CheckerOf = Callable[[Task], Checker]


def perform(task: Task, checker_of: CheckerOf) -> Outcome:
    """Do one task; ``checker_of(task)`` is the checker of the task's configuration.

    A `LoadTask` gives the `Report` (or, with ``lint``, its `LintResult`), the `LintResult` of a
    file that cannot be read or is passed over, or — for a ``candidate`` — the report if it can
    be paired at all, else None. A `LintTask` gives the `LintResult`. Without ``keep_report`` the
    report in the outcome is its `summary`. An exception a reader or rule module did not expect
    becomes that file's internal error.
    """
    if isinstance(task, LintTask):
        report, previous = task.report, task.previous
        if report is None and task.load is not None:
            loaded = perform(replace(task.load, lint=False, keep_report=True), checker_of)
            if not isinstance(loaded, Report):  # changed since it was first read
                return _summarised(loaded, task.keep_report)
            report = loaded
        if previous is None and task.load_previous is not None:
            loaded = perform(replace(task.load_previous, lint=False, keep_report=True), checker_of)
            previous = loaded if isinstance(loaded, Report) else None
        assert report is not None
        return _summarised(_lint(checker_of(task), report, task.name, previous, task.published_on), task.keep_report)
    try:
        loaded = _load(task, checker_of(task).loader)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not end the batch
        return None if task.candidate else _crashed(task.name, exc)
    if task.candidate:
        ok = isinstance(loaded, Report) and loaded.year is not None and loaded.agency
        return _summarised(loaded, task.keep_report) if ok else None
    if task.lint and isinstance(loaded, Report):
        loaded = _lint(checker_of(task), loaded, task.name, None, task.published_on)
    return _summarised(loaded, task.keep_report)


def _lint(checker: Checker, report: Report, name: str, previous: Report | None, published_on: date | None) -> LintResult:
    try:
        return checker.linter.lint_report(report, path=name, previous=previous, published_on=published_on)
    except Exception as exc:  # noqa: BLE001 - the engine keeps rules' errors; this is anything else
        return _crashed(name, exc, report)


def perform_in(checkers: Checkers, task: Task, timeout: float | None = None) -> Outcome:
    """`perform` in a worker: checkers come from the worker's `Checkers` (built from the recipe).
    A configuration or plugin that fails there — it did not in the parent, so the worker's
    environment differs — is that file's internal error."""
    try:
        for t in (task, getattr(task, "load_previous", None)):
            if t is not None:
                checkers.for_source(t.source)
    except Exception as exc:  # noqa: BLE001
        if isinstance(task, LoadTask) and task.candidate:
            return None
        return _crashed(task.name, exc, task.report if isinstance(task, LintTask) else None)
    return perform_with_timeout(task, lambda t: checkers.for_source(t.source), timeout)


def slim(task: Task, outcome: Outcome) -> Outcome:
    """What a worker sends back: the result of a `LintTask` without the report the parent
    already holds (`restore` puts it back) — a report is the bulk of a result."""
    if isinstance(task, LintTask) and task.report is not None and isinstance(outcome, LintResult) \
            and outcome.report is task.report:
        return replace(outcome, report=None)
    return outcome


def restore(task: Task, outcome: Outcome) -> Outcome:
    if isinstance(task, LintTask) and task.report is not None and isinstance(outcome, LintResult) \
            and outcome.report is None and outcome.input_error is None:
        return replace(outcome, report=task.report)
    return outcome


def perform_with_timeout(task: Task, checker_of: CheckerOf, seconds: float | None) -> Outcome:
    """`perform` with a soft time limit, for where a process cannot be killed (one file checked
    in-process, a Dask worker): the task runs in a thread; at the deadline the file's result is a
    time-out and the thread is interrupted at its next Python instruction. A long call inside a C
    extension cannot be interrupted: it runs on in the background until it returns."""
    if seconds is None:
        return perform(task, checker_of)
    box: list[Outcome] = []

    def run() -> None:
        try:
            box.append(perform(task, checker_of))
        except FileTimedOut:
            pass

    thread = threading.Thread(target=run, name=f"disclosure-lint {task.name}", daemon=True)
    thread.start()
    thread.join(seconds)
    if not thread.is_alive():
        return box[0] if box else timed_out(task, seconds)
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(FileTimedOut))
    return None if isinstance(task, LoadTask) and task.candidate else timed_out(task, seconds)


__all__ = ["FileTimedOut", "LintTask", "LoadTask", "Outcome", "Task", "load_bytes", "perform", "perform_in", "summary",
           "perform_with_timeout", "plainly_not_a_report", "restore", "slim", "timed_out", "worker_died"]
