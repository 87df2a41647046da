"""The text outputs: ``full`` (the default) and ``concise``.

``full`` is written for the report's author: each finding names the file and the place (line and
column for text and HTML; page, paragraph or table cell for .docx and .pdf), the rule, the
severity, the place inside the report in words (表三 › … › 自然人), the message, the expected and
the found value, the other cells involved and how to fix it. ``concise`` is one line per finding,
``path:line:col: ID message``, for editors and grep. Both end with a one-line summary.

Chinese by default, English with ``lang="en"``; ANSI colour only when the context asks for it, so
a pipe or a file never gets escape codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..engine.finding import Finding, InternalError, Place, Skip
from ..engine.result import LintResult
from ..model import Severity
from ._common import Totals, describe, has_line, input_error_text, ordered, totals
from .base import ReportContext, summaries_only

_INDENT = "    "
_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# Every fixed string of the text outputs, in both languages.
_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "path_sep": "：",
        "expected": "预期：{}",
        "actual": "实际：{}",
        "related_cells": "相关单元格：",
        "related": "相关位置：",
        "blank": "（空白）",
        "where": "（{}）",
        "fix": "修改建议：{}",
        "input_error": "输入错误：{}",
        "internal_error": "内部错误：规则 {rule}（插件 {plugin}）运行出错：{message}",
        "internal_error_plugin": "内部错误：插件 {plugin} 出错：{message}",
        "skipped": "已跳过 {rule}（{name}）：{reason}",
        "passed_over": "已略过：不是政府信息公开工作年度报告",
        "statistics": "各规则问题数：",
        "all_passed": "全部通过！",
        "ran_passed": "已运行的检查全部通过。",
        "no_problems": "未发现问题。",
        "found": "发现 {n} 个问题：错误 {error} 个，警告 {warning} 个，提示 {info} 个。",
        "files": "共检查 {n} 个文件",
        "n_skipped": "跳过 {n} 条规则",
        "verbose_hint": "（--verbose 显示原因）",
        "n_internal": "内部错误 {n} 个",
        "n_input": "输入错误 {n} 个",
        "n_passed_over": "略过 {n} 个非年度报告文件",
        "n_suppressed": "已抑制 {n} 个问题",
        "suppressed": "（已抑制：{how}）",
        "how_inline": "行内注释",
        "how_config": "per-file-ignores",
        "how_baseline": "基线",
        "reason": "，理由：{}",
        "join": "；",
        "end": "。",
    },
    "en": {
        "path_sep": ": ",
        "expected": "expected: {}",
        "actual": "found: {}",
        "related_cells": "related cells:",
        "related": "related places:",
        "blank": "(blank)",
        "where": " ({})",
        "fix": "fix: {}",
        "input_error": "input error: {}",
        "internal_error": "internal error: rule {rule} (plugin {plugin}) raised {message}",
        "internal_error_plugin": "internal error: plugin {plugin} raised {message}",
        "skipped": "skipped {rule} ({name}): {reason}",
        "passed_over": "passed over: not an annual information-disclosure report",
        "statistics": "Findings per rule:",
        "all_passed": "All checks passed!",
        "ran_passed": "All checks that ran passed.",
        "no_problems": "No problems found.",
        "found": "Found {n} {problems}: {error} {errors}, {warning} {warnings}, {info} info.",
        "files": "{n} {file} checked",
        "n_skipped": "{n} {rule} skipped",
        "verbose_hint": " (--verbose shows why)",
        "n_internal": "{n} internal {error}",
        "n_input": "{n} input {error}",
        "n_passed_over": "{n} {file} passed over (not annual reports)",
        "n_suppressed": "{n} suppressed",
        "suppressed": " [suppressed: {how}]",
        "how_inline": "inline comment",
        "how_config": "per-file-ignores",
        "how_baseline": "baseline",
        "reason": ", reason: {}",
        "join": "; ",
        "end": ".",
    },
}


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


class _Writer:
    """Language and colour for one rendering."""

    def __init__(self, ctx: ReportContext) -> None:
        self.ctx = ctx
        self.lang = "en" if ctx.lang == "en" else "zh"
        self.s = _STRINGS[self.lang]
        self._style: Callable[..., str] | None = None
        if ctx.color:
            import click  # only needed for colour; the library API works without a terminal

            self._style = click.style

    def style(self, text: str, **kw: Any) -> str:
        return self._style(text, **kw) if self._style is not None else text

    # ---- pieces --------------------------------------------------------------------------------
    def where(self, path: str, place: Place) -> str:
        """``path:LINE:COL`` for files with lines, else ``path:第5页`` / ``path:page 5``."""
        loc = place.location
        if has_line(loc):
            return f"{path}:{loc.line}:{loc.column}" if loc.column else f"{path}:{loc.line}"
        described = loc.describe(self.lang)
        return f"{path}:{described}" if described else path

    def severity(self, severity: Severity) -> str:
        return self.style(f"[{severity.label(self.lang)}]", fg=_SEVERITY_COLOUR[severity], bold=True)

    def rule_id(self, rule_id: str) -> str:
        return self.style(rule_id, bold=True)

    def file(self, path: str) -> str:
        return self.style(path, bold=True)

    def human_path(self, place: Place) -> str | None:
        if place.logical == "report" or place.path is None:
            return None
        return place.path.get(self.lang)

    def related(self, place: Place) -> str:
        name = self.human_path(place) or place.pointer or place.logical
        if place.value is not None:
            name += f" = {place.value.strip() or self.s['blank']}"
        described = describe(place.location, self.lang)
        return name + (self.s["where"].format(described) if described else "")

    def problems(self, r: LintResult) -> list[str]:
        """The file's input error, internal errors and (with --verbose) skipped rules."""
        lines = [self.input_error(r)] if r.input_error is not None else []
        for error in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin)):
            lines += self.internal_error(r.path, error)
        if self.ctx.verbose and not self.ctx.quiet:
            lines += [self.skipped(r.path, s) for s in sorted(r.skipped, key=lambda s: s.rule_id)]
        return lines

    def input_error(self, result: LintResult) -> str:
        text = self.s["input_error"].format(input_error_text(result, self.lang))
        return f"{self.file(result.path)}: {self.style(text, fg='red')}"

    def internal_error(self, path: str, error: InternalError) -> list[str]:
        if error.rule_id:
            text = self.s["internal_error"].format(rule=error.rule_id, plugin=error.plugin, message=error.message)
        else:
            text = self.s["internal_error_plugin"].format(plugin=error.plugin, message=error.message)
        lines = [f"{self.file(path)}: {self.style(text, fg='red', bold=True)}"]
        if self.ctx.verbose and error.traceback:
            lines += [_INDENT + line for line in error.traceback.rstrip().splitlines()]
        return lines

    def skipped(self, path: str, skip: Skip) -> str:
        text = self.s["skipped"].format(rule=skip.rule_id, name=skip.rule_name, reason=skip.reason.get(self.lang))
        return f"{self.file(path)}: {text}"

    def statistics(self, results: Sequence[LintResult]) -> list[str]:
        counts = Counter(f.rule_id for r in results for f in r.findings)
        if not counts:
            return []
        names = {f.rule_id: f.rule_name for r in results for f in r.findings}
        width = len(str(max(counts.values())))
        id_width = max(len(rid) for rid in counts)
        lines = [self.s["statistics"]]
        for rid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:>{width}}  {self.rule_id(rid.ljust(id_width))}  {names[rid]}")
        return lines

    def summary(self, t: Totals, *, with_files: bool = True, hint: bool = False) -> str:
        """One line: what was found, how many files, and what could not be checked."""
        s, en = self.s, self.lang == "en"
        if t.findings == 0 and not t.internal_errors and not t.input_errors:
            head = self.style(s["all_passed"] if not t.skipped else s["ran_passed"], fg="green", bold=True)
        elif t.findings == 0:
            head = s["no_problems"]
        else:
            head = s["found"].format(n=t.findings, error=t.error, warning=t.warning, info=t.info,
                                     problems=_plural(t.findings, "problem"), errors=_plural(t.error, "error"),
                                     warnings=_plural(t.warning, "warning"))
            head = self.style(head, bold=True)
        extras: list[str] = []
        if with_files:
            extras.append(s["files"].format(n=t.files, file=_plural(t.files, "file")))
        if t.skipped:
            extras.append(s["n_skipped"].format(n=t.skipped, rule=_plural(t.skipped, "rule"))
                          + (s["verbose_hint"] if hint and not self.ctx.verbose else ""))
        if t.internal_errors:
            extras.append(s["n_internal"].format(n=t.internal_errors, error=_plural(t.internal_errors, "error")))
        if t.input_errors:
            extras.append(s["n_input"].format(n=t.input_errors, error=_plural(t.input_errors, "error")))
        if t.passed_over:
            extras.append(s["n_passed_over"].format(n=t.passed_over, file=_plural(t.passed_over, "file")))
        if t.suppressed:
            extras.append(s["n_suppressed"].format(n=t.suppressed))
        if not extras:
            return head
        return head + (" " if en else "") + s["join"].join(extras) + s["end"]

    # ---- findings ------------------------------------------------------------------------------
    def suppressed(self, f: Finding) -> str:
        """The mark of a suppressed finding (shown with --report-suppressed), else ""."""
        if f.suppression is None:
            return ""
        how = self.s[f"how_{f.suppression.kind}"]
        if f.suppression.kind == "inline" and f.suppression.source:
            how += f" {f.suppression.source}"
        if f.suppression.reason:
            how += self.s["reason"].format(f.suppression.reason)
        return self.style(self.s["suppressed"].format(how=how), dim=True)

    def finding_full(self, path: str, f: Finding) -> list[str]:
        where = self.where(path, f.place)
        human = self.human_path(f.place)
        text = f.text(self.lang) + self.suppressed(f)
        message = f"{human}{self.s['path_sep']}{text}" if human else text
        lines = [f"{self.file(where)}: {self.rule_id(f.rule_id)} {self.severity(f.severity)} {message}"]
        values = []
        if f.expected is not None:
            values.append(self.s["expected"].format(f.expected))
        if f.actual is not None:
            values.append(self.s["actual"].format(f.actual))
        if values:
            lines.append(_INDENT + "  ".join(values))
        if f.related:
            cells = all(p.key is not None for p in f.related)
            lines.append(_INDENT + self.s["related_cells" if cells else "related"])
            lines += [_INDENT + "  " + self.related(p) for p in f.related]
        if f.fix is not None:
            lines.append(_INDENT + self.s["fix"].format(f.fix.get(self.lang)))
        return lines

    def finding_concise(self, path: str, f: Finding) -> str:
        text = f.text(self.lang) + self.suppressed(f)
        return f"{self.file(self.where(path, f.place))}: {self.rule_id(f.rule_id)} {text}"


def _finish(blocks: list[list[str]]) -> str:
    lines = [line for block in blocks for line in block]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


@summaries_only
def full(results: Sequence[LintResult], ctx: ReportContext) -> str:
    """The default text output (see the module docstring and docs/output-formats.md)."""
    w = _Writer(ctx)
    results = ordered(results)
    several = sum(not r.passed_over for r in results) > 1
    blocks: list[list[str]] = []
    for r in results:
        if r.passed_over:
            if ctx.verbose and not ctx.quiet:
                blocks.append([f"{w.file(r.path)}: {w.s['passed_over']}"])
            continue
        for f in (*r.findings, *(r.suppressed if ctx.report_suppressed else ())):
            blocks.append([*w.finding_full(r.path, f), ""])
        tail = w.problems(r)
        if several and not ctx.quiet and r.input_error is None:
            tail.append(f"{w.file(r.path)}: {w.summary(totals([r]), with_files=False)}")
        if tail:
            blocks.append([*tail, ""])
    if ctx.statistics:
        stats = w.statistics(results)
        if stats:
            blocks.append([*stats, ""])
    if not ctx.quiet:
        blocks.append([w.summary(totals(results), hint=True)])
    return _finish(blocks)


@summaries_only
def concise(results: Sequence[LintResult], ctx: ReportContext) -> str:
    """One line per finding, ``path:LINE:COL: ID message``, then the one-line summary."""
    w = _Writer(ctx)
    results = ordered(results)
    lines: list[str] = []
    for r in results:
        if r.passed_over:
            continue
        lines += [w.finding_concise(r.path, f) for f in (*r.findings, *(r.suppressed if ctx.report_suppressed else ()))]
        lines += w.problems(r)
    blocks = [lines]
    if ctx.statistics:
        stats = w.statistics(results)
        if stats:
            blocks.append(["", *stats] if lines else stats)
    if not ctx.quiet:
        blocks.append(["", w.summary(totals(results))] if any(blocks) else [w.summary(totals(results))])
    return _finish(blocks)
