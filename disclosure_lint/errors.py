"""The errors that end a file's check or a run before any rule runs (exit code 2).

They live at the bottom of the package because every layer raises them: a reader that cannot
read a file, the configuration that names an unknown rule, a plugin that fails to import.
"""

from __future__ import annotations


class InputError(Exception):
    """The file cannot be linted: missing, unreadable, binary, legacy .doc, too large …

    The message is one line for the report's author and says what to do. It never contains the
    file's name: ``path`` carries that, and whoever shows the message puts the name in front
    (`located`). Messages are given in both languages; ``str()`` is the Chinese one.
    """

    def __init__(self, zh: str, en: str | None = None, *, path: str | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh
        self.path = path

    def message(self, lang: str = "zh") -> str:
        """The message alone, in ``lang``."""
        return self.en if lang == "en" else self.zh

    def located(self, lang: str = "zh") -> str:
        """The message after the file's name (``path：…`` / ``path: …``), where there is one."""
        if self.path is None:
            return self.message(lang)
        return f"{self.path}: {self.en}" if lang == "en" else f"{self.path}：{self.zh}"

    def at(self, path: str) -> InputError:
        """The same error, about the file known to the user as ``path`` (empty: unknown)."""
        return InputError(self.zh, self.en, path=path or None)


class ConfigError(Exception):
    """A configuration or usage error — unknown key, code, option or value. The message names it
    and where it came from: a typo must not silently disable a check."""


class PluginError(Exception):
    """A plugin could not be loaded or contributes something invalid: a compliance gate must
    never pass because its rule pack is missing."""


__all__ = ["ConfigError", "InputError", "PluginError"]
