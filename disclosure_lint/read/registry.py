"""The readers that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from typing import Any


def builtin_readers() -> list[Any]:
    from .docx import DocxReader
    from .html import HtmlReader
    from .pdf import PdfReader
    from .structured import StructuredReader
    from .text import TextReader

    return [DocxReader(), HtmlReader(), PdfReader(), StructuredReader(), TextReader()]
