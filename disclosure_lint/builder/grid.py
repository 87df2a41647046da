"""A table grid seen as rows of distinct cells, and which standard table a grid is.

Readers resolve merges by repeating a merged region's text in every grid position it covers, with
``GridCell.origin`` naming the region. The builder needs the opposite view: each row's *own*
cells once (a value spanning three columns is one value), and the copies that a vertical merge
brings down from rows above kept apart (they are group context — （三）不予公开 — not the row's
label). Tables are identified by their labels, never by their position in the document.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import CellKind, Location, TableBlock, Text
from ..text.normalize import match_key
from ..text.ordinals import strip_ordinal
from .cells import classify


class GCell(NamedTuple):
    """One distinct region of a row. (A named tuple: immutable, and several times cheaper to make
    than a frozen dataclass — there is one per table cell.)"""

    text: str
    row: int  # row index in the (possibly stitched) table
    col: int  # first grid column the region covers in this row
    location: Location
    kind: CellKind  # classification of the text as a value (TEXT = a label or prose)
    above: bool  # a copy of a region that starts in a row above (vertical merge)
    key: str = ""  # comparison key of a label (match_key); "" for value cells

    @property
    def is_label(self) -> bool:
        return self.kind is CellKind.TEXT

    @property
    def is_numeric(self) -> bool:
        return self.kind in (CellKind.NUMBER, CellKind.ZERO)

    def as_text(self) -> Text:
        return Text(text=self.text, location=self.location)


@dataclass(frozen=True, slots=True)
class RowView:
    index: int  # row index in the (possibly stitched) table
    cells: tuple[GCell, ...]  # distinct regions of the row, left to right (copies from above marked)
    positions: tuple[GCell | None, ...]  # the region covering each grid column
    location: Location
    own: tuple[GCell, ...]  # the regions that start in this row (not copies from above)

    @property
    def is_empty(self) -> bool:
        return all(not c.text.strip() for c in self.own)

    def text(self) -> str:
        return " | ".join(c.text.strip() for c in self.own if c.text.strip())


@dataclass
class TablePart:
    """One or more consecutive `TableBlock`s that make one standard table (a table cut in two by
    a page break or published as separate sub-tables is one table)."""

    blocks: list[tuple[int, TableBlock]] = field(default_factory=list)  # (block index, table)
    kind: str | None = None
    rows: list[RowView] = field(default_factory=list)  # the rows of all its blocks, in order

    @property
    def location(self) -> Location:
        return self.blocks[0][1].location if self.blocks else Location()

    def add(self, index: int, table: TableBlock, rows: list[RowView]) -> None:
        self.blocks.append((index, table))
        self.rows.extend(rows)


def scan_rows(table: TableBlock, start: int = 0) -> list[RowView]:
    """Rows of distinct cells. Robust to ragged rows, bad origins and empty tables."""
    rows: list[RowView] = []
    for r, grid_row in enumerate(table.rows):
        by_origin: dict[tuple[int, int], GCell] = {}
        cells: list[GCell] = []
        positions: list[GCell | None] = []
        for c, gc in enumerate(grid_row):
            origin = gc.origin if len(gc.origin) == 2 else (r, c)
            cell = by_origin.get(origin)
            if cell is None:
                above = 0 <= origin[0] < r
                # A copy keeps the row where its region starts, so all copies of a region are equal.
                kind = classify(gc.text)[0]
                cell = GCell(gc.text, start + (origin[0] if above else r), c, gc.location, kind, above,
                             match_key(gc.text) if kind is CellKind.TEXT else "")
                by_origin[origin] = cell
                cells.append(cell)
            positions.append(cell)
        loc = next((c.location for c in cells if not c.above), table.location)
        rows.append(RowView(start + r, tuple(cells), tuple(positions), loc,
                            tuple(c for c in cells if not c.above)))
    return rows


# ---------------------------------------------------------------------------------------------
# Which standard table is this? Distinct marker labels found in the grid, per table.

TABLE_MARKERS: dict[str, tuple[str, ...]] = {
    "active": ("第二十条", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "行政事业性收费",
               "本年收费金额", "行政许可", "行政处罚", "行政强制", "规范性文件", "本年新制作数量",
               "上一年项目数量", "政府集中采购", "信息内容"),
    "requests": ("本年新收", "上年结转", "自然人", "商业企业", "科研机构", "予以公开", "不予公开", "无法提供",
                 "不予处理", "结转下年度", "申请人情况", "勾稽关系", "本年度办理结果"),
    "litigation": ("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉", "未经复议直接起诉"),
}
MIN_MARKERS = 3


def _label_start(key: str) -> str:
    return strip_ordinal(key).lstrip("（(")


def _starts_with(ordered: list[str], prefix: str) -> bool:
    """Whether any of the sorted strings starts with ``prefix``: those that do sort together,
    the first of them where ``prefix`` itself would."""
    i = bisect_left(ordered, prefix)
    return i < len(ordered) and ordered[i].startswith(prefix)


def classify_table(rows: list[RowView]) -> str | None:
    """"active", "requests", "litigation" or None, by the labels the grid holds.

    A marker counts only where a cell *starts* with it (after its ordinal): a cell of running
    prose that mentions 行政复议 — a README, a rule catalogue in a Markdown table — is not a label
    and must not make its table look like a standard one. The 勾稽关系 note is the one label
    that holds its marker inside.
    """
    starts = sorted({_label_start(c.key) for row in rows for c in row.own if c.key})
    scores = {key: sum(1 for m in markers if _starts_with(starts, m) or (m == "勾稽关系" and any(m in s for s in starts)))
              for key, markers in TABLE_MARKERS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < MIN_MARKERS:
        return None
    if sum(1 for s in scores.values() if s == scores[best]) > 1:
        return None
    return best


def summary(table: TableBlock, limit: int = 60) -> str:
    """A short text for a table the builder could not place (for `Report.unrecognised`)."""
    texts: list[str] = []
    for r, grid_row in enumerate(table.rows):
        for c, gc in enumerate(grid_row):
            if gc.origin == (r, c) and gc.text.strip():
                texts.append(gc.text.strip())
        if sum(len(t) for t in texts) > limit:
            break
    joined = " | ".join(texts)
    return joined[:limit] + ("…" if len(joined) > limit else "")
