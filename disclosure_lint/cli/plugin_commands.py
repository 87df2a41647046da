"""``disclosure-lint test-rules`` and the listing of ``disclosure-lint plugins``."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..engine.result import EXIT_ERROR
from .options import CONTEXT
from .plugin_options import plugin_args, plugin_options


def _ids(ids: list[str]) -> str:
    if len(ids) <= 6:
        return ", ".join(ids)
    return f"{len(ids)} ({ids[0]}–{ids[-1]})"


def plugins_listing(plugins: Any, fmt: str) -> str:
    """Each plugin with its version, package and what it contributes."""
    infos = {i.name: i for i in plugins.info()}
    contributions = plugins.contributions()
    if fmt == "json":
        data = []
        for name, kinds in contributions.items():
            info = infos.get(name)
            data.append({"name": name, "module": info.module if info else None,
                         "version": info.version if info else None,
                         "distribution": info.distribution if info else None,
                         "contributes": {k.replace(" ", "_"): v for k, v in kinds.items()}})
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = []
    for name, kinds in contributions.items():
        info = infos.get(name)
        if info is None:
            lines.append(f"{name} (YAML rules from the configuration's rule-paths)")
        else:
            origin = info.module + (f", package {info.distribution}" if info.distribution else "")
            lines.append(f"{name} {info.version or '(no version)'} ({origin})")
        for kind, items in kinds.items():
            shown = _ids(items) if kind.endswith("rules") else ", ".join(items)
            lines.append(f"  {kind}: {shown}")
    return "\n".join(lines)


@click.command("test-rules", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only the failures.")
@plugin_options
def test_rules_cmd(paths: tuple[str, ...], verbose: bool) -> None:
    """Run the examples of YAML rules (files, or folders searched for *.yaml): every valid example
    must produce no finding of its rule and every invalid one exactly the count it states.

    Exit 0 when all pass, 1 when one fails, 2 when a file is not a valid rule file. The rules are
    loaded beside the built-in rules only — not beside installed plugins, which may ship these very
    rules — so -p is honoured and autoloading is always off.
    """
    from ..errors import ConfigError, PluginError
    from ..plugins.manager import Plugins
    from ..run.examples import ExampleError, run_example
    from ..yamlrules.compile import YamlRuleError, load_rules, rule_files

    options = plugin_args()
    try:
        files = rule_files(paths)
        by_file = [(f, [s.id for s in load_rules([f])]) for f in files]
        plugins = Plugins(autoload=False, modules=options.modules, blocked=options.blocked, rule_paths=paths)
        linter = plugins.linter()
    except (YamlRuleError, PluginError, ConfigError) as exc:
        click.echo(f"disclosure-lint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if not files:
        click.echo(f"disclosure-lint: no YAML rule files (*.yaml, *.yml) under {', '.join(paths)}", err=True)
        sys.exit(EXIT_ERROR)

    failed = examples = 0
    for file, ids in by_file:
        click.echo(str(file))
        for rule_id in ids:
            spec = linter.rules[rule_id]
            problems: list[str] = []
            passed: list[str] = []
            cases = [("valid", i, e) for i, e in enumerate(spec.examples.valid)]
            cases += [("invalid", i, e) for i, e in enumerate(spec.examples.invalid)]
            for kind, i, example in cases:
                examples += 1
                expected = example.expect if kind == "invalid" else 0
                try:
                    found = run_example(linter, spec, example)
                except (ExampleError, AssertionError) as exc:
                    problems.append(f"{kind} #{i + 1} ({example.describe()}): {exc}")
                    continue
                if len(found) != expected:
                    got = "; ".join(f.message.zh for f in found) or "none"
                    problems.append(f"{kind} #{i + 1} ({example.describe()}): expected {expected} finding(s), "
                                    f"got {len(found)}: {got}")
                else:
                    passed.append(f"{kind} #{i + 1} ({example.describe()})")
            status = "ok" if not problems else "FAILED"
            click.echo(f"  {spec.id} {spec.name}: {len(cases)} examples {status}")
            for p in passed if verbose else ():
                click.echo(f"    ok: {p}")
            for p in problems:
                click.echo(f"    FAILED: {p}")
            failed += bool(problems)
    total = sum(len(ids) for _, ids in by_file)
    summary = "all passed" if not failed else f"{failed} rule(s) failed"
    click.echo(f"{total} rule(s), {examples} example(s): {summary}")
    sys.exit(1 if failed else 0)


__all__ = ["plugins_listing", "test_rules_cmd"]
