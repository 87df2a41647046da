"""The ``disclosure-lint`` command line. The only module that knows click.

Exit codes (spec §7): 0 clean; 1 findings at or above --fail-on; 2 usage, input or internal error.
Nothing here writes to a checked file: ``--output-file`` may not name an input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from .. import __version__
from ..config import Config, ConfigError, ConfigFinder, load_config_file
from ..engine.finding import Message
from ..engine.result import EXIT_ERROR, LintResult, exit_code
from ..loading import DEFAULT_MAX_FILE_SIZE
from ..read.base import InputError
from .options import SizeType, split_selectors, use_color

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _die(message: str) -> NoReturn:
    click.echo(f"disclosure-lint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _plugins() -> Any:
    from ..plugins.manager import PluginError, Plugins

    try:
        return Plugins()
    except PluginError as exc:
        _die(f"插件错误 / plugin error: {exc}")


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
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--output-format", "-f", "output_format", default="full", show_default=True,
              help="full, concise, json, sarif, or a plugin's format.")
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
@click.option("--max-file-size", type=SizeType(), default=DEFAULT_MAX_FILE_SIZE,
              help="Larger files are an input error [default: 20MB].")
def check(paths: tuple[str, ...], output_format: str, output_file: str | None, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool,
          lang: str | None, config_path: str | None, isolated: bool, statistics: bool, color: str,
          quiet: bool, verbose: bool, stdin_filename: str | None, max_file_size: int) -> None:
    """Lint report files (.txt .md .docx .html .pdf, or structured .yaml/.json); '-' reads standard input."""
    from ..api import Target, expand_paths, lint_bytes, with_empty_folders
    from ..engine.linter import Linter
    from ..loading import read_bytes
    from ..reporters.base import ReportContext

    if config_path and isolated:
        raise click.UsageError("--config and --isolated cannot be used together")
    if output_file and any(p != "-" and Path(p).resolve() == Path(output_file).resolve() for p in paths):
        raise click.UsageError("--output-file must not be one of the files being checked")
    plugins = _plugins()
    reporters = plugins.reporters()
    if output_format not in reporters:
        raise click.BadParameter(f"unknown output format {output_format!r}; choose from: {', '.join(sorted(reporters))}",
                                 param_hint="--output-format")
    overrides = dict(select=split_selectors(select), extend_select=split_selectors(extend_select),
                     ignore=split_selectors(ignore), fail_on=fail_on, lang=lang)
    linters: dict[str | None, Any] = {}
    finder = ConfigFinder()

    def linter_for(path: str) -> Any:
        source = config_path if config_path else None if isolated or path == "-" else finder.find(path)
        key = str(source) if source else None
        if key not in linters:
            try:
                base = load_config_file(source) if source else Config()
                linters[key] = Linter(base.merged(**overrides), plugins)
            except ConfigError as exc:
                raise click.UsageError(str(exc)) from None
        return linters[key]

    def lint_one(target: "Target") -> LintResult:
        linter = linter_for(target.path)
        if target.path == "-":
            name = stdin_filename or "-"
            data = sys.stdin.buffer.read(max_file_size + 1)
            if len(data) > max_file_size:
                return LintResult(path=name, input_error=Message(
                    zh=f"{name}：标准输入超过大小上限", en=f"{name}: standard input exceeds the size limit"))
            return lint_bytes(data, name, linter)
        try:
            data = read_bytes(target.path, max_file_size)
        except InputError as exc:
            return LintResult(path=target.path, input_error=Message(zh=exc.zh, en=exc.en))
        return lint_bytes(data, target.path, linter, only_reports=target.walked)

    targets = expand_paths(paths)
    results = with_empty_folders(paths, targets, [lint_one(t) for t in targets])
    if not linters:  # only empty folders: the defaults describe the (empty) run
        linter_for(paths[0])

    first = next(iter(linters.values()))
    config = first.config
    rules = {rid: first.rules[rid] for lt in linters.values() for rid in lt.selected}
    ctx = ReportContext(rules=dict(sorted(rules.items())), lang=config.lang,
                        color=use_color(color, output_file), fail_on=config.fail_on, statistics=statistics,
                        verbose=verbose, quiet=quiet, tool_version=__version__)
    text = reporters[output_format](results, ctx)
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8")
        except OSError as exc:
            _die(f"{output_file}: cannot write output ({exc.strerror})")
    elif text:
        click.echo(text, nl=not text.endswith("\n"), color=ctx.color)
    code = exit_code(results, config.fail_on)
    sys.exit(0 if exit_zero and code == 1 else code)


# ------------------------------------------------------------------------------------------------
@cli.command("rules", context_settings=CONTEXT)
@click.option("--output-format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_cmd(fmt: str, lang: str) -> None:
    """List every rule (built-in and from plugins)."""
    rules = _plugins().rules
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
def rule_cmd(ref: str, lang: str) -> None:
    """Explain one rule: its documentation, options and examples."""
    from ..config.select import resolve_rule
    from ..docs import rule_markdown

    rules = _plugins().rules
    try:
        rule_id = resolve_rule(ref, rules)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="REF") from None
    click.echo(rule_markdown(rules[rule_id], lang=lang))


@cli.command(context_settings=CONTEXT)
@click.argument("path", type=click.Path(path_type=str))
@click.option("--output-format", "-f", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option("--max-file-size", type=SizeType(), default=DEFAULT_MAX_FILE_SIZE)
def parse(path: str, fmt: str, max_file_size: int) -> None:
    """Print the structured report the rules see (also a valid input file)."""
    from ..loading import load_report

    try:
        report = load_report(path, readers=_plugins().readers(), max_file_size=max_file_size)
    except InputError as exc:
        _die(exc.zh)
    data = report.model_dump(mode="json", exclude_defaults=False)
    if fmt == "yaml":
        import yaml

        click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), nl=False)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of the report model (the structured input format)."""
    from ..model import Report

    data = Report.model_json_schema(mode="validation")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "disclosure-lint report"
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command(context_settings=CONTEXT)
def plugins() -> None:
    """List loaded plugins, their versions and what they contribute."""
    pl = _plugins()
    rules_by_plugin: dict[str, list[str]] = {}
    for r in pl.rules.values():
        rules_by_plugin.setdefault(r.plugin, []).append(r.id)
    fixtures_by_plugin: dict[str, list[str]] = {}
    for f in pl.fixtures.values():
        fixtures_by_plugin.setdefault(f.plugin, []).append(f.name)
    for info in pl.info():
        click.echo(f"{info.name} {info.version or ''} ({info.module})".replace("  ", " "))
        ids = rules_by_plugin.get(info.name, [])
        if ids:
            click.echo(f"  rules: {len(ids)} ({ids[0]}–{ids[-1]})")
        if fixtures_by_plugin.get(info.name):
            click.echo(f"  fixtures: {', '.join(sorted(fixtures_by_plugin[info.name]))}")


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
