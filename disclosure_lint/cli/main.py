"""The ``disclosure-lint`` command line. The only module that knows click.

Exit codes: 0 clean; 1 findings at or above --fail-on; 2 usage, input or internal error.
Nothing here writes to a checked file: ``--output-file`` may not name an input.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..config import Config
from ..engine.result import EXIT_ERROR, exit_code
from ..errors import ConfigError, InputError
from ..reporters.base import ReportContext
from ..version import __version__
from .options import CONTEXT, SizeType, split_selectors, use_color
from .plugin_commands import test_rules_cmd
from .plugin_options import config_options, plugin_options

if TYPE_CHECKING:
    from ..engine.linter import Linter
    from ..engine.result import LintResult
    from ..reporters.base import Reporter
    from ..run.batch import BatchOptions
    from ..run.recipe import Checkers


def _die(message: str) -> NoReturn:
    click.echo(f"disclosure-lint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _plugins(configured: bool = False) -> Any:
    """The plugins of this command's -p / --disable-plugin-autoload; with ``configured``, also the
    configuration's plugins and rule-paths (rules, rule, plugins). Any plugin problem: exit 2."""
    from ..errors import PluginError
    from .plugin_options import command_config, plugin_args

    try:
        plugins = plugin_args().load()
        config = command_config() if configured else None
        if config is not None:
            plugins = plugins.configured(config)
        plugins.rules, plugins.fixtures  # noqa: B018 - load now: an invalid plugin is an error here
        return plugins
    except PluginError as exc:
        _die(f"插件错误 / plugin error: {exc}")
    except ConfigError as exc:
        _die(str(exc))


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="disclosure-lint")
def cli() -> None:
    """Lint 政府信息公开工作年度报告 before they are published.

    \b
    Examples:
      disclosure-lint check 2023年报.docx
      disclosure-lint check reports/*.txt --output-format sarif --output-file lint.sarif
      disclosure-lint rule DL302
    """


# ------------------------------------------------------------------------------------------------
@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str, readable=False))
@click.option("--output-format", "-f", "output_format", default=None,
              help="full, concise, json, json-lines, sarif, github, junit, gitlab, html, csv, or a plugin's format "
                   "[default: github when GITHUB_ACTIONS=true, else full].")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, path_type=str),
              help="Write the output to this file instead of standard output.")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes, names, tags or ALL (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the selected ones.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language [default: zh].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Use this configuration file for every path.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--statistics", is_flag=True, help="Add the number of findings per rule.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings.")
@click.option("--verbose", "-v", is_flag=True, help="Also list skipped rules and why.")
@click.option("--stdin-filename", help="The name to report for standard input ('-').")
@click.option("--max-file-size", type=SizeType(), default=None,
              help="Larger files are an input error [default: 20MB, or the configuration's limits.max-file-size].")
@click.option("--max-archive-size", type=SizeType(), default=None,
              help="A .docx whose zip archive inflates to more than this is an input error (a zip bomb) "
                   "[default: 200MB, or limits.archive.expanded-size]. Other limits: docs/limits.md.")
@click.option("--previous", "previous_path", type=click.Path(exists=True, path_type=str), metavar="FILE|DIR",
              help="Last year's report, for the cross-year rules (DL6xx): a file (with one report to check), or a "
                   "folder to pick the same body's report for the year before from. In a batch, reports of the "
                   "same body for consecutive years are paired automatically.")
@click.option("--published-on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Publication date, for the deadline rule (DL408); with several files it applies to every one. "
                   "Without it, the date an HTML page states (发布日期) is used.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Report only findings this baseline does not list (overrides the configuration's baseline); "
                   "entries that match nothing any more are reported (DL013).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Record today's findings in FILE (YAML, or JSON for .json), keeping the reasons of entries already "
                   "in the baseline; the run then reports as with that baseline.")
@click.option("--report-suppressed", is_flag=True,
              help="Also show findings suppressed inline, by per-file-ignores or by the baseline (marked as such).")
@click.option("--only-reports", is_flag=True,
              help="Pass over named files that are plainly not annual reports, as files found in folders are "
                   "(the pre-commit hook passes it).")
@click.option("--sarif-category", metavar="NAME",
              help="SARIF automationDetails category: tells apart several uploads for one commit.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, lint only files matching this .gitignore-style glob (e.g. '*.docx'). Repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="In folders, leave out files matching this .gitignore-style glob (e.g. 'drafts/'). Repeatable.")
@click.option("--force-exclude", is_flag=True, help="Apply --exclude to files named directly, too.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes [default: the number of cores]; the results are the same for any N.")
@click.option("--timeout-per-file", "timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="A file that takes longer becomes an error result; the others go on "
                                      "[default: none, or limits.timeout-per-file].")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's cores; dask: a Dask cluster (the [dask] extra, docs/scale.md).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --executor dask: the scheduler's address (tcp://host:8786) [default: a local cluster].")
@plugin_options
def check(paths: tuple[str, ...], output_format: str | None, output_file: str | None, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool,
          lang: str | None, config_path: str | None, isolated: bool, statistics: bool, color: str,
          quiet: bool, verbose: bool, stdin_filename: str | None, max_file_size: int | None,
          max_archive_size: int | None, previous_path: str | None,
          published_on: datetime | None, baseline_path: str | None, write_baseline: str | None,
          report_suppressed: bool, only_reports: bool, sarif_category: str | None, include: tuple[str, ...],
          exclude: tuple[str, ...], force_exclude: bool, jobs: int | None, timeout: float | None, executor: str,
          scheduler: str | None) -> None:
    """Lint report files (.txt .md .docx .html .pdf, or structured .yaml/.json); '-' reads standard input."""
    from ..limits import given_limits
    from ..reporters.base import needs_reports
    from ..run.batch import BatchOptions, available_cpus
    from ..run.recipe import Checkers, LinterRecipe
    from .plugin_options import plugin_args
    from .progress import ProgressBar, wanted

    # options → request: what to check, with which configuration, and how
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full")
    plugins = _plugins()
    reporter = _check_usage(paths, plugins.reporters(), output_format, output_file, write_baseline, config_path,
                            isolated, executor, scheduler)
    overrides = Config.given(
        select=split_selectors(select), extend_select=split_selectors(extend_select), ignore=split_selectors(ignore),
        fail_on=fail_on, lang=lang, baseline=os.path.realpath(baseline_path) if baseline_path else None,
        limits=given_limits(max_file_size=max_file_size, max_archive_size=max_archive_size, timeout_per_file=timeout))
    # How every checker of the run is built — here and, from the same recipe, in worker processes.
    checkers = Checkers(LinterRecipe(config_file=config_path, isolated=isolated, overrides=overrides,
                                     plugins=plugin_args()), plugins)
    bar = ProgressBar() if wanted(sys.stderr, sys.stdout, output_file=output_file, quiet=quiet) else None
    options = BatchOptions(
        previous=previous_path, published_on=published_on.date() if published_on else None,
        only_reports=only_reports, stdin_filename=stdin_filename, include=include, exclude=exclude,
        force_exclude=force_exclude, jobs=jobs if jobs is not None else available_cpus(), executor=executor,
        scheduler=scheduler, progress=bar, keep_reports=needs_reports(reporter))
    # → run
    try:
        results, linters = _run_check(paths, checkers, options, write_baseline, quiet)
    finally:
        if bar is not None:
            bar.close()
    # → report
    config = linters[0].config
    rules = {rid: linters[0].rules[rid] for lt in linters for rid in lt.selected}
    # Where the repository lies (annotations and code quality paths are relative to it).
    workspace = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR")
    extra = {k: v for k, v in (("category", sarif_category), ("workspace", workspace)) if v}
    ctx = ReportContext(rules=dict(sorted(rules.items())), lang=config.lang,
                        color=use_color(color, output_file), fail_on=config.fail_on, statistics=statistics,
                        verbose=verbose, quiet=quiet, tool_version=__version__,
                        report_suppressed=report_suppressed, extra=extra)
    text = reporter(results, ctx)
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8")
        except OSError as exc:
            _die(f"{output_file}: cannot write output ({exc.strerror})")
    elif text:
        click.echo(text, nl=not text.endswith("\n"), color=ctx.color)
    code = exit_code(results, config.fail_on)
    sys.exit(0 if exit_zero and code == 1 else code)


def _check_usage(paths: tuple[str, ...], reporters: dict[str, Reporter], output_format: str, output_file: str | None,
                 write_baseline: str | None, config_path: str | None, isolated: bool, executor: str,
                 scheduler: str | None) -> Reporter:
    """The options that cannot go together, or name something unusable, as usage errors (exit 2);
    the chosen reporter."""
    if config_path and isolated:
        raise click.UsageError("--config and --isolated cannot be used together")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    if executor == "dask":
        from ..run.dask import MISSING, available

        if not available():
            _die(MISSING)
    if output_file and any(p != "-" and os.path.realpath(p) == os.path.realpath(output_file) for p in paths):
        raise click.UsageError("--output-file must not be one of the files being checked")
    if write_baseline and output_file and os.path.realpath(write_baseline) == os.path.realpath(output_file):
        raise click.UsageError("--write-baseline and --output-file must be different files")
    if output_format not in reporters:
        raise click.BadParameter(f"unknown output format {output_format!r}; choose from: {', '.join(sorted(reporters))}",
                                 param_hint="--output-format")
    return reporters[output_format]


def _run_check(paths: tuple[str, ...], checkers: Checkers, options: BatchOptions, write_baseline: str | None,
               quiet: bool) -> tuple[list[LintResult], list[Linter]]:
    """Run the batch (and write the baseline): the results, and the linters the run used. Every
    problem with the configuration, the plugins or ``--previous`` ends the command (exit 2)."""
    from ..errors import PluginError
    from ..run.batch import expand_paths, run_batch

    if write_baseline and any(t.path != "-" and os.path.realpath(t.path) == os.path.realpath(write_baseline)
                              for t in expand_paths(paths, options.include, options.exclude, options.force_exclude)):
        raise click.UsageError("--write-baseline must not be one of the files being checked")
    try:
        # Standard input is read here, up to its configuration's size limit and a byte beyond.
        if "-" in paths:
            options = replace(options, stdin=sys.stdin.buffer.read(checkers("-").config.limits.max_file_size + 1))
        batch = run_batch(paths, checkers, options)
        if not checkers.built():  # only empty folders: the defaults describe the (empty) run
            checkers(paths[0])
    except InputError as exc:  # an unreadable --previous
        raise click.BadParameter(exc.located("en"), param_hint="--previous") from None
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except PluginError as exc:  # require-plugins missing, a configured plugin that fails
        _die(f"插件错误 / plugin error: {exc}")
    except OSError as exc:  # a Dask scheduler that cannot be reached
        if options.executor != "dask":
            raise
        _die(f"dask {options.scheduler or 'LocalCluster'}: {type(exc).__name__}: {exc}")
    if not quiet:
        for name in batch.unmatched_previous:
            click.echo(f"disclosure-lint: {options.previous} 中没有找到 {name} 的上一年度报告（DL6xx 将跳过） / "
                       f"no report of the same body for the year before {name} in {options.previous}", err=True)
    results = batch.results
    linters = [checker.linter for checker in checkers.built().values()]
    if write_baseline:
        from .baseline import write_baseline as write

        try:
            results, written = write(write_baseline, results, linters, linters[0].config.lang)
        except OSError as exc:
            _die(f"{write_baseline}: cannot write the baseline ({exc.strerror})")
        if not quiet:
            click.echo(f"disclosure-lint: 已将 {written} 个问题写入基线 {write_baseline} / "
                       f"wrote {written} finding(s) to the baseline {write_baseline}", err=True)
    return results, linters


# ------------------------------------------------------------------------------------------------
@cli.command("rules", context_settings=CONTEXT)
@click.option("--output-format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@plugin_options
@config_options
def rules_cmd(fmt: str, lang: str) -> None:
    """List every rule (built-in, from plugins, and the YAML rules of the configuration's rule-paths)."""
    rules = _plugins(configured=True).rules
    if fmt == "json":
        data = [{"id": r.id, "name": r.name, "severity": r.severity.value, "tags": sorted(r.tags),
                 "plugin": r.plugin, "summary": r.summary_en if lang == "en" else r.summary,
                 "templates": sorted(t.value for t in r.templates) if r.templates else None}
                for r in rules.values()]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r.name) for r in rules.values()), default=10)
    for r in rules.values():
        summary = r.summary_en if lang == "en" else r.summary
        click.echo(f"{r.id:<7} {r.severity.label(lang):<8} {r.name:<{width}}  {summary}")


@cli.command("rule", context_settings=CONTEXT)
@click.argument("ref")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@plugin_options
@config_options
def rule_cmd(ref: str, lang: str) -> None:
    """Explain one rule: its documentation, options and examples."""
    from ..config.select import resolve_rule
    from ..docs import rule_markdown

    rules = _plugins(configured=True).rules
    try:
        rule_id = resolve_rule(ref, rules)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="REF") from None
    click.echo(rule_markdown(rules[rule_id], lang=lang))


@cli.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path(path_type=str, readable=False))
@click.option("--output-format", "-f", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option("--max-file-size", type=SizeType(), default=None,
              help="Larger files are an input error [default: 20MB, or the configuration's limits.max-file-size].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="Use this configuration file (its plugins' readers and its limits).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@plugin_options
def parse(path: str, fmt: str, max_file_size: int | None, config_path: str | None, isolated: bool) -> None:
    """Print the structured report the rules see (also a valid input file). The file is read as
    `check` reads it: with the readers and limits of its configuration."""
    from ..errors import PluginError
    from ..limits import given_limits
    from ..run.recipe import Checkers, LinterRecipe
    from .plugin_options import plugin_args

    if config_path and isolated:
        raise click.UsageError("--config and --isolated cannot be used together")
    recipe = LinterRecipe(config_file=config_path, isolated=isolated,
                          overrides=Config.given(limits=given_limits(max_file_size=max_file_size)),
                          plugins=plugin_args())
    try:
        report = Checkers(recipe)(path).loader.load(path)
    except InputError as exc:
        _die(exc.located())
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except PluginError as exc:
        _die(f"插件错误 / plugin error: {exc}")
    data = report.model_dump(mode="json", exclude_defaults=False)
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), nl=False)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command(context_settings=CONTEXT)
@click.option("--what", type=click.Choice(["report", "rules", "config"]), default="report", show_default=True,
              help="report: the structured input format; rules: YAML rule files; config: disclosure-lint.yaml.")
def schema(what: str) -> None:
    """Print a JSON Schema: of the report model (the structured input format), of YAML rule files,
    or of the configuration file."""
    if what == "rules":
        from ..yamlrules.model import RuleFile

        data = RuleFile.model_json_schema(mode="validation", by_alias=True)
        title = "disclosure-lint YAML rules"
    elif what == "config":
        data = Config.model_json_schema(mode="validation", by_alias=True)
        data.get("properties", {}).pop("source", None)
        title = "disclosure-lint configuration"
    else:
        from ..model import Report

        data = Report.model_json_schema(mode="validation")
        title = "disclosure-lint report"
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = title
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command(context_settings=CONTEXT)
@click.option("--output-format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@plugin_options
@config_options
def plugins(fmt: str) -> None:
    """List loaded plugins, their versions and what they contribute (rules, YAML rules, fixtures,
    readers, reporters, rule paths, default configuration)."""
    from .plugin_commands import plugins_listing

    click.echo(plugins_listing(_plugins(configured=True), fmt))


cli.add_command(test_rules_cmd)


def main() -> None:
    """Entry point: click handles usage errors (exit 2); anything unexpected is one line, exit 2."""
    try:
        cli.main(prog_name="disclosure-lint", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _die("interrupted")
    except Exception as exc:  # never a traceback for the user
        _die(f"内部错误 / internal error: {type(exc).__name__}: {exc} "
             "(please report this with the file that caused it)")


__all__ = ["cli", "main"]
