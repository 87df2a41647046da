"""How the table rules name rows, columns and cells in their messages.

Findings are read by the author of the report, who knows the table by its printed labels, not by
our canonical keys. The labels come from the format data (`disclosure_lint.model.template`), so a
message always shows the official wording ("（三）不予公开 5.属于三类内部事务信息") even when the
author's own label has a typo. Long official annotations ("（区分处理的，只计这一情形，…）") are left
out of the short names used inside sentences.
"""

from __future__ import annotations

import re

from disclosure_lint.model import Cell, TemplateVersion
from disclosure_lint.model.template import TABLE_LABELS, TABLE_LABELS_EN, TableSpec, table_spec

_ANNOTATION = re.compile(r"（[^（）]*）$")


def short_label(label: str) -> str:
    """The label without a trailing official annotation: "部分公开（区分处理的…）" → "部分公开"."""
    bare = _ANNOTATION.sub("", label)
    return bare or label


def split_key(key: str) -> tuple[str, str, str]:
    """"requests.granted.total" → ("requests", "granted", "total"); the table part may be absent."""
    parts = key.split(".")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return "", parts[0], ""


def spec_for(table_key: str, version: TemplateVersion) -> TableSpec:
    return table_spec(table_key, version)


def row_name(table_key: str, row_key: str, version: TemplateVersion = TemplateVersion.V2021) -> str:
    """The row as printed, with its ordinal and group: "（三）不予公开 1.属于国家秘密", "一、本年新收…"."""
    try:
        row = spec_for(table_key, version).row(row_key)
    except KeyError:
        return row_key
    label = f"{row.number or ''}{short_label(row.label)}"
    if table_key == "litigation" and row.group_label:
        return f"{row.group_label}·{label}"
    if row.group_label and row.group_label != label and not label.startswith(row.group_label[:3]):
        return f"{row.group_label} {label}"
    return label


def column_name(table_key: str, row_key: str, column_key: str,
                version: TemplateVersion = TemplateVersion.V2021) -> str:
    try:
        return spec_for(table_key, version).column(row_key, column_key).label
    except KeyError:
        return column_key


def column_unit(table_key: str, row_key: str, column_key: str,
                version: TemplateVersion = TemplateVersion.V2021) -> str | None:
    """The unit the format prints for a column (件 or 万元); None for a key the format lacks."""
    try:
        return spec_for(table_key, version).column(row_key, column_key).unit
    except KeyError:
        return None


def block_label(table_key: str, row_key: str, version: TemplateVersion = TemplateVersion.V2021) -> str | None:
    """For table 二: the sub-table a row belongs to ("第二十条第（一）项")."""
    if table_key != "active":
        return None
    try:
        spec = spec_for(table_key, version)
    except KeyError:
        return None
    return next((b.label for b in spec.blocks if any(r.key == row_key for r in b.rows)), None)


def cell_name(cell: Cell | str, version: TemplateVersion = TemplateVersion.V2021) -> str:
    """A cell as a sentence names it: "（一）予以公开·自然人", "行政复议·总计"."""
    key = cell.key if isinstance(cell, Cell) else cell
    table_key, row_key, column_key = split_key(key)
    return f"{row_name(table_key, row_key, version)}·{column_name(table_key, row_key, column_key, version)}"


def table_name(table_key: str, lang: str = "zh") -> str:
    return (TABLE_LABELS_EN if lang == "en" else TABLE_LABELS).get(table_key, table_key)


def cell_phrase(cell: Cell | str, version: TemplateVersion = TemplateVersion.V2021, lang: str = "zh") -> str:
    """A cell as the subject of a sentence: 表三“（一）予以公开”行“自然人”列 / Table 3, row …, column …."""
    key = cell.key if isinstance(cell, Cell) else cell
    table_key, row_key, column_key = split_key(key)
    row, col = row_name(table_key, row_key, version), column_name(table_key, row_key, column_key, version)
    block = block_label(table_key, row_key, version) or ""
    if lang == "en":
        where = f"{table_name(table_key, 'en')}, " + (f"{block}, " if block else "")
        return f"{where}row {row} [{row_key}], column {col} [{column_key}]"
    if table_key == "litigation":
        return f"表四“{row}”的“{col}”"
    return f"{table_name(table_key)}{block}“{row}”行“{col}”列"


def row_phrase(table_key: str, row_key: str, version: TemplateVersion = TemplateVersion.V2021,
               lang: str = "zh") -> str:
    """A row as the subject of a sentence: 表二第二十条第（六）项“行政强制”行."""
    row = row_name(table_key, row_key, version)
    block = block_label(table_key, row_key, version) or ""
    if lang == "en":
        return f"{table_name(table_key, 'en')}, " + (f"{block}, " if block else "") + f"row {row} [{row_key}]"
    return f"{table_name(table_key)}{block}“{row}”" + ("" if table_key == "litigation" else "行")


__all__ = ["block_label", "cell_name", "cell_phrase", "column_name", "column_unit", "row_name", "row_phrase",
           "short_label", "split_key", "table_name"]
