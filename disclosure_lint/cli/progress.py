"""The progress bar of a long ``check``: on a terminal only, and only once a run takes a while.

A bar is noise in a log and garbage in a pipe: it is drawn on standard error only when standard
error is a terminal, the findings do not go to a pipe on the same screen (standard output is a
terminal too, or ``--output-file`` is given), no ``CI`` variable is set and ``--quiet`` is not
given. It appears after about a second, so a run of a few files never shows one.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from typing import Any, TextIO

import click

DELAY = 1.0  # seconds before a bar appears


def wanted(stderr: TextIO, stdout: TextIO, *, output_file: str | None, quiet: bool,
           env: Mapping[str, str] | None = None) -> bool:
    """Whether a run may show a progress bar (see the module's docstring)."""
    env = os.environ if env is None else env
    if quiet or env.get("CI", "").lower() not in ("", "0", "false"):
        return False
    return _tty(stderr) and (output_file is not None or _tty(stdout))


def _tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    """``bar(done, total)`` as the batch reports steps; the bar is drawn from `DELAY` seconds on.
    `close` ends it (a no-op when it never appeared)."""

    def __init__(self, label: str = "检查 / checking", file: TextIO | None = None,
                 clock: Any = time.monotonic) -> None:
        self._label = label
        self._file = file or sys.stderr
        self._clock = clock
        self._start = clock()
        self._bar: Any = None

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if self._clock() - self._start < DELAY:
                return
            self._bar = click.progressbar(length=total, label=self._label, file=self._file, show_eta=True,
                                          show_percent=True, show_pos=True)
            self._bar.__enter__()
        self._bar.length = max(total, done)
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


__all__ = ["DELAY", "ProgressBar", "wanted"]
