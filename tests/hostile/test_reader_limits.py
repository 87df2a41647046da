"""The limits behind the hostile corpus, one by one and at small sizes (docs/limits.md).

The PDF limits (disclosure_lint/read/pdf_limits.py) are exercised on the seed PDF with each limit
set just below what the seed needs, and on crafted streams (chained FlateDecode, LZW); the bounded
decoding must give exactly what pdfminer's own gives for every stream of the fixtures, and must
stay out of the way of other pdfminer users in the process. The text messages for undecodable
input (decode.not_text_detail) name the line.
"""

from __future__ import annotations

import io
import zlib

import hostile_files as hf
import pytest

from disclosure_lint.errors import InputError
from disclosure_lint.limits import PdfLimits
from disclosure_lint.model import SourceInfo
from disclosure_lint.read.decode import not_text_detail
from disclosure_lint.read.pdf import PdfReader, read_pdf
from disclosure_lint.read.pdf_limits import DEFAULT_LIMITS, Budget, PdfLimitError, bounded

SEED_PDFS = [hf.SEED_PDF, hf.FIXTURES / "variants" / "seed_split.pdf"]
# What the seed PDF needs (the limits' docstring quotes it): every limit below is set just under.
SEED_NEEDS = {"inflated_size": 338_971, "page_content_size": 24_575, "content_size": 115_607, "page_objects": 780,
              "objects": 5_199, "pages": 9}


def _streams(data: bytes) -> list[object]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    out = []
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            obj = doc.getobj(objid)
            if isinstance(obj, PDFStream):
                out.append(obj)
    return out


@pytest.mark.parametrize("path", SEED_PDFS, ids=lambda p: p.name)
def test_bounded_decoding_gives_what_pdfminer_gives(path: object) -> None:
    data = path.read_bytes()  # type: ignore[attr-defined]
    plain = [s.get_data() for s in _streams(data)]  # type: ignore[attr-defined]
    budget = Budget()
    with bounded(budget):
        ours = [s.get_data() for s in _streams(data)]  # type: ignore[attr-defined]
    assert ours == plain and len(plain) > 10
    assert budget.inflated == sum(map(len, ours))


@pytest.mark.parametrize("limit", sorted(SEED_NEEDS))
def test_each_pdf_limit_refuses_the_seed_just_below_its_needs(limit: str) -> None:
    data = hf.SEED_PDF.read_bytes()
    assert read_pdf(data, DEFAULT_LIMITS.model_copy(update={limit: SEED_NEEDS[limit]}))[0]
    with pytest.raises(InputError) as err:
        read_pdf(data, DEFAULT_LIMITS.model_copy(update={limit: SEED_NEEDS[limit] - 1}))
    assert "refused" in err.value.en and "\n" not in err.value.zh and "\n" not in err.value.en


def test_the_reader_takes_its_limits_and_names_the_file() -> None:
    reader = PdfReader(PdfLimits(pages=3))
    with pytest.raises(InputError) as err:
        reader.read(hf.SEED_PDF.read_bytes(), SourceInfo(path="seed.pdf", format="pdf"))
    assert err.value.located("en") == "seed.pdf: the PDF has more than 3 pages, not an annual report; refused"


def test_a_chain_of_two_flate_filters_is_bounded() -> None:
    # 1 MB of zeros compressed twice: a few hundred bytes that inflate twice over.
    once = hf.zeros_deflated(hf.MB + 100)
    twice = zlib.compress(once, 9)
    assert len(twice) < 1000
    data = hf.pdf_bytes([twice], stream_dict=b"/Filter[/FlateDecode/FlateDecode]")
    with pytest.raises(InputError) as err:
        read_pdf(data, PdfLimits(inflated_size=hf.MB // 2))
    assert "decompression bomb" in err.value.en
    blocks, _ = read_pdf(data)  # within the default limits: read, both filters applied
    assert [b.text for b in blocks] == ["Annual report 2023"]  # type: ignore[union-attr]


def _lzw_bomb(cycles: int) -> bytes:
    """LZW codes (PDF flavour, early change) that make every new table entry one byte longer
    than the last: about 7 MB per cycle of 5 KB."""
    bits: list[tuple[int, int]] = []
    for _ in range(cycles):
        width = 9 if not bits else 12
        bits.append((256, width))  # clear
        bits.append((0, 9))
        size = 258
        for code in range(258, 4095):
            bits.append((code, 9 if size < 511 else 10 if size < 1023 else 11 if size < 2047 else 12))
            size += 1
    bits.append((257, 12))
    acc, n, out = 0, 0, bytearray()
    for code, width in bits:
        acc, n = (acc << width) | code, n + width
        while n >= 8:
            n -= 8
            out.append((acc >> n) & 0xFF)
    if n:
        out.append((acc << (8 - n)) & 0xFF)
    return bytes(out)


def test_lzw_is_bounded_too() -> None:
    from pdfminer.lzw import lzwdecode

    stream = _lzw_bomb(3)
    inflated = len(lzwdecode(stream))
    assert inflated > 1000 * len(stream)  # a real bomb for pdfminer's own decoder
    data = hf.pdf_bytes([stream], stream_dict=b"/Filter/LZWDecode")
    with pytest.raises(InputError) as err:
        read_pdf(data, PdfLimits(inflated_size=inflated // 2))
    assert "decompression bomb" in err.value.en


def test_other_pdfminer_users_in_the_process_are_left_alone() -> None:
    # After the reader ran (the bounded decoding installed), pdfminer without an active budget
    # inflates as it always did, past any of our limits.
    read_pdf(hf.SEED_PDF.read_bytes())
    stream = hf.zeros_deflated(2 * hf.MB + 100)
    streams = _streams(hf.pdf_bytes([stream], stream_dict=b"/Filter/FlateDecode"))
    with bounded(Budget(PdfLimits(inflated_size=hf.MB))):
        pass
    assert max(len(s.get_data()) for s in streams) > 2 * hf.MB  # type: ignore[attr-defined]


def test_limit_errors_are_input_errors_of_one_line() -> None:
    budget = Budget(PdfLimits(inflated_size=10))
    with pytest.raises(PdfLimitError) as err:
        budget.charge_inflated(11)
    assert isinstance(err.value, InputError) and "\n" not in err.value.zh


# ---------------------------------------------------------------------------------- text


def test_mixed_encodings_name_the_line_where_utf8_stops() -> None:
    text = hf.seed_text()
    half = len(text) // 2
    data = text[:half].encode("utf-8") + text[half:].encode("gb18030")
    detail = not_text_detail(data)
    # GB18030 writes ASCII (TABs, digits) as UTF-8 does: UTF-8 stops at the next Chinese character.
    first_cjk = next(i for i in range(half, len(text)) if not text[i].isascii())
    line = text[:first_cjk].count("\n") + 1
    assert detail is not None and f"not UTF-8 from line {line} on" in detail.en and f"第 {line} 行" in detail.zh


def test_a_nul_byte_names_its_line() -> None:
    data = "第一行\n第二行\n第三\x00行\n".encode()
    detail = not_text_detail(data)
    assert detail is not None and "line 3" in detail.en and "第 3 行" in detail.zh


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, b"\x00\x01\x02" * 1000, b"PK\x03\x04" + b"\xff" * 500],
                         ids=["all-bytes", "controls", "zip-like"])
def test_plain_binary_gets_no_made_up_detail(data: bytes) -> None:
    assert not_text_detail(data) is None
