"""Linting many paths at once: expand folders, load every file, pair years, run the rules.

One place for what the CLI and `disclosure_lint.lint_paths` both do, in the order a batch needs:
every file is read and built first, so reports of the same body for consecutive years can be
paired (DL6xx) before any rule runs. Which linter (configuration) applies to a file is the
caller's business (`linter_for`), so the CLI can add its overrides and error handling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .discovery import walk
from .engine.finding import Message
from .engine.linter import Linter
from .engine.result import LintResult
from .loading import DEFAULT_MAX_FILE_SIZE, parse_bytes, read_bytes
from .model import Report
from .pairing import Candidate, resolve_previous
from .read.base import InputError

STDIN = "-"


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
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    only_reports: bool = False  # pass over named files that are plainly not reports, too
    stdin: bytes | None = None  # the content of "-"
    stdin_filename: str | None = None


@dataclass(frozen=True)
class BatchResult:
    results: list[LintResult]
    unmatched_previous: list[str] = field(default_factory=list)  # reports --previous had no year-before for


def expand_paths(paths: Sequence[str | Path]) -> list[Target]:
    """Every file to lint, in order: named files as given, folders walked recursively."""
    targets: list[Target] = []
    for p in map(str, paths):
        if p != STDIN and Path(p).is_dir():
            targets.extend(Target(str(f), p, walked=True) for f in walk(p))
        else:
            targets.append(Target(p, p))
    return targets


def plainly_not_a_report(report: Report, path: str) -> bool:
    """Nothing of the national format in it, or YAML/JSON without the structured-report marker
    (config, rule packs, data files: the marker decides, never the extension)."""
    if Path(path).suffix.lower() in (".json", ".yaml", ".yml") and (
            report.source is None or report.source.format != "structured"):
        return True
    return not report.is_recognisable and not report.notices


def load_bytes(data: bytes, path: str, readers: Sequence[object], *, only_reports: bool = False) -> Report | LintResult:
    """Read and build a file's content without running rules: the `Report`, or the `LintResult`
    of a file that cannot be read or (with ``only_reports``) is passed over."""
    try:
        report = parse_bytes(data, path, readers)
    except InputError as exc:
        return LintResult(path=path, input_error=Message(zh=exc.zh, en=exc.en))
    if only_reports and plainly_not_a_report(report, path):
        return LintResult(path=path, report=report, passed_over=True)
    return report


def _load(target: Target, linter: Linter, options: BatchOptions) -> tuple[str, Report | LintResult]:
    only = target.walked or options.only_reports
    if target.path == STDIN:
        name = options.stdin_filename or STDIN
        data = options.stdin or b""
        if len(data) > options.max_file_size:
            return name, LintResult(path=name, input_error=Message(
                zh=f"{name}：标准输入超过大小上限", en=f"{name}: standard input exceeds the size limit"))
        return name, load_bytes(data, name, linter.plugins.readers(), only_reports=only)
    try:
        data = read_bytes(target.path, options.max_file_size)
    except InputError as exc:
        return target.path, LintResult(path=target.path, input_error=Message(zh=exc.zh, en=exc.en))
    return target.path, load_bytes(data, target.path, linter.plugins.readers(), only_reports=only)


def _empty_folders(paths: Sequence[str | Path], targets: list[Target], results: list[LintResult]) -> list[LintResult]:
    """An input error for each folder argument under which no report was linted."""
    linted = {t.argument for t, r in zip(targets, results, strict=True) if not r.passed_over}
    return [LintResult(path=p, input_error=Message(zh=f"{p}：该文件夹下没有找到年度报告文件",
                                                   en=f"no report files found under {p}"))
            for p in map(str, paths) if p != STDIN and Path(p).is_dir() and p not in linted]


def run_batch(paths: Sequence[str | Path], linter_for: Callable[[str], Linter],
              options: BatchOptions = BatchOptions()) -> BatchResult:
    """Lint ``paths`` (files, folders, "-"); one file's input error never stops the others.

    Raises `InputError` only for an unreadable ``options.previous``.
    """
    targets = expand_paths(paths)
    loaded = [_load(t, linter_for(t.path), options) for t in targets]
    readers = linter_for(targets[0].path).plugins.readers() if targets else []
    pairing = resolve_previous([Candidate(name, r) for name, r in loaded if isinstance(r, Report)],
                               options.previous, readers=readers, max_file_size=options.max_file_size)
    results = [r if isinstance(r, LintResult) else linter_for(t.path).lint_report(
        r, path=name, previous=pairing.previous.get(name), published_on=options.published_on)
        for t, (name, r) in zip(targets, loaded, strict=True)]
    return BatchResult(results + _empty_folders(paths, targets, results), list(pairing.unmatched))
