"""Reports and lint results for the reporter tests, made by running the real engine.

The same small report in two shapes: as a text file (lines and columns) and as a .docx (table,
row and cell indexes, no lines), so each reporter is tested on both kinds of location.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from disclosure_lint import Config, LintResult, Message
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import (
    Cell,
    CellKind,
    Contact,
    ContactField,
    Location,
    Report,
    Row,
    SourceInfo,
    StandardTable,
    TemplateInfo,
    TemplateVersion,
    Text,
)
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.reporters.base import ReportContext

SHA = "5" * 64
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")
# granted: 3 + 1 = 4, but the total says 5 (one RPT302 finding); handled_total is right.
ROWS = {
    "granted": ("予以公开", ("3", "1", "0", "0", "0", "0", "5")),
    "handled_total": ("总计", ("7", "0", "0", "0", "0", "0", "7")),
}
TEXT_LINES = {"granted": 40, "handled_total": 60}
DOCX_ROWS = {"granted": 5, "handled_total": 24}


@lru_cache(maxsize=1)
def plugins() -> Plugins:
    """Only the test rule pack (the built-in rules are blocked, so their progress cannot matter)."""
    return Plugins(autoload=False, blocked=["builtin"], modules=["reporter_test_plugin"])


@lru_cache(maxsize=1)
def linter() -> Linter:
    return plugins().linter(Config(select=("RPT",)))


def _cell(key: str, raw: str, location: Location) -> Cell:
    value = int(raw)
    return Cell(key=key, raw=raw, kind=CellKind.ZERO if value == 0 else CellKind.NUMBER, value=value,
                location=location)


def _table(where: Callable[[str, int], Location]) -> StandardTable:
    rows = {}
    for row_key, (label, values) in ROWS.items():
        cells = {col: _cell(f"requests.{row_key}.{col}", raw, where(row_key, i))
                 for i, (col, raw) in enumerate(zip(COLUMNS, values))}
        rows[row_key] = Row(key=row_key, label=label, cells=cells, location=where(row_key, -1))
    return StandardTable(key="requests", rows=rows, location=where("granted", -1))


def text_report(path: str = "seed.txt", *, postcode: str = "25502", agency: str | None = "淄博市行政审批服务局",
                table: bool = True, grid: bool = False) -> Report:
    """A text report: every cell on its own line (as in the seed), the cell's text at column 2.

    ``grid``: the reader also recorded each cell's table / row / column, as the text reader does.
    """

    def where(row_key: str, i: int) -> Location:
        line = TEXT_LINES[row_key] + i + 1
        cell = dict(table=1, row=DOCX_ROWS[row_key], cell=i + 3 if i >= 0 else None) if grid else {}
        return Location(line=line, column=2 if i >= 0 else 1, end_line=line, end_column=3 if i >= 0 else None,
                        **cell)

    return Report(
        source=SourceInfo(path=path, format="text", encoding="utf-8", sha256=SHA, size=4321),
        title=Text(text="淄博市行政审批服务局2023年政府信息公开工作年度报告", location=Location(line=1, column=1)),
        agency=agency,
        title_year=2023,
        contact=Contact(postcode=ContactField(label="邮编", value=postcode, location=Location(line=3, column=88))),
        requests=_table(where) if table else None,
        template=TemplateInfo(version=TemplateVersion.V2021),
    )


def docx_report(path: str = "seed.docx") -> Report:
    """The same report from a .docx: table 3 is the document's third table, no lines anywhere."""

    def where(row_key: str, i: int) -> Location:
        return Location(table=2, row=DOCX_ROWS[row_key], cell=i + 3 if i >= 0 else None)

    return Report(
        source=SourceInfo(path=path, format="docx", sha256=SHA, size=40960),
        title=Text(text="淄博市行政审批服务局2023年政府信息公开工作年度报告", location=Location(paragraph=0)),
        agency="淄博市行政审批服务局",
        title_year=2023,
        contact=Contact(postcode=ContactField(label="邮编", value="25502", location=Location(paragraph=2))),
        requests=_table(where),
        template=TemplateInfo(version=TemplateVersion.V2021),
    )


def pdf_report(path: str = "seed.pdf") -> Report:
    """The same report from a PDF: pages and boxes (a line, if any, would count within its page)."""

    def where(row_key: str, i: int) -> Location:
        top = 200.0 + 20 * DOCX_ROWS[row_key]
        return Location(page=5, line=DOCX_ROWS[row_key], bbox=(100.0 + 40 * max(i, 0), top, 130.0 + 40 * max(i, 0), top + 15))

    return Report(
        source=SourceInfo(path=path, format="pdf", sha256=SHA, size=90210),
        title=Text(text="淄博市行政审批服务局2023年政府信息公开工作年度报告", location=Location(page=1, line=1)),
        agency="淄博市行政审批服务局",
        title_year=2023,
        contact=Contact(postcode=ContactField(label="邮编", value="25502", location=Location(page=1, line=4))),
        requests=_table(where),
        template=TemplateInfo(version=TemplateVersion.V2021),
    )


def lint(report: Report, *, only: Sequence[str] = ("RPT302", "RPT501"), path: str | None = None) -> LintResult:
    return linter().lint_report(report, path=path, only=list(only))


def input_error(path: str = "old.doc") -> LintResult:
    """What the API returns for a file that cannot be read (the file's name is the result's path)."""
    return LintResult(path=path, input_error=Message(
        zh="这是旧版 Word（.doc）文件，请另存为 .docx 后再检查",
        en="this is a legacy Word (.doc) file; save it as .docx and check again"))


def context(only: Sequence[str] = ("RPT302", "RPT501"), **kw: Any) -> ReportContext:
    rules = {rid: linter().rules[rid] for rid in only}
    return ReportContext(rules=rules, **kw)
