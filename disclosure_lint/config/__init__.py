"""Configuration: the model of ``disclosure-lint.yaml`` / ``[tool.disclosure-lint]``, how a file is
found for each checked path, and how rule selectors resolve to rules."""

from .load import ConfigFinder, find_config, load_config_file
from .model import Config
from .select import resolve_selection

__all__ = ["Config", "ConfigFinder", "find_config", "load_config_file", "resolve_selection"]
