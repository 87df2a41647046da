"""The contract every reader fulfils, and the one error type for unusable input."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import Document, SourceInfo


class InputError(Exception):
    """The file cannot be linted: missing, unreadable, binary, legacy .doc, too large …

    The message is one line for the report's author and says what to do (exit code 2).
    Messages are given in both languages; ``str()`` is the Chinese one.
    """

    def __init__(self, zh: str, en: str | None = None) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@runtime_checkable
class Reader(Protocol):
    """A format reader. ``name`` is the format name stored in `SourceInfo.format`."""

    name: str
    # Higher runs first when several readers claim the same bytes (a plugin can override a built-in).
    priority: int

    def sniff(self, head: bytes, path: str) -> bool:
        """True when ``head`` (the first 8 KiB of the file) is this reader's format."""
        ...

    def read(self, data: bytes, source: SourceInfo) -> Document:
        """Turn the file's bytes into a `Document`; raise `InputError` when it cannot."""
        ...
