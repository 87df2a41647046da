"""The core's own contributions: fixtures, readers and reporters, through the public hooks."""

from __future__ import annotations

from typing import Any

from ..engine import fixtures
from .hookspecs import hookimpl


@hookimpl
def disclosure_lint_fixtures() -> list[Any]:
    return [fixtures]


@hookimpl
def disclosure_lint_readers(limits: Any) -> list[Any]:
    from ..read.registry import builtin_readers

    return builtin_readers(limits)


@hookimpl
def disclosure_lint_reporters() -> dict[str, Any]:
    from ..reporters.registry import builtin_reporters

    return builtin_reporters()
