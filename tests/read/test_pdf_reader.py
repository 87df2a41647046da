"""The PDF reader on the seed PDFs (LibreOffice output) and on small PDFs built here.

The seed PDFs must yield exactly the grids, merges, sections and paragraphs of seed.expected.json,
and the same findings as seed.txt. Edge cases are PDFs written by the helpers below: a changed table
value (an incremental update of seed.pdf's page 5, the way a PDF editor saves an edit), a page
without text, glyphs without a character map, RC4 encryption with an empty and a real password.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import struct
import timeit
import zlib
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from disclosure_lint import lint_path
from disclosure_lint.builder.builder import build_report
from disclosure_lint.errors import InputError
from disclosure_lint.model import (
    Document,
    Location,
    NoticeKind,
    Paragraph,
    SourceInfo,
    TableBlock,
)
from disclosure_lint.read import Reader
from disclosure_lint.read.pdf import PdfReader, read_pdf
from disclosure_lint.read.pdf_tables import Cell, Table, continues, stitch, to_block
from disclosure_lint.read.pdf_text import (
    Line,
    Margins,
    drop_cjk_spaces,
    is_page_number,
    join_lines,
    paragraphs,
)
from disclosure_lint.read.registry import builtin_readers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_PDF = FIXTURES / "seed.pdf"
SPLIT_PDF = FIXTURES / "variants" / "seed_split.pdf"
PDFS = [SEED_PDF, SPLIT_PDF]
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "seed.expected.json").read_text("utf-8"))
SECTION_KEYS = ["overview", "active", "requests", "litigation", "problems", "other_matters"]


def _read(data: bytes, path: str = "report.pdf") -> Document:
    return PdfReader().read(data, SourceInfo(path=path, format="pdf"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _tables(doc: Document) -> list[TableBlock]:
    return [b for b in doc.blocks if isinstance(b, TableBlock)]


def _paragraphs(doc: Document) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def _merges(table: TableBlock) -> list[list[int]]:
    """Merge rectangles [r0, c0, r1, c1] of a grid, from the positions sharing an origin."""
    regions: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            regions.setdefault(cell.origin, []).append((r, c))
    return sorted([min(r for r, _ in p), min(c for _, c in p), max(r for r, _ in p), max(c for _, c in p)]
                  for p in regions.values() if len(p) > 1)


@pytest.fixture(scope="module", params=PDFS, ids=lambda p: p.name)
def pdf_doc(request: pytest.FixtureRequest) -> Document:
    path: Path = request.param
    return _read(path.read_bytes(), path.name)


# ---------------------------------------------------------------------------------- protocol


def test_reader_protocol_and_registry() -> None:
    reader = PdfReader()
    assert isinstance(reader, Reader)
    assert reader.name == "pdf"
    assert any(isinstance(r, PdfReader) for r in builtin_readers())


@pytest.mark.parametrize(("head", "expected"), [
    (SEED_PDF.read_bytes()[:8192], True),
    (b"\xef\xbb\xbf\r\n%PDF-1.7\n", True),  # BOM and blank lines before the header
    ((FIXTURES / "seed.txt").read_bytes()[:8192], False),
    ((FIXTURES / "seed.docx").read_bytes()[:8192], False),
    ((FIXTURES / "seed.html").read_bytes()[:8192], False),
    (b"text that mentions %PDF- later on", False),
])
def test_sniff(head: bytes, expected: bool) -> None:
    assert PdfReader().sniff(head, "whatever.txt") is expected


# ---------------------------------------------------------------------------------- the seed PDFs


def test_grids_and_merges_equal_the_ground_truth(pdf_doc: Document) -> None:
    tables = _tables(pdf_doc)
    assert len(tables) == 3
    for table, exp in zip(tables, EXPECTED["tables"]):
        assert (table.n_rows, table.n_cols) == (exp["rows"], exp["cols"])
        assert [[_squash(c.text) for c in row] for row in table.rows] == \
               [[_squash(t) for t in row] for row in exp["grid"]]
        assert _merges(table) == sorted(exp["merges"])


def test_cut_vertical_cells_rejoined_and_header_dropped() -> None:
    requests = _tables(_read(SPLIT_PDF.read_bytes()))[1]
    assert requests.n_rows == 28  # the header repeated on page 6 is gone
    cell = requests.rows[18][1]
    assert (cell.text, cell.origin) == ("（五）不予处理", (18, 1))
    assert all(requests.rows[r][1].origin == (18, 1) for r in range(18, 23))
    assert requests.rows[26][0].origin == (5, 0) and requests.rows[26][0].text == "三、本年度办理结果"
    assert requests.rows[19][2].location.page == 6 and requests.rows[18][2].location.page == 5


def test_blocks_in_reading_order(pdf_doc: Document) -> None:
    texts = [b.text if isinstance(b, Paragraph) else f"<table {b.n_cols}>" for b in pdf_doc.blocks]
    for heading, table in (("二、主动公开政府信息情况", "<table 4>"), ("三、收到和处理政府信息公开申请情况", "<table 10>"),
                           ("四、政府信息公开行政复议、行政诉讼情况", "<table 15>")):
        assert texts[texts.index(heading) + 1] == table
    assert texts[0] == EXPECTED["title"]
    assert not any(re.fullmatch(r"[—\-]\s*\d+\s*[—\-]", t) for t in texts)  # page numbers dropped
    assert all("\n" not in t for t in texts)


def test_spaces_next_to_cjk_dropped(pdf_doc: Document) -> None:
    paras = [p.text for p in _paragraphs(pdf_doc)]
    assert EXPECTED["intro"] in paras  # verbatim, e-mail and phone included
    assert any("“AI”智能客服" in p for p in paras)
    assert not any(re.search(r"[\u4e00-\u9fff] | [\u4e00-\u9fff]", p) for p in paras)


def test_seed_builds_like_the_ground_truth(pdf_doc: Document) -> None:
    report = build_report(pdf_doc)
    assert report.title is not None and report.title.text == EXPECTED["title"]
    assert [p.text for p in report.intro] == [EXPECTED["intro"]]
    assert report.period is not None
    assert (str(report.period.start), str(report.period.end)) == (EXPECTED["period"]["start"], EXPECTED["period"]["end"])
    contact = report.contact
    assert contact is not None and contact.address is not None and contact.postcode is not None
    assert contact.email is not None and contact.phones
    assert (contact.address.value, contact.postcode.value, contact.phones[0].value, contact.email.value) == \
           tuple(EXPECTED["contact"][k] for k in ("address", "postcode", "phone", "email"))
    assert [s.key for s in report.sections] == SECTION_KEYS
    for got, exp in zip(report.sections, EXPECTED["sections"]):
        assert (got.number, got.heading) == (exp["number"], exp["heading"])
        assert [_squash(p.text) for p in got.paragraphs] == [_squash(p) for p in exp["paragraphs"]]
    assert report.unrecognised == []


def test_seed_all_200_values(pdf_doc: Document) -> None:
    from tests.builder.test_build_report import EXPECTED_VALUES

    report = build_report(pdf_doc)
    found = {c.key: c for t in (report.active, report.requests, report.litigation) if t for c in t.cells()}
    assert {k: c.raw for k, c in found.items()} == EXPECTED_VALUES
    for table in (report.active, report.requests, report.litigation):
        assert table is not None and table.missing == [] and table.unmatched == []
        assert [u for u in table.labels if u.differs] == []


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_same_findings_as_seed_txt(path: Path) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = lint_path(path)
    reference = lint_path(FIXTURES / "seed.txt")
    assert result.input_error is None and result.errors == ()
    assert sorted(f.rule_id for f in result.findings) == sorted(f.rule_id for f in reference.findings)
    assert [f for f in result.findings if f.severity.rank >= 1] == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # nothing writes to the input


def test_locations(pdf_doc: Document) -> None:
    for para in _paragraphs(pdf_doc):
        loc = para.location
        assert loc.page is not None and loc.bbox is not None and loc.line is None
        x0, top, x1, bottom = loc.bbox
        assert 0 <= x0 < x1 <= 596 and 0 <= top < bottom <= 842
    for t, table in enumerate(_tables(pdf_doc)):
        assert table.location.table == t and table.location.page is not None
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                loc = cell.location
                assert loc.page is not None and loc.bbox is not None and loc.line is None
                assert (loc.table, loc.row, loc.cell) == (t, *cell.origin)
                assert cell.origin[0] <= r and cell.origin[1] <= c
    active, requests, litigation = _tables(pdf_doc)
    assert active.location.page == 4  # 二 starts at the foot of page 4 ...
    assert active.rows[7][0].location.page == 4 and active.rows[8][0].location.page == 5  # ... ends on 5
    assert requests.location.page == 5 and requests.rows[5][3].location.page == 5
    assert litigation.location.page == 6  # heading 四 at the foot of page 5, its table on page 6
    heading = next(p for p in _paragraphs(pdf_doc) if p.text.startswith("四、"))
    assert heading.location.page == (5 if pdf_doc.source.path == "seed.pdf" else 6)


def test_speed_per_page() -> None:
    data = SEED_PDF.read_bytes()
    read_pdf(data)
    per_read = min(timeit.repeat(lambda: read_pdf(data), number=1, repeat=3))
    print(f"\nseed.pdf (9 pages): {per_read * 1000:.0f} ms, {per_read / 9 * 1000:.1f} ms per page")
    assert per_read / 9 < 0.150  # target ~45 ms per page; generous so a loaded machine does not flake


# ---------------------------------------------------------------------------------- a changed cell


def _digit_code(content: bytes, char: dict[str, Any]) -> re.Match[bytes] | None:
    """The ``x y Td /F size Tf<code>Tj`` operation that drew ``char`` (LibreOffice writes one per
    value cell), found by the text matrix position."""
    e, f = char["matrix"][4], char["matrix"][5]
    for m in re.finditer(rb"([\d.]+) ([\d.]+) Td /(\w+) ([\d.]+) Tf<([0-9A-Fa-f]+)>Tj", content):
        if abs(float(m[1]) - e) < 0.01 and abs(float(m[2]) - f) < 0.01:
            return m
    return None


def edit_digit(data: bytes, page_number: int, box: tuple[float, float, float, float], new: str) -> bytes:
    """seed.pdf with the one-digit value inside ``box`` replaced by ``new``, saved as a PDF editor
    does: an incremental update appending the new page content and an xref section."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[page_number - 1]

        def inside(c: dict[str, Any]) -> bool:
            x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
            return box[0] <= x <= box[2] and box[1] <= y <= box[3]

        (target,) = [c for c in page.chars if inside(c)]
        donors = [c for c in page.chars if c["text"] == new and c["fontname"] == target["fontname"]]
        ref = page.page_obj.attrs["Contents"]
        content = ref.resolve().get_data()
        trailer = pdf.doc.xrefs[0].get_trailer()
        size, root = trailer["Size"], trailer["Root"].objid
    old = _digit_code(content, target)
    assert old is not None
    donor = next(m for m in (_digit_code(content, d) for d in donors) if m and len(m[5]) == len(old[5]))
    stream = zlib.compress(content[:old.start(5)] + donor[5] + content[old.end(5):])
    start = len(data) + 1
    obj = b"%d 0 obj\n<</Length %d/Filter/FlateDecode>>\nstream\n%s\nendstream\nendobj\n" % (ref.objid, len(stream), stream)
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    xref = (b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (ref.objid, start)
            + b"trailer\n<</Size %d/Root %d 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, prev, start + len(obj)))
    return data + b"\n" + obj + xref


def test_changed_table_value_is_caught_and_located(tmp_path: Path) -> None:
    data = SEED_PDF.read_bytes()
    cell = _tables(_read(data))[1].rows[5][3]  # 表三 （一）予以公开 × 自然人: "2"
    assert cell.text == "2" and cell.location.page is not None and cell.location.bbox is not None
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(edit_digit(data, cell.location.page, cell.location.bbox, "3"))
    assert _tables(_read(changed.read_bytes()))[1].rows[5][3].text == "3"

    result = lint_path(changed)
    assert result.input_error is None
    arithmetic = [f for f in result.findings if f.rule_id.startswith("DL3")]
    assert {f.rule_id for f in arithmetic} >= {"DL302", "DL303"}
    for finding in arithmetic:
        assert finding.place.location.page == 5
        where = [p.location for p in finding.related if p.key == "requests.granted.natural_person"]
        assert where == [Location(page=5, bbox=cell.location.bbox, table=1, row=5, cell=3)]
    row_total = next(f for f in arithmetic if f.rule_id == "DL302")
    assert row_total.place.key == "requests.granted.total"
    assert (row_total.place.location.table, row_total.place.location.row, row_total.place.location.cell) == (1, 5, 9)


# ---------------------------------------------------------------------------------- small PDFs

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes(range(16))
HELVETICA = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
# A CID font with neither a ToUnicode map nor an embedded font: its glyphs have no characters.
UNMAPPED_CID_FONT = (b"<</Type/Font/Subtype/Type0/BaseFont/NoMap/Encoding/Identity-H/DescendantFonts["
                     b"<</Type/Font/Subtype/CIDFontType2/BaseFont/NoMap/CIDSystemInfo"
                     b"<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/DW 1000>>]>>")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def make_pdf(content: bytes, font: bytes = HELVETICA, user_password: str | None = None) -> bytes:
    """A one-page PDF drawing ``content`` with font /F1; with ``user_password``, encrypted with the
    standard security handler (RC4 40-bit, revision 2), owner password "owner"."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
               b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
               b"", font]
    encrypt = b""
    if user_password is not None:
        perms = struct.pack("<i", -44)
        owner = _rc4(hashlib.md5(_padded("owner")).digest()[:5], _padded(user_password))
        key = hashlib.md5(_padded(user_password) + owner + perms + _FILE_ID).digest()[:5]
        content = _rc4(hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\0\0").digest()[:10], content)
        objects.append(b"<</Filter/Standard/V 1/R 2/O<%s>/U<%s>/P -44>>"
                       % (owner.hex().encode(), _rc4(key, _PAD).hex().encode()))
        encrypt = b"/Encrypt 6 0 R"
    objects[3] = b"<</Length %d>>stream\n%s\nendstream" % (len(content), content)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    file_id = _FILE_ID.hex().encode()
    out += b"trailer\n<</Size %d/Root 1 0 R%s/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, encrypt, file_id, file_id, xref)
    return bytes(out)


_HELLO = b"BT /F1 12 Tf 72 700 Td (Annual report 2023) Tj ET"


def test_encrypted_with_empty_user_password_is_opened() -> None:
    doc = _read(make_pdf(_HELLO, user_password=""))
    assert [p.text for p in _paragraphs(doc)] == ["Annual report 2023"]
    assert doc.notices == []


@pytest.mark.parametrize(("data", "words"), [
    (make_pdf(_HELLO, user_password="secret"), "密码"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 8, "损坏"),
    (b"%PDF-", "损坏"),
    (SEED_PDF.read_bytes()[:100_000], "损坏"),
])
def test_unreadable_pdfs_are_one_line_input_errors(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as info:
        _read(data, "report.pdf")
    assert words in info.value.zh and "\n" not in info.value.zh and "\n" not in info.value.en
    assert info.value.path == "report.pdf"


def test_password_error_through_lint_path(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_pdf(_HELLO, user_password="secret"))
    result = lint_path(locked)
    assert result.input_error is not None and "password" in result.input_error.en
    assert result.exit_code() == 2


@pytest.mark.parametrize("data", [
    make_pdf(b"0 0 1 rg 100 100 200 200 re f"),  # a page with a picture-like shape and no text
    make_pdf(b"0 0 1 rg 100 100 200 200 re f BT /F1 12 Tf 280 40 Td (- 1 -) Tj ET"),  # + a page number
    make_pdf(b"BT /F1 12 Tf 72 700 Td <0041004200430044> Tj ET", font=UNMAPPED_CID_FONT),  # (cid:N)
], ids=["no-text-layer", "page-number-only", "cid-glyphs"])
def test_no_usable_text_needs_ocr(data: bytes) -> None:
    doc = _read(data)
    assert doc.blocks == []
    assert [n.kind for n in doc.notices] == [NoticeKind.NO_TEXT_LAYER]
    assert "OCR" in doc.notices[0].detail and doc.notices[0].location.page == 1
    assert build_report(doc).notices == doc.notices  # the builder passes it on to DL009


def test_damaged_seed_never_raises_anything_but_input_error() -> None:
    data = SEED_PDF.read_bytes()
    rng = random.Random(20231231)
    for _ in range(8):  # each read of a damaged file takes pdfminer's slow recovery path
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            doc = _read(bytes(damaged))
        except InputError as err:
            assert "\n" not in err.zh
        else:
            build_report(doc)


# ---------------------------------------------------------------------------------- text helpers


@pytest.mark.parametrize(("raw", "clean"), [
    ("淄博市行政审批服务局 2023 年政府信息公开", "淄博市行政审批服务局2023年政府信息公开"),
    ("推行“ AI ”智能客服", "推行“AI”智能客服"),
    ("邮箱： sxzspfwjbgs@zb.shandong.cn ）。", "邮箱：sxzspfwjbgs@zb.shandong.cn）。"),
    ("Open Government Information 2023", "Open Government Information 2023"),
    ("好评率达 99.9% 。", "好评率达99.9%。"),
])
def test_drop_cjk_spaces(raw: str, clean: str) -> None:
    assert drop_cjk_spaces(raw) == clean


@pytest.mark.parametrize(("lines", "text"), [
    (["（本列数据的勾稽关系为：第一项加第二项之", "和，", "等于第三项加第四项之和）"], "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
    (["三", "、", "本", "年"], "三、本年"),
    (["电话：0533-", "2306909"], "电话：0533-2306909"),
    (["annual", "report"], "annual report"),
    (["共 1201", "个事项"], "共1201个事项"),
])
def test_join_lines(lines: list[str], text: str) -> None:
    assert join_lines(lines) == text


@pytest.mark.parametrize(("text", "box", "expected"), [
    ("— 4 —", (279.1, 784.9, 322.1, 800.0), True),
    ("- 4 -", (279.1, 784.9, 322.1, 800.0), True),
    ("第4页 共9页", (260.0, 790.0, 340.0, 800.0), True),
    ("4", (294.0, 790.0, 300.0, 800.0), True),  # a lone number centred at the foot
    ("4", (500.0, 790.0, 506.0, 800.0), False),  # ... not centred
    ("— 4 —", (279.1, 400.0, 322.1, 416.0), False),  # in the body, not a margin
    ("2023年12月31日", (400.0, 790.0, 500.0, 800.0), False),
])
def test_page_numbers(text: str, box: tuple[float, float, float, float], expected: bool) -> None:
    assert is_page_number(text, box, 595.3, 841.9) is expected


def _line(text: str, x0: float, top: float, x1: float, *, size: float = 16.0, page: int = 1) -> Line:
    return Line(text=text, box=(x0, top, x1, top + size), size=size, page=page)


def test_paragraphs_from_lines() -> None:
    m = Margins(79.5, 521.7)
    lines = [
        _line("淄博市行政审批服务局 2023 年政府信息公开", 87.2, 111.7, 514.0, size=22),  # centred title
        _line("工作年度报告", 234.6, 147.7, 366.6, size=22),
        _line("一、总体情况", 111.5, 211.3, 207.5),  # indented heading
        _line("2023 年，淄博市行政审批服务局坚持以习近平新时代中国", 111.5, 239.3, 521.3),
        _line("特色社会主义思想为指导，全面贯彻落实党的二十大精神，按", 79.5, 267.3, 520.2),
        _line("照市委、市政府部署。", 79.5, 295.3, 239.5),  # short: ends the paragraph
        _line("（一）持续深化主动公开", 79.5, 323.3, 255.5),  # a heading without indent, after a short line
        _line("督权。全年，共制发行政规范性文件 0 件，普通政府部门文件 9", 79.5, 715.3, 521.7),
        _line("件。发布人事任免信息 3 条。", 79.5, 111.3, 300.0, page=2),  # runs on across the page break
        _line("如对报告内容有疑问，请联系邮箱：", 79.5, 139.3, 335.5, page=2),  # short: the address did not fit
        _line("sxzspfwjbgs.information.office@zb.shandong.cn。", 79.5, 167.3, 462.0, page=2),
    ]
    paras = paragraphs(lines, m)
    assert [p.text for p in paras] == [
        "淄博市行政审批服务局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，淄博市行政审批服务局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，按照市委、市政府部署。",
        "（一）持续深化主动公开",
        "督权。全年，共制发行政规范性文件0件，普通政府部门文件9件。发布人事任免信息3条。",
        "如对报告内容有疑问，请联系邮箱：sxzspfwjbgs.information.office@zb.shandong.cn。",
    ]
    assert paras[4].page == 1 and paras[4].box == (79.5, 715.3, 521.7, 731.3)


def test_blank_line_gap_starts_a_paragraph() -> None:
    m = Margins(79.5, 521.7)
    lines = [_line("第一段的最后一行写满了整行文字第一段的最后一行写满了整", 79.5, 100.0, 521.0),
             _line("第二段没有首行缩进，但前面有空行", 79.5, 160.0, 300.0)]
    assert len(paragraphs(lines, m)) == 2


# ---------------------------------------------------------------------------------- stitching


def _part(page: int, rows: list[list[tuple[Any, ...]]], edges: list[float], top: float = 100.0,
          row_h: float = 20.0) -> Table:
    """A one-part table: each row lists (text, first column, rows spanned[, last column]) for the
    cells it starts."""
    cells = []
    for r, row in enumerate(rows):
        for spec in row:
            text, c, span_rows = spec[:3]
            last_col = spec[3] if len(spec) > 3 else c
            box = (edges[c], top + r * row_h, edges[last_col + 1], top + (r + span_rows) * row_h)
            cells.append(Cell(r, r + span_rows - 1, box[0], box[2], text, page, box))
    box = (edges[0], top, edges[-1], top + len(rows) * row_h)
    return Table(page=page, last_page=page, box=box, last_box=box, edges=list(edges), n_rows=len(rows), cells=cells)


EDGES = [80.0, 105.0, 150.0, 270.0, 310.0, 350.0]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in to_block(table, 0).rows]


def test_row_cut_by_the_page_break_is_one_row_again() -> None:
    top = _part(5, [[("一、本年新收", 0, 1, 2), ("7", 3, 1), ("7", 4, 1)],
                    [("5.要求行政机关确认或重新", 0, 1, 2), ("0", 3, 1), ("0", 4, 1)]], EDGES)
    rest = _part(6, [[("出具已获取信息", 0, 1, 2), ("", 3, 1), ("", 4, 1)],
                     [("（六）其他处理", 0, 1, 2), ("0", 3, 1), ("0", 4, 1)]], EDGES)
    assert continues(top, rest)
    stitch(top, rest)
    assert _texts(top) == [["一、本年新收"] * 3 + ["7", "7"],
                           ["5.要求行政机关确认或重新出具已获取信息"] * 3 + ["0", "0"],
                           ["（六）其他处理"] * 3 + ["0", "0"]]


def test_next_label_after_the_break_is_not_joined() -> None:
    # （四） ends the page exactly; （五） starts the next one: two cells, even though both are tall.
    top = _part(5, [[("三、本年度办理结果", 0, 2), ("（四）无法提供", 1, 2), ("1.本机关不掌握", 2, 1), ("3", 3, 1), ("3", 4, 1)],
                    [("2.没有现成信息", 2, 1), ("0", 3, 1), ("0", 4, 1)]], EDGES)
    rest = _part(6, [[("", 0, 2), ("（五）不予处理", 1, 2), ("1.信访举报投诉类申请", 2, 1), ("0", 3, 1), ("0", 4, 1)],
                     [("2.重复申请", 2, 1), ("0", 3, 1), ("0", 4, 1)]], EDGES)
    stitch(top, rest)
    grid = _texts(top)
    assert [row[1] for row in grid] == ["（四）无法提供", "（四）无法提供", "（五）不予处理", "（五）不予处理"]
    assert [row[0] for row in grid] == ["三、本年度办理结果"] * 4  # the empty rest of the tall cell joins it
    assert [row[2] for row in grid] == ["1.本机关不掌握", "2.没有现成信息", "1.信访举报投诉类申请", "2.重复申请"]


def test_repeated_header_rows_are_dropped() -> None:
    header = [("项目", 0, 1, 2), ("自然人", 3, 1), ("总计", 4, 1)]
    top = _part(5, [header, [("一、本年新收", 0, 1, 2), ("7", 3, 1), ("7", 4, 1)]], EDGES)
    rest = _part(6, [header, [("四、结转下年度继续办理", 0, 1, 2), ("0", 3, 1), ("0", 4, 1)]], EDGES)
    stitch(top, rest)
    assert [row[0] for row in _texts(top)] == ["项目", "一、本年新收", "四、结转下年度继续办理"]


def test_parts_with_other_edges_are_separate_tables() -> None:
    top = _part(5, [[("a", 0, 1), ("1", 1, 1)]], [80.0, 200.0, 520.0])
    shifted = _part(6, [[("b", 0, 1), ("2", 1, 1)]], [90.0, 200.0, 520.0])
    other_columns = _part(6, [[("b", 0, 1), ("2", 1, 1), ("3", 2, 1), ("4", 3, 1)]], [80.0, 111.0, 140.0, 169.0, 520.0])
    next_but_one = _part(7, [[("b", 0, 1), ("2", 1, 1)]], [80.0, 200.0, 520.0])
    assert not continues(top, shifted)
    assert not continues(top, other_columns)
    assert not continues(top, next_but_one)
