"""The hook specification: everything a plugin can contribute.

The built-in rules, readers and reporters are registered through these same hooks, so a
third-party package has exactly the powers the core has. An agency package declares
``[project.entry-points.disclosure_lint]`` and is picked up on install (docs/plugins.md walks
through one). Every hook is called once per run (``disclosure_lint_readers`` once per set of limits);
an implementation may leave out the arguments it does not use, as pluggy allows. A hook implementation
whose name is not one of these is an error when the plugin loads (``check_pending``), and a hook
that raises stops the run naming the plugin.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pluggy

from ..limits import Limits

PROJECT = "disclosure_lint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def disclosure_lint_rules() -> Sequence[Any]:
    """Return rule functions (decorated with ``@rule``) or modules holding them."""
    raise NotImplementedError


@hookspec
def disclosure_lint_fixtures() -> Sequence[Any]:
    """Return fixture functions (decorated with ``@fixture``) or modules holding them."""
    raise NotImplementedError


@hookspec
def disclosure_lint_readers(limits: Limits) -> Sequence[Any]:
    """Return reader objects (see `disclosure_lint.read.Reader`): a new input format.

    ``limits`` are the run's `disclosure_lint.limits.Limits` (configuration key ``limits``). The
    file's size is checked before a reader sees it; a reader that inflates, decodes or expands
    what it reads should bound that work (as the built-in readers do with ``limits.archive`` and
    ``limits.pdf``) and raise `InputError` beyond it."""
    raise NotImplementedError


@hookspec
def disclosure_lint_reporters() -> dict[str, Any]:
    """Return ``{format name: reporter}``; a reporter is a callable ``(results, options) -> str``."""
    raise NotImplementedError


@hookspec
def disclosure_lint_default_config() -> dict[str, Any]:
    """Return configuration defaults (same keys as disclosure-lint.yaml); the user's config wins.

    They lie above the profile and beneath the user's files and command line (config/profile.py).
    ``extends``, ``plugins``, ``require-plugins`` and ``rule-paths`` may not be set here."""
    raise NotImplementedError


@hookspec
def disclosure_lint_rule_paths() -> Sequence[str]:
    """Return folders (or files) of declarative YAML rules shipped inside the plugin's package:
    paths, or ``importlib.resources.files(__name__) / "rules"``. Their rules count as the
    plugin's own (its prefix, its name in ``disclosure-lint plugins``); see yamlrules/."""
    raise NotImplementedError
