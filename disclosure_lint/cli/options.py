"""Parsing helpers for command-line values (sizes, selector lists, colour)."""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import click

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
          "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


class SizeType(click.ParamType):
    """``20MB``, ``512k``, ``1048576``."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        m = _SIZE.match(str(value))
        if not m or (m.group(2) or "").lower() not in _UNITS:
            self.fail(f"{value!r} is not a size (e.g. 20MB, 512k, 1048576)", param, ctx)
        return int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower()])


def split_selectors(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """``--select DL3,DL501 --select DL1`` → ("DL3", "DL501", "DL1"); None when not given."""
    if not values:
        return None
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


def use_color(choice: str, output_file: str | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or output_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
