"""The output formats that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from typing import Any


def builtin_reporters() -> dict[str, Any]:
    return {}
