"""Loading plugins: built-ins first, then installed packages, then ``-p`` modules.

Modelled on pytest and flake8: every contribution goes through the hooks of `hookspecs`, a
misspelt hook implementation is an error (``check_pending``), and a plugin that fails to import
stops the run — a compliance gate must never pass because its rule pack is missing.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pluggy

from . import hookspecs
from ..engine.rule import FixtureSpec, RuleSpec, fixture_spec, rule_spec

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("builtin", "disclosure_lint_rules"),
    ("builtin-io", "disclosure_lint.plugins.builtin"),
)


class PluginError(Exception):
    """A plugin could not be loaded or contributes something invalid (exit code 2)."""


@dataclass(frozen=True)
class PluginInfo:
    name: str
    module: str
    version: str | None


def _expand(items: Iterable[Any]) -> list[Any]:
    """Hooks may return functions or whole modules; a module stands for its members."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, ModuleType):
            out.extend(obj for _, obj in inspect.getmembers(item) if rule_spec(obj) or fixture_spec(obj))
        else:
            out.append(item)
    return out


class Plugins:
    """The loaded plugins and what they contribute, for one run."""

    def __init__(
        self,
        *,
        autoload: bool = True,
        modules: Sequence[str] = (),
        blocked: Sequence[str] = (),
        objects: Sequence[Any] = (),
    ) -> None:
        """``modules`` are imported and registered (``-p``); ``objects`` are registered as they
        are (a module or any object with hook implementations), as pytest.main(plugins=…) does."""
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        for name in blocked:
            self.pm.set_blocked(name)
        for name, module in BUILTIN_PLUGINS:
            self._register_module(module, name)
        if autoload:
            try:
                self.pm.load_setuptools_entrypoints(hookspecs.PROJECT)
            except Exception as exc:  # an installed plugin that cannot even import
                raise PluginError(f"plugin failed to load: {type(exc).__name__}: {exc}") from exc
        for module in modules:
            self._register_module(module, module)
        for obj in objects:
            name = getattr(obj, "__name__", None) or type(obj).__name__
            if not self.pm.is_registered(obj):
                try:
                    self.pm.register(obj, name)
                except pluggy.PluginValidationError as exc:
                    raise PluginError(f"plugin {name!r}: {exc}") from exc
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"invalid hook implementation: {exc}") from exc
        self._rules: dict[str, RuleSpec] | None = None
        self._fixtures: dict[str, FixtureSpec] | None = None

    def _register_module(self, module: str, name: str) -> None:
        if self.pm.is_blocked(name) or self.pm.has_plugin(name):
            return
        try:
            mod = importlib.import_module(module)
        except Exception as exc:
            raise PluginError(f"plugin {name!r} failed to import: {type(exc).__name__}: {exc}") from exc
        if self.pm.is_registered(mod):
            return
        try:
            self.pm.register(mod, name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc}") from exc

    def _contributions(self, hook: Any) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for impl in hook.get_hookimpls():
            try:
                result = impl.function()
            except Exception as exc:
                raise PluginError(f"plugin {impl.plugin_name!r} raised in {hook.name}: {exc}") from exc
            out.append((impl.plugin_name, result))
        return out

    # ---- contributions ----------------------------------------------------------------------
    @property
    def rules(self) -> dict[str, RuleSpec]:
        """All rules by ID, in ID order. Clashing IDs or prefixes are load-time errors."""
        if self._rules is None:
            rules: dict[str, RuleSpec] = {}
            names: dict[str, str] = {}
            prefixes: dict[str, str] = {}
            for plugin, items in self._contributions(self.pm.hook.disclosure_lint_rules):
                for obj in _expand(items or ()):
                    spec = rule_spec(obj)
                    if spec is None:
                        raise PluginError(f"plugin {plugin!r} returned {obj!r}, which is not a @rule function")
                    spec = spec.with_plugin(plugin)
                    owner = prefixes.setdefault(spec.prefix, plugin)
                    if owner != plugin or (spec.prefix == "DL" and not plugin.startswith("builtin")):
                        raise PluginError(
                            f"plugin {plugin!r} uses the rule prefix {spec.prefix!r} of plugin {owner!r}: "
                            "each plugin needs its own prefix")
                    if spec.id in rules or spec.name in names:
                        raise PluginError(f"plugin {plugin!r}: rule {spec.id} ({spec.name}) is defined twice")
                    rules[spec.id] = spec
                    names[spec.name] = spec.id
            self._rules = dict(sorted(rules.items()))
        return self._rules

    @property
    def fixtures(self) -> dict[str, FixtureSpec]:
        if self._fixtures is None:
            fixtures: dict[str, FixtureSpec] = {}
            for plugin, items in self._contributions(self.pm.hook.disclosure_lint_fixtures):
                for obj in _expand(items or ()):
                    spec = fixture_spec(obj)
                    if spec is None:
                        raise PluginError(f"plugin {plugin!r} returned {obj!r}, which is not a @fixture function")
                    if spec.name in fixtures:
                        raise PluginError(f"plugin {plugin!r}: fixture {spec.name!r} is already provided "
                                          f"by {fixtures[spec.name].plugin!r}")
                    fixtures[spec.name] = FixtureSpec(spec.name, spec.func, spec.absent_zh, spec.absent_en, plugin)
            self._fixtures = fixtures
        return self._fixtures

    def readers(self) -> list[Any]:
        found = [r for _, items in self._contributions(self.pm.hook.disclosure_lint_readers) for r in items or ()]
        return sorted(found, key=lambda r: -getattr(r, "priority", 0))

    def reporters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for _, items in reversed(self._contributions(self.pm.hook.disclosure_lint_reporters)):
            out.update(items or {})
        return out

    def default_config(self) -> list[tuple[str, dict[str, Any]]]:
        return [(p, c) for p, c in self._contributions(self.pm.hook.disclosure_lint_default_config) if c]

    def info(self) -> list[PluginInfo]:
        """Each loaded plugin with its distribution's version, for ``disclosure-lint plugins``."""
        dists = {id(plugin): dist for plugin, dist in self.pm.list_plugin_distinfo()}
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            dist = dists.get(id(plugin))
            version = dist.version if dist is not None else None
            if version is None and name.startswith("builtin"):
                from .. import __version__

                version = __version__
            out.append(PluginInfo(name, getattr(plugin, "__name__", repr(plugin)), version))
        return out
