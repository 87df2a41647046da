"""Running ``python -m disclosure_lint`` as a real subprocess, timed and measured.

Peak memory is the high-water mark of the child's own address space (``VmHWM`` in
``/proc/<pid>/status``, summed over the child and any worker processes it starts), polled while it
runs. ``ru_maxrss`` — from ``getrusage(RUSAGE_CHILDREN)`` or the child's own ``wait4`` — is no
use here: Linux carries the high-water mark of the address space a process had before ``exec``
over into it, and a child forked (or vforked) from the test process starts with the test
process's own peak, hundreds of megabytes after building a zip bomb. The child is reaped with
``os.wait4`` all the same, and its ``ru_maxrss`` kept as an upper bound.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

LIMIT_SECONDS = 30.0
LIMIT_RSS = 1.5 * (1 << 30)


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss: int  # bytes: the polled peak of the child's own memory (see the module docstring)
    ru_maxrss: int  # bytes: what wait4 says, the test process's peak at fork included
    timed_out: bool = False

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        return (f"disclosure-lint {' '.join(self.args)} → exit {self.returncode} in {self.seconds:.1f} s, "
                f"peak {self.max_rss / (1 << 20):.0f} MB\n--- stdout\n{self.stdout[-3000:]}\n"
                f"--- stderr\n{self.stderr[-3000:]}")


class _Started:
    def __init__(self, args: Sequence[str], cwd: Path | None, env: Mapping[str, str] | None,
                 preexec_fn: Callable[[], None] | None, stdin: bytes | None) -> None:
        self.args = tuple(args)
        # Closed once the child is reaped (poll), not at the end of a block.
        self.out = tempfile.TemporaryFile()  # noqa: SIM115
        self.err = tempfile.TemporaryFile()  # noqa: SIM115
        stdin_file = None
        if stdin is not None:
            stdin_file = tempfile.TemporaryFile()  # noqa: SIM115 - closed once handed over
            stdin_file.write(stdin)
            stdin_file.seek(0)
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "disclosure_lint", *args], stdout=self.out, stderr=self.err,
            stdin=stdin_file if stdin_file is not None else subprocess.DEVNULL, cwd=cwd,
            env=dict(env) if env is not None else None,
            preexec_fn=preexec_fn)  # noqa: PLW1509 - the suite starts no threads that could hold a lock
        if stdin_file is not None:
            stdin_file.close()
        self.peak = 0
        self.result: Run | None = None

    def poll(self, timeout: float) -> bool:
        """Sample the child's memory and reap it if it has ended (killed past ``timeout``): True
        once it is done."""
        if self.result is not None:
            return True
        self.peak = max(self.peak, sum(_high_water_mark(p) for p in _tree(self.proc.pid)))
        pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
        timed_out = False
        if not pid:
            if time.perf_counter() - self.start <= timeout:
                return False
            self.proc.kill()
            timed_out = True
            pid, status, usage = os.wait4(self.proc.pid, 0)
        seconds = time.perf_counter() - self.start
        self.proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        texts = []
        for fh in (self.out, self.err):
            fh.seek(0)
            texts.append(fh.read().decode("utf-8", errors="replace"))
            fh.close()
        self.result = Run(self.args, self.proc.returncode, texts[0], texts[1], seconds, self.peak,
                          usage.ru_maxrss * 1024, timed_out)
        return True


def _wait(started: list[_Started], timeout: float) -> list[Run]:
    while not all([s.poll(timeout) for s in started]):  # noqa: C419 - poll every one, each round
        time.sleep(0.005)
    return [s.result for s in started if s.result is not None]


def run_cli(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None,
            timeout: float = 2 * LIMIT_SECONDS, preexec_fn: Callable[[], None] | None = None,
            stdin: bytes | None = None) -> Run:
    """Run the CLI once; a run past ``timeout`` is killed and comes back with ``timed_out``."""
    return _wait([_Started(args, cwd, env, preexec_fn, stdin)], timeout)[0]


def run_many(commands: Sequence[Sequence[str]], *, cwd: Path | None = None, env: Mapping[str, str] | None = None,
             envs: Sequence[Mapping[str, str]] | None = None, timeout: float = 2 * LIMIT_SECONDS,
             parallel: int = 4) -> list[Run]:
    """Run several commands, ``parallel`` at a time (each still measured on its own); ``envs``
    gives each command its own environment."""
    runs: list[Run] = []
    for i in range(0, len(commands), parallel):
        runs += _wait([_Started(args, cwd, envs[i + k] if envs is not None else env, None, None)
                       for k, args in enumerate(commands[i:i + parallel])], timeout)
    return runs


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from ``/proc/<pid>/task/<tid>/children``)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _high_water_mark(pid: int) -> int:
    """Peak resident set of ``pid``'s address space since its exec, in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0
