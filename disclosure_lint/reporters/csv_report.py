"""The ``csv`` output: one row per report, for a supervising office's spreadsheet.

A supervisor checking hundreds of subordinate reports wants a table to sort and filter — which
body, which year, how many problems of each severity, which rules — not the findings themselves
(the other outputs have those). Columns, in this order (`COLUMNS`):

``path``, ``format``, ``agency``, ``year``, ``template`` (2021 or 2019), ``status`` (``clean``: no
finding at or above --fail-on; ``findings``; ``error``: the file could not be read or a rule
raised), ``error``, ``warning``, ``info`` (counts), ``rules`` (the IDs of the rules that found
something, sorted, space-separated), ``input_error`` (why the file could not be read, in --lang),
``internal_errors`` (count).

Rows are sorted by path; files found in folders that are not reports are left out. The text starts
with a UTF-8 byte-order mark so that Excel and WPS open the Chinese names correctly (Python reads
it with ``encoding="utf-8-sig"``). Deterministic: the same run gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..engine.result import LintResult
from ._common import input_error_text, ordered
from .base import ReportContext, summaries_only

COLUMNS = ("path", "format", "agency", "year", "template", "status", "error", "warning", "info", "rules",
           "input_error", "internal_errors")
BOM = "\ufeff"


def _status(r: LintResult, ctx: ReportContext) -> str:
    if r.input_error is not None or r.errors:
        return "error"
    return "findings" if r.failing(ctx.fail_on) else "clean"


def _row(r: LintResult, ctx: ReportContext) -> list[str | int]:
    report = r.report
    counts = r.counts()
    return [
        r.path,
        report.source.format if report is not None and report.source is not None else "",
        (report.agency or "") if report is not None else "",
        report.year if report is not None and report.year is not None else "",
        report.template.version.value if report is not None else "",
        _status(r, ctx),
        counts["error"], counts["warning"], counts["info"],
        " ".join(sorted({f.rule_id for f in r.findings})),
        input_error_text(r, ctx.lang),
        len(r.errors),
    ]


@summaries_only
def csv_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in ordered(results):
        if not r.passed_over:
            writer.writerow(_row(r, ctx))
    return BOM + out.getvalue()


__all__ = ["BOM", "COLUMNS", "csv_reporter"]
