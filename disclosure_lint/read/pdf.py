"""PDF (text layer) → `Document`, with pdfplumber (docs/format.md §12).

Per page: tables from ruling lines (``find_tables``) and the text lines outside them (pdfplumber's
line clustering), page-number lines dropped, then blocks in reading order, top to bottom. Across
pages: a table that ends a page and one that starts the next with matching edges are one table
(`pdf_tables`), and paragraphs run on across the break (`pdf_text`).

Locations are pages (1-based) and boxes ``(x0, top, x1, bottom)`` in PDF points from the top-left
corner; table cells also carry their grid row and column. PDF has no line numbers.

A PDF without text (a scan) or whose glyphs map to no characters (``(cid:N)``) cannot be checked:
the document comes back empty with a `Notice` that it needs OCR (DL009). A PDF that needs a
password to open, or that is not a readable PDF at all, is an `InputError`. pdfplumber opens PDFs
encrypted with an empty user password (the usual "no copying" protection) by itself.
"""

from __future__ import annotations

import logging
import re
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from statistics import median
from typing import Any

from ..errors import InputError
from ..limits import PdfLimits
from ..model import Block, Document, Location, Notice, NoticeKind, Paragraph, SourceInfo
from .pdf_limits import DEFAULT_LIMITS, Budget, PdfLimitError, bounded
from .pdf_limits import pages as bounded_pages
from .pdf_tables import PartBuilder, Table, continues, stitch, to_block
from .pdf_text import Line, is_page_number, margins, paragraphs
from .sniff import sniff_format

_CID = re.compile(r"\(cid:\d+\)")
_MAX_CID_SHARE = 0.3  # more unmapped glyphs than this: the text is not usable

PASSWORD_ZH = "PDF 文件设置了打开密码，无法读取；请去掉密码（另存为不加密的 PDF）后再检查"
PASSWORD_EN = "the PDF is password-protected; save an unencrypted copy and lint that"
BROKEN_ZH = "不是可读取的 PDF 文件：文件已损坏、不完整或格式有误"
BROKEN_EN = "not a readable PDF: the file is damaged, truncated or malformed"


@dataclass
class _Page:
    number: int
    lines: list[Line]
    tables: list[Table]
    chars: int  # visible characters on the page, page numbers not counted
    cid_chars: int


def _parse_errors() -> tuple[type[BaseException], ...]:
    """What pdfminer/pdfplumber raise on a broken file (pdfplumber wraps most in its own types)."""
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (PdfminerException, MalformedPDFException, PDFException, PSException, ValueError, KeyError,
            TypeError, AttributeError, IndexError, AssertionError, EOFError, OverflowError,
            RecursionError, struct.error, zlib.error)


def _found(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    """The first exception of ``kinds`` in ``exc``'s chain (pdfplumber wraps pdfminer's errors,
    and ours raised inside pdfminer, in its own types)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, kinds):
            return current
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__cause__ or current.__context__
    return None


def _password_error(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return _found(exc, (PDFPasswordIncorrect, PDFEncryptionError)) is not None


def _read_page(page: Any, number: int) -> _Page:
    """Lines outside tables and table parts of one pdfplumber page."""
    from pdfplumber.utils.text import chars_to_textmap

    chars = page.chars
    builders = []
    for found in page.find_tables():
        if len(found.cells) >= 2:
            builder = PartBuilder(found.cells, number)
            if builder.usable:
                builders.append(builder)
    outside: list[dict[str, Any]] = []
    cid_chars = 0
    for ch in chars:
        text = ch["text"]
        if _CID.fullmatch(text):
            cid_chars += 1
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for b in builders:
            if b.contains(x, y) and b.add(ch, x, y):
                break
        else:
            outside.append(ch)
    lines: list[Line] = []
    counted = sum(1 for ch in chars if not ch["text"].isspace())
    if outside:
        for tl in chars_to_textmap(outside).extract_text_lines(strip=True, return_chars=True):
            box = (tl["x0"], tl["top"], tl["x1"], tl["bottom"])
            if is_page_number(tl["text"], box, page.width, page.height):
                # A scan with a page number stamped on is still a scan.
                counted -= sum(1 for ch in tl["chars"] if not ch["text"].isspace())
                continue
            size = median(c["size"] for c in tl["chars"]) if tl["chars"] else 0.0
            lines.append(Line(text=tl["text"], box=box, size=float(size), page=number))
    return _Page(number, lines, [b.build() for b in builders], counted, cid_chars)


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every odd font or object as a warning; on a linter's stderr that is noise
    (what matters comes back as a finding or an input error). Restored afterwards."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _load(data: bytes, limits: PdfLimits = DEFAULT_LIMITS) -> list[_Page]:
    """Every page read, within ``limits`` (`pdf_limits`: decompression bombs, glyph floods)."""
    import pdfplumber

    budget = Budget(limits)
    try:
        with _quiet_pdfminer(), bounded(budget), pdfplumber.open(BytesIO(data)) as pdf:
            read = []
            for page in bounded_pages(pdf, budget):
                read.append(_read_page(page, page.page_number))
                page.close()  # free the page's parsed objects: long reports stay small in memory
            return read
    except _parse_errors() as exc:
        limit = _found(exc, (PdfLimitError,))
        if isinstance(limit, PdfLimitError):
            raise InputError(limit.zh, limit.en) from None
        if _password_error(exc):
            raise InputError(PASSWORD_ZH, PASSWORD_EN) from None
        raise InputError(BROKEN_ZH, BROKEN_EN) from None


def _blocks(pages: list[_Page]) -> list[Block]:
    """Paragraphs and tables in reading order, tables stitched across page breaks."""
    m = margins([ln for p in pages for ln in p.lines])
    items: list[Line | Table] = []  # reading order; a Table may grow by stitching
    last_on_page: Table | None = None  # the table that ended the previous page, if one did
    for page in pages:
        ordered: list[tuple[float, int, Line | Table]] = [(ln.box[1], 1, ln) for ln in page.lines]
        ordered += [(t.box[1], 0, t) for t in page.tables]
        ordered.sort(key=lambda t: (t[0], t[1]))
        for i, (_top, _kind, item) in enumerate(ordered):
            if i == 0 and isinstance(item, Table) and last_on_page is not None and continues(last_on_page, item):
                stitch(last_on_page, item)
                continue
            items.append(item)
        tail = items[-1] if items else None
        last_on_page = tail if isinstance(tail, Table) and tail.last_page == page.number else None
    blocks: list[Block] = []
    run: list[Line] = []
    tables = 0

    def flush() -> None:
        for para in paragraphs(run, m):
            text = para.text
            if text:
                blocks.append(Paragraph(text=text, location=Location(page=para.page, bbox=_round(para.box))))
        run.clear()

    for item in items:
        if isinstance(item, Line):
            run.append(item)
            continue
        flush()
        blocks.append(to_block(item, tables))
        tables += 1
    flush()
    return blocks


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


def _no_text_notice(pages: list[_Page]) -> Notice | None:
    """DL009: no characters at all (a scan), or mostly glyphs without a character map."""
    total = sum(p.chars for p in pages)
    cids = sum(p.cid_chars for p in pages)
    if total == 0:
        return Notice(kind=NoticeKind.NO_TEXT_LAYER, detail="needs OCR: no text layer (scanned pages)",
                      location=Location(page=1) if pages else Location())
    if cids > _MAX_CID_SHARE * total:
        first = next(p.number for p in pages if p.cid_chars)
        return Notice(kind=NoticeKind.NO_TEXT_LAYER,
                      detail=f"needs OCR: {cids} of {total} glyphs have no character map ((cid:N))",
                      location=Location(page=first))
    return None


def read_pdf(data: bytes, limits: PdfLimits = DEFAULT_LIMITS) -> tuple[list[Block], list[Notice]]:
    """Blocks and notices of a PDF's bytes. Raises `InputError` (one line, without the path)."""
    pages = _load(data, limits)
    if not pages:
        raise InputError(BROKEN_ZH, BROKEN_EN)
    notice = _no_text_notice(pages)
    if notice is not None:
        return [], [notice]
    return _blocks(pages), []


class PdfReader:
    """The PDF reader (text layer only; scans get DL009 instead of a guess)."""

    name = "pdf"
    priority = 40

    def __init__(self, limits: PdfLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits

    def sniff(self, head: bytes, path: str) -> bool:
        return sniff_format(head) == "pdf"

    def read(self, data: bytes, source: SourceInfo) -> Document:
        """Read the PDF; `InputError` (prefixed with the path) for a locked or broken file."""
        try:
            blocks, notices = read_pdf(data, self.limits)
        except InputError as err:
            raise err.at(source.path) from None
        return Document(source=source, blocks=blocks, notices=notices)
