"""How to build the `Linter` for a file, in a form another process can receive.

A `Linter` holds a pluggy manager, imported rule functions and compiled YAML rules: it cannot be
sent to a worker process or a Dask worker. What *can* be sent is how it was made — the
configuration (a file to read, a fixed `Config`, or "find the closest one per file"), the layer of
command-line options over it and the plugin options. A `LinterRecipe` is that, a small picklable
value; `Checkers` turns it into a `Checker` (a linter and the loader that reads its files) inside
one process, one per configuration file, built once.

The command line, `disclosure_lint.lint_paths` and every worker use the same recipe, so a file is
checked with the same rules and settings whichever process checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..builder.loading import Loader
from ..config import Config, ConfigFinder, load_config_file
from ..config.profile import layered
from ..engine.linter import Linter
from ..plugins.manager import PluginOptions, Plugins
from .discovery import STDIN


@dataclass(frozen=True)
class Checker:
    """A configuration made ready to check files: the linter that checks reports and the loader
    that reads them (its plugins' readers within its limits)."""

    linter: Linter
    loader: Loader

    @property
    def config(self) -> Config:
        return self.linter.config

    @classmethod
    def of(cls, linter: Linter) -> Checker:
        """A linter made by `Plugins.linter` with the loader of the same plugins."""
        origin = linter.ruleset.origin
        plugins = origin if isinstance(origin, Plugins) else Plugins()
        return cls(linter, plugins.loader(linter.config.limits))


@dataclass(frozen=True)
class LinterRecipe:
    """Everything needed to rebuild the linters of a run in another process (picklable).

    Which configuration applies to a file: ``config`` (a fixed `Config`) if given, else
    ``config_file`` if given, else none with ``isolated`` or for standard input, else the closest
    configuration file above the file (as ruff does). ``overrides`` is the layer of options given
    on the command line or to the library (`Config.given`), put over that configuration.
    ``plugins`` are the plugin options; configurations add their own plugins on top.
    """

    config: Config | None = None
    config_file: str | None = None
    isolated: bool = False
    overrides: Config = field(default_factory=Config)
    plugins: PluginOptions = field(default_factory=PluginOptions)

    @classmethod
    def from_linter(cls, linter: Linter) -> LinterRecipe | None:
        """The recipe of an existing linter, or None when its plugins cannot be rebuilt elsewhere
        (objects registered directly, as ``Plugins(objects=…)`` allows)."""
        origin = linter.ruleset.origin
        options = origin.options if isinstance(origin, Plugins) else None
        return cls(config=linter.user_config, plugins=options) if options is not None else None

    def source(self, path: str, finder: ConfigFinder | None = None) -> str | None:
        """The configuration file that applies to ``path`` (None: no file)."""
        if self.config is not None:
            return None
        if self.config_file:
            return self.config_file
        if self.isolated or path == STDIN:
            return None
        found = (finder or ConfigFinder()).find(path)
        return str(found) if found else None

    def build(self, source: str | None, plugins: Plugins | None = None) -> Checker:
        """The checker of files whose configuration is ``source``. Raises `ConfigError` or
        `PluginError` for an invalid configuration or plugin."""
        if self.config is not None:
            base = self.config
        else:
            base = load_config_file(source) if source else Config()
        linter = (plugins or self.plugins.load()).linter(layered(base, self.overrides))
        return Checker.of(linter)


class Checkers:
    """The checkers of one process for a recipe: ``checkers(path)`` is the `Checker` for that file.

    Each configuration file is read and its checker built once; the plugin set is loaded once and
    shared (pass ``plugins`` to reuse one already loaded). ``seed`` gives a ready checker for a
    configuration source (the library's ``lint_paths(linter=…)``). Not picklable: send the
    `recipe` and build a new `Checkers` on the other side.
    """

    def __init__(self, recipe: LinterRecipe, plugins: Plugins | None = None, *,
                 seed: Mapping[str | None, Checker] | None = None) -> None:
        self.recipe = recipe
        self._plugins = plugins
        self._finder = ConfigFinder()
        self._built: dict[str | None, Checker] = dict(seed or {})

    def source(self, path: str) -> str | None:
        return self.recipe.source(path, self._finder)

    def for_source(self, source: str | None) -> Checker:
        if source not in self._built:
            if self._plugins is None:
                self._plugins = self.recipe.plugins.load()
            self._built[source] = self.recipe.build(source, self._plugins)
        return self._built[source]

    def __call__(self, path: str) -> Checker:
        return self.for_source(self.source(path))

    def built(self) -> dict[str | None, Checker]:
        """The checkers built so far, by configuration source, in the order they were needed."""
        return dict(self._built)


__all__ = ["Checker", "Checkers", "LinterRecipe"]
