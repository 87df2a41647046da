"""Turning a rule's examples into reports, so every example runs as a test.

An example is a shipped clean sample edited line by line (``replace``) or cell by cell
(``cells``), or a whole inline report. The test suite (and plugin authors' suites) call
`run_example` for every example of every rule and compare the count of that rule's findings.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..builder.cells import parse_cell
from ..builder.loading import parse_bytes
from ..config.model import Config
from ..engine.finding import Finding
from ..engine.linter import Linter
from ..engine.rule import Example, RuleSpec
from ..engine.suppress import Baseline, BaselineEntry, uses_late_fixtures
from ..model import Report
from ..model.template import table_spec
from .recipe import Checker

SAMPLES_PACKAGE = "disclosure_lint_rules.samples"


class ExampleError(Exception):
    """The example itself is wrong (an edit that matches nothing, an unknown cell key)."""


@lru_cache(maxsize=16)
def sample_text(name: str) -> str:
    """The text of a clean sample shipped with the built-in rules (``seed`` …)."""
    try:
        return resources.files(SAMPLES_PACKAGE).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExampleError(f"no sample named {name!r}") from None


def with_cell(report: Report, key: str, raw: str) -> Report:
    """The report with one table cell set to ``raw``, parsed as the builder parses cells."""
    table_key, row_key, col_key = key.split(".")
    table = report.table(table_key)
    cell = table.cell(row_key, col_key) if table else None
    if table is None or cell is None:
        raise ExampleError(f"example edits cell {key!r}, which the sample does not have")
    # The column's unit (件 or 万元) from the format, not the unit the old text happened to carry.
    try:
        unit = table_spec(table_key, table.version).column(row_key, col_key).unit
    except KeyError:
        unit = "件"
    new = parse_cell(raw, key=key, unit=unit, location=cell.location)
    row = table.rows[row_key]
    rows = {**table.rows, row_key: row.model_copy(update={"cells": {**row.cells, col_key: new}})}
    return report.model_copy(update={table_key: table.model_copy(update={"rows": rows})})


def build_example(example: Example, readers: Any) -> Report:
    if example.file is not None:
        if example.replace or example.cells:
            raise ExampleError("a binary sample cannot be edited: give its edited copy as another file")
        try:
            data = resources.files(SAMPLES_PACKAGE).joinpath(example.file).read_bytes()
        except FileNotFoundError:
            raise ExampleError(f"no sample file named {example.file!r}") from None
        return parse_bytes(data, example.file, readers)
    if example.text is not None:
        text = example.text
        name = "example.yaml" if text.lstrip().startswith("disclosure_lint_report") else "example.txt"
    else:
        text = sample_text(example.base or "seed")
        name = f"{example.base}.txt"
    for old, new in example.replace:
        if old not in text:
            raise ExampleError(f"example replaces {old!r}, which the sample does not contain")
        text = text.replace(old, new)
    report = parse_bytes(text.encode("utf-8"), name, readers)
    for key, raw in example.cells:
        report = with_cell(report, key, raw)
    return report


def run_example(linter: Linter, spec: RuleSpec, example: Example) -> list[Finding]:
    """The findings of ``spec`` on ``example``, read with the readers of the linter's plugins.
    Other rules are not run — except for the rules that judge suppressions (DL012, DL013), which
    need the others' findings to judge."""
    readers = Checker.of(linter).loader.readers
    report = build_example(example, readers)
    previous = build_example(example.previous, readers) if example.previous else None
    options = dict(example.options)
    if options:
        linter = Linter(Config(options={spec.id: options}), linter.ruleset)
    path = report.source.path if report.source else "example.txt"
    baseline = Baseline([BaselineEntry(file=path, rule=rule, fingerprint=fp) for rule, fp in example.baseline],
                        Path.cwd()) if example.baseline else None
    only = sorted({*linter.selected, spec.id}) if uses_late_fixtures(spec) else [spec.id]
    result = linter.lint_report(report, previous=previous, published_on=example.published_on, only=only,
                                baseline=baseline)
    if result.errors:
        raise AssertionError(f"{spec.id} raised: {result.errors[0].traceback}")
    return [f for f in result.findings if f.rule_id == spec.id]
