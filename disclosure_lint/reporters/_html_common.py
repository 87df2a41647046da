"""Small pieces the ``html`` output is built from: escaping, elements, and its fixed strings.

Every text that comes from a report (paragraphs, cell values, labels, file names, messages that
quote them) passes through `esc` — the only way text enters the page — so a report that contains
markup or script shows it as text. Element and attribute names are fixed strings of this package.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..model import Severity


def esc(text: object) -> str:
    """Text as HTML: ``<``, ``>``, ``&`` and both quotes escaped (safe in content and attributes)."""
    return html.escape(str(text), quote=True)


def attrs(attributes: dict[str, Any]) -> str:
    """``name="value"`` pairs, escaped; None and False are left out, True is a bare attribute."""
    out = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(out)


def el(tag: str, inner: str = "", /, **attributes: Any) -> str:
    """An element whose content ``inner`` is HTML already (built by these helpers or escaped).

    Attribute names are written in Python with ``_`` for ``-`` and a trailing ``_`` for keywords
    (``class_``, ``aria_describedby``)."""
    named = {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()}
    return f"<{tag}{attrs(named)}>{inner}</{tag}>"


def json_script(data: object, element_id: str) -> str:
    """Data for the page's script: JSON in a non-executable ``<script type="application/json">``,
    with ``<``, ``>`` and ``&`` written as ``\\u003c`` … so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


def severity_class(severity: Severity) -> str:
    return f"sev-{severity.value}"


def worst(severities: list[Severity]) -> Severity | None:
    return max(severities, key=lambda s: s.rank, default=None)


# Every fixed string of the html output, in both languages. The official table labels stay in
# Chinese in both: they are the format's own words.
STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "doc_title_one": "{title} — disclosure-lint 检查结果",
        "doc_title_batch": "disclosure-lint 检查结果：{n} 份报告",
        "tool": "disclosure-lint {version}",
        "nav_summary": "概要",
        "nav_tables": "表格",
        "nav_findings": "问题清单",
        "nav_text": "报告全文",
        "back": "← 返回总览",
        "file": "文件",
        "format": "格式",
        "agency": "机关",
        "year": "年度",
        "template": "模板",
        "unknown": "未知",
        "summary": "概要",
        "findings": "问题清单",
        "tables": "表格（按国家格式重绘）",
        "text": "报告全文",
        "no_findings": "未发现问题。",
        "all_passed": "全部通过！",
        "ran_passed": "已运行的检查全部通过。",
        "skipped_n": "跳过 {n} 条规则",
        "internal": "内部错误",
        "internal_error": "规则 {rule}（插件 {plugin}）运行出错：{message}",
        "internal_error_plugin": "插件 {plugin} 出错：{message}",
        "input_error": "无法读取：{message}",
        "expected": "预期：",
        "actual": "实际：",
        "blank": "（空白）",
        "related": "相关位置：",
        "related_to": "与第 {n} 条问题相关",
        "fix": "修改建议：",
        "where": "原文位置：",
        "goto": "定位",
        "whole_report": "全文",
        "front": "标题与开头部分",
        "other_places": "其他位置",
        "section": "{number}、{heading}",
        "as_written": "原文：",
        "missing_cell": "缺少此单元格",
        "table_absent": "本报告中未找到{label}。",
        "unmatched": "未能与格式对应的行：",
        "unrecognised": "未能归入章节的内容",
        "see_table": "（{label}见上文“表格”部分）",
        "finding_n": "第 {n} 条",
        "dashboard": "检查结果总览",
        "reports_n": "共 {n} 份报告",
        "reports": "各报告",
        "search": "按机关名称搜索",
        "search_placeholder": "输入机关名称…",
        "all_years": "全部年度",
        "all_templates": "全部模板",
        "all_rules": "全部规则",
        "only_problems": "只看有错误或警告的报告",
        "shown": "显示 {shown} / {total} 份报告",
        "col_status": "状态",
        "col_errors": "错误",
        "col_warnings": "警告",
        "col_info": "提示",
        "status_ok": "通过",
        "status_findings": "有问题",
        "status_unreadable": "无法读取",
        "no_reports": "没有可显示的报告。",
        "passed_over": "略过的文件（不是年度报告）：",
        "chart": "最常见的问题（按规则）",
        "chart_label": "各规则问题数，前 {n} 条",
        "chart_note": "{n} 个问题，涉及 {m} 份报告",
        "no_chart": "没有问题可统计。",
        "filter_rule": "规则",
        "rule_filter_hint": "点击条形图可按该规则筛选",
        "template_2021": "2021 年格式",
        "template_2019": "2019 年试行格式",
        "template_pre-2019": "2019 年以前的格式",
        "template_unknown": "未识别",
        "colon": "：",
    },
    "en": {
        "html_lang": "en",
        "doc_title_one": "{title} — disclosure-lint results",
        "doc_title_batch": "disclosure-lint results: {n} reports",
        "tool": "disclosure-lint {version}",
        "nav_summary": "Summary",
        "nav_tables": "Tables",
        "nav_findings": "Findings",
        "nav_text": "Report text",
        "back": "← Back to the dashboard",
        "file": "File",
        "format": "Format",
        "agency": "Agency",
        "year": "Year",
        "template": "Template",
        "unknown": "unknown",
        "summary": "Summary",
        "findings": "Findings",
        "tables": "Tables (redrawn in the national format)",
        "text": "Report text",
        "no_findings": "No problems found.",
        "all_passed": "All checks passed!",
        "ran_passed": "All checks that ran passed.",
        "skipped_n": "{n} rules skipped",
        "internal": "Internal errors",
        "internal_error": "rule {rule} (plugin {plugin}) raised {message}",
        "internal_error_plugin": "plugin {plugin} raised {message}",
        "input_error": "Cannot be read: {message}",
        "expected": "expected: ",
        "actual": "found: ",
        "blank": "(blank)",
        "related": "Related places:",
        "related_to": "related to finding {n}",
        "fix": "Fix: ",
        "where": "In the file: ",
        "goto": "show",
        "whole_report": "Whole report",
        "front": "Title and opening",
        "other_places": "Other places",
        "section": "Section {number}、{heading}",
        "as_written": "as written: ",
        "missing_cell": "this cell is missing",
        "table_absent": "{label} was not found in this report.",
        "unmatched": "Rows that match nothing in the format:",
        "unrecognised": "Text outside the sections",
        "see_table": "({label}: see “Tables” above)",
        "finding_n": "finding {n}",
        "dashboard": "Results dashboard",
        "reports_n": "{n} reports",
        "reports": "Reports",
        "search": "Search by agency name",
        "search_placeholder": "agency name…",
        "all_years": "all years",
        "all_templates": "all templates",
        "all_rules": "all rules",
        "only_problems": "only reports with errors or warnings",
        "shown": "showing {shown} of {total} reports",
        "col_status": "Status",
        "col_errors": "Errors",
        "col_warnings": "Warnings",
        "col_info": "Info",
        "status_ok": "passed",
        "status_findings": "findings",
        "status_unreadable": "unreadable",
        "no_reports": "No reports to show.",
        "passed_over": "Files passed over (not annual reports):",
        "chart": "Most frequent findings (by rule)",
        "chart_label": "Findings per rule, top {n}",
        "chart_note": "{n} findings in {m} reports",
        "no_chart": "No findings to count.",
        "filter_rule": "Rule",
        "rule_filter_hint": "click a bar to filter by that rule",
        "template_2021": "2021 format",
        "template_2019": "2019 trial format",
        "template_pre-2019": "pre-2019 format",
        "template_unknown": "not recognised",
        "colon": ": ",
    },
}


def strings(lang: str) -> dict[str, str]:
    return STRINGS["en" if lang == "en" else "zh"]
