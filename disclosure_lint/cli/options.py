"""What every command shares: click's settings, and parsing of command-line values (sizes,
selector lists, colour)."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..limits import parse_size

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class SizeType(click.ParamType):
    """``20MB``, ``512k``, ``1048576``."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            size = parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if size <= 0:
            self.fail(f"{value!r} is not a positive size", param, ctx)
        return size


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
