"""The ``sarif`` output: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Valid against the official OASIS schema and shaped for GitHub's extra requirements: every selected
rule is described (short and full description, help text and Markdown, help URI, default level,
tags, precision, ``problem.severity``) and every result has a ``ruleIndex``, a physical location
with ``startLine`` ≥ 1, ``partialFingerprints`` and a logical location inside the report.

Text inputs (.txt, .md, .html) point at their real line and column. .docx and .pdf have no lines:
their results use ``startLine: 1`` (GitHub requires a line) and carry the real place — page,
paragraph, table, row, cell — in the message, in the logical location (the JSON Pointer into the
report and the human path) and in the result's ``properties``.

Skipped rules, internal errors and unreadable files become ``toolExecutionNotifications`` of the
run's invocation (levels ``note``, ``error`` and ``error``): never silently dropped. The output is
deterministic — no timestamps, no absolute paths unless ``ctx.extra["srcroot"]`` is given.

Suppressed findings (inline comments, per-file-ignores, the baseline) are left out unless
``ctx.report_suppressed``; then they are results with ``suppressions`` (``inSource`` for a comment
in the report, ``external`` otherwise; status ``accepted``), which code scanning shows as closed.
GitHub's size limits are kept: at most `MAX_RESULTS` results per run (the most severe are kept and
a ``results-truncated`` notification says how many were left out), `MAX_RELATED` related locations
per result and `MAX_TAGS` tags per rule. ``ctx.extra["category"]`` (``--sarif-category``) becomes
``automationDetails.id``; without it, upload-sarif derives the category from the workflow and job.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from ..engine.finding import Finding, InternalError, Place
from ..engine.result import LintResult
from ..engine.rule import RuleSpec
from ..model import Severity
from ._common import describe, has_line, input_error_text, ordered
from .base import ReportContext, summaries_only

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/disclosure-lint/disclosure-lint"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "disclosureLint/v1"
# GitHub code scanning's limits (docs: "SARIF support for code scanning", "Upload limits").
MAX_RESULTS = 25_000
MAX_RELATED = 1_000
MAX_TAGS = 20

_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
_MIME = {
    "text": "text/plain",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

# The notification descriptors (tool.driver.notifications): what kind of thing a notification
# reports. The rule a notification concerns goes in its ``associatedRule``.
_NOTIFICATIONS: tuple[tuple[str, str, str], ...] = (
    ("rule-skipped", "规则因缺少所需输入而未运行（不计为通过）。",
     "A rule did not run because an input it needs is absent (not counted as passed)."),
    ("internal-error", "规则或插件运行出错；其余规则照常运行，退出码为 2。",
     "A rule or plugin raised an exception; the other rules still ran and the exit code is 2."),
    ("input-error", "文件无法读取或不是支持的格式；退出码为 2。",
     "A file could not be read or is not in a supported format; the exit code is 2."),
    ("results-truncated", "结果数超过 GitHub 代码扫描每次运行的上限，仅保留最严重的部分。",
     "More results than GitHub code scanning accepts per run: only the most severe are included."),
)
_NOTIFICATION_INDEX = {nid: i for i, (nid, _, _) in enumerate(_NOTIFICATIONS)}


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


# ---- artifacts -----------------------------------------------------------------------------------
class _Artifacts:
    """The run's artifacts (one per file), and the artifact location of each path."""

    def __init__(self, srcroot: str | None) -> None:
        self.srcroot = Path(srcroot).absolute() if srcroot else None
        self.items: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def _uri(self, path: str) -> tuple[str, str | None]:
        p = PurePath(path)
        if self.srcroot is not None:
            try:
                p = Path(p).absolute().relative_to(self.srcroot)
            except ValueError:
                return Path(p).absolute().as_uri(), None
        elif p.is_absolute():
            return Path(p).as_uri(), None
        return quote(p.as_posix(), safe="/"), SRCROOT

    def location(self, path: str) -> dict[str, Any]:
        uri, base = self._uri(path)
        loc: dict[str, Any] = {"uri": uri}
        if base:
            loc["uriBaseId"] = base
        loc["index"] = self._index[path]
        return loc

    def add(self, result: LintResult) -> None:
        if result.path in self._index:
            return
        uri, base = self._uri(result.path)
        artifact: dict[str, Any] = {"location": {"uri": uri, **({"uriBaseId": base} if base else {})}}
        source = result.report.source if result.report is not None else None
        if source is not None:
            if source.size is not None:
                artifact["length"] = source.size
            if source.format in _MIME:
                artifact["mimeType"] = _MIME[source.format]
            if source.encoding:
                artifact["encoding"] = source.encoding
            if source.sha256:
                artifact["hashes"] = {"sha-256": source.sha256}
        self._index[result.path] = len(self.items)
        self.items.append(artifact)


# ---- rules -----------------------------------------------------------------------------------------
def _rule_descriptor(spec: RuleSpec, ctx: ReportContext, lang: str) -> dict[str, Any]:
    summary = spec.summary_en if lang == "en" else spec.summary
    full = spec.description if lang != "en" and spec.description else summary
    help_uri = f"{ctx.docs_url}{spec.id}.md" if spec.plugin.startswith("builtin") else None
    text = "\n\n".join(x for x in (summary, spec.description) if x)
    markdown = "\n\n".join(x for x in (f"**{spec.id}** `{spec.name}` — {summary}", spec.description) if x)
    if help_uri:
        text += f"\n\n{help_uri}"
        markdown += f"\n\n[{_t(lang, '规则说明', 'Rule documentation')}]({help_uri})"
    descriptor: dict[str, Any] = {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": text, "markdown": markdown},
    }
    if help_uri:
        descriptor["helpUri"] = help_uri
    descriptor["defaultConfiguration"] = {"level": spec.severity.sarif_level}
    descriptor["properties"] = {
        "tags": sorted(spec.tags)[:MAX_TAGS],
        "precision": "high",
        "problem.severity": _PROBLEM_SEVERITY[spec.severity],
        "plugin": spec.plugin,
    }
    return descriptor


def _unknown_rule(rule_id: str, name: str, severity: Severity | None) -> dict[str, Any]:
    """A descriptor for a rule that reported but is not among the selected ones (defensive: a
    result must always have its rule)."""
    d: dict[str, Any] = {"id": rule_id, "name": name, "shortDescription": {"text": name or rule_id}}
    if severity is not None:
        d["defaultConfiguration"] = {"level": severity.sarif_level}
    return d


def _rules(results: Sequence[LintResult], ctx: ReportContext, lang: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    descriptors = {rid: _rule_descriptor(spec, ctx, lang) for rid, spec in ctx.rules.items()}
    for r in results:
        for f in (*r.findings, *r.suppressed):
            descriptors.setdefault(f.rule_id, _unknown_rule(f.rule_id, f.rule_name, f.severity))
        for s in r.skipped:
            descriptors.setdefault(s.rule_id, _unknown_rule(s.rule_id, s.rule_name, None))
        for e in r.errors:
            if e.rule_id:
                descriptors.setdefault(e.rule_id, _unknown_rule(e.rule_id, "", None))
    ordered_ids = sorted(descriptors)
    return [descriptors[rid] for rid in ordered_ids], {rid: i for i, rid in enumerate(ordered_ids)}


# ---- locations ---------------------------------------------------------------------------------------
def _region(place: Place) -> dict[str, Any]:
    loc = place.location
    if not has_line(loc) or loc.line is None:
        return {"startLine": 1}
    start_line = max(loc.line, 1)
    region: dict[str, Any] = {"startLine": start_line}
    if loc.column:
        region["startColumn"] = loc.column
    end_line = loc.end_line if loc.end_line is not None and loc.end_line >= start_line else None
    if end_line is not None:
        region["endLine"] = end_line
    if loc.end_column and loc.column:
        if (end_line or start_line) > start_line or loc.end_column >= loc.column:
            region["endColumn"] = loc.end_column
    return region


def _logical_kind(place: Place) -> str:
    if place.logical == "report":
        return "module"
    if place.key is not None:
        return "value"
    if "#" in place.logical or place.logical == "title":
        return "text"
    if place.logical.startswith("contact."):
        return "property"
    return "object"


def _logical(place: Place, lang: str) -> dict[str, Any]:
    fqn = place.logical or place.pointer or "report"
    entry: dict[str, Any] = {
        "name": fqn.split("#", 1)[0].rsplit(".", 1)[-1],
        "fullyQualifiedName": fqn,
        "kind": _logical_kind(place),
    }
    if place.path is not None:
        entry["decoratedName"] = place.path.get(lang)
    return entry


def _where(place: Place, lang: str) -> str:
    """The place in the file in words, for formats whose region cannot show it."""
    if has_line(place.location):
        return ""
    described = place.location.describe(lang)
    return _t(lang, f"（{described}）", f" ({described})") if described else ""


def _place_properties(place: Place, lang: str) -> dict[str, Any]:
    props: dict[str, Any] = {"pointer": place.pointer, "logical": place.logical}
    if place.key is not None:
        props["key"] = place.key
    if place.path is not None:
        props["path"] = place.path.get(lang)
    loc = place.location
    for name in ("page", "paragraph", "table", "row", "cell"):
        value = getattr(loc, name)
        if value is not None:
            props[name] = value
    if loc.bbox is not None:
        props["bbox"] = list(loc.bbox)
    if loc.path is not None:
        props["elementPath"] = loc.path
    described = describe(loc, lang)
    if described:
        props["where"] = described
    return props


def _related(place: Place, ident: int, artifact: dict[str, Any], lang: str) -> dict[str, Any]:
    name = place.path.get(lang) if place.path is not None else (place.pointer or place.logical)
    if place.value is not None:
        name += f" = {place.value.strip() or _t(lang, '（空白）', '(blank)')}"
    return {
        "id": ident,
        "physicalLocation": {"artifactLocation": artifact, "region": _region(place)},
        "logicalLocations": [_logical(place, lang)],
        "message": {"text": name + _where(place, lang)},
    }


def _result(f: Finding, artifact: dict[str, Any], rule_index: Mapping[str, int], lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index[f.rule_id],
        "level": f.severity.sarif_level,
        "message": {"text": f.text(lang) + _where(f.place, lang)},
        "locations": [{
            "physicalLocation": {"artifactLocation": artifact, "region": _region(f.place)},
            "logicalLocations": [_logical(f.place, lang)],
        }],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [_related(p, i, artifact, lang)
                                      for i, p in enumerate(f.related[:MAX_RELATED], start=1)]
    if f.suppression is not None:
        suppression: dict[str, Any] = {"kind": "inSource" if f.suppression.kind == "inline" else "external",
                                       "status": "accepted"}
        if f.suppression.reason:
            suppression["justification"] = f.suppression.reason
        suppression["properties"] = {"by": f.suppression.kind, "source": f.suppression.source}
        result["suppressions"] = [suppression]
    props = _place_properties(f.place, lang)
    if f.expected is not None:
        props["expected"] = f.expected
    if f.actual is not None:
        props["actual"] = f.actual
    if f.fix is not None:
        props["fix"] = f.fix.get(lang)
    props["plugin"] = f.plugin
    result["properties"] = props
    return result


# ---- notifications -------------------------------------------------------------------------------------
def _descriptor(nid: str) -> dict[str, Any]:
    return {"id": nid, "index": _NOTIFICATION_INDEX[nid]}


def _file_location(artifact: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"physicalLocation": {"artifactLocation": artifact}}]


def _internal_error(e: InternalError, artifact: dict[str, Any], rule_index: Mapping[str, int],
                    ctx: ReportContext, lang: str) -> dict[str, Any]:
    if e.rule_id:
        text = _t(lang, f"内部错误：规则 {e.rule_id}（插件 {e.plugin}）运行出错：{e.message}",
                  f"internal error: rule {e.rule_id} (plugin {e.plugin}) raised {e.message}")
    else:
        text = _t(lang, f"内部错误：插件 {e.plugin} 出错：{e.message}",
                  f"internal error: plugin {e.plugin} raised {e.message}")
    kind, sep, detail = e.message.partition(": ")
    note: dict[str, Any] = {
        "level": "error",
        "message": {"text": text},
        "descriptor": _descriptor("internal-error"),
        "locations": _file_location(artifact),
        "exception": {"kind": kind, "message": detail} if sep else {"message": e.message},
        "properties": {"plugin": e.plugin},
    }
    if e.rule_id:
        note["associatedRule"] = {"id": e.rule_id, "index": rule_index[e.rule_id]}
    if ctx.verbose and e.traceback:
        note["properties"]["traceback"] = e.traceback
    return note


def _truncated(left_out: int, kept: int, lang: str) -> dict[str, Any]:
    return {
        "level": "warning",
        "message": {"text": _t(lang, f"结果过多：仅包含最严重的 {kept} 条，另有 {left_out} 条未写入"
                                     f"（GitHub 每次运行最多 {MAX_RESULTS} 条）；请用其他输出格式查看全部结果",
                               f"too many results: the {kept} most severe are included and {left_out} were left out "
                               f"(GitHub accepts at most {MAX_RESULTS} per run); use another output format to see "
                               "them all")},
        "descriptor": _descriptor("results-truncated"),
    }


def _limit(results: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """At most `MAX_RESULTS`, the most severe first (unsuppressed before suppressed), in their
    original order; and how many were left out."""
    if len(results) <= MAX_RESULTS:
        return results, 0
    rank = {"error": 0, "warning": 1, "note": 2}
    order = sorted(range(len(results)), key=lambda i: ("suppressions" in results[i], rank[results[i]["level"]], i))
    keep = sorted(order[:MAX_RESULTS])
    return [results[i] for i in keep], len(results) - MAX_RESULTS


def _notifications(results: Sequence[LintResult], artifacts: _Artifacts, rule_index: Mapping[str, int],
                   ctx: ReportContext, lang: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in results:
        artifact = artifacts.location(r.path)
        if r.input_error is not None:
            out.append({
                "level": "error",
                "message": {"text": _t(lang, "输入错误：", "input error: ") + input_error_text(r, lang)},
                "descriptor": _descriptor("input-error"),
                "locations": _file_location(artifact),
            })
        for s in sorted(r.skipped, key=lambda s: s.rule_id):
            out.append({
                "level": "note",
                "message": {"text": _t(lang, f"已跳过 {s.rule_id}（{s.rule_name}）：{s.reason.zh}",
                                       f"skipped {s.rule_id} ({s.rule_name}): {s.reason.en}")},
                "descriptor": _descriptor("rule-skipped"),
                "associatedRule": {"id": s.rule_id, "index": rule_index[s.rule_id]},
                "locations": _file_location(artifact),
            })
        for e in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message)):
            out.append(_internal_error(e, artifact, rule_index, ctx, lang))
    return out


# ---- the log -----------------------------------------------------------------------------------------
def document(results: Sequence[LintResult], ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as a Python object (what ``sarif_reporter`` serialises)."""
    lang = "en" if ctx.lang == "en" else "zh"
    results = [r for r in ordered(results) if not r.passed_over]
    srcroot = ctx.extra.get("srcroot")
    artifacts = _Artifacts(str(srcroot) if srcroot else None)
    for r in results:
        artifacts.add(r)
    rules, rule_index = _rules(results, ctx, lang)
    sarif_results = [_result(f, artifacts.location(r.path), rule_index, lang) for r in results
                     for f in (*r.findings, *(r.suppressed if ctx.report_suppressed else ()))]
    sarif_results, left_out = _limit(sarif_results)
    notifications = _notifications(results, artifacts, rule_index, ctx, lang)
    if left_out:
        notifications.append(_truncated(left_out, len(sarif_results), lang))
    driver: dict[str, Any] = {
        "name": "disclosure-lint",
        "version": ctx.tool_version,
        "semanticVersion": ctx.tool_version,
        "informationUri": INFORMATION_URI,
        "language": _t(lang, "zh-CN", "en-US"),
        "rules": rules,
        "notifications": [
            {"id": nid, "shortDescription": {"text": _t(lang, zh, en)}} for nid, zh, en in _NOTIFICATIONS
        ],
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{
            # False when the exit code is 2 for a reason other than usage: a rule or plugin raised,
            # or a file could not be read.
            "executionSuccessful": not any(r.errors or r.input_error is not None for r in results),
            "toolExecutionNotifications": notifications,
        }],
    }
    if srcroot:
        root = Path(str(srcroot)).absolute().as_uri()
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root if root.endswith("/") else root + "/"}}
    category = ctx.extra.get("category")
    if category:
        run["automationDetails"] = {"id": f"{category}/"}
    run["language"] = _t(lang, "zh-CN", "en-US")
    run["columnKind"] = "unicodeCodePoints"
    run["artifacts"] = artifacts.items
    run["results"] = sarif_results
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


@summaries_only
def sarif_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    return json.dumps(document(results, ctx), ensure_ascii=False, indent=2) + "\n"
