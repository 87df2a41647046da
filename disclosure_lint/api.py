"""The library API: lint a path or a report without the command line.

Works without click; the CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .config import Config, find_config, load_config_file
from .engine.finding import Message
from .engine.linter import Linter
from .engine.result import LintResult
from .loading import DEFAULT_MAX_FILE_SIZE, parse_bytes, read_bytes
from .model import Report
from .read.base import InputError


def _linter(config: Config | str | Path | None, path: str | Path | None) -> Linter:
    if isinstance(config, Config):
        return Linter(config)
    if config is not None:
        return Linter(load_config_file(config))
    found = find_config(path) if path is not None else None
    return Linter(load_config_file(found) if found else Config())


def load_report(path: str | Path, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> Report:
    """Read and build the report at ``path`` (any supported format). Raises `InputError`."""
    from .loading import load_report as _load

    return _load(path, max_file_size=max_file_size)


def lint_report(
    report: Report,
    *,
    config: Config | str | Path | None = None,
    previous: Report | None = None,
    published_on: date | None = None,
    linter: Linter | None = None,
) -> LintResult:
    """Run the rules on a `Report` you already have (e.g. built from your own data)."""
    linter = linter or _linter(config if config is not None else Config(), None)
    return linter.lint_report(report, previous=previous, published_on=published_on)


def lint_bytes(data: bytes, path: str, linter: Linter, *, previous: Report | None = None,
               published_on: date | None = None) -> LintResult:
    """Lint a file's content (``path`` is only its name, for messages and format hints)."""
    try:
        report = parse_bytes(data, path, linter.plugins.readers())
    except InputError as exc:
        return LintResult(path=path, input_error=Message(zh=exc.zh, en=exc.en))
    return linter.lint_report(report, path=path, previous=previous, published_on=published_on)


def lint_path(
    path: str | Path,
    *,
    config: Config | str | Path | None = None,
    previous: Report | str | Path | None = None,
    published_on: date | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    linter: Linter | None = None,
) -> LintResult:
    """Lint one file. Input problems come back as ``result.input_error``, never as an exception.

    ``config`` is a `Config`, a path to a configuration file, or None to use the closest
    ``disclosure-lint.yaml`` / ``pyproject.toml`` above the file (as the CLI does).
    """
    linter = linter or _linter(config, path)
    if previous is not None and not isinstance(previous, Report):
        previous = load_report(previous, max_file_size=max_file_size)
    try:
        data = read_bytes(path, max_file_size)
    except InputError as exc:
        return LintResult(path=str(path), input_error=Message(zh=exc.zh, en=exc.en))
    return lint_bytes(data, str(path), linter, previous=previous, published_on=published_on)


def lint_paths(paths: Iterable[str | Path], **kwargs: object) -> list[LintResult]:
    """Lint several files, in the order given; one file's input error never stops the others."""
    return [lint_path(p, **kwargs) for p in paths]  # type: ignore[arg-type]
