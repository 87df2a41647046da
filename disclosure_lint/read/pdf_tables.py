"""Tables of a PDF: grids from pdfplumber's ruled cells, stitched across page breaks.

pdfplumber finds a table's cells from its ruling lines (``find_tables``) and gives each cell's box;
a merged cell is simply a bigger box. We turn the boxes into a grid with merges (the column and row
edges are the distinct cell edges), fill each cell with the characters whose centre lies in it, and
then undo what the page break did to a table that runs on to the next page:

* **Stitch** the part at the top of a page to the table that ended the previous page when their
  outer edges match and their column edges agree; the stitched grid uses the edges of both parts
  (the second part of table 二 has only the label column edge, its value cells span the rest).
* **Drop repeated header rows**: Word's "repeat as header row" draws the first rows again.
* **Re-join cells cut by the break**: a vertical label cell (``（五）不予处`` / ``理``) continues in
  the same column at the top of the next part; a row split in two ends up as one row again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import GridCell, Location, TableBlock
from .pdf_text import Box, join_lines

EDGE_TOLERANCE = 1.5  # points: cell edges closer than this are one grid line
STITCH_TOLERANCE = 2.5  # points: outer edges of two parts of one table
_VALUE = re.compile(r"[+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?[%万元件个条次项]*|[/／]|[-—－–]+|无")
# A label that starts a new row rather than continuing a cut one: （五） 1. 一、 ①
_ENUMERATED = re.compile(r"[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+[、.．]|[①-⑳]")


def is_value(text: str) -> bool:
    """A number or a not-filled placeholder: value cells are never joined to other text."""
    return bool(_VALUE.fullmatch(re.sub(r"\s+", "", text)))


@dataclass
class Cell:
    """One cell of a table part: rows in the table's own numbering, columns as x positions (the
    column index is only known once the edges of all parts are merged)."""

    r0: int
    r1: int  # inclusive
    x0: float
    x1: float
    text: str
    page: int
    box: Box


@dataclass
class Table:
    """A table, possibly stitched from parts on consecutive pages."""

    page: int  # first page
    last_page: int
    box: Box  # the first part's box
    last_box: Box  # the last part's box (the outer edges the next part must match)
    edges: list[float]  # column edges of all parts, merged
    n_rows: int
    cells: list[Cell] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# One part, from pdfplumber's cell boxes and the page's characters


def cluster(values: Iterable[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    """Distinct positions: sorted values closer than ``tolerance`` to the previous one are merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _nearest(edges: Sequence[float], x: float) -> int:
    i = bisect_right(edges, x)
    if i == 0:
        return 0
    if i == len(edges):
        return len(edges) - 1
    return i if edges[i] - x < x - edges[i - 1] else i - 1


class PartBuilder:
    """Assigns characters to the cells of one table found on a page."""

    def __init__(self, cell_boxes: Sequence[Box], page: int) -> None:
        self.page = page
        self.xs = cluster(x for b in cell_boxes for x in (b[0], b[2]))
        self.ys = cluster(y for b in cell_boxes for y in (b[1], b[3]))
        self.box: Box = (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])
        n_rows, n_cols = len(self.ys) - 1, len(self.xs) - 1
        self.spans: list[tuple[int, int, int, int, Box]] = []  # r0, c0, r1, c1 (inclusive), box
        self.occupied: list[list[int | None]] = [[None] * n_cols for _ in range(n_rows)]
        for b in cell_boxes:
            c0, c1 = _nearest(self.xs, b[0]), _nearest(self.xs, b[2]) - 1
            r0, r1 = _nearest(self.ys, b[1]), _nearest(self.ys, b[3]) - 1
            if c1 < c0 or r1 < r0:
                continue  # degenerate (a box thinner than the tolerance)
            index = len(self.spans)
            self.spans.append((r0, c0, r1, c1, b))
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if self.occupied[r][c] is None:
                        self.occupied[r][c] = index
        self.chars: list[list[dict[str, Any]]] = [[] for _ in self.spans]

    @property
    def usable(self) -> bool:
        """A real table has at least two cells in at least two columns: a ruled box around a
        paragraph, or a page frame split by a header rule, is not one (its text stays prose)."""
        return len(self.spans) >= 2 and len(self.xs) >= 3

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.box
        return x0 <= x <= x1 and top <= y <= bottom

    def add(self, char: dict[str, Any], x: float, y: float) -> bool:
        """Put a character (centre ``x``, ``y``) in its cell; False if no cell covers it."""
        r = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        c = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        index = self.occupied[r][c]
        if index is None:
            return False
        self.chars[index].append(char)
        return True

    def build(self) -> Table:
        """The part as a one-part `Table` (cells at x positions, rows numbered from 0)."""
        cells = []
        for (r0, _c0, r1, _c1, b), chars in zip(self.spans, self.chars):
            cells.append(Cell(r0, r1, b[0], b[2], cell_text(chars), self.page, b))
        # Grid positions no cell covers (an unruled gap) become empty cells of their own.
        for r, row in enumerate(self.occupied):
            for c, index in enumerate(row):
                if index is None:
                    cells.append(Cell(r, r, self.xs[c], self.xs[c + 1], "", self.page,
                                      (self.xs[c], self.ys[r], self.xs[c + 1], self.ys[r + 1])))
        return Table(page=self.page, last_page=self.page, box=self.box, last_box=self.box,
                     edges=list(self.xs), n_rows=len(self.ys) - 1, cells=cells)


def cell_text(chars: list[dict[str, Any]]) -> str:
    """A cell's characters as text: lines by position (pdfplumber's clustering), joined without
    spaces, so ``自然`` / ``人`` and a vertical ``三`` / ``、`` / ``本`` … read as words again."""
    if not chars:
        return ""
    from pdfplumber.utils import extract_text

    return join_lines(extract_text(chars).split("\n"))


# --------------------------------------------------------------------------------------------
# Stitching across pages


def _inner(edges: Sequence[float]) -> list[float]:
    return list(edges[1:-1])


def continues(prev: Table, part: Table) -> bool:
    """``part`` (first on its page) continues ``prev`` (last on the page before): same outer edges,
    and most inner column edges of the part with fewer of them are edges of the other."""
    if part.page != prev.last_page + 1:
        return False
    if abs(prev.last_box[0] - part.box[0]) > STITCH_TOLERANCE or abs(prev.last_box[2] - part.box[2]) > STITCH_TOLERANCE:
        return False
    a, b = _inner(prev.edges), _inner(part.edges)
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    if not fewer:
        return True
    shared = sum(1 for x in fewer if any(abs(x - y) <= STITCH_TOLERANCE for y in more))
    return shared * 2 >= len(fewer)


def _merge_edges(a: Sequence[float], b: Sequence[float]) -> list[float]:
    out = list(a)
    for x in b[1:-1]:
        if all(abs(x - y) > STITCH_TOLERANCE for y in out):
            out.append(x)
    return sorted(out)


def _span(cell: Cell, edges: Sequence[float]) -> tuple[int, int]:
    c0 = _nearest(edges, cell.x0)
    return c0, max(_nearest(edges, cell.x1) - 1, c0)


def _row_texts(table: Table, edges: Sequence[float], rows: range) -> list[list[str]]:
    grid = [[""] * (len(edges) - 1) for _ in rows]
    for cell in table.cells:
        c0, c1 = _span(cell, edges)
        for r in range(max(cell.r0, rows.start), min(cell.r1, rows.stop - 1) + 1):
            for c in range(c0, c1 + 1):
                grid[r - rows.start][c] = re.sub(r"\s+", "", cell.text)
    return grid


def _repeated_header(head: Table, part: Table, edges: Sequence[float]) -> int:
    """How many first rows of ``part`` repeat the first rows of the table (0 if none): the longest
    run of equal rows that no merged cell of ``part`` crosses."""
    limit = min(head.n_rows, part.n_rows - 1)
    if limit <= 0:
        return 0
    a = _row_texts(head, edges, range(limit))
    b = _row_texts(part, edges, range(limit))
    k = 0
    while k < limit and a[k] == b[k] and any(a[k]):
        k += 1
    while k > 0 and any(c.r0 < k <= c.r1 for c in part.cells):
        k -= 1
    return k


def _covering(cells: Iterable[Cell], row: int, edges: Sequence[float]) -> dict[int, Cell]:
    """The cell over each column at ``row``, keyed by its first column."""
    out: dict[int, Cell] = {}
    for cell in cells:
        if cell.r0 <= row <= cell.r1:
            out[_span(cell, edges)[0]] = cell
    return out


def _continuation(above: Cell, below: Cell) -> bool:
    """``below`` may be the rest of ``above``: no number involved, and it does not start a new
    enumerated label (（五）, 1., 一、) — which would be the next cell, not the rest of this one."""
    if is_value(above.text) or is_value(below.text):
        return False
    return not _ENUMERATED.match(below.text.lstrip())


def _row_split(above: dict[int, Cell], below: dict[int, Cell], edges: Sequence[float]) -> bool:
    """The first row of the next part is the rest of a row cut by the page break: the same cells
    (same columns), no values in it, and no cell in it starting a new label or meeting a value."""
    if not any(c.text for c in below.values()) or any(is_value(c.text) for c in below.values()):
        return False
    if {k: _span(c, edges) for k, c in above.items()} != {k: _span(c, edges) for k, c in below.items()}:
        return False
    for k, a in above.items():
        b = below[k]
        if a.text and b.text and not _continuation(a, b):
            return False
    return True


def stitch(table: Table, part: Table) -> None:
    """Append ``part`` (the continuation on the next page) to ``table``, in place: repeated header
    rows dropped, cells cut by the page break joined again."""
    edges = _merge_edges(table.edges, part.edges)
    k = _repeated_header(table, part, edges)
    cells = [c for c in part.cells if c.r0 >= k]
    for c in cells:
        c.r0 -= k
        c.r1 -= k
    n_part = part.n_rows - k
    full = (0, len(edges) - 2)
    last = table.n_rows - 1
    above = _covering(table.cells, last, edges)
    below = _covering(cells, 0, edges)
    if n_part > 0 and _row_split(above, below, edges):
        offset = last  # the part's first row is the table's last row
        joins = {id(below[k]): above[k] for k in below}
    else:
        offset = table.n_rows
        joins = {}
        for key, b in below.items():
            a = above.get(key)
            if (a is not None and _span(a, edges) == _span(b, edges) != full and a.r1 == last
                    and (a.r1 > a.r0 or b.r1 > b.r0) and _continuation(a, b)):
                joins[id(b)] = a
    for c in cells:
        target = joins.get(id(c))
        if target is not None:
            target.r1 = c.r1 + offset
            target.text = join_lines([target.text, c.text])
            continue
        c.r0 += offset
        c.r1 += offset
        table.cells.append(c)
    table.edges = edges
    table.n_rows = offset + n_part
    table.last_page, table.last_box = part.page, part.box


# --------------------------------------------------------------------------------------------
# Grid


def to_block(table: Table, index: int) -> TableBlock:
    """The table as a rectangular grid: a merged cell repeats its text in every position it covers,
    with one origin; located by page and box, and by grid row and column."""
    n_cols = len(table.edges) - 1
    grid: list[list[GridCell | None]] = [[None] * n_cols for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda c: (c.r0, c.x0)):
        c0, c1 = _span(cell, table.edges)
        loc = Location(page=cell.page, bbox=_round(cell.box), table=index, row=cell.r0, cell=c0)
        gc = GridCell(text=cell.text, origin=(cell.r0, c0), location=loc)
        for r in range(cell.r0, min(cell.r1, table.n_rows - 1) + 1):
            for c in range(c0, c1 + 1):
                if grid[r][c] is None:
                    grid[r][c] = gc
    rows = [[gc if gc is not None else  # never expected (cells cover the grid); stay rectangular
             GridCell(text="", origin=(r, c), location=Location(page=table.page, table=index, row=r, cell=c))
             for c, gc in enumerate(row)] for r, row in enumerate(grid)]
    return TableBlock(rows=rows, location=Location(page=table.page, bbox=_round(table.box), table=index))


def _round(box: Box) -> Box:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))
