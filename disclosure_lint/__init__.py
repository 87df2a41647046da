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
from .config import Config, ConfigError
from .engine.check import Check, Total, Violation
from .engine.finding import Finding, Message, Place, Severity, Skip
from .engine.result import LintResult
from .engine.rule import Example, Examples, FixtureAbsent, fixture, parametrize, rule, sample
from .model import Cell, CellKind, Report
from .plugins.hookspecs import hookimpl
from .read.base import InputError

__version__ = "0.1.0"

__all__ = [
    "Cell", "CellKind", "Check", "Config", "ConfigError", "Example", "Examples", "Finding",
    "FixtureAbsent", "InputError", "LintResult", "Message", "Place", "Report", "Severity", "Skip",
    "Total", "Violation", "__version__", "fixture", "hookimpl", "lint_path", "lint_paths",
    "lint_report", "load_report", "parametrize", "rule", "sample",
]
