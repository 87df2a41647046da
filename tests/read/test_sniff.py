"""Bytes → format (sniff.py) and bytes → text (decode.py), on the real fixtures."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from disclosure_lint.errors import InputError
from disclosure_lint.read.decode import canonical_charset, decode_text, decode_with_declared
from disclosure_lint.read.sniff import (
    has_structured_marker,
    is_docx,
    legacy_doc_error,
    sniff_format,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_TEXT = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
HEAD = 8192


def _head(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()[:HEAD]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


_STRICT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
_XLSX_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


# ------------------------------------------------------------------------------ sniff_format


@pytest.mark.parametrize(("name", "fmt"), [
    ("seed.txt", "text"),
    ("variants/seed_gb18030_crlf.txt", "text"),
    ("variants/seed_utf8bom_crlf.txt", "text"),
    ("seed.html", "html"),
    ("variants/seed_gb2312.html", "html"),
    ("variants/seed_sloppy.html", "html"),
    ("seed.pdf", "pdf"),
    ("variants/seed_split.pdf", "pdf"),
    ("seed.docx", "docx"),
    ("variants/seed_quirks.docx", "docx"),
    ("variants/seed_autonum.docx", "docx"),
    ("variants/seed_lo_roundtrip.docx", "docx"),  # [Content_Types].xml is last: judged by names
    ("variants/seed_legacy.doc", "ole2"),
    ("seed.expected.json", "structured-candidate"),
    ("README.md", "text"),
])
def test_fixtures_are_sniffed_from_their_bytes(name: str, fmt: str) -> None:
    assert sniff_format(_head(name)) == fmt


def test_the_extension_plays_no_part() -> None:
    # sniff_format sees only bytes; a .doc renamed .docx is still OLE2, a PDF renamed .txt a PDF.
    assert sniff_format((FIXTURES / "variants" / "seed_legacy.doc").read_bytes()) == "ole2"
    assert sniff_format(b"\n  %PDF-1.7\n...") == "pdf"
    assert sniff_format(b"see %PDF-1.7 in the text") == "text"


def test_zip_that_is_not_word_is_zip_and_strict_ooxml_is_docx() -> None:
    xlsx = _zip({"[Content_Types].xml": _XLSX_TYPES, "xl/workbook.xml": b"<workbook/>"})
    strict = _zip({"[Content_Types].xml": _STRICT_TYPES,
                   "word/document.xml": b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>'})
    strict_only_ns = _zip({"[Content_Types].xml": b"<Types/>",
                           "word/document.xml": b"<x/>",
                           "_rels/.rels": b'<Relationships><Relationship Type="http://purl.oclc.org/ooxml/'
                                          b'officeDocument/relationships/officeDocument" Target='
                                          b'"word/document.xml"/></Relationships>'})
    assert sniff_format(xlsx) == "zip" and not is_docx(xlsx)
    assert sniff_format(strict) == "docx" and is_docx(strict)
    assert sniff_format(_zip({"a.txt": b"hello"})) == "zip"
    assert not is_docx(strict_only_ns)  # no Word content type declared
    # A head cut from a large docx (the zip directory missing) is still recognised.
    big = _zip({"[Content_Types].xml": _STRICT_TYPES, "word/document.xml": random.Random(1).randbytes(50_000)})
    assert sniff_format(big[:HEAD]) == "docx" and not is_docx(big[:HEAD]) and is_docx(big)
    # [Content_Types].xml beyond the head: the word/ member names decide.
    late = _zip({"word/document.xml": random.Random(1).randbytes(50_000), "[Content_Types].xml": _STRICT_TYPES})
    assert sniff_format(late[:HEAD]) == "docx"
    late_xlsx = _zip({"xl/workbook.xml": random.Random(1).randbytes(50_000), "[Content_Types].xml": _XLSX_TYPES})
    assert sniff_format(late_xlsx[:HEAD]) == "zip"


def test_fixture_docx_files_pass_is_docx_and_others_do_not() -> None:
    for name in ["seed.docx", "variants/seed_lo_roundtrip.docx", "variants/seed_split.docx"]:
        assert is_docx((FIXTURES / name).read_bytes()), name
    for name in ["seed.pdf", "seed.txt", "variants/seed_legacy.doc"]:
        assert not is_docx((FIXTURES / name).read_bytes()), name
    assert not is_docx(b"PK\x03\x04 truncated")


@pytest.mark.parametrize(("head", "fmt"), [
    (b"", "text"),
    (b"\xef\xbb\xbf  <!DOCTYPE html><p>x", "html"),
    ("<html><body>报告</body></html>".encode("utf-16"), "html"),
    (b"\r\n<HTML>", "html"),
    (b"<!-- disclosure-lint: disable=DL204 -->\n<table>", "html"),
    (b"<!-- disclosure-lint: disable=DL204 -->\n# \xe6\x8a\xa5\xe5\x91\x8a\n", "text"),  # Markdown
    (b"{\"disclosure_lint_report\": 1}", "structured-candidate"),
    (b"# generated\ndisclosure_lint_report: 1\n", "structured-candidate"),
    (b"---\nagency: x\n", "structured-candidate"),
    (b"select: [DL1]\n", "structured-candidate"),
    ("邮编：255022\n".encode(), "text"),  # a full-width colon is prose, not YAML
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
])
def test_small_heads(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_random_bytes_are_binary() -> None:
    rng = random.Random(2024)
    assert all(sniff_format(rng.randbytes(HEAD)) == "binary" for _ in range(20))


@pytest.mark.parametrize(("codec", "cut"), [("utf-8", 1), ("utf-8", 2), ("gb18030", 1)])
def test_a_head_cut_inside_a_character_is_still_text(codec: str, cut: int) -> None:
    # The engine reads 8 KiB, which usually ends inside a multi-byte character.
    end = 0
    for ch in SEED_TEXT:
        size = len(ch.encode(codec))
        if end >= HEAD and size > cut:
            break
        end += size
    head = SEED_TEXT.encode(codec)[:end + cut]
    with pytest.raises(UnicodeDecodeError):
        head.decode(codec)
    assert sniff_format(head) == "text"
    assert decode_text(head, final=False)[1] == codec


def test_structured_marker_detection() -> None:
    assert has_structured_marker("disclosure_lint_report: 1\n")
    assert has_structured_marker('{\n  "title": {},\n  "disclosure_lint_report" : 1}')
    assert has_structured_marker("'disclosure_lint_report': 1")
    assert not has_structured_marker("  disclosure_lint_report: 1\n")  # nested YAML key
    assert not has_structured_marker("本文提到 disclosure_lint_report 这个键")


def test_legacy_doc_error_is_one_line_with_advice() -> None:
    err = legacy_doc_error().at("年报.doc")
    assert isinstance(err, InputError)
    assert err.located().startswith("年报.doc：") and "请用 Word/WPS 另存为 .docx 后再检查" in err.zh
    assert "save it as .docx in Word or WPS and lint that" in err.en
    assert "\n" not in err.zh + err.en and str(err) == err.zh and err.message("en") == err.en


# ------------------------------------------------------------------------------------ decode


@pytest.mark.parametrize(("data", "codec"), [
    (SEED_TEXT.encode("utf-8"), "utf-8"),
    (SEED_TEXT.encode("utf-8-sig"), "utf-8-sig"),
    (SEED_TEXT.encode("gb18030"), "gb18030"),
    (SEED_TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: the zero bytes of ASCII give it away
    (SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
    (b"\xff\xfe" + SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
    (SEED_TEXT.encode("utf-32"), "utf-32-le"),
], ids=["utf-8", "utf-8-bom", "gb18030", "utf-16-le-no-bom", "utf-16-be-no-bom", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_chain(data: bytes, codec: str) -> None:
    text, got = decode_text(data)
    assert got == codec
    assert text == SEED_TEXT  # BOM gone, content identical


def test_gbk_only_characters_decode_as_gb18030_not_gb2312() -> None:
    text = "镕基 2023年 ①㈠ 𠀀"  # 镕 is GBK-only, 𠀀 needs GB18030's four-byte form
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    assert decode_text(data) == (text, "gb18030")


def test_crlf_and_cr_become_lf() -> None:
    assert decode_text(b"a\r\nb\rc\n")[0] == "a\nb\nc\n"
    assert decode_text("甲\r\n乙".encode("gb18030")) == ("甲\n乙", "gb18030")


@pytest.mark.parametrize("data", [
    b"abc\x00def" * 30,  # NUL in what is not UTF-16
    bytes(range(1, 9)) * 200,  # control characters only
    b"\x80\x81\xff\xfe\xfd" * 40 + b"x",  # no decoding accepts it
    b"\xaa\xa1\xfe\xfe" * 200,  # valid GB18030, but all in its user-defined (private-use) area
], ids=["nul", "controls", "undecodable", "gb18030-private-use"])
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode_text(data)
    assert err.value.zh.startswith("不是可识别的文本文件")
    assert err.value.en.startswith("not a text file of a supported format")


def test_decode_empty_and_a_few_stray_controls() -> None:
    assert decode_text(b"") == ("", "utf-8")
    assert decode_text("报告\x0c第二页\x1b[0m".encode())[0] == "报告\x0c第二页\x1b[0m"  # FF, ESC are text


def test_declared_charset_comes_after_utf8_and_gb_family_reads_as_gb18030() -> None:
    gb = "镕基的报告".encode("gb18030")
    assert decode_with_declared(gb, "gb2312") == ("镕基的报告", "gb18030")
    assert decode_with_declared("报告".encode(), "gbk") == ("报告", "utf-8")  # declared gbk, really UTF-8
    assert decode_with_declared("café".encode("latin-1"), "iso-8859-1")[1] == "iso8859-1"
    assert decode_with_declared(gb, "no-such-charset")[1] == "gb18030"  # bad label: ignored
    assert [canonical_charset(c) for c in ("GB2312", "x-gbk", "GB_2312-80", "cp936", "UTF8", None)] == [
        "gb18030", "gb18030", "gb18030", "gb18030", "utf-8", None]


def test_decode_final_false_tolerates_a_cut_character_only() -> None:
    data = "政府信息公开".encode()
    assert decode_text(data[:-1], final=False)[0] == "政府信息公"
    assert decode_text(b"\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf", final=False) == ("政府", "utf-8")
    with pytest.raises(InputError):
        decode_text(b"\x00\x00\x00binary\xff", final=False)
