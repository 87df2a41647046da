"""A table grid seen as rows of distinct cells, and which standard table a grid is.

Readers resolve merges by repeating a merged region's text in every grid position it covers, with
``GridCell.origin`` naming the region. The builder needs the opposite view: each row's *own*
cells once (a value spanning three columns is one value), and the copies that a vertical merge
brings down from rows above kept apart (they are group context — （三）不予公开 — not the row's
label). Tables are identified by their labels, never by their position in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CellKind, Location, TableBlock, Text
from ..model.normalize import label_key
from .cells import classify


@dataclass(frozen=True)
class GCell:
    text: str
    row: int  # row index in the (possibly stitched) table
    col: int  # grid column of the region's origin
    location: Location
    kind: CellKind  # classification of the text as a value (TEXT = a label or prose)
    above: bool  # a copy of a region that starts in a row above (vertical merge)

    @property
    def is_label(self) -> bool:
        return self.kind is CellKind.TEXT

    @property
    def is_numeric(self) -> bool:
        return self.kind in (CellKind.NUMBER, CellKind.ZERO)

    def as_text(self) -> Text:
        return Text(text=self.text, location=self.location)


@dataclass(frozen=True)
class RowView:
    index: int  # row index in the (possibly stitched) table
    cells: tuple[GCell, ...]  # distinct regions of the row, left to right (copies from above marked)
    positions: tuple[GCell | None, ...]  # the region covering each grid column
    location: Location

    @property
    def own(self) -> list[GCell]:
        return [c for c in self.cells if not c.above]

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

    @property
    def location(self) -> Location:
        return self.blocks[0][1].location if self.blocks else Location()

    def rows(self) -> list[RowView]:
        out: list[RowView] = []
        for _, table in self.blocks:
            out.extend(scan_rows(table, start=len(out)))
        return out


def scan_rows(table: TableBlock, start: int = 0) -> list[RowView]:
    """Rows of distinct cells. Robust to ragged rows, bad origins and empty tables."""
    rows: list[RowView] = []
    for r, grid_row in enumerate(table.rows):
        seen: set[tuple[int, int]] = set()
        cells: list[GCell] = []
        positions: list[GCell | None] = []
        for c, gc in enumerate(grid_row):
            origin = gc.origin if isinstance(gc.origin, tuple) and len(gc.origin) == 2 else (r, c)
            if origin in seen:
                positions.append(cells[-1] if cells and (cells[-1].row, cells[-1].col) == _key(origin, start) else
                                 next((x for x in cells if (x.row, x.col) == _key(origin, start)), None))
                continue
            seen.add(origin)
            kind = classify(gc.text)[0]
            cell = GCell(gc.text, start + r, origin[1], gc.location, kind,
                         above=origin[0] < r and origin[0] >= 0)
            # `row` of a copy is where its region starts, so copies of one region compare equal.
            if cell.above:
                cell = GCell(gc.text, start + origin[0], origin[1], gc.location, kind, True)
            cells.append(cell)
            positions.append(cell)
        loc = next((c.location for c in cells if not c.above), table.location)
        rows.append(RowView(start + r, tuple(cells), tuple(positions), loc))
    return rows


def _key(origin: tuple[int, int], start: int) -> tuple[int, int]:
    return start + origin[0], origin[1]


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
MIN_MARKERS = 2


def classify_table(table: TableBlock) -> str | None:
    """"active", "requests", "litigation" or None, by the labels the grid holds."""
    texts: set[str] = set()
    for r, grid_row in enumerate(table.rows):
        for gc in grid_row:
            if gc.origin[0] == r or gc.origin[0] < 0:  # a vertical copy adds nothing new
                texts.add(label_key(gc.text))
    blob = "\u0000".join(texts)
    scores = {key: sum(1 for m in markers if m in blob) for key, markers in TABLE_MARKERS.items()}
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
