"""The readers that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from typing import Any


def builtin_readers() -> list[Any]:
    from .structured import StructuredReader
    from .text import TextReader

    return [StructuredReader(), TextReader()]
