"""Loading plugins: built-ins first, then installed packages, then ``-p`` modules.

Modelled on pytest and flake8: every contribution goes through the hooks of `hookspecs`, a
misspelt hook implementation is an error (``check_pending``), and a plugin that fails to import
stops the run — a compliance gate must never pass because its rule pack is missing.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import inspect
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from ..builder.loading import Loader
from ..config.model import Config
from ..engine.linter import Linter, RuleSet
from ..engine.rule import FixtureSpec, RuleSpec, fixture_spec, rule_spec
from ..errors import PluginError
from ..limits import DEFAULT_LIMITS, Limits
from ..version import __version__
from . import hookspecs

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("builtin", "disclosure_lint_rules"),
    ("builtin-io", "disclosure_lint.plugins.builtin"),
)


@dataclass(frozen=True)
class PluginInfo:
    name: str
    module: str
    version: str | None
    distribution: str | None = None  # the installed package it came from (pip's name)


# The module name YAML rules' generated functions carry (yamlrules/compile.py sets it).
COMPILED_MODULE = "disclosure_lint.yamlrules.compiled"
# Plugin name of the YAML rules a configuration's ``rule-paths`` (or test-rules) bring in.
RULE_PATHS_PLUGIN = "rule-paths"


def _normal(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _import(module: str) -> ModuleType:
    """Import a plugin module by name, or a local ``.py`` file by path."""
    if not module.endswith(".py"):
        return importlib.import_module(module)
    path = Path(module).resolve()
    name = "disclosure_lint_local_" + re.sub(r"\W", "_", path.stem)
    loaded = sys.modules.get(name)
    if loaded is not None and getattr(loaded, "__file__", None) == str(path):
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        raise ImportError(f"no such file: {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses and pickling look modules up by name
    try:
        spec.loader.exec_module(mod)
    except BaseException:
        del sys.modules[name]
        raise
    return mod


def _expand(items: Iterable[Any]) -> list[Any]:
    """Hooks may return functions or whole modules; a module stands for its members."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, ModuleType):
            out.extend(obj for _, obj in inspect.getmembers(item) if rule_spec(obj) or fixture_spec(obj))
        else:
            out.append(item)
    return out


@dataclass(frozen=True)
class PluginOptions:
    """Which plugins a run loads, as the command line says it (``--disable-plugin-autoload``,
    ``-p MODULE``, ``-p no:NAME``): a picklable value that worker processes load again."""

    autoload: bool = True
    modules: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A local plugin file (-p checks/local.py) must name the same file from any folder.
        modules = tuple(os.path.realpath(m) if m.endswith(".py") else m for m in self.modules)
        object.__setattr__(self, "modules", modules)

    def load(self, **extra: Any) -> Plugins:
        """The plugins these options name (``extra``: `Plugins`' other keywords)."""
        return Plugins(autoload=self.autoload, modules=self.modules, blocked=self.blocked, **extra)


class Plugins:
    """The loaded plugins and what they contribute, for one run."""

    def __init__(
        self,
        *,
        autoload: bool = True,
        modules: Sequence[str] = (),
        blocked: Sequence[str] = (),
        objects: Sequence[Any] = (),
        rule_paths: Sequence[str | Path] = (),
    ) -> None:
        """``modules`` are imported and registered (``-p``; a name, or a path to a ``.py`` file);
        ``objects`` are registered as they are (a module or any object with hook implementations),
        as pytest.main(plugins=…) does; ``rule_paths`` are folders or files of YAML rules (the
        configuration's ``rule-paths``), attributed to the pseudo-plugin ``rule-paths``.
        ``blocked`` names plugins not to load (``-p no:NAME``): an entry-point name, a module or a
        distribution name."""
        self.args: dict[str, Any] = {"autoload": autoload, "modules": tuple(modules), "blocked": tuple(blocked),
                                      "objects": tuple(objects), "rule_paths": tuple(str(p) for p in rule_paths)}
        self._dists: dict[str, tuple[str, str]] = {}  # plugin name → (distribution, version)
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        for name in blocked:
            self.pm.set_blocked(name)
        for name, module in BUILTIN_PLUGINS:
            self._register_module(module, name)
        if autoload:
            self._load_entry_points()
        for module in modules:  # a .py file is named by its stem, so -p no:/require-plugins can name it
            self._register_module(module, Path(module).stem if module.endswith(".py") else module)
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
        self._readers: dict[Limits, list[Any]] = {}

    def _load_entry_points(self) -> None:
        """Register every installed plugin (entry-point group ``disclosure_lint``), as pluggy's
        ``load_setuptools_entrypoints`` does, but naming the plugin and its package when one fails."""
        blocked = {_normal(b) for b in self.args["blocked"]}
        for dist in list(importlib.metadata.distributions()):
            dist_name = dist.metadata["Name"] or "?"
            for ep in dist.entry_points:
                if ep.group != hookspecs.PROJECT or self.pm.get_plugin(ep.name) or self.pm.is_blocked(ep.name):
                    continue
                if _normal(dist_name) in blocked or _normal(ep.value.split(":")[0]) in blocked:
                    continue
                try:
                    plugin = ep.load()
                except Exception as exc:  # an installed plugin that cannot even import
                    raise PluginError(f"plugin {ep.name!r} (package {dist_name} {dist.version}) failed to import: "
                                      f"{type(exc).__name__}: {exc}") from exc
                if self.pm.is_registered(plugin):
                    continue
                try:
                    self.pm.register(plugin, name=ep.name)
                except pluggy.PluginValidationError as exc:
                    raise PluginError(f"plugin {ep.name!r} (package {dist_name}): {exc}") from exc
                self._dists[ep.name] = (dist_name, dist.version)

    def _register_module(self, module: str, name: str) -> None:
        if self.pm.is_blocked(name) or self.pm.has_plugin(name):
            return
        try:
            mod = _import(module)
        except Exception as exc:
            raise PluginError(f"plugin {name!r} failed to import: {type(exc).__name__}: {exc}") from exc
        if self.pm.is_registered(mod):
            return
        try:
            self.pm.register(mod, name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc}") from exc

    def _contributions(self, hook: Any, **kwargs: Any) -> list[tuple[str, Any]]:
        """Each implementation's result with the plugin's name, in pluggy's call order (an
        implementation receives only the arguments it names, as pluggy passes them)."""
        out: list[tuple[str, Any]] = []
        for impl in hook.get_hookimpls():
            try:
                result = impl.function(*(kwargs[name] for name in impl.argnames))
            except Exception as exc:
                raise PluginError(f"plugin {impl.plugin_name!r} raised in {hook.name}: {exc}") from exc
            out.append((impl.plugin_name, result))
        return out

    # ---- contributions ----------------------------------------------------------------------
    def rule_paths(self) -> list[tuple[str, list[Any]]]:
        """Folders (or files) of YAML rules, by plugin: the plugins' ``disclosure_lint_rule_paths``
        and then the ``rule_paths`` given to this set (pseudo-plugin ``rule-paths``)."""
        out = [(plugin, list(paths)) for plugin, paths in self._contributions(self.pm.hook.disclosure_lint_rule_paths)
               if paths]
        if self.args["rule_paths"]:
            out.append((RULE_PATHS_PLUGIN, list(self.args["rule_paths"])))
        return out

    def _yaml_rules(self) -> list[tuple[str, RuleSpec]]:
        paths = self.rule_paths()
        if not paths:
            return []
        from ..yamlrules.compile import YamlRuleError, load_rules

        out: list[tuple[str, RuleSpec]] = []
        for plugin, folders in paths:
            try:
                out.extend((plugin, spec) for spec in load_rules(folders, plugin))
            except YamlRuleError as exc:
                raise PluginError(f"plugin {plugin!r}: invalid YAML rule: {exc}") from None
        return out

    @property
    def rules(self) -> dict[str, RuleSpec]:
        """All rules by ID, in ID order: Python rules, then YAML rules. Clashing IDs or prefixes
        are load-time errors."""
        if self._rules is None:
            rules: dict[str, RuleSpec] = {}
            names: dict[str, str] = {}
            prefixes: dict[str, str] = {}
            found: list[tuple[str, RuleSpec]] = []
            for plugin, items in self._contributions(self.pm.hook.disclosure_lint_rules):
                for obj in _expand(items or ()):
                    spec = rule_spec(obj)
                    if spec is None:
                        raise PluginError(f"plugin {plugin!r} returned {obj!r}, which is not a @rule function")
                    found.append((plugin, spec.with_plugin(plugin)))
            found.extend(self._yaml_rules())
            for plugin, spec in found:
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

    def readers(self, limits: Limits = DEFAULT_LIMITS) -> list[Any]:
        """The readers, highest priority first, each working within ``limits`` (built once per
        set of limits)."""
        if limits not in self._readers:
            found = [r for _, items in self._contributions(self.pm.hook.disclosure_lint_readers, limits=limits)
                     for r in items or ()]
            self._readers[limits] = sorted(found, key=lambda r: -getattr(r, "priority", 0))
        return list(self._readers[limits])

    @property
    def options(self) -> PluginOptions | None:
        """The options these plugins can be loaded again from (None: objects were registered
        directly, which another process cannot rebuild)."""
        if self.args["objects"]:
            return None
        return PluginOptions(self.args["autoload"], self.args["modules"], self.args["blocked"])

    def loader(self, limits: Limits = DEFAULT_LIMITS) -> Loader:
        """How files are read with these plugins' readers within ``limits``."""
        return Loader(self.readers(limits), limits)

    def ruleset(self) -> RuleSet:
        """What the engine runs: these plugins' rules, fixtures and default configurations."""
        return RuleSet(self.rules, self.fixtures, tuple(self.default_config()), origin=self)

    def linter(self, config: Config | None = None) -> Linter:
        """The linter for ``config``: these plugins plus the configuration's ``plugins`` and
        ``rule-paths``, its ``require-plugins`` checked. Raises `PluginError`, `ConfigError`."""
        config = config or Config()
        return Linter(config, self.configured(config).ruleset())

    def reporters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for _, items in reversed(self._contributions(self.pm.hook.disclosure_lint_reporters)):
            out.update(items or {})
        return out

    def default_config(self) -> list[tuple[str, dict[str, Any]]]:
        return [(p, c) for p, c in self._contributions(self.pm.hook.disclosure_lint_default_config) if c]

    def info(self) -> list[PluginInfo]:
        """Each loaded plugin with its distribution's version, for ``disclosure-lint plugins``."""
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            dist, version = self._dists.get(name, (None, None))
            if name.startswith("builtin"):
                dist, version = "disclosure-lint", __version__
            version = version or getattr(plugin, "__version__", None)  # a -p module's own version
            out.append(PluginInfo(name, getattr(plugin, "__name__", type(plugin).__name__), version, dist))
        return out

    # ---- configuration --------------------------------------------------------------------------
    def configured(self, config: Config) -> Plugins:
        """This set plus a configuration's ``plugins`` and ``rule-paths`` (self when nothing is new),
        its ``require-plugins`` checked. Raises `PluginError`."""
        new_modules = tuple(m for m in config.plugins if m not in self.args["modules"])
        new_paths = tuple(str(p) for p in config.rule_paths if str(p) not in self.args["rule_paths"])
        plugins = self
        if new_modules or new_paths:
            plugins = Plugins(**{**self.args, "modules": (*self.args["modules"], *new_modules),
                                 "rule_paths": (*self.args["rule_paths"], *new_paths)})
        plugins.require(config.require_plugins)
        return plugins

    def has(self, name: str) -> bool:
        """Whether a plugin is loaded under this name, module or distribution name."""
        wanted = _normal(name)
        return any(wanted in {_normal(i.name), _normal(i.module), _normal(i.distribution or "")} for i in self.info())

    def require(self, names: Iterable[str]) -> None:
        """``require-plugins``: a compliance gate must never pass because its rule pack is missing."""
        missing = [n for n in names if not self.has(n)]
        if missing:
            loaded = ", ".join(i.name for i in self.info() if not i.name.startswith("builtin")) or "none"
            raise PluginError(f"required plugin(s) not loaded: {', '.join(missing)} (loaded plugins: {loaded}); "
                              "install them, e.g. pip install <package>, or check -p no:… and "
                              "--disable-plugin-autoload")

    def contributions(self) -> dict[str, dict[str, list[str]]]:
        """What each plugin adds, by kind, for ``disclosure-lint plugins``."""
        out: dict[str, dict[str, list[str]]] = {i.name: {} for i in self.info()}

        def add(plugin: str, kind: str, items: Iterable[str]) -> None:
            out.setdefault(plugin, {}).setdefault(kind, []).extend(items)

        for spec in self.rules.values():
            add(spec.plugin, "yaml rules" if spec.func.__module__ == COMPILED_MODULE else "rules", [spec.id])
        for fixture in self.fixtures.values():
            add(fixture.plugin, "fixtures", [fixture.name])
        for plugin, items in self._contributions(self.pm.hook.disclosure_lint_readers, limits=DEFAULT_LIMITS):
            add(plugin, "readers", [getattr(r, "name", type(r).__name__) for r in items or ()])
        for plugin, items in self._contributions(self.pm.hook.disclosure_lint_reporters):
            add(plugin, "reporters", list(items or {}))
        for plugin, paths in self.rule_paths():
            add(plugin, "rule paths", [str(p) for p in paths])
        for plugin, config in self.default_config():
            add(plugin, "default config", sorted(config))
        return out
