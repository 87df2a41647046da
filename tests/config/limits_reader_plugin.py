"""Test plugin (``-p tests/config/limits_reader_plugin.py``): a reader of ``*.probe`` files that
shows which limits it was given (its error message names ``limits.pdf.pages``)."""

from __future__ import annotations

from typing import Any

from disclosure_lint import hookimpl
from disclosure_lint.errors import InputError


class ProbeReader:
    name = "limits-probe"
    priority = 1000

    def __init__(self, limits: Any) -> None:
        self.limits = limits

    def sniff(self, head: bytes, path: str) -> bool:
        return path.endswith(".probe")

    def read(self, data: bytes, source: Any) -> Any:
        raise InputError(f"pages={self.limits.pdf.pages}", f"pages={self.limits.pdf.pages}")


@hookimpl
def disclosure_lint_readers(limits: Any) -> list[Any]:
    return [ProbeReader(limits)]
