"""The ``html`` output: one self-contained page to look at rather than read (docs/output-formats.md).

For one report: a summary, the three tables redrawn in the national layout with every cell a
finding concerns highlighted (hover or focus shows the message and the expected value), the
findings grouped by section with links to their places, and the report's text with the spans
findings point at marked. For a batch: a dashboard of all reports (sortable, filterable, searchable
by agency), a chart of the most frequent rules, and a page per report.

Self-contained and safe to open from anywhere: CSS and script are inline, nothing is fetched (a
Content-Security-Policy allows only this page's own style and script, by hash), every text from a
report is escaped, and data for the script travels as JSON in a non-executable element.
Deterministic: no timestamps, files by path, findings in source order.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

from ..engine.result import LintResult
from ..model import Severity
from ._common import ordered, totals
from ._html_common import el, esc, json_script, severity_class, strings, worst
from ._html_page import Page, template_label
from .base import ReportContext

_CHART_TOP = 10


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("html_assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(css: str, js: str) -> str:
    """Nothing from the network, and no script or style but this page's own (by hash): an
    injected ``<script>`` or ``onerror=`` would not run even if escaping ever failed."""
    return (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def html_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    """One HTML document: a report's page, or a dashboard and a page per report for a batch."""
    s = strings(ctx.lang)
    results = ordered(results)
    linted = [r for r in results if not r.passed_over]
    batch = len(linted) != 1
    pages = [Page(r, f"r{i}", ctx, s, batch=batch) for i, r in enumerate(linted, 1)]
    body = [_dashboard(results, pages, ctx, s)] if batch else []
    body += [p.render() for p in pages]
    body.append(el("div", "", id="tip", role="tooltip", hidden=True))
    body.append(el("footer", esc(s["tool"].format(version=ctx.tool_version)), class_="foot"))
    title = (s["doc_title_batch"].format(n=len(linted)) if batch
             else s["doc_title_one"].format(title=pages[0].title()))
    data = {"lang": "en" if ctx.lang == "en" else "zh", "batch": batch,
            "strings": {"shown": s["shown"]}}
    css, js = _asset("report.css"), _asset("report.js")
    head = "".join([
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(css, js))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{esc(s["tool"].format(version=ctx.tool_version))}">',
        '<link rel="icon" href="data:,">',
        el("title", esc(title)),
        f"<style>{css}</style>",
    ])
    return ("<!DOCTYPE html>\n"
            + f'<html lang="{s["html_lang"]}">\n<head>\n{head}\n</head>\n'
            + f'<body class="{"batch" if batch else "single"}">\n' + "\n".join(body) + "\n"
            + json_script(data, "dl-data") + f"\n<script>{js}</script>\n</body>\n</html>\n")


# ------------------------------------------------------------------------------------------------
# The dashboard of a batch


def _dashboard(results: list[LintResult], pages: list[Page], ctx: ReportContext, s: dict[str, str]) -> str:
    linted = [p.r for p in pages]
    t = totals(results)
    lang = "en" if ctx.lang == "en" else "zh"
    cards = "".join(
        el("div", el("span", str(getattr(t, sev.value)), class_="n") + el("span", esc(sev.label(lang)), class_="l"),
           class_=f"card {severity_class(sev)}" + (" zero" if getattr(t, sev.value) == 0 else ""))
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    head = el("header", el("h1", esc(s["dashboard"])) + el("p", esc(s["reports_n"].format(n=len(linted))), class_="sub"),
              class_="phead")
    parts = [head, el("div", cards, class_="cards"), _chart(linted, s)]
    parts.append(el("section", el("h2", esc(s["reports"])) + _filters(pages, s)
                    + _report_table(pages, s), class_="part reports"))
    passed = [r.path for r in results if r.passed_over]
    if passed:
        parts.append(el("div", el("p", esc(s["passed_over"])) + el("ul", "".join(el("li", esc(p)) for p in passed)),
                        class_="passed-over"))
    return el("section", "".join(parts), id="dashboard", class_="page dash")


def _options(values: list[str], all_label: str, labels: dict[str, str] | None = None) -> str:
    opts = [el("option", esc(all_label), value="")]
    opts += [el("option", esc((labels or {}).get(v, v)), value=v) for v in values]
    return "".join(opts)


def _filters(pages: list[Page], s: dict[str, str]) -> str:
    reports = [p.report for p in pages]
    years = sorted({str(r.year) for r in reports if r is not None and r.year is not None}, reverse=True)
    templates = sorted({r.template.version.value for r in reports if r is not None})
    rules = sorted({f.rule_id for p in pages for f in p.r.findings})
    template_names = {v: s.get(f"template_{v}", v) for v in templates}
    controls = [
        el("label", el("span", esc(s["search"])) + '<input type="search" id="f-q" autocomplete="off"'
           f' placeholder="{esc(s["search_placeholder"])}">', class_="q"),
        el("label", el("span", esc(s["year"])) + el("select", _options(years, s["all_years"]), id="f-year")),
        el("label", el("span", esc(s["template"]))
           + el("select", _options(templates, s["all_templates"], template_names), id="f-template")),
        el("label", el("span", esc(s["filter_rule"])) + el("select", _options(rules, s["all_rules"]), id="f-rule")),
        el("label", '<input type="checkbox" id="f-problems">' + el("span", esc(s["only_problems"])), class_="chk"),
        el("output", esc(s["shown"].format(shown=len(pages), total=len(pages))), id="f-shown",
           aria_live="polite"),
    ]
    return el("div", "".join(controls), class_="filters", role="search")


_COLUMNS = (("agency", "agency", "text"), ("year", "year", "num"), ("template", "template", "text"),
            ("errors", "col_errors", "num"), ("warnings", "col_warnings", "num"), ("info", "col_info", "num"),
            ("status", "col_status", "text"), ("file", "file", "text"))


def _report_table(pages: list[Page], s: dict[str, str]) -> str:
    if not pages:
        return el("p", esc(s["no_reports"]), class_="empty")
    heads = "".join(
        el("th", el("button", esc(s[label]) + el("span", "", class_="arrow", aria_hidden="true"), type="button",
                    data_sort=key, data_type=kind), scope="col", class_=f"c-{key}")
        for key, label, kind in _COLUMNS)
    rows = [_report_row(p, s) for p in pages]
    return el("table", el("thead", el("tr", heads)) + el("tbody", "".join(rows)), id="reports", class_="reports")


def _report_row(page: Page, s: dict[str, str]) -> str:
    r, report = page.r, page.report
    counts = r.counts()
    if r.input_error is not None or report is None:
        status, status_key = "unreadable", "status_unreadable"
    elif counts["error"] or counts["warning"]:
        status, status_key = "findings", "status_findings"
    else:
        status, status_key = "ok", "status_ok"
    agency = report.agency if report is not None and report.agency else ""
    year = str(report.year) if report is not None and report.year is not None else ""
    template = report.template.version.value if report is not None else ""

    def td(key: str, inner: str, sort: object) -> str:
        return el("td", inner, class_=f"c-{key}", data_v=sort)

    shown_agency = agency or (page.title() if report is not None else r.path)
    cells = [
        td("agency", el("a", esc(shown_agency), href=f"#{page.pid}"), shown_agency),
        td("year", esc(year or "—"), year or "0"),
        td("template", esc(template_label(report, s) if report is not None else "—"), template),
        *(td(key, el("span", str(counts[sev]), class_=f"count {('sev-' + sev) if counts[sev] else 'zero'}"), counts[sev])
          for key, sev in (("errors", "error"), ("warnings", "warning"), ("info", "info"))),
        td("status", el("span", esc(s[status_key]), class_=f"status st-{status}"), status),
        td("file", el("code", esc(r.path)), r.path),
    ]
    rules = " ".join(sorted({f.rule_id for f in r.findings}))
    return el("tr", "".join(cells), data_agency=shown_agency, data_path=r.path, data_year=year, data_template=template,
              data_rules=rules, data_problems="1" if status != "ok" else "0")


# ------------------------------------------------------------------------------------------------
# The chart of the most frequent rules (inline SVG: nothing to load)


def _chart(results: list[LintResult], s: dict[str, str]) -> str:
    counts = Counter(f.rule_id for r in results for f in r.findings)
    if not counts:
        return el("section", el("h2", esc(s["chart"])) + el("p", esc(s["no_chart"]), class_="empty"),
                  class_="part chart")
    names = {f.rule_id: f.rule_name for r in results for f in r.findings}
    levels = {rid: worst([f.severity for r in results for f in r.findings if f.rule_id == rid]) for rid in counts}
    reports = {rid: sum(any(f.rule_id == rid for f in r.findings) for r in results) for rid in counts}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_CHART_TOP]
    label_w, bar_w, row_h, count_w = 300, 400, 26, 260
    width, height = label_w + bar_w + count_w, row_h * len(top) + 8
    biggest = top[0][1]
    title_text = s["chart_label"].format(n=len(top))
    bars = [el("title", esc(title_text), id="chart-title")]
    for i, (rid, n) in enumerate(top):
        y = 4 + i * row_h
        w = max(2, round(bar_w * n / biggest))
        level = levels[rid] or Severity.INFO
        note = s["chart_note"].format(n=n, m=reports[rid])
        bars.append(el(
            "g",
            el("title", esc(f"{rid} {names[rid]}: {note}"))
            + el("text", el("tspan", esc(rid), class_="rid") + " " + esc(names[rid]), x=label_w - 8, y=y + 17,
                 text_anchor="end", class_="lab")
            + el("rect", "", x=label_w, y=y + 3, width=w, height=row_h - 8, rx=2, class_=f"bar {severity_class(level)}")
            + el("text", esc(note), x=label_w + w + 6, y=y + 17, class_="cnt"),
            class_="row", data_rule=rid, tabindex="0", role="button", aria_label=f"{rid} {names[rid]}: {note}"))
    svg = el("svg", "".join(bars), viewBox=f"0 0 {width} {height}",
             width=width, height=height, role="img", aria_labelledby="chart-title", class_="chart-svg")
    return el("section", el("h2", esc(s["chart"])) + el("p", esc(s["rule_filter_hint"]), class_="hint") + svg,
              class_="part chart")
