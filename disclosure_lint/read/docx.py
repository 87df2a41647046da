"""Word and WPS .docx → `Document` (docs/format.md §12).

A plain lxml walker over ``word/document.xml`` rather than a document library: python-docx,
docx2python and mammoth each lost data on at least one fixture variant (content controls, tracked
changes, ghost grid columns, list-numbered headings). What the walker does:

* **Body order.** Paragraphs and tables as they come, descending into content controls
  (``w:sdt/w:sdtContent``), ``w:customXml``, inserted and moved-to content (``w:ins``,
  ``w:moveTo``) at body, row and cell level. Headers and footers are other parts: never read.
* **Paragraph text** is every ``w:t`` under the paragraph (through runs, hyperlinks,
  ``w:smartTag``, ``w:fldSimple``, inline content controls), ``w:tab`` → TAB, ``w:br``/``w:cr`` →
  newline. Deleted text, field codes (``w:instrText``), hidden runs (``w:vanish``), ruby guide text
  and the ``mc:Fallback`` copy of ``mc:AlternateContent`` are skipped; text boxes are read once.
* **Tracked changes** are read in the accept-all view (insertions kept, deletions and deleted rows
  dropped) and reported once (`NoticeKind.TRACKED_CHANGES`, DL007).
* **Grids.** Per row a cursor starts at ``w:gridBefore``; each ``w:tc`` covers ``w:gridSpan``
  columns; ``w:vMerge`` restart/continue (and the old ``w:hMerge``) build merged regions; short rows
  are padded by widening their last cell; degenerate columns (narrower than 30 twips, or where no
  cell starts — LibreOffice's 1-twip ghost column) are dropped without losing text. A table that
  holds tables is a layout table: its cells are read as body content.
* **List numbering** ("一、", "（一）" drawn by Word, absent from the text) is rebuilt from
  ``numbering.xml`` and ``styles.xml`` (`docx_numbering`), read only when a paragraph needs them.
* **Tables as pictures.** A section that needs a table (二, 三, 四) but holds only a picture or an
  embedded object gets `NoticeKind.TABLE_AS_IMAGE` (DL008).

Locations: ``Location(paragraph=i)`` for body paragraphs (0-based, counting every body paragraph,
empty ones included, so the index is stable against the file), ``Location(table=t, row=r, cell=c)``
for cells (``t`` counts the document's tables, layout tables excepted; ``r``/``c`` are the grid
coordinates of the merged region's top-left position) and ``Location(table=t)`` for a table.

Safety: the archive is checked before reading (`ziplimits`), every XML part is parsed without
DTD loading, entity expansion or network access, and every failure is a one-line `InputError`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError
from ..limits import ArchiveLimits
from ..model import Block, Document, GridCell, Location, Notice, NoticeKind, Paragraph, SourceInfo, TableBlock
from ..model.template import SECTIONS
from ..text.normalize import match_key
from .docx_numbering import Definitions, ListNumberer, Styles, tags_for
from .sniff import is_docx, sniff_format
from .ziplimits import DEFAULT_LIMITS, open_archive, read_member

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH_T = frozenset({"{http://schemas.openxmlformats.org/officeDocument/2006/math}t",
                     "{http://purl.oclc.org/ooxml/officeDocument/math}t"})
_WORD_EXTENSIONS = (".docx", ".docm", ".dotx", ".dotm")
_WS = " \t\n\r\u3000\u00a0\u200b\ufeff"
GHOST_COLUMN_TWIPS = 30  # narrower grid columns are artefacts (LibreOffice writes 1-twip ones)
MAX_COLUMNS = 256  # Word allows 63 grid columns; spans and gridBefore are clamped, wider grids cut
MAX_GRID_CELLS = 1_000_000  # grid positions of one table: beyond, a crafted file, not a report
_OFF = frozenset({"0", "false", "off"})


def _xml_parser() -> etree.XMLParser:
    """A parser that never loads a DTD, expands an entity or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


class _Tags:
    """Clark names of the WordprocessingML elements the walker uses, for one namespace
    (transitional or Strict OOXML): the walker compares tags, never prefixes."""

    def __init__(self, ns: str) -> None:
        w = "{" + ns + "}"
        self.val = w + "val"
        self.document = w + "document"
        (self.body, self.p, self.pPr, self.rPr, self.r, self.t, self.tab, self.ptab, self.br,
         self.cr, self.noBreakHyphen, self.tbl, self.tblGrid, self.gridCol, self.tr, self.trPr,
         self.tc, self.tcPr, self.gridSpan, self.gridBefore, self.vMerge, self.hMerge, self.sdt,
         self.sdtContent, self.customXml, self.ins, self.dele, self.moveTo, self.moveFrom,
         self.drawing, self.pict, self.object, self.txbxContent, self.numPr, self.numId,
         self.ilvl, self.pStyle, self.vanish, self.ruby, self.rubyBase,
         ) = (w + n for n in (
            "body", "p", "pPr", "rPr", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "tbl",
            "tblGrid", "gridCol", "tr", "trPr", "tc", "tcPr", "gridSpan", "gridBefore", "vMerge",
            "hMerge", "sdt", "sdtContent", "customXml", "ins", "del", "moveTo", "moveFrom",
            "drawing", "pict", "object", "txbxContent", "numPr", "numId", "ilvl", "pStyle",
            "vanish", "ruby", "rubyBase"))
        self.w_attr = w + "w"
        # Inline elements whose subtree holds no displayed text (properties, ruby guide text).
        self.no_text = frozenset(w + n for n in (
            "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "rt", "delText",
            "instrText", "delInstrText", "fldData", "bookmarkStart", "bookmarkEnd", "proofErr"))
        self.inserted = frozenset({self.ins, self.moveTo})
        self.deleted = frozenset({self.dele, self.moveFrom})
        self.containers = frozenset({self.customXml, self.ins, self.moveTo})
        self.graphics = frozenset({self.drawing, self.pict, self.object})


_TAGS = {ns: _Tags(ns) for ns in (W_TRANSITIONAL, W_STRICT)}


# --------------------------------------------------------------------------------------------
# Grids


@dataclass
class RawCell:
    """One ``w:tc`` as read: where it starts in its row's grid, what it covers, its text."""

    col: int
    span: int = 1
    text: str = ""
    vmerge: str | None = None  # "restart", "continue" or None
    hmerge: str | None = None
    image: bool = False  # holds a picture or embedded object and no text
    region: _Region | None = None  # set by `build_grid`


@dataclass
class RawRow:
    before: int = 0  # w:gridBefore
    cells: list[RawCell] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.cells[-1].col + self.cells[-1].span if self.cells else self.before


@dataclass(eq=False)
class _Region:
    text: str
    cell: GridCell | None = None
    columns: set[int] = field(default_factory=set)


def build_grid(rows: list[RawRow], widths: list[int | None], table: int) -> list[list[GridCell]]:
    """Resolve spans and merges into a rectangular grid of `GridCell` (merged text repeated, one
    ``origin`` per region), padding short rows and dropping degenerate columns.

    ``widths`` are the ``w:tblGrid`` column widths in twips (None where unknown).
    """
    n = min(max([len(widths), *(r.end for r in rows)], default=0), MAX_COLUMNS)
    if n == 0 or not rows:
        return []
    if n * len(rows) > MAX_GRID_CELLS:
        raise InputError(f"表格过大（{len(rows)} 行 × {n} 列），不像正常的报告，已拒绝读取",
                         f"a table is too large ({len(rows)} rows × {n} columns) to be a report; refused")
    starts = [False] * n
    owners: list[list[_Region]] = []
    for r, row in enumerate(rows):
        line: list[_Region | None] = [None] * n
        for c in range(min(row.before, n)):
            line[c] = _Region("")
        prev: _Region | None = None
        for cell in row.cells:
            c = cell.col
            if c >= n:
                break
            starts[c] = True
            region: _Region | None = None
            if cell.hmerge == "continue" and prev is not None:
                region = prev
            elif cell.vmerge == "continue" and r > 0:
                region = owners[r - 1][c]
            if region is None:
                region = _Region(cell.text)
            for k in range(c, min(c + cell.span, n)):
                line[k] = region
            cell.region = prev = region
        # A short row (ragged, or w:gridAfter): its last cell reaches the right edge.
        for c in range(n):
            if line[c] is None:
                line[c] = prev if prev is not None and c >= row.end else _Region("")
        full = [x for x in line if x is not None]
        for c, owner in enumerate(full):
            owner.columns.add(c)
        owners.append(full)
    keep = _kept_columns(owners, starts, widths, n)
    grid: list[list[GridCell]] = []
    for r, regions in enumerate(owners):
        out: list[GridCell] = []
        for newc, c in enumerate(keep):
            owner = regions[c]
            if owner.cell is None:
                owner.cell = GridCell(text=owner.text, origin=(r, newc),
                                      location=Location(table=table, row=r, cell=newc))
            out.append(owner.cell)
        grid.append(out)
    return grid


def _kept_columns(owners: list[list[_Region]], starts: list[bool], widths: list[int | None],
                  n: int) -> list[int]:
    drop = {c for c in range(n)
            if not starts[c] or (c < len(widths) and (w := widths[c]) is not None and w < GHOST_COLUMN_TWIPS)}
    if drop:
        seen: set[int] = set()
        for line in owners:
            for region in line:
                if id(region) in seen:
                    continue
                seen.add(id(region))
                if region.text.strip() and region.columns <= drop:
                    drop -= region.columns  # never lose text
    keep = [c for c in range(n) if c not in drop]
    return keep or list(range(n))


def _number(value: str | None) -> int | None:
    """An integer attribute (twips, spans); None when absent or not a number."""
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Section headings (only to place DL008: which sections need a table)

_HEADING = re.compile(
    r"^[\s\u3000\u00a0]*第?(?P<n>[一二三四五六])(?:部分)?(?P<sep>[、.．，,:：\s\u3000]*)(?P<rest>.+)$", re.DOTALL)
_TABLE_SECTIONS = {"二": ("主动公开",), "三": ("申请",), "四": ("复议", "诉讼")}
_HEADING_KEYS = {s.number: {match_key(h) for h in (s.heading, *s.variants)} for s in SECTIONS}


def _heading(text: str) -> tuple[str, bool] | None:
    """(ordinal, is a table section) of a section heading paragraph, else None.

    Any short "二、…" paragraph ends the previous section; only the official heading of 二, 三 or
    四 (or a reworded one with the section's keyword, written with a separator: "三是…" is prose)
    opens a section that needs a table.
    """
    m = _HEADING.match(text)
    if m is None:
        return None
    key = match_key(m.group("rest")).rstrip("：:。.")
    if not key or len(key) > 40 or any(c in key for c in "。；;！？"):
        return None
    number, separated = m.group("n"), bool(m.group("sep"))
    words = _TABLE_SECTIONS.get(number)
    if key in _HEADING_KEYS[number]:
        return number, words is not None
    if not separated:
        return None
    return number, words is not None and any(w in key for w in words)


def table_image_notices(blocks: list[Block], images: list[tuple[int, Location]]) -> list[Notice]:
    """DL008: a picture or embedded object where section 二/三/四 has no table.

    ``images`` are (position among ``blocks``, location) of paragraphs or textless tables whose
    content is a picture or object. Conservative: only a table section without any real table.
    """
    if not images:
        return []
    heads = [(i, head[1], b.text) for i, b in enumerate(blocks)
             if isinstance(b, Paragraph) and (head := _heading(b.text)) is not None]
    notices: list[Notice] = []
    for k, (start, needs_table, text) in enumerate(heads):
        if not needs_table:
            continue
        end = heads[k + 1][0] if k + 1 < len(heads) else len(blocks)
        if any(isinstance(b, TableBlock) for b in blocks[start + 1:end]):
            continue
        inside = [loc for pos, loc in images if start < pos <= end]
        if inside:
            notices.append(Notice(kind=NoticeKind.TABLE_AS_IMAGE,
                                  detail=f"{text.strip()}：表格是图片或嵌入对象，不是可检查的表格",
                                  location=inside[0]))
    return notices


# --------------------------------------------------------------------------------------------
# The walker


class _Walker:
    """One pass over ``w:body`` in document order, collecting blocks, changes and pictures."""

    def __init__(self, tags: _Tags, numbering: Callable[[], ListNumberer | None]) -> None:
        self.t = tags
        self._numbering_loader: Callable[[], ListNumberer | None] | None = numbering
        self._numberer: ListNumberer | None = None
        self.blocks: list[Block] = []
        self.images: list[tuple[int, Location]] = []
        self.paragraphs = 0
        self.tables = 0
        self.insertions = 0
        self.deletions = 0
        self.change_at: Location | None = None
        self._pending_change = False  # a change seen, not yet given a location
        self._change_cell: RawCell | None = None
        self._image = False
        self._in_textbox = False

    # -- tracked changes ------------------------------------------------------------------

    def _changed(self, inserted: bool) -> None:
        if inserted:
            self.insertions += 1
        else:
            self.deletions += 1
        self._pending_change = True

    def _claim(self, location: Location) -> None:
        if self._pending_change:
            self._pending_change = False
            if self.change_at is None:
                self.change_at = location

    # -- structure ------------------------------------------------------------------------

    def _branch(self, alternate: etree._Element) -> etree._Element | None:
        """The branch of ``mc:AlternateContent`` to read: the first Choice (Fallback repeats it
        for older readers: reading both would double text boxes), else the Fallback."""
        branch = alternate.find(_MC + "Choice")
        return branch if branch is not None else alternate.find(_MC + "Fallback")

    def _flatten(self, container: etree._Element, wanted: str) -> Iterator[etree._Element]:
        """Children with tag ``wanted``, through content controls, custom XML, insertions and
        moves; deleted content is counted and skipped."""
        t = self.t
        for child in container:
            tag = child.tag
            if tag == wanted:
                yield child
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._flatten(content, wanted)
            elif tag in t.containers:
                if tag in t.inserted:
                    self._changed(True)
                yield from self._flatten(child, wanted)
            elif tag in t.deleted:
                self._changed(False)
            elif tag == _MC + "AlternateContent":
                branch = self._branch(child)
                if branch is not None:
                    yield from self._flatten(branch, wanted)

    def body(self, container: etree._Element) -> None:
        t = self.t
        for child in container:
            tag = child.tag
            if tag == t.p:
                self._body_paragraph(child)
            elif tag == t.tbl:
                self._table(child)
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    self.body(content)
            elif tag in t.containers:
                if tag in t.inserted:
                    self._changed(True)
                self.body(child)
            elif tag in t.deleted:
                self._changed(False)
            elif tag == _MC + "AlternateContent":
                branch = self._branch(child)
                if branch is not None:
                    self.body(branch)

    def _body_paragraph(self, p: etree._Element) -> None:
        location = Location(paragraph=self.paragraphs)
        self.paragraphs += 1
        text, image = self._paragraph(p)
        self._claim(location)
        if text:
            self.blocks.append(Paragraph(text=text, location=location))
        elif image:
            self.images.append((len(self.blocks), location))

    # -- paragraphs -----------------------------------------------------------------------

    def _paragraph(self, p: etree._Element) -> tuple[str, bool]:
        """(text with its list prefix, image-only?)."""
        t = self.t
        self._image = False
        out: list[str] = []
        self._inline(p, out)
        text = "".join(out).strip(_WS)
        ppr = p.find(t.pPr)
        if ppr is not None:
            mark = ppr.find(t.rPr)  # the paragraph mark inserted or deleted
            if mark is not None:
                if mark.find(t.ins) is not None:
                    self._changed(True)
                if mark.find(t.dele) is not None:
                    self._changed(False)
            prefix = self._prefix(ppr)
            if prefix and text:
                text = prefix + text
        return text, self._image and not text

    def _prefix(self, ppr: etree._Element) -> str:
        t = self.t
        numpr = ppr.find(t.numPr)
        style = ppr.find(t.pStyle)
        if numpr is None and style is None:
            return ""
        numberer = self._numbering()
        if numberer is None:
            return ""
        num_id = ilvl = None
        if numpr is not None:
            nid, lvl = numpr.find(t.numId), numpr.find(t.ilvl)
            num_id = nid.get(t.val) if nid is not None else None
            raw = lvl.get(t.val) if lvl is not None else None
            ilvl = int(raw) if raw is not None and raw.isdigit() else None
        return numberer.prefix(num_id, ilvl, style.get(t.val) if style is not None else None)

    def _numbering(self) -> ListNumberer | None:
        if self._numbering_loader is not None:
            self._numberer = self._numbering_loader()
            self._numbering_loader = None
        return self._numberer

    def _inline(self, element: etree._Element, out: list[str]) -> None:
        t = self.t
        for child in element:
            tag = child.tag
            if tag == t.r:
                self._run(child, out)
            elif tag in t.no_text:
                continue
            elif tag in t.deleted:
                self._changed(False)
            elif tag == _MC + "AlternateContent":
                branch = self._branch(child)
                if branch is not None:
                    self._inline(branch, out)
            elif tag in _MATH_T:
                out.append(child.text or "")
            elif tag in t.graphics:
                self._graphic(child, out)
            else:
                if tag in t.inserted:
                    self._changed(True)
                self._inline(child, out)  # hyperlink, smartTag, sdt(Content), fldSimple, customXml …

    def _run(self, run: etree._Element, out: list[str]) -> None:
        t = self.t
        for child in run:
            tag = child.tag
            if tag == t.t:
                if child.text:
                    out.append(child.text)
            elif tag == t.rPr:
                hidden = child.find(t.vanish)
                if hidden is not None and hidden.get(t.val, "1") not in _OFF:
                    return
            elif tag == t.tab or tag == t.ptab:
                out.append("\t")
            elif tag == t.br or tag == t.cr:
                out.append("\n")
            elif tag == t.noBreakHyphen:
                out.append("-")
            elif tag in t.graphics:
                self._graphic(child, out)
            elif tag == _MC + "AlternateContent":
                branch = self._branch(child)
                if branch is not None:
                    self._run(branch, out)
            elif tag == t.ruby:
                base = child.find(t.rubyBase)
                if base is not None:
                    self._inline(base, out)

    def _graphic(self, graphic: etree._Element, out: list[str]) -> None:
        """A picture, shape or embedded object: note it, and read the text of its text boxes."""
        self._image = True
        if self._in_textbox:
            return  # nested text boxes are reached by the outer box's iter()
        t = self.t
        self._in_textbox = True
        try:
            for box in graphic.iter(t.txbxContent):
                lines = []
                for p in box.iter(t.p):
                    inner: list[str] = []
                    self._inline(p, inner)
                    line = "".join(inner).strip(_WS)
                    if line:
                        lines.append(line)
                if lines:
                    out.append("\n" + "\n".join(lines) + "\n")
        finally:
            self._in_textbox = False

    # -- tables ---------------------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> None:
        t = self.t
        nested = tbl.iter(t.tbl)
        next(nested)
        if next(nested, None) is not None:
            self._layout(tbl)
            return
        index = self.tables
        self.tables += 1
        rows: list[RawRow] = []
        for tr in self._flatten(tbl, t.tr):
            row = RawRow()
            trpr = tr.find(t.trPr)
            if trpr is not None:
                if trpr.find(t.dele) is not None:  # a deleted row: gone in the accept-all view
                    self._changed(False)
                    continue
                if trpr.find(t.ins) is not None:
                    self._changed(True)
                before = trpr.find(t.gridBefore)
                if before is not None:
                    row.before = min(max(_number(before.get(t.val)) or 0, 0), MAX_COLUMNS)
            cursor = row.before
            for tc in self._flatten(tr, t.tc):
                cell = self._cell(tc, cursor)
                if self._pending_change:
                    self._pending_change = False
                    if self.change_at is None and self._change_cell is None:
                        self._change_cell = cell
                row.cells.append(cell)
                cursor += cell.span
            rows.append(row)
        grid_el = tbl.find(t.tblGrid)
        widths = [_number(g.get(t.w_attr)) for g in grid_el.iterchildren(t.gridCol)] if grid_el is not None else []
        grid = build_grid(rows, widths, index)
        if self._change_cell is not None:
            region = self._change_cell.region
            self.change_at = region.cell.location if region and region.cell else Location(table=index)
            self._change_cell = None
        if any(c.text.strip() for row in grid for c in row):
            self.blocks.append(TableBlock(rows=grid, location=Location(table=index)))
        elif any(c.image for row in rows for c in row.cells):
            self.images.append((len(self.blocks), Location(table=index)))

    def _cell(self, tc: etree._Element, col: int) -> RawCell:
        t = self.t
        cell = RawCell(col)
        tcpr = tc.find(t.tcPr)
        if tcpr is not None:
            span = tcpr.find(t.gridSpan)
            if span is not None:
                cell.span = min(max(_number(span.get(t.val)) or 1, 1), MAX_COLUMNS)
            for attr, tag in (("vmerge", t.vMerge), ("hmerge", t.hMerge)):
                merge = tcpr.find(tag)
                if merge is not None:
                    setattr(cell, attr, "restart" if merge.get(t.val) == "restart" else "continue")
        parts: list[str] = []
        image = False
        for paragraph in self._cell_paragraphs(tc):
            text, only_image = self._paragraph(paragraph)
            image = image or only_image
            if text:
                parts.append(text)
        cell.text = "\n".join(parts)
        cell.image = image and not cell.text
        return cell

    def _cell_paragraphs(self, container: etree._Element) -> Iterator[etree._Element]:
        """The paragraphs of a cell (tables holding tables never get here: see `_layout`)."""
        t = self.t
        for child in container:
            tag = child.tag
            if tag == t.p:
                yield child
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._cell_paragraphs(content)
            elif tag in t.containers:
                if tag in t.inserted:
                    self._changed(True)
                yield from self._cell_paragraphs(child)
            elif tag in t.deleted:
                self._changed(False)
            elif tag == _MC + "AlternateContent":
                branch = self._branch(child)
                if branch is not None:
                    yield from self._cell_paragraphs(branch)

    def _layout(self, tbl: etree._Element) -> None:
        """A table holding tables lays out the page: read its cells as body content."""
        t = self.t
        for tr in self._flatten(tbl, t.tr):
            for tc in self._flatten(tr, t.tc):
                self.body(tc)

    # -- result ---------------------------------------------------------------------------

    def notices(self) -> list[Notice]:
        notices: list[Notice] = []
        if self.insertions or self.deletions:
            if self._pending_change and self.change_at is None:
                self.change_at = Location(paragraph=max(self.paragraphs - 1, 0))
            notices.append(Notice(
                kind=NoticeKind.TRACKED_CHANGES,
                detail=f"未接受的修订：插入 {self.insertions} 处，删除 {self.deletions} 处（已按全部接受后的内容检查）",
                location=self.change_at or Location()))
        notices.extend(table_image_notices(self.blocks, self.images))
        return notices


# --------------------------------------------------------------------------------------------
# The package


def _parse(data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        message = (exc.msg or "").lower()
        if "amplification" in message or "entity reference loop" in message:  # libxml2 refused a "billion laughs"
            raise InputError(f"{name} 中定义了会无限展开的实体（DTD），Word 不会这样保存，疑似恶意构造的文件，已拒绝读取",
                             f"{name} defines XML entities (a DTD) that expand without bound, which Word never "
                             "writes: a crafted file, refused") from None
        line = f"第 {exc.lineno} 行" if exc.lineno else ""
        raise InputError(
            f"{name} 不是合法的 XML（{line or '无法解析'}），文件已损坏；请用 Word/WPS 打开后重新保存为 .docx",
            f"{name} is not well-formed XML ({f'line {exc.lineno}' if exc.lineno else 'unparsable'}): "
            "the file is damaged; open it in Word/WPS and save it as .docx again") from None


def _member(zf: zipfile.ZipFile, name: str, limits: ArchiveLimits) -> bytes | None:
    """A part's bytes; OPC part names are case-insensitive, zip names are not."""
    data = read_member(zf, name, limits)
    if data is None:
        lowered = name.lower()
        for info in zf.infolist():
            if info.filename.lower() == lowered and info.filename != name:
                return read_member(zf, info.filename, limits)
    return data


def _relationships(zf: zipfile.ZipFile, part: str, limits: ArchiveLimits) -> dict[str, str]:
    """Relationship type suffix ("officeDocument", "numbering", "styles") → target part name."""
    folder, base = posixpath.split(part)
    data = _member(zf, posixpath.join(folder, "_rels", base + ".rels"), limits)
    if not data:
        return {}
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter():
        if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
            continue
        kind, target = rel.get("Type", ""), rel.get("Target")
        if not target or rel.get("TargetMode") == "External":
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind.rsplit("/", 1)[-1], name)
    return out


def _not_word() -> InputError:
    return InputError(
        "是 zip 压缩包，但不是 Word 文档（.docx），可能是其他格式改了扩展名；请用 Word/WPS 另存为 .docx",
        "a zip archive but not a Word document (.docx), perhaps another format renamed; "
        "save it as .docx in Word or WPS")


def _missing_body(name: str) -> InputError:
    return InputError(f"缺少正文部件 {name}，文件已损坏；请用 Word/WPS 打开后重新保存为 .docx",
                      f"the main document part {name} is missing: the file is damaged; "
                      "open it in Word/WPS and save it as .docx again")


def read_docx(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> tuple[list[Block], list[Notice]]:
    """Blocks and notices of a .docx file's bytes, within ``limits``. Raises `InputError`
    (without the file name)."""
    with open_archive(data, limits) as zf:
        if not is_docx(data):
            raise _not_word()
        main = _relationships(zf, "", limits).get("officeDocument", "word/document.xml")
        document = _member(zf, main, limits)
        if document is None:
            raise _missing_body(main)
        root = _parse(document, main)
        tags = _TAGS.get(root.tag[1:root.tag.index("}")] if root.tag.startswith("{") else "")
        if tags is None or root.tag != tags.document:
            raise InputError(f"{main} 不是 Word 正文（WordprocessingML）；请用 Word/WPS 另存为 .docx",
                             f"{main} is not a WordprocessingML document; save it as .docx in Word or WPS")
        parts = _relationships(zf, main, limits)
        folder = posixpath.dirname(main)

        def optional(kind: str) -> etree._Element | None:
            name = parts.get(kind, posixpath.join(folder, kind + ".xml"))
            raw = _member(zf, name, limits)
            if not raw:
                return None
            try:
                return etree.fromstring(raw, _xml_parser())
            except etree.XMLSyntaxError:
                return None  # a damaged auxiliary part costs the list prefixes, not the report

        def styles() -> Styles | None:
            root = optional("styles")
            return Styles.from_xml(root) if root is not None and tags_for(root) is not None else None

        def numbering() -> ListNumberer | None:
            root = optional("numbering")
            if root is None or tags_for(root) is None:
                return None
            definitions = Definitions.from_xml(root)
            return ListNumberer(definitions, styles) if definitions.nums else None

        walker = _Walker(tags, numbering)
        body = root.find(tags.body)
        if body is not None:
            try:
                walker.body(body)
            except RecursionError:
                raise InputError("文档嵌套层次过深，无法读取", "the document is nested too deeply to be read") from None
        return walker.blocks, walker.notices()


class DocxReader:
    """The .docx reader (Word, WPS, LibreOffice; transitional and Strict OOXML)."""

    name = "docx"
    priority = 50

    def __init__(self, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def sniff(self, head: bytes, path: str) -> bool:
        """A zip whose first members show a WordprocessingML package; a zip the head cannot
        decide is taken when its name says Word (`read` then checks the whole archive)."""
        fmt = sniff_format(head)
        return fmt == "docx" or (fmt == "zip" and path.lower().endswith(_WORD_EXTENSIONS))

    def read(self, data: bytes, source: SourceInfo) -> Document:
        try:
            blocks, notices = read_docx(data, self.limits)
        except InputError as err:
            raise err.at(source.path) from None
        return Document(source=source, blocks=blocks, notices=notices)
