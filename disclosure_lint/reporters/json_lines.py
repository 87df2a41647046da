"""The ``json-lines`` output: one JSON object per line, for streaming tools, ``jq`` and log stores.

Every line is a complete object with ``"type"`` and ``"version"`` (`JSON_LINES_VERSION`) first,
then ``"file"``; the types, in order per file (files sorted by path):

* ``finding`` — the fields of a finding in the ``json`` output (the same names and meanings),
  plus ``suppression`` (null, or ``{"kind", "reason", "source"}`` for the suppressed findings
  ``--report-suppressed`` adds);
* ``skipped`` — a rule that could not run, with the reason;
* ``internal-error`` — a rule or plugin that raised;
* ``input-error`` — a file that could not be read;
* ``passed-over`` — a file found by walking a folder that is not an annual report;

and one last line of type ``summary`` (the ``json`` output's summary, plus ``suppressed``). The
shape is documented in docs/output-formats.md; deterministic, no timestamps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..engine.finding import Finding
from ..engine.result import LintResult
from ._common import ordered, totals
from .base import ReportContext, summaries_only
from .json_report import _error, _finding, _message, _skip

JSON_LINES_VERSION = 1


def _line(kind: str, file: str | None, **fields: Any) -> str:
    head: dict[str, Any] = {"type": kind, "version": JSON_LINES_VERSION}
    if file is not None:
        head["file"] = file
    return json.dumps({**head, **fields}, ensure_ascii=False, separators=(",", ":"))


def _finding_line(path: str, f: Finding, lang: str) -> str:
    suppression = f.suppression.model_dump(mode="json") if f.suppression is not None else None
    return _line("finding", path, **_finding(f, lang), suppression=suppression)


@summaries_only
def json_lines_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    lang = "en" if ctx.lang == "en" else "zh"
    lines: list[str] = []
    for r in ordered(results):
        if r.passed_over:
            lines.append(_line("passed-over", r.path))
            continue
        lines += [_finding_line(r.path, f, lang) for f in r.findings]
        if ctx.report_suppressed:
            lines += [_finding_line(r.path, f, lang) for f in r.suppressed]
        lines += [_line("skipped", r.path, **_skip(s, lang)) for s in sorted(r.skipped, key=lambda s: s.rule_id)]
        lines += [_line("internal-error", r.path, **_error(e))
                  for e in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message))]
        if r.input_error is not None:
            lines.append(_line("input-error", r.path, message=r.input_error.get(lang), **{
                f"message_{k}": v for k, v in (_message(r.input_error) or {}).items()}))
    t = totals(results)
    lines.append(_line("summary", None, files=t.files, findings=t.findings, error=t.error, warning=t.warning,
                       info=t.info, skipped=t.skipped, internal_errors=t.internal_errors,
                       input_errors=t.input_errors, passed_over=t.passed_over, suppressed=t.suppressed))
    return "\n".join(lines) + "\n"


__all__ = ["JSON_LINES_VERSION", "json_lines_reporter"]
