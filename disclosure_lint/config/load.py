"""Finding and reading configuration files.

For each checked file the closest ``disclosure-lint.yaml`` (or ``pyproject.toml`` with a
``[tool.disclosure-lint]`` table) walking up from its folder applies, as in ruff; there is no
merging across files. ``--config`` and ``--isolated`` override the search.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .model import Config

CONFIG_NAMES = ("disclosure-lint.yaml", "disclosure-lint.yml", ".disclosure-lint.yaml")


def load_config_file(path: str | Path) -> Config:
    """Read one configuration file (YAML, or a pyproject.toml's [tool.disclosure-lint])."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: 无法读取配置文件 / cannot read configuration file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: 配置文件须为 UTF-8 编码 / configuration file must be UTF-8") from None
    if p.name == "pyproject.toml":
        try:
            data: Any = tomllib.loads(text).get("tool", {}).get("disclosure-lint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: TOML 语法错误 / TOML syntax error: {exc}") from None
    else:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark else ""
            raise ConfigError(f"{p}: YAML 语法错误 / YAML syntax error{where}") from None
    return Config.from_mapping(data, str(p))


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "disclosure-lint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


@lru_cache(maxsize=256)
def _find_in(folder: Path) -> Path | None:
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        if (d / "pyproject.toml").is_file() and _has_tool_table(d / "pyproject.toml"):
            return d / "pyproject.toml"
    return None


def find_config(path: str | Path) -> Path | None:
    """The configuration file that applies to ``path`` (looked up once per folder)."""
    p = Path(path).resolve()
    return _find_in(p if p.is_dir() else p.parent)
