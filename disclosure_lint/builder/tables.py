"""The three standard tables, read by their labels into `StandardTable`s.

The one lesson of reading real files (docs/format.md §12): map rows to the national format by their labels, not by grid position.
A row's key comes from its own last label cell (the leaf "1.属于国家秘密", not the group
"（三）不予公开" a merge repeats beside it), its values are the cells after that label, and
columns come from the header labels where the grid lets us place them — so a stray number
disturbs one row at most, a reordered column is still found, and a value spanning three grid
columns is one value. Every label matched is recorded beside the official one (DL203), every row
or column the format has and the table lacks is listed (DL202), and every row or value that fits
nowhere is kept as unmatched, never dropped.

Keys in `missing` and `LabelUse.key` are relative to the table ("granted", "granted.total",
"natural_person", "item1", "note"); cell keys are full ("requests.granted.total").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from ..model import Cell, LabelUse, Location, Row, StandardTable, TemplateVersion, Text
from ..model.template import (
    LITIGATION_COLUMNS,
    OUTCOME_GROUP_LABEL,
    REQUESTS_NOTE,
    ColumnSpec,
    RowSpec,
    SubTableSpec,
    TableSpec,
    table_spec,
)
from ..text.normalize import match_key
from ..text.ordinals import split_ordinal, strip_ordinal
from .cells import parse_cell
from .grid import GCell, RowView
from .labels import LabelMatcher, Match
from .sections import numeral_value

_BLOCK_RE = re.compile(r"第二十条第\(?([一二三四五六七八九十]+)\)?项")
_CONTENT = match_key("信息内容")  # table 二's header of the label column
_NOTE_MARK = "勾稽"
# Header labels of table 三 that group columns; not columns themselves, but official labels.
_APPLICANTS, _ORGANISATIONS = "applicants", "organisations"


# ---------------------------------------------------------------------------------------------
# Shared machinery


@dataclass
class _Acc:
    """What one table accumulates while its rows are read."""

    key: str
    spec: TableSpec
    version: TemplateVersion
    rows: dict[str, Row] = field(default_factory=dict)
    labels: list[LabelUse] = field(default_factory=list)
    unmatched: list[Text] = field(default_factory=list)

    def label(self, key: str, kind: str, found: str, official: str, location: Location) -> None:
        self.labels.append(LabelUse(key=key, kind=kind, found=found.strip(), official=official,  # type: ignore[arg-type]
                                    location=location))

    def label_match(self, key: str, kind: str, m: Match[object], cell: GCell) -> None:
        self.label(key, kind, m.found, m.official, cell.location)

    def add_row(self, row_key: str, label: GCell, columns: Sequence[ColumnSpec],
                mapping: dict[str, GCell]) -> None:
        cells: dict[str, Cell] = {}
        for col in columns:  # the format's column order
            v = mapping.get(col.key)
            if v is not None:
                cells[col.key] = parse_cell(v.text, key=f"{self.key}.{row_key}.{col.key}", unit=col.unit,
                                            location=v.location)
        self.rows[row_key] = Row(key=row_key, label=label.text.strip(), cells=cells, location=label.location)

    def unmatched_cells(self, cells: Sequence[GCell]) -> None:
        for c in cells:
            if c.text.strip():
                self.unmatched.append(c.as_text())

    def finish(self, location: Location) -> StandardTable:
        rows: dict[str, Row] = {}
        missing: list[str] = []
        for block in self.spec.blocks:
            for spec_row in block.rows:
                row = self.rows.get(spec_row.key)
                if row is None:
                    missing.append(spec_row.key)
                    continue
                rows[spec_row.key] = row
                missing.extend(f"{spec_row.key}.{c.key}" for c in block.columns if c.key not in row.cells)
        return StandardTable(key=self.key, version=self.version, rows=rows, missing=missing,  # type: ignore[arg-type]
                             unmatched=self.unmatched, labels=self.labels, location=location)


def assign_values(values: Sequence[GCell], columns: Sequence[ColumnSpec],
                  positions: dict[int, ColumnSpec] | None = None) -> tuple[dict[str, GCell], list[GCell]]:
    """Give each value cell its column: by order when the count fits; else by the header's grid
    positions when those place every value; else by order, with extra values returned apart.

    Trailing blanks beyond the expected count are padding (text tables are padded to a
    rectangle), never values; a blank inside the expected count is a real unfilled cell."""
    n = len(columns)
    vals = list(values)
    while len(vals) > n and not vals[-1].text.strip():
        vals.pop()
    if len(vals) == n:
        return {c.key: v for c, v in zip(columns, vals)}, []
    if positions:
        placed = _by_position(values, columns, positions)
        if placed is not None:
            return placed, []
    return {c.key: v for c, v in zip(columns, vals)}, vals[n:]


def _by_position(values: Sequence[GCell], columns: Sequence[ColumnSpec],
                 positions: dict[int, ColumnSpec]) -> dict[str, GCell] | None:
    wanted = {id(c) for c in columns}
    out: dict[str, GCell] = {}
    for v in values:
        col = positions.get(v.col)
        blank = not v.text.strip()
        if col is None or id(col) not in wanted:
            if blank:
                continue  # a padding or ghost-column cell
            return None
        if col.key in out:
            if blank:
                continue
            if not out[col.key].text.strip():
                out[col.key] = v
                continue
            return None
        out[col.key] = v
    return out


def _labels(row: RowView) -> list[GCell]:
    return [c for c in row.own if c.is_label and c.text.strip()]


def _after(row: RowView, cell: GCell) -> list[GCell]:
    own = row.own
    i = next(i for i, c in enumerate(own) if c is cell)
    return list(own[i + 1:])


def _row_label(row: RowView, labels: Sequence[GCell]) -> Text:
    """What stands for a row that matched nothing: its label, or the whole row if it has none."""
    return labels[-1].as_text() if labels else Text(text=row.text(), location=row.location)


def _rightmost_match(cells: Sequence[GCell], matcher: LabelMatcher[object],
                     prefer: Sequence[object] | None = None) -> tuple[GCell, Match[object]] | None:
    for c in reversed(cells):
        m = matcher.match(c.text, prefer=prefer)
        if m is not None:
            return c, m
    return None


# ---------------------------------------------------------------------------------------------
# Table 二 — 主动公开政府信息情况


def build_active(rows: list[RowView], version: TemplateVersion, location: Location) -> StandardTable:
    spec = table_spec("active", version)
    acc = _Acc("active", spec, version)
    row_m, col_m, blocks_by_item = _active_matchers(version)
    header: dict[int, ColumnSpec] = {}

    for row in rows:
        labels = _labels(row)
        if row.is_empty:
            continue
        # 第二十条第（一）项: a block label row.
        block_cell = next((c for c in labels if "第二十条" in c.key and _BLOCK_RE.search(c.key)), None)
        if block_cell is not None:
            header = {}
            block = blocks_by_item.get(_item(block_cell.text))
            if block is None:
                acc.unmatched.append(block_cell.as_text())  # e.g. 第二十条第（九）项 in the 2021 layout
            else:
                acc.label(block.key, "block", block_cell.text, block.label, block_cell.location)
            # Usually a row of its own; in some layouts a vertical cell left of the block's rows.
            labels = [c for c in labels if c is not block_cell]
            if not labels:
                continue
        numeric = any(c.is_numeric for c in row.own)
        col_hits = [] if numeric else [(c, col_m.match(c.text)) for c in labels]
        content = [c for c in labels if match_key(strip_ordinal(c.text)) == _CONTENT]
        if (content or any(m for _, m in col_hits)) and not numeric and \
                not any(row_m.match(c.text, fuzzy=False) for c in labels):
            header = {}
            by_cell: dict[int, ColumnSpec] = {}
            for c, m in col_hits:
                if m is not None:
                    assert isinstance(m.target, ColumnSpec)
                    by_cell[id(c)] = m.target
                    acc.label_match(m.target.key, "column", m, c)
                elif c in content:
                    acc.label("content", "column", c.text, "信息内容", c.location)
                else:
                    acc.unmatched.append(c.as_text())
            for pos, cell in enumerate(row.positions):
                if cell is not None and id(cell) in by_cell:
                    header[pos] = by_cell[id(cell)]
            continue
        hit = _rightmost_match(labels, row_m)
        if hit is None:
            acc.unmatched.append(_row_label(row, labels))
            continue
        cell, m = hit
        row_block, spec_row = cast("tuple[SubTableSpec, RowSpec]", m.target)
        if spec_row.key in acc.rows:
            acc.unmatched.append(cell.as_text())  # the same row twice: keep the first
            continue
        acc.label_match(spec_row.key, "row", m, cell)
        positions = {p: c for p, c in header.items() if any(c is bc for bc in row_block.columns)}
        mapping, extra = assign_values(_after(row, cell), _header_order(positions, row_block.columns),
                                       positions or None)
        acc.add_row(spec_row.key, cell, row_block.columns, mapping)
        acc.unmatched_cells(extra)
    return acc.finish(location)


def _header_order(positions: dict[int, ColumnSpec], columns: Sequence[ColumnSpec]) -> Sequence[ColumnSpec]:
    """The block's columns in the order its header row gives them (an author may swap two),
    when the header names each of them once; else the format's order."""
    seen: list[ColumnSpec] = []
    for _, col in sorted(positions.items()):
        if not any(col is s for s in seen):
            seen.append(col)
    return seen if len(seen) == len(columns) else columns


@cache
def _active_matchers(version: TemplateVersion) -> tuple[LabelMatcher[object], LabelMatcher[object],
                                                        dict[str | None, SubTableSpec]]:
    """Matchers for table 二's rows and columns (built once per format version)."""
    spec = table_spec("active", version)
    row_m: LabelMatcher[object] = LabelMatcher((r.label, (b, r), r.aliases) for b in spec.blocks for r in b.rows)
    columns: dict[int, ColumnSpec] = {}
    for b in spec.blocks:
        for c in b.columns:
            columns.setdefault(id(c), c)
    col_m: LabelMatcher[object] = LabelMatcher((c.label, c, c.aliases) for c in columns.values())
    return row_m, col_m, {_item(b.label): b for b in spec.blocks}


def _item(label: str) -> str | None:
    m = _BLOCK_RE.search(match_key(label))
    if m is None:
        return None
    value = numeral_value(m.group(1))
    return f"item{value}" if value is not None else None


# ---------------------------------------------------------------------------------------------
# Table 三 — 收到和处理政府信息公开申请情况


def build_requests(rows: list[RowView], version: TemplateVersion, location: Location) -> StandardTable:
    spec = table_spec("requests", version)
    acc = _Acc("requests", spec, version)
    block = spec.blocks[0]
    row_m, group_m, col_m = _requests_matchers(version)

    header_rows: list[list[object]] = []
    positions: dict[int, ColumnSpec] = {}
    in_header = True
    group: str | None = None
    order: list[ColumnSpec] = list(block.columns)

    for row in rows:
        if row.is_empty:
            continue
        labels = _labels(row)
        numeric = any(c.is_numeric for c in row.own)
        if not numeric and _is_requests_header(labels, col_m, row_m):
            if in_header:
                header_rows.append(_requests_header(row, labels, col_m, acc, positions))
            continue  # a header repeated after a page break adds nothing
        if in_header:
            in_header = False
            order = _column_order(header_rows, block.columns)
        # Group context: 三、本年度办理结果 and （三）不予公开 (own cells or copies from above).
        leaves: list[GCell] = []
        for c in row.cells:
            if not c.is_label or not c.text.strip():
                continue
            gm = group_m.match(c.text, fuzzy=False)
            if gm is not None:
                if gm.target != "results":
                    group = str(gm.target)
                if not c.above:
                    acc.label_match(str(gm.target), "block", gm, c)
            elif not c.above:
                leaves.append(c)
        prefer = [r for r in block.rows if r.group == group] if group else None
        hit = _rightmost_match(leaves, row_m, prefer)
        if hit is None:
            if leaves or numeric:
                acc.unmatched.append(_row_label(row, leaves))
            continue
        cell, m = hit
        spec_row = m.target
        assert isinstance(spec_row, RowSpec)
        if spec_row.group is None:
            group = None
        for other in leaves:  # labels left of the leaf that are neither groups nor rows
            if other is cell:
                break
            gm = group_m.match(other.text)
            if gm is not None:
                acc.label_match(str(gm.target), "block", gm, other)
            else:
                acc.unmatched.append(other.as_text())
        if spec_row.key in acc.rows:
            acc.unmatched.append(cell.as_text())
            continue
        acc.label_match(spec_row.key, "row", m, cell)
        mapping, extra = assign_values(_after(row, cell), order, positions or None)
        acc.add_row(spec_row.key, cell, block.columns, mapping)
        acc.unmatched_cells(extra)
    return acc.finish(location)


@cache
def _requests_matchers(version: TemplateVersion) -> tuple[LabelMatcher[object], LabelMatcher[object],
                                                          LabelMatcher[object]]:
    """Matchers for table 三's leaf rows, its group labels and its header (once per version)."""
    block = table_spec("requests", version).blocks[0]
    row_m: LabelMatcher[object] = LabelMatcher((r.label, r, r.aliases) for r in block.rows)
    groups: dict[str, str] = {"results": strip_ordinal(OUTCOME_GROUP_LABEL)}
    for r in block.rows:
        # In the trial format （六）其他处理 is a row, not a group.
        if r.group and r.group_label and match_key(strip_ordinal(r.group_label)) != match_key(r.label):
            groups.setdefault(r.group, strip_ordinal(r.group_label))
    group_m: LabelMatcher[object] = LabelMatcher((label, key, ()) for key, label in groups.items())
    col_m: LabelMatcher[object] = LabelMatcher(
        [(c.label, c, c.aliases) for c in block.columns]
        + [("申请人情况", _APPLICANTS, ()), ("法人或其他组织", _ORGANISATIONS, ())])
    return row_m, group_m, col_m


def _is_requests_header(labels: list[GCell], col_m: LabelMatcher[object], row_m: LabelMatcher[object]) -> bool:
    """A header row: labels that name columns (or the 勾稽关系 note) rather than rows."""
    cols = rows_ = 0
    for c in labels:
        if _NOTE_MARK in c.text:
            cols += 1
            continue
        if split_ordinal(c.text)[0]:  # "（七）总计", "3.其他": numbered, so a row left blank
            rows_ += 1
        elif col_m.match(c.text) is not None:
            cols += 1
        elif row_m.match(c.text) is not None:
            rows_ += 1
    # "其他" and "总计" are both columns and rows: they count as columns, so a header row wins
    # only when nothing in it is exclusively a row label.
    return cols > 0 and rows_ == 0


def _requests_header(row: RowView, labels: list[GCell], col_m: LabelMatcher[object], acc: _Acc,
                     positions: dict[int, ColumnSpec]) -> list[object]:
    """Record the header's labels; return its targets in reading order; update grid positions."""
    targets: list[object] = []
    by_cell: dict[int, ColumnSpec] = {}
    for c in labels:
        if _NOTE_MARK in c.text:
            acc.label("note", "note", c.text, REQUESTS_NOTE, c.location)
            continue
        m = col_m.match(c.text)
        if m is None:
            acc.unmatched.append(c.as_text())
            continue
        key = m.target.key if isinstance(m.target, ColumnSpec) else str(m.target)
        acc.label_match(key, "column", m, c)
        targets.append(m.target)
        if isinstance(m.target, ColumnSpec):
            by_cell[id(c)] = m.target
    for pos, cell in enumerate(row.positions):
        if cell is not None and id(cell) in by_cell:
            positions[pos] = by_cell[id(cell)]  # a lower header row overrides the one above
    return targets


def _column_order(header_rows: list[list[object]], official: Sequence[ColumnSpec]) -> list[ColumnSpec]:
    """The columns in the order the header gives them, expanding 法人或其他组织 into the five
    labels under it. Falls back to the format's order when the header gives no usable order."""
    seq: list[object] = []
    expanded = False
    for targets in header_rows:
        new = [t for t in targets if t != _APPLICANTS and not any(t is s for s in seq)]
        if _ORGANISATIONS in seq:
            leaves = [t for t in new if isinstance(t, ColumnSpec)]
            if leaves:
                i = seq.index(_ORGANISATIONS)
                seq[i:i + 1] = leaves
                new = [t for t in new if not isinstance(t, ColumnSpec)]
                expanded = True
        seq.extend(t for t in new if t not in seq)
    cols = [t for t in seq if isinstance(t, ColumnSpec)]
    if not cols or len({id(c) for c in cols}) != len(cols):
        return list(official)
    single_row = sum(1 for h in header_rows if any(isinstance(t, ColumnSpec) for t in h)) == 1
    if not (expanded or single_row):
        return list(official)
    return cols


# ---------------------------------------------------------------------------------------------
# Table 四 — 政府信息公开行政复议、行政诉讼情况

_SUIT = "suit"


def build_litigation(rows: list[RowView], version: TemplateVersion, location: Location) -> StandardTable:
    spec = table_spec("litigation", version)
    acc = _Acc("litigation", spec, version)
    block: SubTableSpec = spec.blocks[0]
    group_m, col_m = _litigation_matchers(version)

    header_rows: list[RowView] = []
    target_of: dict[int, object] = {}  # id(cell) → RowSpec | ColumnSpec | "suit"
    data_rows: list[RowView] = []
    for row in rows:
        if row.is_empty:
            continue
        values = [c for c in row.own if not c.is_label and c.text.strip()]
        labels = _labels(row)
        matched = False
        for c in labels:
            m = (group_m.match(c.text, fuzzy=False) or col_m.match(c.text, fuzzy=False)
                 or group_m.match(c.text) or col_m.match(c.text))
            if m is None:
                continue
            matched = True
            target_of[id(c)] = m.target
            if isinstance(m.target, RowSpec):
                acc.label_match(m.target.key, "row", m, c)
            elif isinstance(m.target, ColumnSpec):
                acc.label_match(m.target.key, "column", m, c)
            else:
                acc.label_match(_SUIT, "block", m, c)
        if values:
            data_rows.append(row)
        elif matched:
            header_rows.append(row)
        else:
            acc.unmatched.append(Text(text=row.text(), location=row.location))

    # Row-wise layout: "行政复议 | 0 | 0 | 0 | 0 | 0" — a group label followed by its values.
    leaf_order = _leaf_runs(header_rows, target_of)
    first_run = leaf_order[0][1] if leaf_order else list(block.columns)
    wide: list[RowView] = []
    for row in data_rows:
        labels = _labels(row)
        group_cell = next((c for c in reversed(labels) if isinstance(target_of.get(id(c)), RowSpec)), None)
        if group_cell is None:
            wide.append(row)
            continue
        spec_row = target_of[id(group_cell)]
        assert isinstance(spec_row, RowSpec)
        if spec_row.key in acc.rows:
            acc.unmatched.append(group_cell.as_text())
            continue
        mapping, extra = assign_values(_after(row, group_cell), first_run)
        acc.add_row(spec_row.key, group_cell, block.columns, mapping)
        acc.unmatched_cells(extra)

    # The national layout: one row of 15 values under a three-level header.
    for n, row in enumerate(wide):
        labels = _labels(row)
        start = labels[-1] if labels else None
        values = _after(row, start) if start is not None else list(row.own)
        if n > 0 or acc.rows:
            acc.unmatched.append(Text(text=row.text(), location=row.location))
            continue
        keys = _wide_keys(values, header_rows, target_of, leaf_order, block)
        if start is not None and labels:
            acc.unmatched_cells([c for c in labels if id(c) not in target_of])
        placed: dict[str, dict[str, GCell]] = {}
        for v, key in zip(values, keys):
            if key is None:
                acc.unmatched_cells([v])
                continue
            group_key, col_key = key
            placed.setdefault(group_key, {})[col_key] = v
        for spec_row in block.rows:
            if spec_row.key in placed:
                label_cell = _group_cell(header_rows, target_of, spec_row) or row.own[0]
                acc.add_row(spec_row.key, label_cell, block.columns, placed[spec_row.key])
    return acc.finish(location)


@cache
def _litigation_matchers(version: TemplateVersion) -> tuple[LabelMatcher[object], LabelMatcher[object]]:
    block = table_spec("litigation", version).blocks[0]
    group_m: LabelMatcher[object] = LabelMatcher(
        [(r.label, r, r.aliases) for r in block.rows] + [("行政诉讼", _SUIT, ())])
    col_m: LabelMatcher[object] = LabelMatcher((c.label, c, c.aliases) for c in block.columns)
    return group_m, col_m


def _leaf_runs(header_rows: list[RowView], target_of: dict[int, object]) -> list[tuple[RowSpec | None, list[ColumnSpec]]]:
    """Group labels and their leaf columns in reading order: each run of distinct leaf labels
    belongs to the next group label met (行政复议, 未经复议直接起诉, 复议后起诉)."""
    group_seq: list[RowSpec] = []
    runs: list[list[ColumnSpec]] = []
    for row in header_rows:
        for c in row.own:
            t = target_of.get(id(c))
            if isinstance(t, RowSpec) and not any(t is g for g in group_seq):
                group_seq.append(t)
            elif isinstance(t, ColumnSpec):
                if not runs or any(t is x for x in runs[-1]):
                    runs.append([])
                runs[-1].append(t)
    out: list[tuple[RowSpec | None, list[ColumnSpec]]] = []
    for i, run in enumerate(runs):
        out.append((group_seq[i] if i < len(group_seq) else None, run))
    return out


def _wide_keys(values: list[GCell], header_rows: list[RowView], target_of: dict[int, object],
               leaf_order: list[tuple[RowSpec | None, list[ColumnSpec]]],
               block: SubTableSpec) -> list[tuple[str, str] | None]:
    """Canonical (group, column) of each of the data row's values: by the header's labels in
    reading order (works for merged and flat grids alike) when they name exactly one column per
    value; else by the labels above each value's grid column when merges place them; else by
    the format's order."""
    flat = [(g.key, c.key) for g, run in leaf_order if g is not None for c in run]
    if len(flat) == len(values) and len(set(flat)) == len(flat):
        return list(flat)
    by_pos = _keys_by_position(values, header_rows, target_of)
    if by_pos is not None:
        return by_pos
    official = [(r.key, c.key) for r in block.rows for c in LITIGATION_COLUMNS]
    keys: list[tuple[str, str] | None] = list(official[: len(values)])
    keys += [None] * (len(values) - len(keys))
    return keys


def _keys_by_position(values: list[GCell], header_rows: list[RowView],
                      target_of: dict[int, object]) -> list[tuple[str, str] | None] | None:
    if not header_rows or not any(c.above or _spans(r, c) for r in header_rows for c in r.cells):
        return None  # no merges resolved: positions in a flat text grid mean nothing
    out: list[tuple[str, str] | None] = []
    for v in values:
        group: RowSpec | None = None
        col: ColumnSpec | None = None
        for row in header_rows:
            cell = row.positions[v.col] if v.col < len(row.positions) else None
            t = target_of.get(id(cell)) if cell is not None else None
            if isinstance(t, RowSpec):
                group = t
            elif isinstance(t, ColumnSpec):
                col = t
        if group is None or col is None:
            return None
        out.append((group.key, col.key))
    if len(set(out)) != len(out):
        return None
    return out


def _spans(row: RowView, cell: GCell) -> bool:
    return sum(1 for p in row.positions if p is cell) > 1


def _group_cell(header_rows: list[RowView], target_of: dict[int, object], spec_row: RowSpec) -> GCell | None:
    for row in header_rows:
        for c in row.own:
            if target_of.get(id(c)) is spec_row:
                return c
    return None
