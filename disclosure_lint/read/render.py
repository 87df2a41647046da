"""Report → plain text in the seed's layout: the inverse of reading a text report.

The text is what Word's "save as text" makes of a report filled on the national format (the
layout of tests/fixtures/seed.txt, which the text reader reads): the title, the opening
paragraphs, then each section as its heading (``一、总体情况``) and its paragraphs, one per line,
with the section's standard tables after its paragraphs. A table is written one cell per line,
each cell line led by a TAB, an empty line after each row; its header rows and row labels are the
format's official ones (`disclosure_lint.model.template`), whatever spelling the report was read
with, and its values are the cells' text as written (``raw``).

Uses: a report built from data, or read from the structured YAML/JSON form, becomes a text a
person can read and the linter reads back to the same model (tests/hostile/test_render_roundtrip.py);
a report read from any format can be turned into the one text layout.

What the text cannot carry is left out, and reading the text back gives the model without it:
source locations and file details, how labels were spelled (`StandardTable.labels`, the template
signatures), rows whose label matched nothing (`StandardTable.unmatched`), reader notices,
comments and the publication date. Paragraphs that hold line breaks are written over several
lines, and read back as several paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Cell, Report, Row, StandardTable
from ..model.template import (
    APPLICANT_COLUMNS,
    LITIGATION_COLUMNS,
    OUTCOME_GROUP_LABEL,
    REQUESTS_COLUMNS,
    REQUESTS_NOTE,
    RowSpec,
    table_spec,
)

_NOTE_BREAK = "，"  # the seed breaks the note of table 三 after its first comma


def render_text(report: Report) -> str:
    """The report as text in the seed's layout (see the module docstring), ending in a newline."""
    lines: list[str] = []
    if report.title is not None:
        lines += [report.title.text, ""]
    lines += [p.text for p in report.intro]
    lines += _unstated(report)
    placed: set[str] = set()
    for section in report.sections:
        lines.append(f"{section.number}、{section.heading}")
        lines += [p.text for p in section.paragraphs]
        for key in section.tables:
            table = report.table(key)
            if table is not None and key not in placed:
                placed.add(key)
                lines += _table_lines(table)
    for key in ("active", "requests", "litigation"):  # tables no section holds: at the end
        table = report.table(key)
        if table is not None and key not in placed:
            lines += _table_lines(table)
    return "\n".join(lines) + "\n"


def _unstated(report: Report) -> list[str]:
    """The statistical period and contact details, when no paragraph states them (a report built
    from data): a sentence each, in the format's wording, so that reading the text finds them."""
    text = "\n".join(p.text for p in (*report.intro, *(p for s in report.sections for p in s.paragraphs)))
    out: list[str] = []
    period = report.period
    if period is not None and (period.text and period.text not in text):
        out.append(period.text)
    elif period is not None and not period.text and period.start and period.end:
        out.append(f"本年度报告中所列数据的统计期限自{_day(period.start)}起，至{_day(period.end)}止。")
    c = report.contact
    fields = [f for f in (c.address, c.postcode, *c.phones, c.email, c.website) if f is not None]
    if fields and not all(f"{f.label}：{f.value}" in text for f in fields):
        out.append("联系方式：" + "；".join(f"{f.label}：{f.value}" for f in fields) + "。")
    return out


def _day(d: object) -> str:
    return f"{d.year}年{d.month}月{d.day}日"  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------- tables


def _table_lines(table: StandardTable) -> list[str]:
    rows = {"active": _active_rows, "requests": _requests_rows, "litigation": _litigation_rows}[table.key](table)
    lines: list[str] = []
    for row in rows:
        for cell in row:
            first, *rest = cell.split("\n") if cell else [""]
            lines.append("\t" + first)
            lines += rest  # a label over two lines: the second line continues the cell
        lines.append("")
    return [*lines, "", ""]  # blank lines, then the next paragraph ends the table


def _values(row: Row | None, columns: tuple[str, ...]) -> list[str]:
    cells: dict[str, Cell] = row.cells if row is not None else {}
    return [cells[c].raw if c in cells else "" for c in columns]


def _label(spec: RowSpec) -> str:
    return f"{spec.number or ''}{spec.label}"


def _active_rows(table: StandardTable) -> Iterator[list[str]]:
    for block in table_spec("active", table.version).blocks:
        columns = tuple(c.key for c in block.columns)
        present = [r for r in block.rows if r.key in table.rows]
        if not present:
            continue
        yield [block.label]
        yield ["信息内容", *(c.label for c in block.columns)]
        for spec in present:
            yield [_label(spec), *_values(table.rows[spec.key], columns)]


def _requests_rows(table: StandardTable) -> Iterator[list[str]]:
    """Three header rows, then each row with the merged group cells of the format written in
    its first row only (三、本年度办理结果, （三）不予公开 …), blank below, as Word saves them."""
    columns = tuple(c.key for c in REQUESTS_COLUMNS)
    head, _, tail = REQUESTS_NOTE.partition(_NOTE_BREAK)
    yield [f"{head}{_NOTE_BREAK}\n{tail}", "申请人情况"]
    yield ["", APPLICANT_COLUMNS[0].label, "法人或其他组织", "总计"]
    yield ["", "", *(c.label for c in APPLICANT_COLUMNS[1:]), ""]
    results_started = False
    groups_started: set[str] = set()
    for spec in table_spec("requests", table.version).blocks[0].rows:
        row = table.rows.get(spec.key)
        if row is None:
            continue
        values = _values(row, columns)
        top_level = spec.number is not None and spec.number.endswith("、")
        if top_level:
            yield [_label(spec), *values]
            continue
        results = "" if results_started else OUTCOME_GROUP_LABEL
        results_started = True
        leaf = spec.group is not None and spec.group_label is not None and not (spec.number or "").startswith("（")
        if leaf:
            group = "" if spec.group in groups_started else spec.group_label or ""
            groups_started.add(spec.group or "")
            yield [results, group, _label(spec), *values]
        else:
            yield [results, _label(spec), *values]


def _litigation_rows(table: StandardTable) -> Iterator[list[str]]:
    """The format's three header rows (行政复议 | 行政诉讼; the column labels; 未经复议直接起诉 and
    复议后起诉 over their five columns), then the one row of fifteen values."""
    labels = [c.label for c in LITIGATION_COLUMNS]
    columns = tuple(c.key for c in LITIGATION_COLUMNS)
    rows = table_spec("litigation", table.version).blocks[0].rows
    yield ["行政复议", "行政诉讼"]
    yield [*labels, *(r.label for r in rows[1:])]
    yield [*([""] * len(labels)), *labels, *labels]
    yield [v for spec in rows for v in _values(table.rows.get(spec.key), columns)]


__all__ = ["render_text"]
