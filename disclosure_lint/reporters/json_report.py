"""The ``json`` output: one versioned document for programs (shape in docs/output-formats.md).

Named ``json_report`` so that nothing in this package can shadow the standard library's ``json``.
Deterministic: files sorted by path, findings in source order (as the engine sorts them), skipped
rules and internal errors sorted by rule ID, keys in a fixed order, no timestamps — the same run
gives byte-identical output, which makes it diffable and usable as a CI artifact.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..engine.finding import Finding, InternalError, Message, Place, Skip
from ..engine.result import LintResult
from ..model import Location
from ._common import message_or_none, ordered, totals
from .base import ReportContext, summaries_only

JSON_FORMAT_VERSION = 1
TOOL_NAME = "disclosure-lint"


def _location(location: Location) -> dict[str, Any]:
    return location.model_dump(mode="json")


def _place(place: Place, lang: str) -> dict[str, Any]:
    return {
        "pointer": place.pointer,
        "logical": place.logical,
        "key": place.key,
        "path": message_or_none(place.path, lang),
        "value": place.value,
        "location": _location(place.location),
    }


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "rule_name": f.rule_name,
        "severity": f.severity.value,
        "message": f.message.get(lang),
        "message_zh": f.message.zh,
        "message_en": f.message.en,
        "location": _location(f.place.location),
        "pointer": f.place.pointer,
        "logical": f.place.logical,
        "key": f.place.key,
        "path": message_or_none(f.place.path, lang),
        "expected": f.expected,
        "actual": f.actual,
        "related": [_place(p, lang) for p in f.related],
        "fix": message_or_none(f.fix, lang),
        "fix_zh": f.fix.zh if f.fix else None,
        "fix_en": f.fix.en if f.fix else None,
        "fingerprint": f.fingerprint,
        "plugin": f.plugin,
    }


def _skip(s: Skip, lang: str) -> dict[str, Any]:
    return {"rule_id": s.rule_id, "rule_name": s.rule_name, "reason": s.reason.get(lang),
            "reason_zh": s.reason.zh, "reason_en": s.reason.en}


def _error(e: InternalError) -> dict[str, Any]:
    return {"rule_id": e.rule_id, "plugin": e.plugin, "message": e.message, "traceback": e.traceback}


def _message(m: Message | None) -> dict[str, str] | None:
    return {"zh": m.zh, "en": m.en} if m is not None else None


def _file(r: LintResult, lang: str, ctx: ReportContext) -> dict[str, Any]:
    report = r.report
    return {
        "path": r.path,
        "format": report.source.format if report is not None and report.source is not None else None,
        "report": None if report is None else {
            "title": report.title.text if report.title is not None else None,
            "agency": report.agency,
            "year": report.year,
            "template": report.template.version.value,
        },
        "passed_over": r.passed_over,
        "input_error": _message(r.input_error),
        "counts": r.counts(),
        "findings": [_finding(f, lang) for f in r.findings],
        "skipped": [_skip(s, lang) for s in sorted(r.skipped, key=lambda s: s.rule_id)],
        "errors": [_error(e) for e in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message))],
        "rules_run": sorted(r.rules_run),
        # With --report-suppressed: the findings suppressed inline, by per-file-ignores or the baseline.
        "suppressed": [{**_finding(f, lang), "suppression": _suppression(f)} for f in r.suppressed]
        if ctx.report_suppressed else [],
    }


def _suppression(f: Finding) -> dict[str, Any] | None:
    return f.suppression.model_dump(mode="json") if f.suppression is not None else None


def document(results: Sequence[LintResult], ctx: ReportContext) -> dict[str, Any]:
    """The output as a Python object (what ``json_reporter`` serialises)."""
    lang = "en" if ctx.lang == "en" else "zh"
    results = ordered(results)
    t = totals(results)
    return {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": ctx.tool_version},
        "lang": lang,
        "fail_on": ctx.fail_on.value,
        "files": [_file(r, lang, ctx) for r in results],
        "summary": {
            "files": t.files,
            "findings": t.findings,
            "error": t.error,
            "warning": t.warning,
            "info": t.info,
            "skipped": t.skipped,
            "internal_errors": t.internal_errors,
            "input_errors": t.input_errors,
            "passed_over": t.passed_over,
            "suppressed": t.suppressed,
        },
    }


@summaries_only
def json_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    return json.dumps(document(results, ctx), ensure_ascii=False, indent=2) + "\n"
