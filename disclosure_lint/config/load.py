"""Finding and reading configuration files.

For each checked file the closest ``disclosure-lint.yaml`` (or ``pyproject.toml`` with a
``[tool.disclosure-lint]`` table) walking up from its folder applies, as in ruff; there is no
merging across files. ``--config`` and ``--isolated`` override the search.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from ..files import read_own_file
from ..guarded_yaml import CONFIG_NODES, load_yaml
from .model import Config

CONFIG_NAMES = ("disclosure-lint.yaml", "disclosure-lint.yml", ".disclosure-lint.yaml")


def load_config_file(path: str | Path, _stack: tuple[Path, ...] = ()) -> Config:
    """Read one configuration file (YAML, or a pyproject.toml's [tool.disclosure-lint]).

    Files it ``extends`` are merged beneath it; relative ``rule-paths`` (and ``.py`` plugins) are
    made absolute against its folder; profile names in ``extends`` stay for `effective_config`."""
    from .profile import resolve_extends

    p = Path(path)
    try:
        text = read_own_file(p)
    except InputError as exc:
        raise ConfigError(f"无法读取配置文件 / cannot read configuration file: {exc.en}") from None
    if p.name == "pyproject.toml":
        try:
            data: Any = tomllib.loads(text).get("tool", {}).get("disclosure-lint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: TOML 语法错误 / TOML syntax error: {exc}") from None
    else:
        try:
            data = load_yaml(text, CONFIG_NODES) or {}
        except InputError as exc:  # a syntax error, or YAML made to blow up (docs/limits.md)
            raise ConfigError(f"{p}: {exc.zh} / {exc.en}") from None
    config = Config.from_mapping(data, str(p))
    return resolve_extends(config, p.resolve().parent, (*_stack, p.resolve()),
                           lambda base, stack: load_config_file(base, stack))


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "disclosure-lint" in tomllib.loads(read_own_file(pyproject)).get("tool", {})
    except (InputError, tomllib.TOMLDecodeError):  # unreadable, too large, not TOML: not ours
        return False


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    if (folder / "pyproject.toml").is_file() and _has_tool_table(folder / "pyproject.toml"):
        return folder / "pyproject.toml"
    return None


class ConfigFinder:
    """Finds the configuration for many paths in one run, looking at each folder only once."""

    def __init__(self) -> None:
        self._cache: dict[Path, Path | None] = {}

    def find(self, path: str | Path) -> Path | None:
        # realpath, not Path.resolve: a symbolic link loop is the checked file's problem (an input
        # error when it is read), not a crash here (resolve raises RuntimeError on a loop).
        p = Path(os.path.realpath(path))
        folder = p if p.is_dir() else p.parent
        walked: list[Path] = []
        found: Path | None = None
        for d in (folder, *folder.parents):
            if d in self._cache:
                found = self._cache[d]
                break
            walked.append(d)
            found = _config_in(d)
            if found is not None:
                break
        for d in walked:
            self._cache[d] = found
        return found


def find_config(path: str | Path) -> Path | None:
    """The configuration file that applies to ``path``: the closest one walking up."""
    return ConfigFinder().find(path)
