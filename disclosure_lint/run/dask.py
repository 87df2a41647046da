"""Running a batch on a Dask cluster (``--executor dask``; the optional extra ``[dask]``).

The batch is the same as on one machine — same tasks, same `perform`, outcomes put back in the
order of the files — only the tasks run on the cluster's workers. Each worker builds its checkers
once from the run's `LinterRecipe`, which travels to the workers as a worker plugin; tasks then
carry only a file's name (or, to lint a report with last year's, the two reports).

Workers read the files themselves, by absolute path: the files (and any configuration files and
local plugins) must be visible at the same paths on every worker — a shared file system. See
docs/scale.md. Without a scheduler address a `LocalCluster` is started on this machine, bound to
the loopback interface.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from .recipe import Checkers, LinterRecipe
from .tasks import LoadTask, Outcome, Task, perform_in, restore, slim, worker_died

try:
    import distributed
    from distributed import WorkerPlugin
except ImportError:  # the optional extra is not installed: DaskExecutor says so
    distributed = None  # type: ignore[assignment]
    WorkerPlugin = object  # type: ignore[assignment,misc]

MISSING = ("--executor dask 需要可选依赖：pip install 'disclosure-lint[dask]' / "
           "--executor dask needs the optional extra: pip install 'disclosure-lint[dask]'")


def available() -> bool:
    """Whether the ``[dask]`` extra is installed."""
    return distributed is not None


class RecipePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """The run's recipe on every worker, and the worker's checkers built from it (lazily)."""

    def __init__(self, recipe: LinterRecipe, cwd: str) -> None:
        self.recipe = recipe
        self.cwd = cwd
        self.checkers: Checkers | None = None

    def setup(self, worker: Any) -> None:
        self.checkers = Checkers(self.recipe)

    def teardown(self, worker: Any) -> None:
        self.checkers = None


def dask_perform(plugin_name: str, task: Task) -> Outcome:
    """A task on a worker: the worker's checkers, the parent's working directory when the worker
    has it (per-file-ignores and baselines are relative to it), then `perform`."""
    plugin: RecipePlugin = distributed.get_worker().plugins[plugin_name]  # type: ignore[assignment]
    if plugin.checkers is None:
        plugin.checkers = Checkers(plugin.recipe)
    if os.path.isdir(plugin.cwd) and os.getcwd() != plugin.cwd:
        os.chdir(plugin.cwd)
    return slim(task, perform_in(plugin.checkers, task, task.timeout))


class DaskExecutor:
    """Tasks on a Dask cluster: the one at ``scheduler`` (``tcp://host:8786``), or a local one of
    ``jobs`` single-threaded worker processes."""

    def __init__(self, recipe: LinterRecipe, *, scheduler: str | None = None, jobs: int = 1) -> None:
        if distributed is None:
            raise RuntimeError(MISSING)
        self._cluster = None
        if scheduler:
            self._client = distributed.Client(scheduler, set_as_default=False)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=max(1, jobs), threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
                dashboard_address=None, worker_dashboard_address=None, silence_logs=logging.ERROR)
            self._client = distributed.Client(self._cluster, set_as_default=False)
        digest = hashlib.sha256(pickle.dumps(recipe)).hexdigest()[:16]
        self._plugin = f"disclosure-lint-{digest}"
        self._client.register_plugin(RecipePlugin(recipe, os.getcwd()), name=self._plugin)

    def run(self, tasks: Sequence[Task]) -> Iterator[tuple[Task, Outcome]]:
        if not tasks:
            return
        run_id = uuid.uuid4().hex[:12]
        futures = {self._client.submit(dask_perform, self._plugin, task, pure=False,
                                       key=f"disclosure-lint-{run_id}-{n}"): task
                   for n, task in enumerate(tasks)}
        for future in distributed.as_completed(futures, loop=self._client.loop):
            task = futures[future]
            try:
                outcome = restore(task, future.result())
            except Exception as exc:  # noqa: BLE001 - a worker that died on it (KilledWorker), …
                outcome = None if isinstance(task, LoadTask) and task.candidate else \
                    worker_died(task, f"{type(exc).__name__}: {exc}")
            future.release()
            yield task, outcome

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


__all__ = ["MISSING", "DaskExecutor", "RecipePlugin", "available", "dask_perform"]
