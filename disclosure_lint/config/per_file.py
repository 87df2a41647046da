"""``per-file-ignores`` globs and the ``baseline`` path: relative to the configuration file.

As in ruff, a glob without a slash (``*.md``, ``2019年报.txt``) matches a file name at any depth
below the configuration file's folder, and a glob with one (``reports/2019/*.txt``, ``drafts/**``)
matches paths from that folder — gitignore's rules, implemented by ``pathspec``. A file's globs
are anchored to its folder when it is read (`anchor`), so a file pulled in with ``extends`` keeps
meaning its own folder; globs given without a file (the library's ``Config(...)``) are relative to
the current directory.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

_SPECIAL = re.compile(r"([*?\[\]\\])")
_DRIVE = re.compile(r"^[A-Za-z]:/")  # Windows: C:/site/reports/*.txt


def anchor(pattern: str, folder: Path) -> str:
    """``pattern``, written in a file in ``folder``, as a glob from the file system's root:
    ``reports/*.txt`` read from /site becomes ``/site/reports/*.txt``, ``*.md`` becomes
    ``/site/**/*.md``, and ``/drafts`` (gitignore's "from here") ``/site/drafts``."""
    base = _SPECIAL.sub(r"\\\1", Path(folder).resolve().as_posix()).rstrip("/")
    body = pattern.lstrip("/")
    if "/" not in body.rstrip("/") and not pattern.startswith("/"):
        body = f"**/{body}"
    return f"{base}/{body}"


def is_anchored(pattern: str) -> bool:
    """A glob from the file system's root (made so by `anchor`)."""
    return pattern.startswith("/") or _DRIVE.match(pattern) is not None


@lru_cache(maxsize=256)
def _spec(pattern: str) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # here: pathspec imports asyncio (30 ms of every start)

    return GitIgnoreSpec.from_lines([pattern])


def matches(pattern: str, path: str | Path) -> bool:
    """Whether the file at ``path`` (relative to the current directory, or absolute) matches."""
    glob = pattern if is_anchored(pattern) else anchor(pattern, Path.cwd())
    return _spec(glob).match_file(Path(path).resolve().as_posix())


def ignored_for(per_file_ignores: Mapping[str, Collection[str]], path: str | Path) -> list[tuple[str, tuple[str, ...]]]:
    """The (glob, selectors) entries that apply to the file at ``path``, in configuration order."""
    return [(glob, tuple(selectors)) for glob, selectors in per_file_ignores.items() if matches(glob, path)]


def anchor_all(per_file_ignores: Mapping[str, Collection[str]], folder: Path) -> dict[str, tuple[str, ...]]:
    return {anchor(glob, folder): tuple(selectors) for glob, selectors in per_file_ignores.items()}


__all__ = ["anchor", "anchor_all", "ignored_for", "is_anchored", "matches"]
