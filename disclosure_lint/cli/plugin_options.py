"""Plugin control on the command line: ``-p MODULE``, ``-p no:NAME``, ``--disable-plugin-autoload``.

The options are shared by every command that loads plugins (check, rules, rule, parse, plugins,
test-rules). They are stored on the click context rather than passed as arguments, so adding them
to a command does not change its signature. As in pytest: ``-p mod`` loads a module (or a ``.py``
file) as a plugin, ``-p no:name`` blocks a plugin by its entry-point, module or package name,
and ``--disable-plugin-autoload`` (or ``DISCLOSURE_LINT_DISABLE_PLUGIN_AUTOLOAD=1``) loads no
installed plugin except the built-in rules and those named with ``-p``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..plugins.manager import PluginOptions

F = TypeVar("F", bound=Callable[..., Any])
_META = "disclosure_lint.plugins"


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_META, {})[param.name] = value
    return value


def plugin_options(func: F) -> F:
    """Add ``-p`` and ``--disable-plugin-autoload`` to a command."""
    func = click.option(
        "--disable-plugin-autoload", "disable_plugin_autoload", is_flag=True, expose_value=False, callback=_store,
        envvar="DISCLOSURE_LINT_DISABLE_PLUGIN_AUTOLOAD",
        help="Load no installed plugin (only the built-in rules and -p modules).")(func)
    func = click.option(
        "-p", "plugin_specs", multiple=True, metavar="MODULE|no:NAME", expose_value=False, callback=_store,
        help="Load a plugin module (or .py file); 'no:NAME' blocks an installed plugin. Repeatable.")(func)
    return func


def config_options(func: F) -> F:
    """``--config`` / ``--isolated`` for the commands that list rules and plugins: by default
    they use the configuration found from the current folder (its plugins and rule-paths)."""
    func = click.option("--isolated", "config_isolated", is_flag=True, expose_value=False, callback=_store,
                        help="Ignore configuration files.")(func)
    func = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
                        expose_value=False, callback=_store,
                        help="Take plugins and rule-paths from this configuration file.")(func)
    return func


def plugin_args() -> PluginOptions:
    """The current command's plugin options."""
    from ..plugins.manager import PluginOptions

    ctx = click.get_current_context(silent=True)
    meta = ctx.meta.get(_META, {}) if ctx else {}
    specs = tuple(meta.get("plugin_specs") or ())
    blocked = tuple(s[3:] for s in specs if s.startswith("no:"))
    modules = tuple(s for s in specs if not s.startswith("no:"))
    return PluginOptions(not meta.get("disable_plugin_autoload"), modules, blocked)


def command_config() -> Any:
    """The configuration ``rules``/``rule``/``plugins`` use: ``--config``, or the one found from
    the current folder, or none with ``--isolated``. None when there is none."""
    from ..config import find_config, load_config_file

    ctx = click.get_current_context(silent=True)
    meta = ctx.meta.get(_META, {}) if ctx else {}
    if meta.get("config_isolated"):
        return None
    source = meta.get("config_file") or find_config(".")
    return load_config_file(source) if source else None


__all__ = ["command_config", "config_options", "plugin_args", "plugin_options"]
