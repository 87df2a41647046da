"""The readers that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from typing import Any

from ..limits import DEFAULT_LIMITS, Limits


def builtin_readers(limits: Limits = DEFAULT_LIMITS) -> list[Any]:
    """The built-in readers, each within its part of ``limits`` (the size of the file itself is
    checked before any reader sees it)."""
    from .docx import DocxReader
    from .html import HtmlReader
    from .pdf import PdfReader
    from .structured import StructuredReader
    from .text import TextReader

    return [DocxReader(limits.archive), HtmlReader(), PdfReader(limits.pdf), StructuredReader(), TextReader()]
