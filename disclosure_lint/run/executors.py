"""Where a batch's tasks run: in this process, in worker processes, or on a Dask cluster.

An executor takes a list of tasks (`disclosure_lint.run.tasks`) and yields ``(task, outcome)`` as each
one finishes; the batch puts outcomes back in the order of its files, so the result never
depends on which executor ran them or in what order they finished.

`ProcessPool` is a small pool of our own rather than `concurrent.futures`: a file that hangs must
be stoppable, and a running `ProcessPoolExecutor` task cannot be cancelled. A worker builds its
linters and says it is ready before it gets a file, so its start-up never counts against a file's
time; then it gets one task at a time; at the task's deadline (``limits.timeout-per-file``) the worker is
killed, the file gets a time-out result and a fresh worker takes its place. A worker that dies (a crash in a C extension,
the kernel's out-of-memory killer) costs only the file it was on.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from .recipe import Checker, Checkers, LinterRecipe
from .tasks import LoadTask, Outcome, Task, perform_in, perform_with_timeout, restore, slim, timed_out, worker_died


class Executor(Protocol):
    """Runs tasks and yields ``(task, outcome)`` in the order they finish."""

    def run(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Outcome]]: ...

    def close(self) -> None: ...


def available_cpus() -> int:
    """The cores this process may run on (``--jobs``'s default)."""
    counter = getattr(os, "process_cpu_count", None)  # Python ≥ 3.13
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# ------------------------------------------------------------------------------------------------
class Serial:
    """Every task in this process, one after the other. A task's time limit is soft (see
    `disclosure_lint.run.tasks.perform_with_timeout`)."""

    def __init__(self, checker_of: Callable[[Task], Checker]) -> None:
        self._checker_of = checker_of

    def run(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Outcome]]:
        for task in tasks:
            yield task, perform_with_timeout(task, self._checker_of, task.timeout)

    def close(self) -> None:
        pass


# ------------------------------------------------------------------------------------------------
READY = b"ready"
STARTUP_LIMIT = 120.0  # seconds a new worker may take to import and build its checkers


def _worker_main(conn: Connection, recipe: LinterRecipe, cwd: str, sources: tuple[str | None, ...] = ()) -> None:
    """A worker process: build the checkers, say so, then receive a task and send back its outcome
    until told to stop. Building first keeps start-up out of the first file's time limit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    if os.getcwd() != cwd:
        os.chdir(cwd)  # relative paths, per-file-ignores and baselines mean what they mean in the parent
    checkers = Checkers(recipe)
    for source in sources:
        try:
            checkers.for_source(source)
        except Exception:  # noqa: BLE001, S110 - each task of that configuration reports it
            pass
    conn.send_bytes(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(slim(task, perform_in(checkers, task)))


def _start_method() -> Any:
    """``fork`` where it is safe and cheapest (Linux, no other thread in this process: the
    workers inherit the imported rules); else ``forkserver`` (no inherited locks) with the
    package preloaded; else ``spawn`` (Windows)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["disclosure_lint.run.executors", "disclosure_lint_rules"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, ctx: Any, recipe: LinterRecipe, cwd: str, sources: tuple[str | None, ...]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, recipe, cwd, sources),
                                   name="disclosure-lint worker", daemon=True)
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.deadline: float | None = None
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the worker to have started (a worker that does not start is left not ready:
        giving it a task then fails, and it is replaced)."""
        try:
            if self.conn.poll(STARTUP_LIMIT) and self.conn.recv_bytes() == READY:
                self.ready = True
                return
        except (EOFError, OSError):
            pass
        self.process.kill()

    def give(self, task: Task) -> None:
        if not self.ready:
            raise BrokenPipeError("the worker did not start")
        self.conn.send(task)
        self.task = task
        self.deadline = time.monotonic() + task.timeout if task.timeout is not None else None

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class ProcessPool:
    """``jobs`` worker processes built from a `LinterRecipe`, one task each at a time, with a
    hard time limit per task (its ``timeout``). Workers are started on first use and reused
    across `run` calls."""

    def __init__(self, recipe: LinterRecipe, jobs: int, sources: Sequence[str | None] = ()) -> None:
        self._recipe = recipe
        self._sources = tuple(dict.fromkeys(sources))  # the configurations workers build before any file
        self._jobs = max(1, jobs)
        self._ctx = _start_method()
        self._cwd = os.getcwd()
        self._workers: list[_Worker] = []
        self.started = 0  # worker processes started, replacements included (for tests and benchmarks)

    def _spawn(self) -> _Worker:
        self.started += 1
        return _Worker(self._ctx, self._recipe, self._cwd, self._sources)

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        fresh = self._spawn()
        fresh.wait_ready()
        self._workers[self._workers.index(worker)] = fresh

    def run(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Outcome]]:
        pending: deque[Task] = deque(tasks)
        while len(self._workers) < min(self._jobs, len(pending)):
            self._workers.append(self._spawn())
        for worker in self._workers:  # they start side by side; a time limit starts with a file
            if not worker.ready:
                worker.wait_ready()
        failures = 0  # workers in a row that died before taking a task
        while True:
            for worker in list(self._workers):
                if worker.task is None and pending and not self._give(worker, pending):
                    failures += 1
                    if failures > 2 * len(self._workers):
                        raise RuntimeError("disclosure-lint: worker processes keep dying before taking a file")
            busy = [w for w in self._workers if w.task is not None]
            if not busy:
                if pending:
                    continue
                return
            failures = 0
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            ready = set(wait([w.conn for w in busy],
                             max(0.0, min(deadlines) - time.monotonic()) if deadlines else None))
            for worker in busy:
                task = worker.task
                assert task is not None
                if worker.conn in ready:
                    try:
                        data = worker.conn.recv_bytes()
                    except (EOFError, OSError):
                        worker.process.join(1)
                        code = worker.process.exitcode
                        self._replace(worker)
                        yield task, _lost(task, f"exit code {code}")
                        continue
                    worker.task = worker.deadline = None
                    if pending:  # keep it busy before spending time on the outcome
                        self._give(worker, pending)
                    yield task, restore(task, pickle.loads(data))
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    self._replace(worker)
                    yield task, _expired(task)

    def _give(self, worker: _Worker, pending: deque[Task]) -> bool:
        """Send ``worker`` the next task; False (and a new worker in its place, the task still
        pending) when the worker turns out to be dead."""
        task = pending.popleft()
        try:
            worker.give(task)
        except OSError:
            pending.appendleft(task)
            worker.task = worker.deadline = None
            self._replace(worker)
            return False
        return True

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=worker.task is not None)
        self._workers.clear()


def _lost(task: Task, detail: str) -> Outcome:
    return None if isinstance(task, LoadTask) and task.candidate else worker_died(task, detail)


def _expired(task: Task) -> Outcome:
    return None if isinstance(task, LoadTask) and task.candidate else timed_out(task, task.timeout or 0)


__all__ = ["Executor", "ProcessPool", "Serial", "available_cpus"]
