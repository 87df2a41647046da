"""Which files to lint when the user names a folder.

A website repository holds the reports beside ordinary pages, READMEs and the tool's own config:
walking a folder takes every regular file of a supported kind (by name, so an image or a
spreadsheet is never opened; never a named pipe, socket or device), deterministically sorted,
without following symlinks (no loops) and without descending into VCS, virtual-environment or
dependency folders. Whether a walked file is a report is decided after reading it
(`LintResult.passed_over`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

STDIN = "-"  # the path that stands for standard input
REPORT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".shtml", ".xhtml",
                             ".pdf", ".yaml", ".yml", ".json"})
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
                       ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages"})
# The tool's own files are never reports.
TOOL_FILES = frozenset({"disclosure-lint.yaml", "disclosure-lint.yml", ".disclosure-lint.yaml",
                        ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "pyproject.toml"})


def walk(folder: str | Path) -> Iterator[Path]:
    """Candidate report files under ``folder``, sorted by path."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name in TOOL_FILES or name.startswith("."):
                continue
            path = Path(root, name)
            # Never a link, nor a named pipe (opening one can wait forever), whatever its name.
            if path.suffix.lower() in REPORT_SUFFIXES and not path.is_symlink() and path.is_file():
                yield path
