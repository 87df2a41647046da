"""The output formats that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from .base import Reporter
from .json_report import json_reporter
from .sarif import sarif_reporter
from .text import concise, full


def builtin_reporters() -> dict[str, Reporter]:
    """``{format name: reporter}`` — the names ``--output-format`` accepts."""
    return {"full": full, "concise": concise, "json": json_reporter, "sarif": sarif_reporter}
