"""The ``gitlab`` output: GitLab's code quality report (``artifacts:reports:codequality``).

A JSON array of issues in the Code Climate subset GitLab reads: ``description``, ``check_name``,
``fingerprint``, ``severity`` and ``location.path`` / ``location.lines.begin``; GitLab shows them in
the merge request widget and the pipeline's Code Quality tab. Severities map as the common GitLab
formatters do: error → ``major``, warning → ``minor``, info → ``info``.

``fingerprint`` must be unique per issue across the whole report, and stable so GitLab can tell new
issues from old: the finding's own fingerprint (rule, logical place and values, never line
numbers) combined with the file's path, hashed (MD5 hex, as GitLab's examples use). Paths are
relative to ``ctx.extra["workspace"]`` (``CI_PROJECT_DIR``) when the file lies inside it. .docx and
.pdf findings have no line: ``lines.begin`` is 1 and the description names the place. Input and
internal errors are issues of severity ``blocker`` so a broken run cannot look clean.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from ..engine.finding import Finding
from ..engine.result import LintResult
from ..model import Severity
from ._common import annotated, has_line, input_error_text
from .base import ReportContext, summaries_only

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _fingerprint(*parts: str) -> str:
    return hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _issue(path: str, f: Finding, lang: str) -> dict[str, Any]:
    loc = f.place.location
    line = loc.line if has_line(loc) and loc.line else 1
    text = f.text(lang)
    if f.place.path is not None and f.place.logical != "report":
        text = f.place.path.get(lang) + _t(lang, "：", ": ") + text
    if not has_line(loc):
        described = loc.describe(lang)
        if described:
            text += _t(lang, f"（{described}）", f" ({described})")
    return {
        "description": text,
        "check_name": f"{f.rule_id} {f.rule_name}",
        "fingerprint": _fingerprint(path, f.rule_id, f.fingerprint),
        "severity": SEVERITY[f.severity],
        "location": {"path": path, "lines": {"begin": line}},
    }


def _error(path: str, check: str, description: str, n: int) -> dict[str, Any]:
    return {"description": description, "check_name": check, "fingerprint": _fingerprint(path, check, str(n)),
            "severity": "blocker", "location": {"path": path, "lines": {"begin": 1}}}


@summaries_only
def gitlab_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    lang = "en" if ctx.lang == "en" else "zh"
    workspace = ctx.extra.get("workspace")
    issues: list[dict[str, Any]] = []
    for r, path in annotated(results, workspace):
        issues += [_issue(path, f, lang) for f in r.findings]
        if r.input_error is not None:
            text = _t(lang, "输入错误：", "input error: ") + input_error_text(r, lang)
            issues.append(_error(path, "input-error", text, 0))
        for n, e in enumerate(sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message))):
            issues.append(_error(path, f"internal-error {e.rule_id or e.plugin}",
                                 _t(lang, f"内部错误：{e.rule_id or e.plugin}（插件 {e.plugin}）：{e.message}",
                                    f"internal error: {e.rule_id or e.plugin} (plugin {e.plugin}): {e.message}"), n))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


__all__ = ["SEVERITY", "gitlab_reporter"]
