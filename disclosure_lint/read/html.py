"""HTML → `Document`: a report as a government website publishes it (docs/format.md §12).

Government CMS pages (TRS, 政务云 …) wrap the report in page chrome — navigation, breadcrumb, a
``<h1>`` page title, a "发布日期 / 来源 / 浏览次数" line, print links and a footer that carries the
*website's* address and phone. The report itself is a run of ``<p>`` paragraphs and three tables,
often pasted from Word (``class="MsoNormal"``, ``<o:p>``, numbers split over ``<span>``s) and, on
older sites, in markup no browser would call valid. What this reader does, and why:

* **Decoding** is ours, not the parser's: BOM → strict UTF-8 → the declared charset (``<meta
  charset>`` or ``http-equiv`` content type; gb2312/gbk read as GB18030) → GB18030, via
  `decode_with_declared`. Pages that declare gb2312 are often served as UTF-8, and pages that declare
  nothing are often GBK.
* **Parsing** with lxml's HTML parser (libxml2), never the stdlib ``html.parser``, which nests every
  cell of a table written without ``</td>`` inside the previous one. No network access, comments kept
  (inline suppressions ``<!-- disclosure-lint: disable=… -->`` are read from the page), and libxml2's
  default limits kept (``huge_tree=False``): a page nested deeper than 256 elements is refused with a
  clear message instead of being silently cut short.
* **Content root**: the deepest common ancestor of the *anchors* — data tables (tables without nested
  tables) that carry the standard tables' labels, and the section headings (一、总体情况 …). Only
  blocks inside it are read, so the footer's address can never be taken for the report's contact
  details. Layout tables (tables that contain tables) are walked as containers. Inside the root,
  page chrome (``nav``, ``footer``, breadcrumb, print/share tools, hidden elements, scripts, styles)
  is skipped. When the root lacks the title or the intro (统计期限, contact line) and the page has
  them just before it — the CMS's ``<h1>`` when the body does not repeat the title — those
  paragraphs are taken from there.
* **Paragraphs**: every block element (``p``, ``div`` with its own text, ``h1``–``h6``, ``li`` …) is
  a `Paragraph`; a ``<br>`` outside tables starts a new one, as a line break does in the text reader
  (CMS pages often write a whole report as one ``<div>`` of ``<br>``-separated lines). Runs of
  source white space collapse to one space as a browser shows them; leading indentation (``&nbsp;``
  ×8, ``　　``) is dropped; ``&nbsp;`` inside the text stays U+00A0.
* **Tables** are expanded with an occupancy map (the HTML table model): ``colspan``/``rowspan``
  clamped to sane values, ``rowspan="0"`` running to the end of its row group; ``<br>`` and block
  boundaries inside a cell are ``"\\n"``, never a new cell. A merged region repeats its text in every
  position it covers (`GridCell.origin` tells the copies apart); a short row widens its last cell, as
  the text reader does — never an invented blank, which would read as "not filled".
* **Locations**: the element's source line (libxml2 has no columns; lines past 65535 are unknown)
  and its element path (``/html/body/div[3]/…/table[2]/tbody/tr[5]/td[3]``); cells also carry table,
  row and column.
* A page that only **links to the report as an attachment** (.pdf/.doc/.docx/.wps/.xls/.ofd) gets a
  `Notice` (DL010) naming the link; the page's **publication date** (发布日期, or the CMS's
  ``PubDate`` meta) goes to `Document.published_on` for DL408.

Measured: about 5 ms for the seed page (parse < 1 ms; the rest is building the models).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..errors import InputError
from ..model import Comment, Document, GridCell, Location, Notice, NoticeKind, Paragraph, SourceInfo, TableBlock
from ..model.template import SECTIONS
from ..text.normalize import compact, label_key, nfkc, to_simplified
from .comments import linter_comment
from .decode import decode_with_declared
from .sniff import sniff_format

# --------------------------------------------------------------------------------------------
# Markup vocabulary

# Elements whose content is never report text.
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "iframe", "frame", "frameset",
    "noframes", "object", "embed", "applet", "svg", "math", "select", "option", "optgroup", "button",
    "textarea", "input", "map", "area", "audio", "video", "canvas", "o:p", "xml", "meta", "link",
    "base",
})
# Page chrome by element name (HTML5 sectioning used by newer CMSes).
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "header"})
# Page chrome by class/id token: navigation, breadcrumb, footer, print/share tools, pagers.
_CHROME_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|position|footer|foot|header|"
    r"share|bdshare|print|tools|toolbar|sidebar|copyright|pager|pagination|search)(?=$|[\s_-])",
    re.IGNORECASE,
)
# Elements that start and end a block of text (everything else is inline).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "legend",
})
# Block elements that may hold a whole report: what a content root can be.
_CONTAINER_TAGS = frozenset({
    "article", "blockquote", "body", "center", "dd", "div", "fieldset", "figure", "form", "html", "li",
    "main", "section", "td", "th",
})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAY_HIDE = re.compile(rb"hidden|display\s*:\s*none")  # on the lower-cased bytes: fast
# Common content containers of government CMSes, for pages without anchors.
_CONTENT_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:TRS_Editor|Custom_UnionStyle|zoom|article[_-]?content|content|main[_-]?content|"
    r"detail|xxgk[_-]?content|article)(?=$|[\s_-])",
    re.IGNORECASE,
)

_COLLAPSE = re.compile(r"[ \t\n\r\f]+")  # what a browser collapses: ASCII white space only
_EDGE_WS = " \t\n\r\f\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"  # indentation and stray edges
_INT = re.compile(r"\s*\+?(\d+)")
_MAX_COLSPAN = 1000  # the HTML standard's limit
_MAX_ROWSPAN = 65534
_MAX_COLUMNS = 200  # no report table is wider; bounds the grid a hostile page can ask for
_UNKNOWN_LINE = 65535  # libxml2 stores lines in 16 bits: this value means "somewhere after"

# --------------------------------------------------------------------------------------------
# What the report's text looks like

_ORDINAL = re.compile(r"([一二三四五六七八九十]+)\s*[、.．，,]")
_SECTION_KEYS = tuple(label_key(h) for s in SECTIONS for h in (s.heading, *s.variants))
# Labels of the three standard tables (a subset of the builder's markers): two make a report table.
_TABLE_MARKERS = (
    "第二十条", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年新制作数量",
    "本年新收", "上年结转", "申请人情况", "予以公开", "不予公开", "无法提供", "不予处理",
    "行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结",
)
_MIN_MARKERS = 2
_TITLE = re.compile(r"(?:政府信息公开|政务公开).*(?:年度报告|工作报告|年报)")
_YEAR = re.compile(r"(?:19|20)\d\d年|[〇零○一二三四五六七八九]{4}年")
_TITLE_MAX = 80
_HEADING_MAX = 200  # a block longer than this is prose that happens to start with a numeral
_INTRO = re.compile(r"统计期限|统计时限|统计期间|如对.{0,6}报告")
# A page-chrome line that sits inside the content: the breadcrumb, the print/close tools, the font
# size switch, or a line of article metadata (two labels or more: 发布日期 … 来源 … 浏览次数). One label
# alone is not enough: "全年门户网站浏览量：120万次" is report text.
_CHROME_LINE = re.compile(
    r"^(?:当前位置|您的位置|您当前的位置|当前所在位置|所在位置)\s*[:：]|【\s*(?:打印|关闭)|字号\s*[:：]\s*\[?\s*[大中小]"
)
_META_LABEL = re.compile(r"(?:发布日期|发布时间|信息来源|来源|作者|浏览次数|访问次数|点击数|阅读次数|浏览量|访问量)\s*[:：]")
_CHROME_LINE_MAX = 200

# Attachments (DL010)
_ATTACHMENT_EXT = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|et|ofd)$", re.IGNORECASE)
_REPORT_NAME = re.compile(r"年度报告|年报")
_GENERIC_LINK = re.compile(r"附件|下载|点击|查看|全文|原文|pdf|word", re.IGNORECASE)

# Publication date (DL408)
_DATE = r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_PUBLISHED = re.compile(
    rf"(?:(?:发布|公开|发表)(?:日期|时间)|发布于)\s*[:：]?\s*{_DATE}"
    rf"|(?<![\u3400-\u9fff])(?:日期|时间)\s*[:：]\s*{_DATE}"
)
_DATE_ONLY = re.compile(_DATE)
_PUBDATE_META = frozenset({
    "pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime",
    "article:published_time", "og:article:published_time", "dcterms.issued", "datepublished",
})

# Declared charset in the first bytes: <meta charset=…>, http-equiv content type, XML declaration.
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*?encoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)
_DECLARED_SCAN = 65536

TOO_DEEP_ZH = "页面的元素嵌套超过 256 层，无法可靠读取（文件可能已损坏）；请检查该 HTML 文件"
TOO_DEEP_EN = ("the page nests elements more than 256 deep and cannot be read reliably (a damaged file?); "
               "check the HTML file")


# --------------------------------------------------------------------------------------------
# Small helpers


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares for itself in its first 64 KiB, or None."""
    m = _DECLARED.search(data, 0, _DECLARED_SCAN)
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii", "replace")


def _clean(text: str) -> str:
    """Collapse source white space as a browser shows it and drop indentation at both ends."""
    return _COLLAPSE.sub(" ", text).strip(_EDGE_WS)


def _line(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if line is not None and 0 < line < _UNKNOWN_LINE else None


def _end_line(el: etree._Element) -> int | None:
    """Roughly where an element ends: the line of its last descendant (for the text after it)."""
    last = el
    while len(last):
        last = last[-1]
    return _line(last)


def _tag(el: etree._Element) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _settable(text: str) -> str:
    """lxml refuses to *set* text holding C0 controls it happily parsed; keep them visible as
    U+FFFD so a rejoined tail never makes the reader raise."""
    return _XML_INCOMPATIBLE.sub("\ufffd", text)


def _drop(el: etree._Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = _settable((prev.tail or "") + el.tail)
        else:
            parent.text = _settable((parent.text or "") + el.tail)
    parent.remove(el)


def _prune(body: etree._Element, may_hide: bool) -> None:
    """Remove what is never report text — scripts, styles, forms, Word's ``<o:p>``, elements hidden
    with ``hidden`` or ``display:none`` — once, up front, so the walkers need not test every
    element. The hidden ones are searched for only when the page mentions hiding at all.
    Comments stay (inline suppressions are read from them)."""
    etree.strip_elements(body, *_SKIP_TAGS, with_tail=False)
    if not may_hide:
        return
    hidden = [el for el in body.iter() if isinstance(el.tag, str) and (
        el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""))]
    for el in hidden:
        _drop(el)


def _chrome(el: etree._Element, tag: str) -> bool:
    if tag in _CHROME_TAGS:
        return True
    if tag in _TABLE_PARTS:
        return False
    for attr in ("class", "id"):
        value = el.get(attr)
        if value and _CHROME_TOKEN.search(value):
            return True
    return False


def _chrome_line(text: str) -> bool:
    if len(text) > _CHROME_LINE_MAX:
        return False
    return _CHROME_LINE.search(text) is not None or len(_META_LABEL.findall(text)) >= 2


def _is_heading(text: str) -> bool:
    """A section heading of the national format: 一、总体情况 … 六、其他需要报告的事项."""
    m = _ORDINAL.match(text)
    if not m or m.group(1) not in "一二三四五六":
        return False
    key = label_key(to_simplified(text[m.end():]))
    return bool(key) and any(k and (key.startswith(k) or k.startswith(key)) for k in _SECTION_KEYS)


def _key(text: str) -> str:
    return compact(nfkc(to_simplified(text)))


def _is_title(text: str) -> bool:
    key = _key(text)
    return 0 < len(key) <= _TITLE_MAX and _TITLE.search(key) is not None and _YEAR.search(key) is not None


def _is_report_table(table: etree._Element) -> bool:
    key = _key(_text_content(table))
    return sum(1 for m in _TABLE_MARKERS if m in key) >= _MIN_MARKERS


def _span(value: str | None, default: int, low: int, high: int) -> int:
    """An HTML non-negative integer attribute ("2", " 3px", junk → default), clamped."""
    m = _INT.match(value) if value else None
    n = int(m.group(1)) if m else default
    return max(low, min(n, high))


# --------------------------------------------------------------------------------------------
# Tables: the HTML table model with an occupancy map


@dataclass(slots=True, eq=False)
class _Region:
    """One ``<td>``/``<th>``: its text, the grid position of its top-left corner, its element
    and that element's path."""

    text: str
    row: int
    col: int
    element: etree._Element
    path: str


@dataclass(slots=True)
class _TableDraft:
    element: etree._Element
    rows: list[list[_Region]]


def _cell_text(cell: etree._Element) -> str:
    """A cell's text: ``<br>`` and block boundaries are line breaks, each line cleaned."""
    lines: list[list[str]] = [[]]

    def walk(el: etree._Element) -> None:
        if el.text:
            lines[-1].append(el.text)
        for child in el:
            tag = child.tag  # libxml2 lower-cases HTML tag names
            if isinstance(tag, str):
                if tag == "br":
                    lines.append([])
                elif tag in _BLOCK_TAGS:
                    lines.append([])
                    walk(child)
                    lines.append([])
                else:
                    walk(child)
            if child.tail:
                lines[-1].append(child.tail)

    walk(cell)
    if len(lines) == 1:
        return _clean("".join(lines[0]))
    texts = (_clean("".join(parts)) for parts in lines if parts)
    return "\n".join(t for t in texts if t)


def _row_groups(table: etree._Element) -> tuple[list[list[etree._Element]], list[etree._Element]]:
    """The table's rows by row group (thead/tbody/tfoot; consecutive bare ``<tr>`` form one), and
    the stray elements a browser would show before the table (foster-parented content)."""
    groups: list[list[etree._Element]] = []
    stray: list[etree._Element] = []
    bare: list[etree._Element] | None = None
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            if bare is None:
                bare = []
                groups.append(bare)
            bare.append(child)
            continue
        bare = None
        if tag in _ROW_GROUPS:
            rows = [r for r in child if _tag(r) == "tr"]
            if rows:
                groups.append(rows)
            stray.extend(c for c in child if _tag(c) not in (None, "tr"))
        elif tag is not None and tag not in ("caption", "colgroup", "col"):
            stray.append(child)
    return groups, stray


def _place(grid: list[list[_Region | None]], region: _Region, last_row: int, last_col: int) -> None:
    """Occupy the region's rectangle; a slot already taken (overlapping spans, a table model
    error) keeps its first occupant, as browsers draw it."""
    for rr in range(region.row, last_row + 1):
        target = grid[rr]
        if len(target) <= last_col:
            target.extend([None] * (last_col + 1 - len(target)))
        for cc in range(region.col, last_col + 1):
            if target[cc] is None:
                target[cc] = region


def _cell_paths(tree: etree._ElementTree, tr: etree._Element) -> list[tuple[etree._Element, str]]:
    """The row's cells with their element paths, as ``getpath`` writes them (``td[3]``, or ``td``
    for an only child of its name) — built from the row's path, because ``getpath`` counts the
    siblings of every step and would make a long table quadratic."""
    cells = [c for c in tr if c.tag in ("td", "th")]
    base = tree.getpath(tr)
    counts = {tag: sum(1 for c in tr if c.tag == tag) for tag in {c.tag for c in cells}}
    seen: dict[str, int] = {}
    out: list[tuple[etree._Element, str]] = []
    for cell in cells:
        tag = cell.tag
        seen[tag] = seen.get(tag, 0) + 1
        out.append((cell, f"{base}/{tag}[{seen[tag]}]" if counts[tag] > 1 else f"{base}/{tag}"))
    return out


def _table_grid(table: etree._Element, tree: etree._ElementTree) -> list[list[_Region]]:
    """The grid of a data table: every position holds the region covering it."""
    grid: list[list[_Region | None]] = []
    for group in _row_groups(table)[0]:
        end = len(grid) + len(group)
        start = len(grid)
        grid.extend([] for _ in group)
        for r, tr in enumerate(group, start):
            row, c = grid[r], 0
            for cell, path in _cell_paths(tree, tr):
                while c < len(row) and row[c] is not None:
                    c += 1
                if c >= _MAX_COLUMNS:
                    break
                colspan, rowspan = cell.get("colspan"), cell.get("rowspan")
                last_col = min(c + _span(colspan, 1, 1, _MAX_COLSPAN), _MAX_COLUMNS) - 1 if colspan else c
                if rowspan is None:
                    last_row = r
                else:
                    span = _span(rowspan, 1, 0, _MAX_ROWSPAN)  # 0: to the end of the row group
                    last_row = end - 1 if span == 0 else min(r + span - 1, end - 1)
                _place(grid, _Region(_cell_text(cell), r, c, cell, path), last_row, last_col)
                c = last_col + 1
    # Rows no cell reaches (an empty <tr>) are not rows a reader sees: drop them, renumber.
    kept = [row for row in grid if any(row)]
    if not kept:
        return []
    if len(kept) < len(grid):
        seen: set[int] = set()
        for i, row in enumerate(kept):
            for slot in row:
                if slot is not None and id(slot) not in seen:
                    seen.add(id(slot))
                    slot.row = i
    width = max(len(row) for row in kept)
    out: list[list[_Region]] = []
    for row in kept:
        if len(row) == width and all(row):
            out.append(row)  # type: ignore[arg-type]
            continue
        row.extend([None] * (width - len(row)))
        # A gap (a short row) widens the region on its left; a leading one takes the first on its right.
        first = next(slot for slot in row if slot is not None)
        filled: list[_Region] = []
        for slot in row:
            filled.append(slot if slot is not None else (filled[-1] if filled else first))
        out.append(filled)
    return out


# --------------------------------------------------------------------------------------------
# The block walker


@dataclass(slots=True)
class _ParaDraft:
    text: str
    line: int | None
    element: etree._Element  # the innermost block element holding it


class _Stop(Exception):
    """Raised to end a walk when it reaches the content root (the walk before the root)."""


class _Walker:
    """Turns an element's content into paragraph and table drafts in document order."""

    def __init__(self, keep: set[etree._Element], stop: etree._Element | None = None, grids: bool = True) -> None:
        self.keep = keep  # anchors and their ancestors: never skipped as chrome
        self.stop = stop
        self.grids = grids  # False: every table is walked as a container (the walk before the root)
        self.items: list[_ParaDraft | _TableDraft] = []
        self.parts: list[str] = []
        self.start: tuple[int | None, etree._Element] | None = None
        self.blocks: list[etree._Element] = []
        self.pre = 0
        # Paragraphs of skipped <header> elements: an HTML5 article's header holds its title,
        # which the title rescue may need (`_rescued`).
        self.headers: list[_ParaDraft] = []

    def run(self, root: etree._Element) -> list[_ParaDraft | _TableDraft]:
        self.blocks.append(root)
        try:
            self._walk(root)
        except _Stop:
            pass
        self._flush()
        return self.items

    # ---- text

    def _text(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if self.pre:
            pieces = text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self._flush()
                self._add(piece, None if line is None else line + i)
            return
        self._add(text, line)

    def _add(self, text: str, line: int | None) -> None:
        if self.start is None:
            content = text.lstrip(_EDGE_WS)
            if not content:
                return  # white space or indentation before a paragraph's first character
            if line is not None:
                line += text[: len(text) - len(content)].count("\n")
            self.start = (line, self.blocks[-1])
            text = content
        self.parts.append(text)

    def _flush(self) -> None:
        if self.start is None:
            return
        text = _clean("".join(self.parts))
        line, element = self.start
        self.parts, self.start = [], None
        if text and not _chrome_line(text):
            self.items.append(_ParaDraft(text, line, element))

    # ---- elements

    def _skipped(self, el: etree._Element, tag: str) -> bool:
        return el not in self.keep and _chrome(el, tag)

    def _walk(self, el: etree._Element) -> None:
        self._text(el.text, _line(el))
        for child in el:
            tag = _tag(child)
            if tag is None:  # comment, processing instruction
                self._text(child.tail, _line(child))
                continue
            if child is self.stop:
                raise _Stop
            if self._skipped(child, tag):
                if tag == "header":
                    sub = _Walker(self.keep, grids=False)
                    self.headers.extend(p for p in sub.run(child) if isinstance(p, _ParaDraft))
                self._text(child.tail, _end_line(child))
                continue
            if tag == "br":
                self._flush()
                self._text(child.tail, _line(child))
                continue
            if tag == "table":
                self._flush()
                self._table(child)
                self._text(child.tail, _end_line(child))
                continue
            if tag in _BLOCK_TAGS:
                self._flush()
                self.blocks.append(child)
                self.pre += tag == "pre"
                self._walk(child)
                self.pre -= tag == "pre"
                self.blocks.pop()
                self._flush()
                self._text(child.tail, _end_line(child))
                continue
            self._walk(child)  # inline: <span>, <strong>, <font>, <a>, <st1:chsdate> …
            self._text(child.tail, _end_line(child))

    def _block(self, el: etree._Element) -> None:
        self.blocks.append(el)
        self._walk(el)
        self.blocks.pop()
        self._flush()

    def _table(self, table: etree._Element) -> None:
        if not self.grids or table.find(".//table") is not None:  # a layout table: cells are containers
            self._block(table)
            return
        for child in table:
            if _tag(child) == "caption":
                self._block(child)
        for stray in _row_groups(table)[1]:  # shown before the table by a browser
            self._block(stray)
        rows = _table_grid(table, table.getroottree())
        if rows:
            self.items.append(_TableDraft(table, rows))


# --------------------------------------------------------------------------------------------
# Finding the report in the page


def _heading_elements(body: etree._Element) -> list[etree._Element]:
    """Block elements whose text is a section heading (一、总体情况 …), found from the text
    nodes that start with 一 … 六 (the heading may be split over several spans)."""
    found: list[etree._Element] = []
    seen: set[etree._Element] = set()
    for el in body.iter():
        own = el.text if isinstance(el.tag, str) else None  # a comment's text is not content
        for text, holder in ((own, el), (el.tail, el.getparent())):
            first = text.lstrip(_EDGE_WS)[:1] if text else ""
            if not first or first not in "一二三四五六" or holder is None:
                continue
            block = holder
            while block is not None and block.tag not in _BLOCK_TAGS:
                block = block.getparent()
            if block is None or block in seen:
                continue
            seen.add(block)
            content = _text_content(block)
            if len(content) <= _HEADING_MAX and _is_heading(_clean(content)):
                found.append(block)
    return found


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    chains = [[el, *el.iterancestors()][::-1] for el in elements]
    common = chains[0]
    for chain in chains[1:]:
        n = 0
        while n < len(common) and n < len(chain) and common[n] is chain[n]:
            n += 1
        common = common[:n]
    return common[-1]


def _content_root(body: etree._Element, anchors: list[etree._Element]) -> etree._Element:
    """The deepest common ancestor of the anchors, widened to a container element; without
    anchors, the CMS's content container or the body."""
    if anchors:
        root = _common_ancestor(anchors)
        while (root is not body and root.getparent() is not None
               and (root in anchors or _tag(root) not in _CONTAINER_TAGS or _tag(root) == "html")):
            root = root.getparent()
        return root
    for el in body.iter("article", "main", "div", "td"):
        named = any(_CONTENT_TOKEN.search(el.get(attr) or "") for attr in ("class", "id"))
        if (named or _tag(el) in ("article", "main")) and _text_content(el).strip():
            return el
    return body


def _rescued(before: list[_ParaDraft | _TableDraft], inside: list[_ParaDraft | _TableDraft]) -> list[_ParaDraft]:
    """The title and intro from just before the content root (or from its ``<header>``), when the
    root lacks them."""
    head: list[_ParaDraft] = []
    for item in inside:
        if isinstance(item, _ParaDraft):
            if _is_heading(item.text):
                break
            head.append(item)
        else:
            break
    has_title = any(_is_title(p.text) for p in head)
    has_intro = any(_INTRO.search(p.text) for p in head)
    paras = [p for p in before if isinstance(p, _ParaDraft)]
    out: list[_ParaDraft] = []
    if not has_title:
        titles = [p for p in paras if _is_title(p.text)]
        if titles:
            out.append(titles[-1])  # the one nearest the content: the page title, not a menu entry
    if not has_intro:
        out.extend(p for p in paras if _INTRO.search(p.text) and p not in out)
    return sorted(out, key=lambda p: paras.index(p))


def _attachment(doc: etree._Element) -> tuple[str, etree._Element] | None:
    """The first link or embedded viewer that carries the report as a file."""
    page_title = any(_is_title(_text_content(el)) for el in doc.iter("h1", "h2", "title"))
    for el in doc.iter("a", "iframe", "embed", "object"):
        tag = _tag(el)
        url = el.get("href") if tag == "a" else el.get("src") or el.get("data")
        if not url or not url.strip():
            continue
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            continue
        # The file's name: the path's last segment, or a query value (a viewer's ?file=…pdf).
        names = [unquote(parts.path).rsplit("/", 1)[-1]]
        names += [unquote(v).rsplit("/", 1)[-1] for q in parts.query.split("&") for v in q.split("=")[1:2]]
        label = _text_content(el) if tag == "a" else ""
        title = el.get("title") or ""
        if not any(_ATTACHMENT_EXT.search(t.strip()) for t in (*names, label, title) if t):
            continue
        words = _key(" ".join((label, title, *names)))
        if _REPORT_NAME.search(words) or (page_title and (tag != "a" or _GENERIC_LINK.search(words))):
            return url.strip(), el
    return None


def _valid_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def published_date(doc: etree._Element) -> date | None:
    """The page's publication date: a 发布日期/发布时间 line, else the CMS's PubDate meta."""
    body = doc.find("body")
    if body is not None:
        # Text nodes joined with line breaks, so a label cannot run into the text of another element.
        text = nfkc("\n".join(body.itertext()))
        for m in _PUBLISHED.finditer(text):
            groups = [g for g in m.groups() if g is not None]
            found = _valid_date(*groups[:3])
            if found:
                return found
    for meta in doc.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if name in _PUBDATE_META:
            dm = _DATE_ONLY.search(unicodedata.normalize("NFKC", meta.get("content") or ""))
            found = _valid_date(*dm.groups()) if dm else None
            if found:
                return found
    return None


# --------------------------------------------------------------------------------------------
# Parsing and assembly


def parse_html(data: bytes, path: str = "") -> tuple[etree._Element | None, str]:
    """Decode and parse a page: (root element or None for an empty page, codec). `InputError`
    for bytes that are not text or a page nested too deep to read reliably."""
    try:
        text, codec = decode_with_declared(data, declared_charset(data))
    except InputError as err:
        raise err.at(path) from None
    # etree's HTML parser, not lxml.html's: the same libxml2 parser without lxml.html's per-element
    # class lookup, which costs more than the parse itself.
    parser = etree.HTMLParser(no_network=True, remove_comments=False, remove_pis=False,
                              huge_tree=False, encoding="utf-8")
    try:
        doc = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.LxmlError, ValueError) as exc:
        raise InputError(f"无法解析 HTML：{exc}", f"cannot parse the HTML: {exc}").at(path) from None
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            if entry.type_name == "ERR_RESOURCE_LIMIT":
                raise InputError(TOO_DEEP_ZH, TOO_DEEP_EN).at(path)
            raise InputError(f"无法完整解析 HTML（第{entry.line}行：{entry.message.strip()}）",
                             f"cannot parse the whole HTML (line {entry.line}: {entry.message.strip()})").at(path)
    return doc, codec  # None: nothing but white space and comments


def _text_content(el: etree._Element) -> str:
    return "".join(el.itertext())


def _location(tree: etree._ElementTree, el: etree._Element, line: int | None, *, table: int | None = None,
              row: int | None = None, cell: int | None = None) -> Location:
    return Location(line=line, path=tree.getpath(el), table=table, row=row, cell=cell)


def read_html(data: bytes, source: SourceInfo) -> Document:
    """The `Document` of an HTML page (see the module docstring)."""
    doc, codec = parse_html(data, source.path)
    if source.encoding is None:
        source = source.model_copy(update={"encoding": codec})
    if doc is None:
        return Document(source=source, blocks=[])
    body = doc.find("body")
    if body is None:
        body = doc
    tree = doc.getroottree()
    published_on = published_date(doc)
    attachment = _attachment(doc)  # before pruning: viewers are <iframe>/<embed>/<object>
    comments = _linter_comments(doc, tree)
    _prune(body, _MAY_HIDE.search(data.lower()) is not None)

    tables = [t for t in body.iter("table") if t.find(".//table") is None]
    anchors = [t for t in tables if _is_report_table(t)] + _heading_elements(body)
    root = _content_root(body, anchors)
    keep: set[etree._Element] = {root, *root.iterancestors()}
    for a in anchors:
        keep.add(a)
        keep.update(a.iterancestors())

    walker = _Walker(keep)
    inside = walker.run(root)
    before = _Walker(keep, stop=root, grids=False).run(body) if root is not body else []
    items: list[_ParaDraft | _TableDraft] = [*_rescued([*before, *walker.headers], inside), *inside]

    blocks: list[Paragraph | TableBlock] = []
    t = 0
    for item in items:
        if isinstance(item, _ParaDraft):
            blocks.append(Paragraph(text=item.text, location=_location(tree, item.element, item.line)))
            continue
        made: dict[int, GridCell] = {}
        rows: list[list[GridCell]] = []
        for row in item.rows:
            out: list[GridCell] = []
            for region in row:
                cell = made.get(id(region))
                if cell is None:
                    loc = Location(line=_line(region.element), path=region.path, table=t, row=region.row,
                                   cell=region.col)
                    cell = made[id(region)] = GridCell(text=region.text, origin=(region.row, region.col),
                                                       location=loc)
                out.append(cell)
            rows.append(out)
        blocks.append(TableBlock(rows=rows, location=_location(tree, item.element, _line(item.element), table=t)))
        t += 1

    notices: list[Notice] = []
    if not anchors and attachment is not None:
        href, el = attachment
        notices.append(Notice(kind=NoticeKind.ATTACHMENT_ONLY, detail=href, location=_location(tree, el, _line(el))))
    return Document(source=source, blocks=blocks, notices=notices, comments=comments, published_on=published_on)


def _linter_comments(doc: etree._Element, tree: etree._ElementTree) -> list[Comment]:
    """Comments addressed to the linter anywhere in the page (inline suppressions), in source
    order — also those before ``<html>`` or after ``</html>``, which libxml2 keeps as siblings."""
    nodes = [*reversed(list(doc.itersiblings(etree.Comment, preceding=True))), *doc.iter(etree.Comment),
             *doc.itersiblings(etree.Comment)]
    out: list[Comment] = []
    for node in nodes:
        end = _line(node)  # libxml2 records the line a comment *ends* on
        start = end - (node.text or "").count("\n") if end is not None else None
        comment = linter_comment(node.text, Location(line=start, end_line=end, path=tree.getpath(node)))
        if comment is not None:
            out.append(comment)
    return out


class HtmlReader:
    """Web pages (government CMS exports, saved pages), sniffed from the bytes (``<html``,
    ``<!DOCTYPE``, any leading tag). Priority 20: above the plain-text fallback (0), below the
    structured YAML/JSON form (50), which never claims markup."""

    name = "html"
    priority = 20

    def sniff(self, head: bytes, path: str) -> bool:
        return sniff_format(head) == "html"

    def read(self, data: bytes, source: SourceInfo) -> Document:
        return read_html(data, source)
