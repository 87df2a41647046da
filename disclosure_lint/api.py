"""The library API: lint a path or a report without the command line.

Works without click; the CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from .config import Config, find_config, load_config_file
from .config.profile import layered
from .engine.linter import Linter
from .engine.result import LintResult
from .errors import InputError
from .limits import DEFAULT_LIMITS, Limits, given_limits
from .model import Report
from .plugins.manager import Plugins
from .run.batch import BatchOptions, load_bytes, run_batch
from .run.pairing import Candidate, resolve_previous
from .run.recipe import Checker, Checkers, LinterRecipe
from .run.tasks import input_error


def _checker(config: Config | str | Path | None, path: str | Path | None, overrides: Config) -> Checker:
    if isinstance(config, Config):
        base = config
    elif config is not None:
        base = load_config_file(config)
    else:
        found = find_config(path) if path is not None else None
        base = load_config_file(found) if found else Config()
    return Checker.of(Plugins().linter(layered(base, overrides)))


def _overridden(linter: Linter, overrides: Config) -> Checker:
    if overrides.model_fields_set:
        linter = Linter(layered(linter.user_config, overrides), linter.ruleset)
    return Checker.of(linter)


def load_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read and build the report at ``path`` (any supported format) with the installed readers,
    within ``limits``. Raises `InputError`."""
    return Plugins().loader(limits).load(path)


def lint_report(
    report: Report,
    *,
    config: Config | str | Path | None = None,
    previous: Report | None = None,
    published_on: date | None = None,
    linter: Linter | None = None,
) -> LintResult:
    """Run the rules on a `Report` you already have (e.g. built from your own data)."""
    linter = linter or _checker(config if config is not None else Config(), None, Config()).linter
    return linter.lint_report(report, previous=previous, published_on=published_on)


def lint_bytes(data: bytes, path: str, linter: Linter, *, previous: Report | None = None,
               published_on: date | None = None, only_reports: bool = False) -> LintResult:
    """Lint a file's content (``path`` is only its name, for messages and format hints).

    With ``only_reports`` (files found by walking a folder, or ``--only-reports``) a file that is
    plainly not an annual report is passed over instead of getting DL001.
    """
    loaded = load_bytes(data, path, Checker.of(linter).loader, only_reports=only_reports)
    if isinstance(loaded, LintResult):
        return loaded
    return linter.lint_report(loaded, path=path, previous=previous, published_on=published_on)


def lint_path(
    path: str | Path,
    *,
    config: Config | str | Path | None = None,
    previous: Report | str | Path | None = None,
    published_on: date | None = None,
    max_file_size: int | None = None,
    linter: Linter | None = None,
    only_reports: bool = False,
) -> LintResult:
    """Lint one file. Input problems come back as ``result.input_error``, never as an exception.

    ``config`` is a `Config`, a path to a configuration file, or None to use the closest
    ``disclosure-lint.yaml`` / ``pyproject.toml`` above the file (as the CLI does). ``previous`` is
    last year's report (a `Report` or a file), or a folder holding it: the report of the same body
    for the year before is picked from the folder (none → the DL6xx rules are skipped).
    ``published_on`` is the publication date (DL408); without it, the date the file states, if any.
    ``max_file_size`` overrides the configuration's ``limits.max-file-size`` (the other limits:
    ``Config(limits=…)``, docs/limits.md). An unreadable ``previous`` file raises `InputError`.
    """
    overrides = Config.given(limits=given_limits(max_file_size=max_file_size))
    checker = _overridden(linter, overrides) if linter is not None else _checker(config, path, overrides)
    loader = checker.loader
    try:
        data = loader.read(path)
    except InputError as exc:
        return input_error(str(path), exc.zh, exc.en)
    loaded = load_bytes(data, str(path), loader, only_reports=only_reports)
    if isinstance(loaded, LintResult):
        return loaded
    last = None
    if previous is not None:
        pairing = resolve_previous([Candidate(str(path), loaded)], previous, loader=loader)
        last = pairing.previous.get(str(path))
    return checker.linter.lint_report(loaded, path=str(path), previous=last, published_on=published_on)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    config: Config | str | Path | None = None,
    previous: Report | str | Path | None = None,
    published_on: date | None = None,
    max_file_size: int | None = None,
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
    `disclosure_lint.run.pairing.resolve_previous`); ``published_on`` applies to every file. Each file
    gets the closest configuration above it unless ``config`` or ``linter`` is given.

    ``jobs`` worker processes share the work (None: one per core; 1, the default: all in this
    process); ``executor="dask"`` runs it on the Dask cluster at ``scheduler`` (or a local one).
    ``timeout_per_file`` (seconds) turns a file that takes longer into an input error; it and
    ``max_file_size`` override the configuration's ``limits`` (docs/limits.md). The results
    are the same, in the same order, however the work is spread (docs/scale.md). With
    ``keep_reports=False`` each result's ``report`` is only its summary (title, body, year,
    template, source): for batches too large to hold every report in memory.
    """
    overrides = Config.given(limits=given_limits(max_file_size=max_file_size, timeout_per_file=timeout_per_file))
    if linter is not None:
        given = _overridden(linter, overrides)
        recipe = LinterRecipe.from_linter(given.linter)
        checker_for: Checkers | Callable[[str], Checker] = (
            Checkers(recipe, given.linter.ruleset.origin, seed={None: given}) if recipe is not None
            else (lambda _path: given))
    elif isinstance(config, Config):
        checker_for = Checkers(LinterRecipe(config=config, overrides=overrides))
    else:
        checker_for = Checkers(LinterRecipe(config_file=str(config) if config is not None else None,
                                            overrides=overrides))
    options = BatchOptions(previous=previous, published_on=published_on, jobs=jobs, include=tuple(include),
                           exclude=tuple(exclude), executor=executor, scheduler=scheduler, keep_reports=keep_reports)
    return run_batch(list(paths), checker_for, options).results
