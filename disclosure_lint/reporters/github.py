"""The ``github`` output: GitHub Actions workflow commands, one annotation per finding.

Chosen automatically when ``GITHUB_ACTIONS=true`` and no ``--output-format`` is given. Each finding
becomes ``::error``, ``::warning`` or ``::notice`` (for error, warning, info) with the file, the
line and columns for text and HTML reports (.docx and .pdf have no lines: the annotation is on the
file, and the message names the page, paragraph or table cell), and the rule as the title; GitHub
shows them in the job log, on the run's summary page and on the pull request's changed files.

Paths are made relative to ``ctx.extra["workspace"]`` (``GITHUB_WORKSPACE``, the repository root)
when the file lies inside it, so a run from a sub-folder still annotates the right file. Values are
escaped as the runner requires (``%``, CR, LF, and in properties ``:`` and ``,``), so a message can
never inject a workflow command. Input and internal errors are ``::error`` annotations too; the
last line is a plain-text summary. GitHub shows at most 10 annotations of each level per step (50
per job) on the summary page; the log has them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.finding import Finding
from ..engine.result import LintResult
from ..model import Severity
from ._common import annotated, has_line, input_error_text, totals
from .base import ReportContext, summaries_only

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF escaped (the runner's own rule)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _finding(path: str, f: Finding, lang: str) -> str:
    loc = f.place.location
    props: dict[str, object] = {"file": path}
    parts: list[str] = []
    if f.place.path is not None and f.place.logical != "report":
        parts.append(f.place.path.get(lang) + _t(lang, "：", ": "))
    parts.append(f.text(lang))
    if has_line(loc):
        props["line"] = loc.line
        if loc.column:
            props["col"] = loc.column
        if loc.end_line is not None and loc.end_line >= (loc.line or 0):
            props["endLine"] = loc.end_line
            if loc.end_column and loc.column and (loc.end_line > (loc.line or 0) or loc.end_column >= loc.column):
                props["endColumn"] = loc.end_column
    else:
        described = loc.describe(lang)
        if described:
            parts.append(_t(lang, f"（{described}）", f" ({described})"))
    message = "".join(parts)
    if f.fix is not None:
        message += "\n" + _t(lang, "修改建议：", "fix: ") + f.fix.get(lang)
    props["title"] = f"{f.rule_id} {f.rule_name}"
    return command(_COMMAND[f.severity], message, **props)


@summaries_only
def github_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    lang = "en" if ctx.lang == "en" else "zh"
    workspace = ctx.extra.get("workspace")
    lines: list[str] = []
    for r, path in annotated(results, workspace):
        lines += [_finding(path, f, lang) for f in r.findings]
        if r.input_error is not None:
            lines.append(command("error", input_error_text(r, lang), file=path,
                                 title=_t(lang, "输入错误", "input error")))
        for e in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message)):
            title = _t(lang, f"内部错误 {e.rule_id or ''}", f"internal error {e.rule_id or ''}").strip()
            text = _t(lang, f"规则 {e.rule_id}（插件 {e.plugin}）运行出错：{e.message}",
                      f"rule {e.rule_id} (plugin {e.plugin}) raised {e.message}") if e.rule_id else \
                _t(lang, f"插件 {e.plugin} 出错：{e.message}", f"plugin {e.plugin} raised {e.message}")
            lines.append(command("error", text, file=path, title=title))
    t = totals(results)
    summary = _t(lang, f"disclosure-lint：检查 {t.files} 个文件，"
                       f"错误 {t.error} 个，警告 {t.warning} 个，提示 {t.info} 个",
                 f"disclosure-lint: {t.files} file(s) checked: {t.error} error(s), {t.warning} warning(s), "
                 f"{t.info} info")
    extras = []
    if t.input_errors or t.internal_errors:
        extras.append(_t(lang, f"输入错误 {t.input_errors} 个，内部错误 {t.internal_errors} 个",
                         f"{t.input_errors} input error(s), {t.internal_errors} internal error(s)"))
    if t.suppressed:
        extras.append(_t(lang, f"已抑制 {t.suppressed} 个", f"{t.suppressed} suppressed"))
    if t.passed_over:
        extras.append(_t(lang, f"略过 {t.passed_over} 个非年度报告文件", f"{t.passed_over} passed over"))
    lines.append(summary + "".join(_t(lang, f"；{x}", f"; {x}") for x in extras) + _t(lang, "。", ""))
    return "\n".join(lines) + "\n"


__all__ = ["command", "escape_data", "escape_property", "github_reporter"]
