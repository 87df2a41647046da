"""Linting many paths at once: expand folders, load every file, pair years, run the rules.

One place for what the CLI and `disclosure_lint.lint_paths` both do, in the order a batch needs:
every file is read and built first, so reports of the same body for consecutive years can be
paired (DL6xx) before any rule runs. Which checker (configuration) applies to a file is the
caller's business (``checker_for``), so the CLI can add its overrides and error handling.

The work runs in this process, in worker processes (``jobs``) or on a Dask cluster
(``executor="dask"``), in three phases:

1. load — read and build every file (in parallel). With workers and no ``previous`` given, a
   report is linted right away too (without last year's report): most files then cross between
   processes once;
2. pair — in this process, over all the loaded reports (`disclosure_lint.run.pairing`);
3. lint — the reports not linted yet, and again those that found last year's report (in
   parallel).

Each file's result is ``linter.lint_report(report, previous=<its pair>)`` whichever process
computed it, and results come back in the order of the files: the outcome is the same for any
``jobs`` and executor (`--timeout-per-file` aside: how long a file takes depends on the machine).
A file that cannot be read, that hangs past the time limit or that crashes its worker is an error
result for that file; the others go on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

from ..builder.loading import Loader
from ..engine.finding import Message
from ..engine.result import LintResult
from ..model import Report
from .discovery import STDIN, walk
from .executors import Executor, ProcessPool, Serial, available_cpus
from .pairing import Candidate, resolve_previous
from .recipe import Checker, Checkers
from .tasks import LintTask, LoadTask, Outcome, Task, load_bytes, plainly_not_a_report

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True)
class Target:
    """One file to lint, and the command-line argument it came from."""

    path: str  # the file ("-" for standard input)
    argument: str  # what the user named: the file itself, or the folder it was found in
    walked: bool = False  # found by walking a folder: a file that is plainly not a report is passed over


@dataclass(frozen=True)
class BatchOptions:
    previous: Report | str | Path | None = None  # last year's report, or a folder to pick it from
    published_on: date | None = None  # applies to every file
    only_reports: bool = False  # pass over named files that are plainly not reports, too
    stdin: bytes | None = None  # the content of "-"
    stdin_filename: str | None = None
    # Which files of a folder: gitignore-style globs, matched against the path below the folder.
    include: tuple[str, ...] = ()  # only files matching one of these (none given: every report file)
    exclude: tuple[str, ...] = ()  # never files matching one of these
    force_exclude: bool = False  # apply ``exclude`` to files named directly, too
    jobs: int | None = 1  # worker processes (None: one per core); 1 runs in this process
    executor: str = "local"  # "local" (this process or worker processes) or "dask"
    scheduler: str | None = None  # a Dask scheduler's address; None: a local cluster
    progress: Progress | None = None  # told of each step done (a file loaded, a file linted)
    # False: results carry each report's `summary` (title, body, year, template, source), not the
    # whole model — all any output but the HTML page needs, at a fraction of the memory and of the
    # cost of passing results between processes. Reports paired with last year's are read again.
    keep_reports: bool = True


@dataclass(frozen=True)
class BatchResult:
    results: list[LintResult]
    unmatched_previous: list[str] = field(default_factory=list)  # reports --previous had no year-before for


def _spec(patterns: Sequence[str]) -> GitIgnoreSpec | None:
    if not patterns:
        return None
    from pathspec import GitIgnoreSpec  # here: pathspec imports asyncio (30 ms of every start)

    return GitIgnoreSpec.from_lines(patterns)


def expand_paths(paths: Sequence[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = (),
                 force_exclude: bool = False) -> list[Target]:
    """Every file to lint, in order: named files as given, folders walked recursively.

    ``include`` and ``exclude`` are .gitignore-style globs matched against a walked file's path
    below the folder named (``*.docx``, ``drafts/``, ``2019/**/*.pdf``): with ``include`` only
    files matching one are taken, a file matching an ``exclude`` never. A file named directly is
    always linted — unless ``force_exclude`` and it matches an ``exclude`` (for tools that pass
    every changed file, as pre-commit does).
    """
    inc, exc = _spec(include), _spec(exclude)
    targets: list[Target] = []
    for p in map(str, paths):
        if p != STDIN and Path(p).is_dir():
            for f in walk(p):
                rel = f.relative_to(p).as_posix()
                if (exc is None or not exc.match_file(rel)) and (inc is None or inc.match_file(rel)):
                    targets.append(Target(str(f), p, walked=True))
        elif not (force_exclude and exc is not None and p != STDIN and exc.match_file(Path(p).as_posix())):
            targets.append(Target(p, p))
    return targets


def _empty_folders(paths: Sequence[str | Path], targets: list[Target], results: list[LintResult]) -> list[LintResult]:
    """An input error for each folder argument under which no report was linted."""
    linted = {t.argument for t, r in zip(targets, results, strict=True) if not r.passed_over}
    return [LintResult(path=p, input_error=Message(zh="该文件夹下没有找到年度报告文件",
                                                   en=f"no report files found under {p}"))
            for p in map(str, paths) if p != STDIN and Path(p).is_dir() and p not in linted]


class _Steps:
    """Progress in steps: each file is loaded (1) and linted (1); a --previous folder's file is
    loaded (1)."""

    def __init__(self, total: int, report: Progress | None) -> None:
        self.done, self.total, self._report = 0, total, report

    def add(self, n: int = 1) -> None:
        self.done += n
        if self._report is not None:
            self._report(self.done, self.total)


def _executor(options: BatchOptions, checkers: Checkers | None, files: int, checker_of: Callable[[Task], Checker],
              sources: Sequence[str | None] = (), timed: bool = False) -> Executor:
    """Where the tasks run. One file never starts a pool; without a recipe (a caller's own
    ``checker_for`` function) nothing can be rebuilt elsewhere, so it runs here too. ``timed``:
    some file has a time limit (``limits.timeout-per-file``)."""
    if options.executor == "dask":
        if checkers is None:
            raise ValueError("executor='dask' needs checker_for to be a disclosure_lint.run.recipe.Checkers")
        from .dask import DaskExecutor

        return DaskExecutor(checkers.recipe, scheduler=options.scheduler, jobs=options.jobs or available_cpus())
    if options.executor != "local":
        raise ValueError(f"unknown executor {options.executor!r} (local or dask)")
    jobs = options.jobs if options.jobs is not None else available_cpus()
    if checkers is None or files <= 1 or (jobs <= 1 and not timed):
        return Serial(checker_of)
    # With a time limit even --jobs 1 runs in a worker process: a hung file can then be stopped.
    return ProcessPool(checkers.recipe, min(max(jobs, 1), files), sources)


def run_batch(paths: Sequence[str | Path], checker_for: Callable[[str], Checker] | Checkers,
              options: BatchOptions = BatchOptions()) -> BatchResult:
    """Lint ``paths`` (files, folders, "-"); one file's input error never stops the others.

    ``checker_for`` gives the checker for a path; pass a `disclosure_lint.run.recipe.Checkers` to
    let the work run in worker processes (``options.jobs``) or on Dask — the workers rebuild the
    checkers from its recipe. Every configuration is built here first, so an invalid one is
    reported (raised) before any work starts.

    Raises `InputError` only for an unreadable ``options.previous``.
    """
    targets = expand_paths(paths, options.include, options.exclude, options.force_exclude)
    checkers = checker_for if isinstance(checker_for, Checkers) else None
    per_target = [checker_for(t.path) for t in targets]  # also: a configuration error stops us here
    sources = [checkers.source(t.path) if checkers is not None else None for t in targets]
    folder = options.previous is not None and not isinstance(options.previous, Report) \
        and Path(options.previous).is_dir()
    pool_files = [str(f) for f in walk(options.previous)] if folder else []  # type: ignore[arg-type]
    def checker_of(task: Task) -> Checker:
        return per_target[task.index] if task.index < len(targets) else per_target[0]

    steps = _Steps(2 * len(targets) + len(pool_files), options.progress)
    if not targets:
        pairing = resolve_previous([], options.previous, loader=Loader(readers=()))
        return BatchResult(_empty_folders(paths, [], []), list(pairing.unmatched))
    timeouts = [checker.config.limits.timeout_per_file for checker in per_target]  # each file's own
    timed = any(t is not None for t in timeouts)
    executor = _executor(options, checkers, len(targets) + len(pool_files), checker_of, sources, timed)
    try:
        return _run(paths, targets, sources, timeouts, pool_files, executor, options, steps, per_target[0])
    finally:
        executor.close()


def _run(paths: Sequence[str | Path], targets: list[Target], sources: list[str | None],
         timeouts: list[float | None], pool_files: list[str], executor: Executor, options: BatchOptions,
         steps: _Steps, first: Checker) -> BatchResult:
    parallel = not isinstance(executor, Serial)
    absolute = options.executor == "dask"  # workers elsewhere read by absolute path
    keep = options.keep_reports
    # Lint while loading (pairs are linted again in phase 3) when results cross processes, or are
    # summaries: most files then cross once and no process holds every full report.
    speculate = options.previous is None and (parallel or not keep)

    def read_path(path: str) -> str:
        return os.path.realpath(path) if absolute else path

    loads: list[Task] = []
    for i, t in enumerate(targets):
        stdin = t.path == STDIN
        loads.append(LoadTask(
            index=i, name=(options.stdin_filename or STDIN) if stdin else t.path,
            read_path=None if stdin else read_path(t.path), source=sources[i],
            only_reports=t.walked or options.only_reports, data=(options.stdin or b"") if stdin else None,
            lint=speculate, published_on=options.published_on, keep_report=keep, timeout=timeouts[i]))
    for n, f in enumerate(pool_files):
        loads.append(LoadTask(index=len(targets) + n, name=f, read_path=read_path(f), source=sources[0],
                              candidate=True, keep_report=keep, timeout=timeouts[0]))

    outcomes: dict[int, Outcome] = {}
    for task, outcome in executor.run(loads):
        outcomes[task.index] = outcome
        final = isinstance(task, LoadTask) and not task.candidate and not isinstance(outcome, Report)
        steps.add(2 if final else 1)

    # Pairing, here: over every report, in the order of the files.
    results: list[LintResult | None] = [None] * len(targets)
    loaded: list[tuple[int, Report]] = []
    origin: dict[int, Task] = {}  # id(report) → the task that read it (to read it again, without ``keep``)
    for i in range(len(targets)):
        outcome = outcomes[i]
        if isinstance(outcome, Report):
            loaded.append((i, outcome))
        elif isinstance(outcome, LintResult) and speculate and _linted(outcome):
            loaded.append((i, outcome.report))  # type: ignore[arg-type]
            results[i] = outcome
        else:
            results[i] = outcome  # type: ignore[assignment]
            continue
        origin[id(loaded[-1][1])] = loads[i]
    pool = []
    for n, f in enumerate(pool_files):
        if isinstance(r := outcomes[len(targets) + n], Report):
            pool.append(Candidate(f, r))
            origin[id(r)] = loads[len(targets) + n]
    pairing = resolve_previous([Candidate(loads[i].name, r) for i, r in loaded], options.previous,
                               loader=first.loader, pool=pool if pool_files else None)

    lints: list[Task] = []
    for i, report in loaded:
        previous = pairing.previous.get(loads[i].name)
        if results[i] is not None and previous is None:
            continue  # linted while loading, and nothing to pair it with
        if results[i] is not None:
            steps.total += 1  # linted again, with last year's report
        if keep:
            lints.append(LintTask(index=i, name=loads[i].name, source=sources[i], report=report, previous=previous,
                                  published_on=options.published_on, timeout=timeouts[i]))
        else:  # summaries only: the worker reads the report (and last year's) again
            again = origin.get(id(previous)) if previous is not None else None
            lints.append(LintTask(index=i, name=loads[i].name, source=sources[i], load=loads[i],  # type: ignore[arg-type]
                                  previous=previous if again is None else None, load_previous=again,  # type: ignore[arg-type]
                                  published_on=options.published_on, keep_report=False, timeout=timeouts[i]))
    for task, outcome in executor.run(lints):
        results[task.index] = outcome  # type: ignore[assignment]
        steps.add()
    done = [r for r in results if r is not None]
    assert len(done) == len(targets)
    return BatchResult(done + _empty_folders(paths, targets, done), list(pairing.unmatched))


def _linted(result: LintResult) -> bool:
    """A result of linting a loaded report (not an input error, a passed-over file, a file whose
    reading crashed)."""
    return result.report is not None and not result.passed_over and result.input_error is None


__all__ = ["BatchOptions", "BatchResult", "Target", "available_cpus", "expand_paths", "load_bytes",
           "plainly_not_a_report", "run_batch"]
