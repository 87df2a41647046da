"""Keeping pdfminer within bounds while it reads a stranger's PDF.

pdfminer (under pdfplumber) trusts the file. A PDF of one megabyte can make it inflate a gigabyte
(a FlateDecode or LZW "decompression bomb"); a compressed stream cut short makes it retry byte by
byte, quadratically in the inflated size (``pdftypes.decompress_corrupted``); a small form drawn
thousands of times makes it create millions of glyph objects (gigabytes of memory); and megabytes
of content-stream operators take about a second each to interpret. Neither library has a limit
for any of these, so the PDF reader reads every file within `PdfLimits` (configuration
``limits.pdf``, `disclosure_lint.limits`):

* **inflated-size** — stream data is decoded by `bounded_decode` (installed over ``PDFStream.decode``
  while a budget is active), which inflates in chunks and stops as soon as the bytes decoded for
  the whole file pass the limit. A cut-short stream yields what was inflated, in linear time.
* **page-content-size / content-size** — content-stream bytes interpreted, for one page and for the whole
  file (a form counts each time it is drawn).
* **page-objects / objects** — glyphs, paths and images drawn, for one page and for the file.
* **pages** — pages read.

The limits count work, not seconds, so a file gets the same verdict on every machine (the
linter's output is deterministic). Image data is never decoded: text extraction does not need it,
so a scan with large images is not refused. Every limit ends in one `InputError`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from io import BytesIO
from typing import Any

from ..errors import InputError
from ..limits import PdfLimits, format_size

_CHUNK = 1 << 20
DEFAULT_LIMITS = PdfLimits()


class PdfLimitError(InputError):
    """A PDF asked for more than `PdfLimits` allows (the message names the limit)."""


class Budget:
    """What is left of one file's `PdfLimits` while it is read."""

    def __init__(self, limits: PdfLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.inflated = 0
        self.content = 0
        self.objects = 0
        self.page_content = 0
        self.page_objects = 0
        self.pages = 0

    def remaining_inflated(self) -> int:
        return self.limits.inflated_size - self.inflated

    def charge_inflated(self, size: int) -> None:
        self.inflated += size
        if self.inflated > self.limits.inflated_size:
            mb = format_size(self.limits.inflated_size)
            raise PdfLimitError(
                f"PDF 中的压缩数据解压后超过 {mb}（疑似“解压炸弹”），已拒绝读取",
                f"the PDF's compressed data inflates to more than {mb} (a possible decompression bomb); refused")

    def new_page(self) -> None:
        self.pages += 1
        if self.pages > self.limits.pages:
            raise PdfLimitError(f"PDF 超过 {self.limits.pages} 页，不像年度报告，已拒绝读取",
                                f"the PDF has more than {self.limits.pages} pages, not an annual report; refused")
        self.page_content = 0
        self.page_objects = 0

    def charge_content(self, size: int) -> None:
        self.content += size
        self.page_content += size
        if self.page_content > self.limits.page_content_size or self.content > self.limits.content_size:
            page = self.page_content > self.limits.page_content_size
            mb = format_size(self.limits.page_content_size if page else self.limits.content_size)
            where_zh, where_en = (f"第 {self.pages} 页", f"page {self.pages}") if page else ("全文", "the file")
            raise PdfLimitError(
                f"PDF {where_zh}的绘制指令超过 {mb}，不像正常的报告，已拒绝读取",
                f"the drawing instructions of {where_en} of the PDF exceed {mb}, not a normal report; refused")

    def charge_object(self) -> None:
        self.objects += 1
        self.page_objects += 1
        if self.page_objects > self.limits.page_objects:
            raise PdfLimitError(
                f"PDF 第 {self.pages} 页绘制了超过 {self.limits.page_objects} 个字符或图形，不像正常的报告，已拒绝读取",
                f"page {self.pages} of the PDF draws more than {self.limits.page_objects} characters or shapes, "
                "not a normal report; refused")
        if self.objects > self.limits.objects:
            raise PdfLimitError(
                f"PDF 全文绘制了超过 {self.limits.objects} 个字符或图形，不像年度报告，已拒绝读取",
                f"the PDF draws more than {self.limits.objects} characters or shapes in all, "
                "not an annual report; refused")


_BUDGET: ContextVar[Budget | None] = ContextVar("disclosure_lint_pdf_budget", default=None)


# ---------------------------------------------------------------------------------- stream data


def _inflate(data: bytes, budget: Budget) -> bytes:
    """zlib data inflated in chunks, never more than the budget allows; damaged or cut-short data
    yields what inflated before the damage (what pdfminer salvages, in linear time)."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    pending = data
    try:
        while not d.eof:
            chunk = d.decompress(pending, _CHUNK)
            pending = d.unconsumed_tail
            if not chunk and not pending:
                break
            size += len(chunk)
            if size > budget.remaining_inflated():
                budget.charge_inflated(size)
            out.append(chunk)
    except zlib.error:
        pass
    return b"".join(out)


def _lzw(data: bytes, budget: Budget) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out: list[bytes] = []
    size = 0
    for chunk in LZWDecoder(BytesIO(data)).run():
        size += len(chunk)
        if size > budget.remaining_inflated():
            budget.charge_inflated(size)
        out.append(chunk)
    return b"".join(out)


def _decode(stream: Any, budget: Budget) -> None:
    """``PDFStream.decode`` (pdfminer 2026.1), with the decompressing filters bounded.

    The filter chain, predictors and pass-through image codecs are pdfminer's; only FlateDecode
    and LZWDecode (the filters that can expand a thousandfold) run here, within the budget. What a
    stream decodes to is charged to the budget.
    """
    from pdfminer import pdftypes as t
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.ccitt import ccittfaxdecode
    from pdfminer.pdfexceptions import PDFNotImplementedError
    from pdfminer.psparser import literal_name
    from pdfminer.runlength import rldecode
    from pdfminer.utils import apply_png_predictor, apply_tiff_predictor

    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for f, params in stream.get_filters():
        if f in t.LITERALS_FLATE_DECODE:
            data = _inflate(data, budget)
        elif f in t.LITERALS_LZW_DECODE:
            data = _lzw(data, budget)
        elif f in t.LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif f in t.LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif f in t.LITERALS_RUNLENGTH_DECODE:
            if len(data) * 64 > budget.remaining_inflated():  # two bytes expand to at most 128
                budget.charge_inflated(len(data) * 64)
            data = rldecode(data)
        elif f in t.LITERALS_CCITTFAX_DECODE:
            data = ccittfaxdecode(data, params)
        elif f in t.LITERALS_DCT_DECODE or f in t.LITERALS_JBIG2_DECODE or f in t.LITERALS_JPX_DECODE:
            pass  # image data, left for whoever renders it (pdfminer does the same)
        else:
            raise PDFNotImplementedError(f"Unsupported filter: {literal_name(f)!r}")
        if params and "Predictor" in params:
            pred = t.int_value(params["Predictor"])
            colors = t.int_value(params.get("Colors", 1))
            columns = t.int_value(params.get("Columns", 1))
            bits = t.int_value(params.get("BitsPerComponent", 8))
            if pred == 2:
                data = apply_tiff_predictor(colors, columns, bits, data)
            elif pred >= 10:
                data = apply_png_predictor(pred, colors, columns, bits, data)
            elif pred != 1:
                raise PDFNotImplementedError(f"Unsupported predictor: {pred!r}")
    budget.charge_inflated(len(data))
    stream.data = data
    stream.rawdata = None


def _install() -> None:
    """Route ``PDFStream.decode`` through `_decode` while a budget is active (idempotent). Outside
    `bounded` — other users of pdfminer in the same process — pdfminer's own decoding runs."""
    from pdfminer.pdftypes import PDFStream

    if getattr(PDFStream.decode, "_disclosure_lint_bounded", False):
        return
    original = PDFStream.decode

    def decode(self: Any) -> None:
        budget = _BUDGET.get()
        if budget is None or self.rawdata is None:
            return original(self)
        return _decode(self, budget)

    decode._disclosure_lint_bounded = True  # type: ignore[attr-defined]
    decode.__doc__ = original.__doc__
    PDFStream.decode = decode  # type: ignore[method-assign]


@contextmanager
def bounded(budget: Budget) -> Iterator[Budget]:
    """Read PDFs within ``budget`` inside the block (per thread and task: a context variable)."""
    _install()
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


# ---------------------------------------------------------------------------------- pages


@cache
def bounded_page_class() -> type:
    """A pdfplumber ``Page`` whose layout is made by an interpreter and a device that charge every
    content byte and every drawn object to the active budget."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import stream_value
    from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    class CountingDevice(PDFPageAggregatorWithMarkedContent):  # type: ignore[misc]
        def __init__(self, *args: Any, budget: Budget, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.budget = budget

        def render_char(self, *args: Any, **kwargs: Any) -> Any:
            self.budget.charge_object()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> Any:
            self.budget.charge_object()
            return super().paint_path(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> Any:
            self.budget.charge_object()
            return super().render_image(*args, **kwargs)

    class CountingInterpreter(PDFPageInterpreter):  # type: ignore[misc]
        def execute(self, streams: Sequence[object]) -> None:
            budget: Budget = self.device.budget  # type: ignore[attr-defined]
            for obj in streams:
                budget.charge_content(len(stream_value(obj).get_data()))
            super().execute(streams)

    class BoundedPage(Page):  # type: ignore[misc]
        """pdfplumber's ``Page.layout``, with the counting interpreter and device."""

        budget: Budget

        @property
        def layout(self) -> Any:
            if hasattr(self, "_layout"):
                return self._layout
            device = CountingDevice(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams,
                                    budget=self.budget)
            try:
                CountingInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
            except PdfLimitError:
                raise
            except Exception as e:
                raise PdfminerException(e) from e
            self._layout = device.get_result()
            return self._layout

    return BoundedPage


def pages(pdf: Any, budget: Budget) -> Iterator[Any]:
    """The pages of an open ``pdfplumber.PDF``, one at a time, each laid out within ``budget``."""
    from pdfminer.pdfpage import PDFPage

    page_class = bounded_page_class()
    doctop = 0.0
    for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        budget.new_page()
        page = page_class(pdf, page_obj, page_number=number, initial_doctop=doctop)
        page.budget = budget
        doctop += page.height
        yield page
