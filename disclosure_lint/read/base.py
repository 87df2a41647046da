"""The contract every reader fulfils (unusable input raises `disclosure_lint.errors.InputError`)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import Document, SourceInfo


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
