"""Test plugin (``-p tests/batch/slow_reader_plugin.py``): a reader that never finishes files named
``*.hang.txt`` and kills its process on ``*.crash.txt`` — a hung or crashing file, on demand."""

from __future__ import annotations

import os
import time
from typing import Any

from disclosure_lint import hookimpl


class HangingReader:
    name = "hang"
    priority = 1000  # before the built-in text reader

    def sniff(self, head: bytes, path: str) -> bool:
        return path.endswith((".hang.txt", ".crash.txt"))

    def read(self, data: bytes, source: Any) -> Any:
        if source.path.endswith(".crash.txt"):
            os._exit(3)  # as a segfault in a C extension would: no exception, no clean-up
        while True:  # small sleeps: a thread can be interrupted between them, a process killed
            time.sleep(0.05)


@hookimpl
def disclosure_lint_readers() -> list[Any]:
    return [HangingReader()]
