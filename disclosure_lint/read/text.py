"""Plain text → `Document`: paragraphs and tables recovered from flattened text (docs/format.md §12).

Text reports are what extraction tools and copy-and-paste leave of a Word file, so the tables have to
be rebuilt from conventions rather than markup. The layouts handled, all measured on real files:

* **The seed's layout** (Word's "save as text"): a TAB-led line is a cell, a line holding only a TAB
  an empty cell, an empty line ends a row, and a non-empty line without a TAB right after a cell
  continues that cell (a label broken over two lines). Rows separated by blank lines form one
  table; a blank-line run followed by a non-TAB line ends it.
* **One cell per line** with a TAB-only line, or nothing, between rows (other extractors, web
  pages): rows are inferred from the labels — a label cell after value cells starts a new row.
  The same inference runs on TAB-less runs of short lines that hold at least three bare numbers.
* **Pipe and Markdown tables** (``| 规章 | 0 | 0 | 0 |``, the ``|---|`` row dropped), **TAB-separated
  rows** (``规章<TAB>0<TAB>0``) and **"label followed by numbers"** lines (``规章 0 0 0``), the last two
  only when they sit among other table rows, so a sentence that ends in a number stays prose.

Everything else is one `Paragraph` per non-empty line, indentation stripped and otherwise unchanged
(never NFKC-normalised: the builder compares through keys, messages quote the original). Locations
are 1-based lines of the file after CRLF → LF, columns 1-based in characters.

HTML comments standing on lines of their own (Markdown's only comment syntax, invisible once
rendered) are markup, not report text: they are left out of the blocks, and those addressed to the
linter (inline suppressions) become `Document.comments`.

Grids are made rectangular the way merged cells are represented everywhere else: a short row repeats
one of its cells (same ``origin``) — the label when the row ends in values, so values stay right-
aligned under their columns, else the last cell — never invented blanks, which would read as
"not filled" values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from ..errors import InputError
from ..model import Block, Comment, Document, GridCell, Location, Paragraph, SourceInfo, TableBlock
from ..model.template import SECTIONS
from ..text.normalize import label_key
from .comments import linter_comment
from .decode import decode_text
from .sniff import has_structured_marker, head_text, sniff_format

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_LEAD_BOOKMARK = re.compile(r"\s*\[bookmark:[^\]\n]*\]")
_WS = " \t\u3000\u00a0\u200b\ufeff"  # indentation written with ASCII, ideographic, no-break spaces
_INNER_WS = re.compile(r"\s+")
# A value as written in a value cell: a count or amount (full-width digits, thousands separators, a
# unit), or a placeholder for "not filled". "1.8万" is a value *position* (the builder reports it).
_VALUE = re.compile(
    r"[+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:万元|万|件|个|条|次|元|项|人次)?"
    r"|[/／\\]|[-—－–―─]+|无"
)
_UNIT = re.compile(r"万元|件|个|条|次|元|项|人次")
_HAS_WORD = re.compile(r"[A-Za-z\u3400-\u9fff]")
_ORDINAL_HEADING = re.compile(r"[一二三四五六七八九十]+[、.．]")
_MD_SEP = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_ATX_HEADING = re.compile(r"#{1,6}[ \t]+")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_MAX_LABEL = 60  # longer lines are prose, not table labels
_MIN_BARE_VALUES = 3  # TAB-less one-cell-per-line tables need this many number-only lines
_MIN_VALUE_RUN = 5  # ... and two label → value steps, or this many number-only lines in a row
_SECTION_KEYS = tuple(label_key(h) for s in SECTIONS for h in (s.heading, *s.variants))
# An HTML comment that fills its lines: ``<!-- … -->`` alone on a line, or over several lines.
_COMMENT_LINES = re.compile(r"^[ \t]*<!--((?:(?!-->).)*)-->[ \t]*$", re.MULTILINE | re.DOTALL)

LineKind = Literal["blank", "cell", "pipe", "row", "text"]


# --------------------------------------------------------------------------------------------
# Cell texts


def _clean(raw: str) -> tuple[str, int]:
    """Drop ``[bookmark: …]`` left-overs and leading indentation; return the text and the offset
    (in characters) of its first character in ``raw``, for the column."""
    if not raw or (raw[0] not in _WS and "[" not in raw):  # the common case, kept cheap
        return raw.rstrip(), 0
    rest = raw
    while True:
        stripped = rest.lstrip(_WS)
        m = _LEAD_BOOKMARK.match(stripped)
        if not m:
            break
        rest = stripped[m.end():]
    rest = rest.lstrip(_WS)
    return _BOOKMARK.sub("", rest).rstrip(), len(raw) - len(rest)


@lru_cache(maxsize=2048)
def is_value(text: str) -> bool:
    """A number or placeholder as written in a value cell (blank is not a value here).

    Cached: asked several times of every cell and line, and the same labels and small numbers
    fill every report's tables."""
    compacted = _INNER_WS.sub("", text)
    return bool(compacted) and _VALUE.fullmatch(compacted) is not None


def _kind(text: str) -> Literal["v", "e", "l"]:
    """Cell role for row inference: value (units count as values), empty, or label."""
    if not text:
        return "e"
    if is_value(text) or _UNIT.fullmatch(text):
        return "v"
    return "l"


def _is_section_heading(text: str) -> bool:
    m = _ORDINAL_HEADING.match(text)
    if not m:
        return False
    key = label_key(text[m.end():])
    return any(k and (key.startswith(k) or k.startswith(key)) for k in _SECTION_KEYS) if key else False


# --------------------------------------------------------------------------------------------
# Drafts: what the line scanner collects before grids are built


@dataclass
class _Cell:
    text: str
    line: int
    column: int
    end_line: int


@dataclass
class _Para:
    text: str
    line: int
    column: int


@dataclass
class _Table:
    mode: Literal["tab", "pipe", "rows"]
    # "tab": the cells between blank lines (one or more rows, see `_split_group`);
    # "pipe" and "rows": one row per source line.
    groups: list[list[_Cell]] = field(default_factory=list)
    # A lone "label followed by numbers" line is prose unless it joins other rows.
    confirmed: bool = False
    lines: list[tuple[int, str]] = field(default_factory=list)  # source lines, to demote to prose


# --------------------------------------------------------------------------------------------
# Line classification


def _tab_cells(line: str, number: int) -> list[_Cell]:
    """Cells of a TAB-led line: every TAB starts a cell."""
    cells: list[_Cell] = []
    pos = line.index("\t")
    for seg in line[pos + 1:].split("\t"):
        text, off = _clean(seg)
        cells.append(_Cell(text, number, pos + 2 + off, number))
        pos += len(seg) + 1
    return cells


def _tsv_cells(line: str, number: int) -> list[_Cell] | None:
    """A TAB-separated row (``规章<TAB>0<TAB>0``), or None if it has fewer than two cells."""
    cells: list[_Cell] = []
    pos = 0
    for seg in line.split("\t"):
        text, off = _clean(seg)
        cells.append(_Cell(text, number, pos + 1 + off, number))
        pos += len(seg) + 1
    while cells and not cells[-1].text:
        cells.pop()
    return cells if sum(1 for c in cells if c.text) >= 2 else None


def _label_values_cells(line: str, number: int) -> list[_Cell] | None:
    """``规章 0 0 0`` → label and value cells; None unless the line is exactly that shape.

    Conservative on purpose: the values must be separate space-delimited tokens at the end of the
    line, and the label short, worded, with no full stop or trailing colon — so "2023年，共办理…7件"
    and "邮编： 255022" stay paragraphs.
    """
    text, off = _clean(line)
    tokens = [(m.start(), m.group()) for m in re.finditer(r"[^ \u3000\u00a0]+", text)]
    k = len(tokens)
    while k > 0 and is_value(tokens[k - 1][1]):
        k -= 1
    if k == 0 or k == len(tokens):
        return None
    label = text[:tokens[k][0]].rstrip(" \u3000\u00a0")
    if (len(label) > _MAX_LABEL or "。" in label or label.endswith((":", "：", "，", ","))
            or not _HAS_WORD.search(label) or is_value(label)):
        return None
    cells = [_Cell(label, number, off + 1, number)]
    cells += [_Cell(tok, number, off + start + 1, number) for start, tok in tokens[k:]]
    return cells


def _pipe_cells(line: str, number: int) -> list[_Cell]:
    """``| a | b |`` (outer pipes optional, ``\\|`` escapes a pipe) → cells with columns."""
    body_start = len(line) - len(line.lstrip())
    body = line.rstrip()
    cells: list[_Cell] = []
    start = body_start + 1 if body[body_start:body_start + 1] == "|" else body_start
    closed = body.endswith("|") and not body.endswith("\\|") and len(body) - 1 >= start
    end = len(body) - 1 if closed else len(body)
    pos = start
    for m in [*_PIPE_SPLIT.finditer(body, start, end), None]:
        stop = m.start() if m else end
        seg = body[pos:stop]
        text, off = _clean(seg)
        cells.append(_Cell(text.replace("\\|", "|"), number, pos + off + 1, number))
        if m:
            pos = m.end()
    return cells


def _classify(lines: list[str]) -> list[LineKind]:
    kinds: list[LineKind] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kinds.append("cell" if "\t" in line else "blank")
        elif line.lstrip(" ").startswith("\t"):
            kinds.append("cell")
        elif "|" in stripped and (
            (stripped.startswith("|") and stripped.count("|") >= 2)
            or _MD_SEP.fullmatch(stripped)
            or (i + 1 < len(lines) and "|" in lines[i + 1] and _MD_SEP.fullmatch(lines[i + 1].strip()))
            or (kinds and kinds[-1] == "pipe")
        ):
            kinds.append("pipe")
        elif "\t" in line or _label_values_cells(line, 0) is not None:
            kinds.append("row" if "\t" not in line or _tsv_cells(line, 0) else "text")
        else:
            kinds.append("text")
    return kinds


# --------------------------------------------------------------------------------------------
# The scanner


class _Scanner:
    """One pass over the lines, collecting paragraphs and table drafts in document order."""

    def __init__(self, lines: list[str], numbers: list[int] | None = None) -> None:
        self.lines = lines
        self.numbers = numbers if numbers is not None else list(range(1, len(lines) + 1))
        self.out: list[_Para | _Table] = []
        self.table: _Table | None = None
        self.row: list[_Cell] = []
        self.last_cell: _Cell | None = None
        self.blank_run = 0
        self.text_run: list[tuple[int, str]] = []

    def run(self) -> list[_Para | _Table]:
        kinds = _classify(self.lines)
        for number, line, kind in zip(self.numbers, self.lines, kinds, strict=True):
            getattr(self, f"_on_{kind}")(line, number)
            self.blank_run = self.blank_run + 1 if kind == "blank" else 0
        self._close_table()
        self._flush_text()
        return self.out

    # ---- per line kind

    def _on_blank(self, line: str, number: int) -> None:
        self._close_row()
        self.last_cell = None
        self._flush_text()
        if self.table and self.table.mode == "pipe":  # Markdown: a blank line ends a table
            self._close_table()

    def _on_cell(self, line: str, number: int) -> None:
        self._flush_text()
        if self.table is None or self.table.mode == "pipe":
            self._open("tab")
        elif self.table.mode == "rows":
            self.table.mode, self.table.confirmed = "tab", True
        assert self.table is not None
        self.table.lines.append((number, line))
        cells = _tab_cells(line, number)
        self.row.extend(cells)
        self.last_cell = cells[-1]

    def _on_text(self, line: str, number: int) -> None:
        cell = self.last_cell
        if cell is not None and self.table and self.blank_run == 0 and self._continues(cell, line):
            text, _ = _clean(line)
            if text:
                cell.text = f"{cell.text}\n{text}"
                cell.end_line = number
            return
        self._close_table()
        self.text_run.append((number, line))

    def _on_row(self, line: str, number: int) -> None:
        self._flush_text()
        cells = _tsv_cells(line, number) if "\t" in line else _label_values_cells(line, number)
        assert cells is not None
        if self.table is None or self.table.mode == "pipe":
            self._open("rows")
        assert self.table is not None
        self._close_row()
        if self.table.groups or self.table.mode == "tab":
            self.table.confirmed = True
        self.table.groups.append(cells)
        self.table.lines.append((number, line))
        self.last_cell = None

    def _on_pipe(self, line: str, number: int) -> None:
        self._flush_text()
        if self.table is None or self.table.mode != "pipe" or self.blank_run:
            self._open("pipe")
        assert self.table is not None
        self.table.confirmed = True
        self.table.lines.append((number, line))
        self.last_cell = None
        # The |---| row is markup only right under the header; elsewhere "| - | - |" is data.
        if len(self.table.groups) != 1 or not _MD_SEP.fullmatch(line.strip()):
            self.table.groups.append(_pipe_cells(line, number))

    # ---- helpers

    @staticmethod
    def _continues(cell: _Cell, line: str) -> bool:
        """A line right after a cell continues it — unless the cell is a value or empty (a table
        ends there) or the line is a numbered heading (a heading glued to the table)."""
        return bool(cell.text) and not is_value(cell.text) and not _ORDINAL_HEADING.match(line.lstrip(_WS))

    def _open(self, mode: Literal["tab", "pipe", "rows"]) -> None:
        self._close_table()
        self.table = _Table(mode, confirmed=mode != "rows")

    def _close_row(self) -> None:
        if self.table is not None and self.row:
            self.table.groups.append(self.row)
        self.row = []

    def _close_table(self) -> None:
        self._close_row()
        table, self.table, self.last_cell = self.table, None, None
        if table is None:
            return
        if table.confirmed:
            self.out.append(table)
        else:  # a lone "label followed by numbers" line: prose after all
            for number, line in table.lines:
                self.out.append(_para(line, number))

    def _flush_text(self) -> None:
        """Emit a run of consecutive prose lines, finding TAB-less one-cell-per-line tables in it."""
        run, self.text_run = self.text_run, []
        if run:
            self.out.extend(_split_text_run(run))


def _para(line: str, number: int) -> _Para:
    text, off = _clean(line)
    m = _ATX_HEADING.match(text)
    if m:  # Markdown "## 二、…": the marker is markup, like indentation; the builder wants "二、…"
        text, off = text[m.end():], off + m.end()
    return _Para(text, number, off + 1)


def _split_text_run(run: list[tuple[int, str]]) -> list[_Para | _Table]:
    """Paragraphs, except stretches of short lines holding several bare numbers, which are a table
    copied one cell per line (from a web page) and become one, rows inferred from the labels."""
    texts = [_clean(line)[0] for _, line in run]
    if sum(1 for t in texts if is_value(t)) < _MIN_BARE_VALUES:
        return [_para(line, n) for n, line in run]
    out: list[_Para | _Table] = []
    i = 0
    while i < len(run):
        # A stretch of cell-like lines: short, no full stop, not a section heading.
        j = i
        while j < len(run) and _cell_like(texts[j]):
            j += 1
        last_value = max((k for k in range(i, j) if is_value(texts[k])), default=-1)
        cells = [_Cell(texts[k], run[k][0], _clean(run[k][1])[1] + 1, run[k][0])
                 for k in range(i, last_value + 1)]
        if last_value >= 0 and sum(1 for c in cells if is_value(c.text)) >= _MIN_BARE_VALUES and (
                _values_after_labels(cells) >= 2 or _longest_value_run(cells) >= _MIN_VALUE_RUN):
            out.append(_Table("tab", [cells], confirmed=True))
            i = last_value + 1
        else:
            stop = max(j, i + 1)
            out.extend(_para(line, n) for n, line in run[i:stop])
            i = stop
            continue
        # Lines after the last value up to the stretch end are prose (a note, a heading).
        out.extend(_para(line, n) for n, line in run[i:j])
        i = max(j, i)
    return out


def _cell_like(text: str) -> bool:
    return bool(text) and len(text) <= _MAX_LABEL and "。" not in text and not _is_section_heading(text)


def _longest_value_run(cells: list[_Cell]) -> int:
    best = run = 0
    for c in cells:
        run = run + 1 if is_value(c.text) else 0
        best = max(best, run)
    return best


def _values_after_labels(cells: list[_Cell]) -> int:
    """How many label → value transitions (rows) a flat list of cells holds."""
    count, prev = 0, "e"
    for c in cells:
        k = _kind(c.text)
        if k == "v" and prev == "l":
            count += 1
        if k != "e":
            prev = k
    return count


# --------------------------------------------------------------------------------------------
# Groups → rows → grids


def _split_group(cells: list[_Cell]) -> list[list[_Cell]]:
    """Split the cells between two blank lines into rows when they hold several (one cell per
    line without blank lines between rows). A group is several rows when a label follows values
    and more values follow it; a lone trailing label (a remark) stays in its row.

    With TAB-only separator lines (every values → label step passes an empty cell), the first
    empty cell after a row's last value is the separator and is dropped; other empties lead the
    next row (merged-cell placeholders). Without separators, empties go to the next row too: a
    trailing blank would otherwise read as an unfilled value.
    """
    kinds = [_kind(c.text) for c in cells]
    if "v" not in kinds or "l" not in kinds:
        return [cells]
    # Candidate boundaries: (index just after the last value, index of the label) pairs.
    steps: list[tuple[int, int]] = []
    seen_value, after = False, 0
    for i, k in enumerate(kinds):
        if k == "v":
            seen_value, after = True, i + 1
        elif k == "l" and seen_value:
            if "v" in kinds[i + 1:]:
                steps.append((after, i))
            seen_value = False
    if not steps:
        return [cells]
    separated = all(label > cut for cut, label in steps)
    rows: list[list[_Cell]] = []
    start = 0
    if separated:
        # Split at every empty run that follows a non-empty cell and precedes a label.
        i = 0
        while i < len(cells):
            if kinds[i] == "e" and i > start and kinds[i - 1] != "e":
                j = i
                while j < len(cells) and kinds[j] == "e":
                    j += 1
                if j < len(cells) and kinds[j] == "l":
                    rows.append(cells[start:i])
                    start = i + 1  # drop the separator
                    i = j
                    continue
                i = j
                continue
            i += 1
    else:
        for cut, _label in steps:
            rows.append(cells[start:cut])
            start = cut
    rows.append(cells[start:])
    return [r for r in rows if r]


def _rows_of(table: _Table) -> list[list[_Cell]]:
    if table.mode != "tab":
        rows = table.groups
    else:
        rows = [r for g in table.groups for r in _split_group(g)]
    return [r for r in rows if any(c.text for c in r)]


def _pad(row: list[_Cell], width: int) -> list[tuple[_Cell, int]]:
    """(cell, origin column) for every grid position; a short row repeats one cell (see module doc)."""
    placed = [(c, i) for i, c in enumerate(row)]
    missing = width - len(row)
    if missing <= 0:
        return placed
    kinds = [_kind(c.text) for c in row]
    k = len(row)
    while k > 0 and kinds[k - 1] in ("v", "e"):
        k -= 1
    if 0 < k < len(row) and "v" in kinds[k:]:
        # Label then values: widen the label, keep the values under the rightmost columns.
        label = k - 1
        head = placed[:label + 1] + [(row[label], label)] * missing
        tail = [(c, i + missing) for c, i in placed[label + 1:]]
        return head + tail
    last = len(row) - 1
    return placed + [(row[last], last)] * missing


def _grid(table: _Table, index: int) -> TableBlock | None:
    rows = _rows_of(table)
    if not rows:
        return None
    width = max(len(r) for r in rows)
    grid: list[list[GridCell]] = []
    for r, row in enumerate(rows):
        made: dict[int, GridCell] = {}
        out_row: list[GridCell] = []
        for cell, origin in _pad(row, width):
            gc = made.get(origin)
            if gc is None:
                loc = Location(
                    line=cell.line, column=cell.column, end_line=cell.end_line,
                    table=index, row=r, cell=origin)
                gc = made[origin] = GridCell(text=cell.text, origin=(r, origin), location=loc)
            out_row.append(gc)
        grid.append(out_row)
    first = min(c.line for row in rows for c in row)
    last = max(c.end_line for row in rows for c in row)
    loc = Location(line=first, column=1, end_line=last, table=index)
    return TableBlock(rows=grid, location=loc)


def split_comments(text: str) -> tuple[list[str], list[int], list[Comment]]:
    """The text's lines without the lines HTML comments fill, the 1-based number of each line
    kept, and the comments addressed to the linter (located at their first and last line)."""
    lines = text.split("\n")
    if "<!--" not in text:
        return lines, list(range(1, len(lines) + 1)), []
    dropped: set[int] = set()
    comments: list[Comment] = []
    for m in _COMMENT_LINES.finditer(text):
        first = text.count("\n", 0, m.start()) + 1
        last = first + m.group(0).count("\n")
        dropped.update(range(first, last + 1))
        column = len(m.group(0)) - len(m.group(0).lstrip(" \t")) + 1
        comment = linter_comment(m.group(1), Location(line=first, column=column, end_line=last))
        if comment is not None:
            comments.append(comment)
    numbers = [n for n in range(1, len(lines) + 1) if n not in dropped]
    return [lines[n - 1] for n in numbers], numbers, comments


def parse_text(text: str) -> list[Block]:
    """Blocks of an already decoded text (LF line ends): paragraphs and tables in order.

    Public so that other text-like readers (Markdown, a plugin's format) can reuse the layouts.
    """
    return _parse(*split_comments(text)[:2]) if text else []


def _parse(lines: list[str], numbers: list[int]) -> list[Block]:
    blocks: list[Block] = []
    tables = 0
    for item in _Scanner(lines, numbers).run():
        if isinstance(item, _Para):
            if item.text:
                loc = Location(line=item.line, column=item.column, end_line=item.line)
                blocks.append(Paragraph(text=item.text, location=loc))
        else:
            block = _grid(item, tables)
            if block is not None:
                blocks.append(block)
                tables += 1
    return blocks


class TextReader:
    """The plain-text reader: the fallback for anything that decodes as text.

    Lowest priority (0): HTML, structured YAML/JSON and plugin formats that claim the same bytes
    win; whatever is left and is text is read here (a non-report text gets DL001 from the builder).
    """

    name = "text"
    priority = 0

    def sniff(self, head: bytes, path: str) -> bool:
        fmt = sniff_format(head)
        if fmt == "text":
            return True
        if fmt == "structured-candidate":  # YAML/JSON-looking but without the marker: text
            text = head_text(head)
            return text is not None and not has_structured_marker(text)
        return False

    def read(self, data: bytes, source: SourceInfo) -> Document:
        """Decode (BOM → UTF-8 → GB18030, `InputError` if binary) and parse; empty → no blocks."""
        try:
            text, encoding = decode_text(data)
        except InputError as err:
            raise err.at(source.path) from None
        if source.encoding is None:
            source = source.model_copy(update={"encoding": encoding})
        lines, numbers, comments = split_comments(text) if text else ([], [], [])
        return Document(source=source, blocks=_parse(lines, numbers), comments=comments)
