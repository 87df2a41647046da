"""The output formats that ship with the core (plugins add theirs through the same hook)."""

from __future__ import annotations

from .base import Reporter
from .csv_report import csv_reporter
from .github import github_reporter
from .gitlab import gitlab_reporter
from .html_report import html_reporter
from .json_lines import json_lines_reporter
from .json_report import json_reporter
from .junit import junit_reporter
from .sarif import sarif_reporter
from .text import concise, full


def builtin_reporters() -> dict[str, Reporter]:
    """``{format name: reporter}`` — the names ``--output-format`` accepts."""
    return {"full": full, "concise": concise, "json": json_reporter, "sarif": sarif_reporter,
            "html": html_reporter, "json-lines": json_lines_reporter, "github": github_reporter,
            "junit": junit_reporter, "gitlab": gitlab_reporter, "csv": csv_reporter}
