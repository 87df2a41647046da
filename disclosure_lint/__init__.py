"""disclosure-lint: lint 政府信息公开工作年度报告 before they are published.

The library surface — what an agency's own Python code imports::

    from disclosure_lint import lint_path, load_report
    result = lint_path("2023年报.docx")      # LintResult: findings, skipped rules, report
    report = load_report("2023年报.docx")    # the pydantic Report

Writing a rule (see docs/writing-rules.md)::

    from disclosure_lint import rule, hookimpl, Check
"""

from __future__ import annotations

from .api import lint_path, lint_paths, lint_report, load_report
from .config import Config
from .engine.check import Check, Total, Violation, fmt
from .engine.finding import Finding, Message, Place, Skip
from .engine.result import LintResult
from .engine.rule import Example, Examples, FixtureAbsent, fixture, parametrize, rule, sample
from .engine.suppress import StaleEntry, UnusedSuppression
from .errors import ConfigError, InputError, PluginError
from .model import Cell, CellKind, Report, Severity
from .plugins.hookspecs import hookimpl
from .version import __version__

__all__ = [
    "Cell", "CellKind", "Check", "Config", "ConfigError", "Example", "Examples", "Finding", "FixtureAbsent",
    "InputError", "LintResult", "Message", "Place", "PluginError", "Report", "Severity", "Skip", "StaleEntry",
    "Total", "UnusedSuppression", "Violation", "__version__", "fixture", "fmt", "hookimpl", "lint_path",
    "lint_paths", "lint_report", "load_report", "parametrize", "rule", "sample",
]
