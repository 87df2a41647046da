"""The hook specification: everything a plugin can contribute.

The built-in rules, readers and reporters are registered through these same hooks, so a
third-party package has exactly the powers the core has. An agency package declares
``[project.entry-points.disclosure_lint]`` and is picked up on install.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pluggy

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
def disclosure_lint_readers() -> Sequence[Any]:
    """Return reader objects (see `disclosure_lint.read.Reader`): a new input format."""
    raise NotImplementedError


@hookspec
def disclosure_lint_reporters() -> dict[str, Any]:
    """Return ``{format name: reporter}``; a reporter is a callable ``(results, options) -> str``."""
    raise NotImplementedError


@hookspec
def disclosure_lint_default_config() -> dict[str, Any]:
    """Return configuration defaults (same keys as disclosure-lint.yaml); the user's config wins."""
    raise NotImplementedError


@hookspec
def disclosure_lint_rule_paths() -> Sequence[str]:
    """Return folders of declarative YAML rules shipped inside the plugin's package."""
    raise NotImplementedError
