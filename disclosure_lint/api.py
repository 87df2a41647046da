"""The library API: lint a path or a report without the command line.

Works without click; the CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from .batch import BatchOptions, load_bytes, run_batch
from .config import Config, find_config, load_config_file
from .engine.finding import Message
from .engine.linter import Linter
from .engine.result import LintResult
from .loading import DEFAULT_MAX_FILE_SIZE, read_bytes
from .model import Report
from .pairing import Candidate, resolve_previous
from .read.base import InputError
from .recipe import LinterRecipe, Linters


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
               published_on: date | None = None, only_reports: bool = False) -> LintResult:
    """Lint a file's content (``path`` is only its name, for messages and format hints).

    With ``only_reports`` (files found by walking a folder, or ``--only-reports``) a file that is
    plainly not an annual report is passed over instead of getting DL001.
    """
    loaded = load_bytes(data, path, linter.plugins.readers(), only_reports=only_reports)
    if isinstance(loaded, LintResult):
        return loaded
    return linter.lint_report(loaded, path=path, previous=previous, published_on=published_on)


def lint_path(
    path: str | Path,
    *,
    config: Config | str | Path | None = None,
    previous: Report | str | Path | None = None,
    published_on: date | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    linter: Linter | None = None,
    only_reports: bool = False,
) -> LintResult:
    """Lint one file. Input problems come back as ``result.input_error``, never as an exception.

    ``config`` is a `Config`, a path to a configuration file, or None to use the closest
    ``disclosure-lint.yaml`` / ``pyproject.toml`` above the file (as the CLI does). ``previous`` is
    last year's report (a `Report` or a file), or a folder holding it: the report of the same body
    for the year before is picked from the folder (none → the DL6xx rules are skipped).
    ``published_on`` is the publication date (DL408); without it, the date the file states, if any.
    An unreadable ``previous`` file raises `InputError`.
    """
    linter = linter or _linter(config, path)
    try:
        data = read_bytes(path, max_file_size)
    except InputError as exc:
        return LintResult(path=str(path), input_error=Message(zh=exc.zh, en=exc.en))
    loaded = load_bytes(data, str(path), linter.plugins.readers(), only_reports=only_reports)
    if isinstance(loaded, LintResult):
        return loaded
    last = None
    if previous is not None:
        pairing = resolve_previous([Candidate(str(path), loaded)], previous, readers=linter.plugins.readers(),
                                   max_file_size=max_file_size)
        last = pairing.previous.get(str(path))
    return linter.lint_report(loaded, path=str(path), previous=last, published_on=published_on)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    config: Config | str | Path | None = None,
    previous: Report | str | Path | None = None,
    published_on: date | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    linter: Linter | None = None,
    jobs: int | None = 1,
    timeout_per_file: float | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    executor: str = "local",
    scheduler: str | None = None,
    keep_reports: bool = True,
) -> list[LintResult]:
    """Lint files and folders, in order; one file's input error never stops the others.

    Folders are walked; files in them that are plainly not reports are passed over (``include`` /
    ``exclude``: .gitignore-style globs that choose among a folder's files). Reports of the same
    body for consecutive years are paired (DL6xx), among themselves and with ``previous`` (see
    `disclosure_lint.pairing.resolve_previous`); ``published_on`` applies to every file. Each file
    gets the closest configuration above it unless ``config`` or ``linter`` is given.

    ``jobs`` worker processes share the work (None: one per core; 1, the default: all in this
    process); ``executor="dask"`` runs it on the Dask cluster at ``scheduler`` (or a local one).
    ``timeout_per_file`` (seconds) turns a file that takes longer into an input error. The results
    are the same, in the same order, however the work is spread (docs/scale.md). With
    ``keep_reports=False`` each result's ``report`` is only its summary (title, body, year,
    template, source): for batches too large to hold every report in memory.
    """
    if linter is not None:
        recipe = LinterRecipe.from_linter(linter)
        linter_for: Linters | Callable[[str], Linter] = (
            Linters(recipe, linter.plugins, seed={None: linter}) if recipe is not None else (lambda _path: linter))
    elif isinstance(config, Config):
        linter_for = Linters(LinterRecipe(config=config))
    else:
        linter_for = Linters(LinterRecipe(config_file=str(config) if config is not None else None))
    options = BatchOptions(previous=previous, published_on=published_on, max_file_size=max_file_size, jobs=jobs,
                           timeout=timeout_per_file, include=tuple(include), exclude=tuple(exclude),
                           executor=executor, scheduler=scheduler, keep_reports=keep_reports)
    return run_batch(list(paths), linter_for, options).results
