"""The .docx reader: every .docx fixture against the ground truth, and small hand-written documents
for each thing docs/format.md §12 says the walker must survive (tracked changes, content controls, merges,
ghost columns, list numbering, pictures as tables, Strict OOXML, zip bombs, entity expansion)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import struct
import time
import timeit
import zipfile
from pathlib import Path
from typing import Any

import pytest

from disclosure_lint import lint_path
from disclosure_lint.builder.builder import build_report
from disclosure_lint.errors import InputError
from disclosure_lint.limits import ArchiveLimits
from disclosure_lint.model import (
    CellKind,
    Document,
    Location,
    NoticeKind,
    Paragraph,
    SourceInfo,
    TableBlock,
)
from disclosure_lint.model.template import (
    LITIGATION_COLUMNS,
    REQUESTS_2021,
    REQUESTS_COLUMNS,
)
from disclosure_lint.read import Reader
from disclosure_lint.read.docx import DocxReader, RawCell, RawRow, build_grid
from disclosure_lint.read.docx_numbering import format_number
from disclosure_lint.read.registry import builtin_readers
from disclosure_lint.read.ziplimits import open_archive, read_member

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "seed.expected.json").read_text("utf-8"))
DOCX_FIXTURES = ["seed.docx", "variants/seed_quirks.docx", "variants/seed_lo_roundtrip.docx",
                 "variants/seed_autonum.docx", "variants/seed_split.docx"]
SECTION_KEYS = ["overview", "active", "requests", "litigation", "problems", "other_matters"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_NS = (f'xmlns:w="{W}" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --------------------------------------------------------------------------------------------
# Building small documents


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def make_docx(body: str, *, numbering: str | None = None, styles: str | None = None,
              ns: str = W, document: str | None = None) -> bytes:
    """A minimal .docx around ``body`` (the inside of ``w:body``)."""
    xml = document or (f'<?xml version="1.0" encoding="UTF-8"?>'
                       f'<w:document {_NS.replace(W, ns)}><w:body>{body}</w:body></w:document>')
    members: dict[str, bytes | str] = {"[Content_Types].xml": _TYPES, "word/document.xml": xml}
    if numbering is not None:
        members["word/numbering.xml"] = f'<w:numbering xmlns:w="{ns}">{numbering}</w:numbering>'
    if styles is not None:
        members["word/styles.xml"] = f'<w:styles xmlns:w="{ns}">{styles}</w:styles>'
    return zip_bytes(members)


def read(data: bytes, path: str = "report.docx") -> Document:
    return DocxReader().read(data, SourceInfo(path=path, format="docx"))


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(text: str = "", props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(r(text)) if text else '<w:p/>'}</w:tc>"


def tbl(rows: list[str], widths: list[int]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[TableBlock]:
    return [b for b in doc.blocks if isinstance(b, TableBlock)]


def grid_texts(table: TableBlock) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


# --------------------------------------------------------------------------------------------
# The fixtures against the ground truth


def _expected_values() -> dict[str, str]:
    """All 200 table values by canonical key, from the expected grids by position."""
    t2, t3, t4 = (EXPECTED["tables"][i]["grid"] for i in range(3))
    out: dict[str, str] = {}
    for row_no, row_key in ((2, "regulations"), (3, "normative_documents")):
        for c, col in enumerate(("issued", "repealed", "in_force"), start=1):
            out[f"active.{row_key}.{col}"] = t2[row_no][c]
    for row_no, row_key, col in ((6, "licensing", "decisions"), (9, "penalty", "decisions"),
                                 (10, "enforcement", "decisions"), (13, "fees", "amount")):
        out[f"active.{row_key}.{col}"] = t2[row_no][1]
    for i, row in enumerate(REQUESTS_2021.blocks[0].rows):
        for j, column in enumerate(REQUESTS_COLUMNS):
            out[f"requests.{row.key}.{column.key}"] = t3[3 + i][3 + j]
    for g, group in enumerate(("review", "suit_direct", "suit_after_review")):
        for j, column in enumerate(LITIGATION_COLUMNS):
            out[f"litigation.{group}.{column.key}"] = t4[3][g * 5 + j]
    return out


EXPECTED_VALUES = _expected_values()


def _merges(table: TableBlock) -> list[list[int]]:
    spans: dict[tuple[int, int], list[int]] = {}
    for r_, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            box = spans.setdefault(cell.origin, [r_, c, r_, c])
            box[2], box[3] = max(box[2], r_), max(box[3], c)
    return sorted(b for b in spans.values() if b[:2] != b[2:])


@pytest.fixture(scope="module", params=DOCX_FIXTURES)
def fixture_doc(request: pytest.FixtureRequest) -> Document:
    path = FIXTURES / request.param
    return read(path.read_bytes(), str(path))


def test_fixture_grids_and_merges(fixture_doc: Document) -> None:
    got = tables(fixture_doc)
    assert len(got) == 3
    for index, (table, spec) in enumerate(zip(got, EXPECTED["tables"])):
        assert [[_squash(t) for t in row] for row in grid_texts(table)] == \
            [[_squash(t) for t in row] for row in spec["grid"]], index
        assert _merges(table) == sorted(spec["merges"]), index
        assert table.location == Location(table=index)


def test_fixture_report_matches_ground_truth(fixture_doc: Document) -> None:
    report = build_report(fixture_doc)
    assert report.title is not None and report.title.text == EXPECTED["title"]
    assert [_squash(p_.text) for p_ in report.intro] == [_squash(EXPECTED["intro"])]
    assert report.period is not None
    assert (str(report.period.start), str(report.period.end)) == (EXPECTED["period"]["start"],
                                                                  EXPECTED["period"]["end"])
    assert report.contact is not None
    contact = report.contact
    assert contact.address is not None and contact.address.value == EXPECTED["contact"]["address"]
    assert contact.postcode is not None and contact.postcode.value == EXPECTED["contact"]["postcode"]
    assert [x.value for x in contact.phones] == [EXPECTED["contact"]["phone"]]
    assert contact.email is not None and contact.email.value == EXPECTED["contact"]["email"]
    assert contact.email.location.paragraph is not None
    assert [s.key for s in report.sections] == SECTION_KEYS
    for got, exp in zip(report.sections, EXPECTED["sections"]):
        assert (got.number, got.heading) == (exp["number"], exp["heading"])
        assert [_squash(x.text) for x in got.paragraphs] == [_squash(x) for x in exp["paragraphs"]]
    assert report.unrecognised == []


def test_fixture_all_200_values(fixture_doc: Document) -> None:
    report = build_report(fixture_doc)
    found = {c.key: c for t in (report.active, report.requests, report.litigation) if t for c in t.cells()}
    assert set(found) == set(EXPECTED_VALUES)
    for key, raw in EXPECTED_VALUES.items():
        assert _squash(found[key].raw) == raw, key
        assert found[key].value == int(raw), key
        assert found[key].kind in (CellKind.NUMBER, CellKind.ZERO), key
        loc = found[key].location
        assert loc.table is not None and loc.row is not None and loc.cell is not None, key


@pytest.mark.parametrize("name", DOCX_FIXTURES)
def test_fixture_lints_like_seed_txt(name: str) -> None:
    baseline = lint_path(FIXTURES / "seed.txt")
    result = lint_path(FIXTURES / name)
    assert result.input_error is None
    assert [f for f in result.findings if str(f.severity) in ("warning", "error")] == []
    # DL007 (tracked changes, info) is the one finding seed_quirks.docx may add.
    assert sorted(f.rule_id for f in result.findings if f.rule_id != "DL007") == \
        sorted(f.rule_id for f in baseline.findings)


def test_seed_locations() -> None:
    doc = read((FIXTURES / "seed.docx").read_bytes())
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.location == Location(paragraph=0)
    intro = doc.blocks[1]
    assert isinstance(intro, Paragraph) and intro.location == Location(paragraph=2)  # empty ¶1 counted
    indexes = [b.location.paragraph for b in doc.blocks if isinstance(b, Paragraph)]
    assert indexes == sorted(set(indexes))
    report = build_report(doc)
    cell = report.cell("requests.granted.natural_person")
    assert cell is not None and cell.location == Location(table=1, row=5, cell=3)
    fee = report.cell("active.fees.amount")
    assert fee is not None and fee.location == Location(table=0, row=13, cell=1)
    assert report.sections[0].location.paragraph is not None


def test_quirks_details() -> None:
    doc = read((FIXTURES / "variants" / "seed_quirks.docx").read_bytes())
    assert [n.kind for n in doc.notices] == [NoticeKind.TRACKED_CHANGES]
    notice = doc.notices[0]
    assert notice.location == Location(table=1, row=3, cell=3)
    assert "插入 1 处" in notice.detail and "删除 1 处" in notice.detail
    assert tables(doc)[1].rows[3][3].text == "7"  # w:del 6 / w:ins 7 → 7, never "67"
    all_text = "\n".join(texts(doc))
    assert "sxzspfwjbgs@zb.shandong.cn" in all_text  # inside w:hyperlink
    assert "统计期限自2023年1月1日起" in all_text  # a w:smartTag around "2023"
    ragged = tables(doc)[0].rows[5]
    assert [c.text for c in ragged] == EXPECTED["tables"][0]["grid"][5]
    assert ragged[1].origin == ragged[3].origin == (5, 1)  # the narrow cell widened to the edge
    assert len({c.origin for c in ragged}) == 2


def test_lo_roundtrip_ghost_column_dropped() -> None:
    doc = read((FIXTURES / "variants" / "seed_lo_roundtrip.docx").read_bytes())
    litigation = tables(doc)[2]
    assert litigation.n_cols == 15
    assert [c.text for c in litigation.rows[0]] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert litigation.rows[0][5].origin == (0, 5)
    assert litigation.rows[3][4].location == Location(table=2, row=3, cell=4)


def test_autonum_headings_get_their_numbers() -> None:
    doc = read((FIXTURES / "variants" / "seed_autonum.docx").read_bytes())
    got = texts(doc)
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项",
                    "（一）持续深化主动公开", "（五）健全监督保障机制"):
        assert heading in got
    # table 三's own "一、本年新收…" is a cell, not a numbered paragraph: numbering left it alone
    assert tables(doc)[1].rows[3][0].text.startswith("一、本年新收")


def test_changed_cell_is_caught_and_located(tmp_path: Path) -> None:
    seed = FIXTURES / "seed.docx"
    with zipfile.ZipFile(seed) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    # Table 三, （一）予以公开: natural person 2 → 3 (its row total stays 2).
    anchor = xml.index("（一）予以公开")
    cut = xml.index("<w:t>2</w:t>", anchor)
    members["word/document.xml"] = (xml[:cut] + "<w:t>3</w:t>" + xml[cut + 12:]).encode("utf-8")
    path = tmp_path / "changed.docx"
    path.write_bytes(zip_bytes(members))  # type: ignore[arg-type]
    result = lint_path(path)
    # Rules comparing the text with the tables (DL4xx) may add their own findings; the arithmetic
    # ones must be exactly these, located at the cells.
    found = {(f.rule_id, str(f.severity), f.place.location) for f in result.findings
             if f.rule_id.startswith("DL3")}
    assert found == {
        ("DL302", "error", Location(table=1, row=5, cell=9)),  # the row's total column
        ("DL303", "error", Location(table=1, row=26, cell=3)),  # the column's （七）总计 row
    }


def test_reader_is_fast() -> None:
    reader = DocxReader()
    for name, budget in (("seed.docx", 0.030), ("variants/seed_autonum.docx", 0.060)):
        data = (FIXTURES / name).read_bytes()
        source = SourceInfo(path=name, format="docx")
        reader.read(data, source)
        per_read = min(timeit.repeat(lambda d=data, s=source: reader.read(d, s), number=5, repeat=3)) / 5
        assert per_read < budget, name  # measured ~7 ms; generous so a loaded CI does not flake


# --------------------------------------------------------------------------------------------
# Sniffing and registration


def test_reader_protocol_and_registry() -> None:
    reader = DocxReader()
    assert isinstance(reader, Reader)
    assert any(isinstance(x, DocxReader) for x in builtin_readers())


@pytest.mark.parametrize(("name", "claimed"), [
    ("seed.docx", True), ("variants/seed_lo_roundtrip.docx", True), ("seed.txt", False),
    ("seed.html", False), ("seed.pdf", False), ("variants/seed_legacy.doc", False),
])
def test_sniff_fixtures(name: str, claimed: bool) -> None:
    assert DocxReader().sniff((FIXTURES / name).read_bytes()[:8192], name) is claimed


def test_sniff_undecided_zip_by_name() -> None:
    # [Content_Types].xml last and no word/ member in the head: the head cannot tell.
    filler = {f"media/f{i}.bin": bytes(range(256)) * 40 for i in range(4)}
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zf:
        for name, data in filler.items():
            zf.writestr(name, data)
        zf.writestr("[Content_Types].xml", _TYPES)
    head = stored.getvalue()[:8192]
    assert DocxReader().sniff(head, "x.docx") is True
    assert DocxReader().sniff(head, "x.zip") is False


def test_strict_ooxml_namespace() -> None:
    data = make_docx(p(r("二、主动公开政府信息情况")) + tbl([f"<w:tr>{tc('规章')}{tc('0')}</w:tr>"], [2000, 2000]),
                     ns=W_STRICT)
    doc = read(data)
    assert texts(doc) == ["二、主动公开政府信息情况"]
    assert grid_texts(tables(doc)[0]) == [["规章", "0"]]


# --------------------------------------------------------------------------------------------
# Paragraph text


def test_runs_hyperlinks_fields_tabs_breaks() -> None:
    body = p(
        r("电话："),
        '<w:hyperlink r:id="rId9"><w:r><w:t>0533</w:t></w:r></w:hyperlink>',
        '<w:smartTag w:uri="x" w:element="chsdate"><w:r><w:t>-2306909</w:t></w:r></w:smartTag>',
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>；</w:t></w:r></w:fldSimple>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "mailto:a@b.cn"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>a@b.cn</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:cr/><w:t>z</w:t></w:r>',
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>',
        '<w:sdt><w:sdtPr><w:alias w:val="标签"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>',
        '<w:customXml w:element="c"><w:r><w:t>自定义</w:t></w:r></w:customXml>',
    )
    assert texts(read(make_docx(body))) == ["电话：0533-2306909；a@b.cn\tx\ny\nz控件自定义"]


def test_tab_stops_in_paragraph_properties_are_not_text() -> None:
    body = p(r("一、总体情况"), ppr='<w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs>')
    assert texts(read(make_docx(body))) == ["一、总体情况"]


def test_tracked_changes_accept_all_view() -> None:
    body = (
        p(r("收到申请"), '<w:del w:id="1" w:author="a"><w:r><w:delText>6</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="a"><w:r><w:t>7</w:t></w:r></w:ins>', r("件"))
        + p('<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>', r("正文"))
        + p('<w:moveTo w:id="4" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo>')
    )
    doc = read(make_docx(body))
    assert texts(doc) == ["收到申请7件", "正文", "新位置"]
    assert len(doc.notices) == 1
    notice = doc.notices[0]
    assert notice.kind is NoticeKind.TRACKED_CHANGES
    assert notice.location == Location(paragraph=0)
    assert "插入 2 处" in notice.detail and "删除 2 处" in notice.detail


def test_body_level_insertions_and_deleted_rows() -> None:
    rows = [f"<w:tr>{tc('规章')}{tc('1')}</w:tr>",
            f'<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>{tc("删掉的行")}{tc("9")}</w:tr>',
            f"<w:tr>{tc('行政规范性文件')}{tc('2')}</w:tr>"]
    body = (p(r("前言"))
            + f'<w:ins w:id="1" w:author="a">{p(r("插入的段落"))}</w:ins>'
            + f'<w:del w:id="2" w:author="a">{p(r("删除的段落"))}</w:del>'
            + tbl(rows, [2000, 2000]))
    doc = read(make_docx(body))
    assert texts(doc) == ["前言", "插入的段落"]
    assert grid_texts(tables(doc)[0]) == [["规章", "1"], ["行政规范性文件", "2"]]
    assert doc.notices[0].location == Location(paragraph=1)


def test_no_tracked_changes_no_notice() -> None:
    assert read(make_docx(p(r("正文")))).notices == []


def test_alternate_content_read_once() -> None:
    box = '<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>'
    body = p(r("前"), '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
             f'{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box}</v:textbox>'
             '</w:pict></mc:Fallback></mc:AlternateContent></w:r>', r("后"))
    assert [_squash(t) for t in texts(read(make_docx(body)))] == ["前文本框后"]


def test_empty_paragraphs_are_counted_not_emitted() -> None:
    doc = read(make_docx("<w:p/>" + p(r("　　正文　")) + "<w:p/>" + p(r("末"))))
    assert [(b.text, b.location.paragraph) for b in doc.blocks] == [("正文", 1), ("末", 3)]


# --------------------------------------------------------------------------------------------
# Grids


SPAN2 = '<w:gridSpan w:val="2"/>'


def test_merges_vmerge_without_val_gridbefore_hmerge() -> None:
    restart, h_restart, h_continue = ('<w:vMerge w:val="restart"/>', '<w:hMerge w:val="restart"/>',
                                      '<w:hMerge w:val="continue"/>')
    rows = [
        f"<w:tr>{tc('甲', restart)}{tc('乙', SPAN2)}</w:tr>",
        f"<w:tr>{tc('', '<w:vMerge/>')}{tc('1')}{tc('2')}</w:tr>",
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{tc("丙")}{tc("3")}</w:tr>',
        f"<w:tr>{tc('丁', h_restart)}{tc('', h_continue)}{tc('4')}</w:tr>",
    ]
    table = tables(read(make_docx(tbl(rows, [1000, 1000, 1000]))))[0]
    assert grid_texts(table) == [["甲", "乙", "乙"], ["甲", "1", "2"], ["", "丙", "3"], ["丁", "丁", "4"]]
    assert table.rows[1][0].origin == (0, 0) and table.rows[1][0].location == Location(table=0, row=0, cell=0)
    assert table.rows[0][2].origin == (0, 1)
    assert table.rows[2][0].origin == (2, 0) and table.rows[3][1].origin == (3, 0)


def test_sdt_and_custom_xml_at_row_and_cell_level() -> None:
    rows = [
        f'<w:sdt><w:sdtContent><w:tr>{tc("规章")}{tc("0")}</w:tr></w:sdtContent></w:sdt>',
        (f'<w:customXml w:element="row"><w:tr><w:sdt><w:sdtContent>{tc("行政许可")}</w:sdtContent></w:sdt>'
         f'<w:tc><w:sdt><w:sdtContent>{p(r("18463"))}</w:sdtContent></w:sdt></w:tc></w:tr></w:customXml>'),
    ]
    body = f'<w:sdt><w:sdtContent>{tbl(rows, [2000, 2000])}</w:sdtContent></w:sdt>'
    assert grid_texts(tables(read(make_docx(body)))[0]) == [["规章", "0"], ["行政许可", "18463"]]


def test_cell_paragraphs_joined_with_newline() -> None:
    cell = f"<w:tc>{p(r('（本列数据的勾稽关系为：'))}<w:p/>{p(r('等于第三项加第四项之和）'))}</w:tc>"
    table = tables(read(make_docx(tbl([f"<w:tr>{cell}</w:tr>"], [3000]))))[0]
    assert table.rows[0][0].text == "（本列数据的勾稽关系为：\n等于第三项加第四项之和）"


def test_ghost_column_dropped_text_never_lost() -> None:
    rows = [f"<w:tr>{tc('总计', SPAN2)}{tc('A')}</w:tr>",
            f"<w:tr>{tc('0')}{tc('')}{tc('1')}</w:tr>"]
    table = tables(read(make_docx(tbl(rows, [583, 1, 583]))))[0]
    assert grid_texts(table) == [["总计", "A"], ["0", "1"]]
    # The same narrow column holding text of its own is kept.
    rows[1] = f"<w:tr>{tc('0')}{tc('注')}{tc('1')}</w:tr>"
    table = tables(read(make_docx(tbl(rows, [583, 1, 583]))))[0]
    assert grid_texts(table) == [["总计", "总计", "A"], ["0", "注", "1"]]


def test_crafted_spans_are_clamped() -> None:
    huge = '<w:gridSpan w:val="1000000000"/>'
    rows = [f"<w:tr>{tc('标题', huge)}</w:tr>", f"<w:tr>{tc('规章')}{tc('0')}</w:tr>"]
    table = tables(read(make_docx(tbl(rows, [2000, 2000]))))[0]
    assert grid_texts(table) == [["标题", "标题"], ["规章", "0"]]
    wide = '<w:gridSpan w:val="256"/>'
    many = tbl([f"<w:tr>{tc('x', wide)}</w:tr><w:tr>{tc('y')}{tc('', wide)}</w:tr>"] * 2000, [100])
    assert "too large" in _input_error(make_docx(many)).en


def test_build_grid_column_where_no_cell_starts() -> None:
    rows = [RawRow(cells=[RawCell(0, 2, "标题")]), RawRow(cells=[RawCell(0, 2, "值")])]
    grid = build_grid(rows, [1000, 1000], table=4)
    assert [[c.text for c in row] for row in grid] == [["标题"], ["值"]]
    assert grid[1][0].location == Location(table=4, row=1, cell=0)
    assert build_grid([], [], 0) == []


def test_layout_table_is_unwrapped() -> None:
    inner = tbl([f"<w:tr>{tc('规章')}{tc('0')}</w:tr>"], [2000, 2000])
    outer = tbl([f"<w:tr><w:tc>{p(r('二、主动公开政府信息情况'))}{inner}<w:p/></w:tc></w:tr>"], [4000])
    doc = read(make_docx(outer + p(r("三、收到和处理政府信息公开申请情况"))))
    assert texts(doc) == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
    assert [grid_texts(t) for t in tables(doc)] == [[["规章", "0"]]]
    assert tables(doc)[0].location == Location(table=0)


# --------------------------------------------------------------------------------------------
# Tables as pictures (DL008)

_PICTURE = '<w:r><w:drawing><wp:inline xmlns:wp="urn:x"/></w:drawing></w:r>'
_OBJECT = '<w:r><w:object><v:shape/></w:object></w:r>'


def test_table_as_picture_under_a_table_section() -> None:
    body = (p(r("一、总体情况")) + p(_PICTURE) + p(r("正文"))
            + p(r("二、主动公开政府信息情况")) + p(_PICTURE)
            + p(r("三、收到和处理政府信息公开申请情况")) + p(_OBJECT)
            + p(r("四、政府信息公开行政复议、行政诉讼情况")) + tbl([f"<w:tr>{tc('行政复议')}</w:tr>"], [3000])
            + p(_PICTURE)
            + p(r("五、存在的主要问题及改进情况")))
    notices = read(make_docx(body)).notices
    assert [(n.kind, n.location) for n in notices] == [
        (NoticeKind.TABLE_AS_IMAGE, Location(paragraph=4)),
        (NoticeKind.TABLE_AS_IMAGE, Location(paragraph=6)),
    ]
    assert "主动公开" in notices[0].detail


def test_picture_wrapped_in_a_table_counts_as_picture() -> None:
    body = p(r("二、主动公开政府信息情况")) + tbl([f"<w:tr><w:tc>{p(_PICTURE)}</w:tc></w:tr>"], [5000])
    doc = read(make_docx(body))
    assert tables(doc) == []
    assert [(n.kind, n.location) for n in doc.notices] == [(NoticeKind.TABLE_AS_IMAGE, Location(table=0))]


def test_prose_with_an_ordinal_is_not_a_heading() -> None:
    body = (p(r("一、总体情况")) + p(r("三是加强申请办理，提升答复质量")) + p(_PICTURE)
            + p(r("四、政府信息公开行政复议、行政诉讼情况")) + tbl([f"<w:tr>{tc('行政复议')}</w:tr>"], [3000])
            + p(r("五、工作中的不足")) + p(_PICTURE))  # a reworded 五 still ends section 四
    assert read(make_docx(body)).notices == []


def test_no_picture_no_table_notice() -> None:
    assert read(make_docx(p(r("二、主动公开政府信息情况")) + p(r("本年无数据。")))).notices == []


# --------------------------------------------------------------------------------------------
# List numbering

_LEVELS = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%3.%4"/>'
    "</w:lvl></w:abstractNum>"
    '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>'
)


def numbered(text: str, num: str, ilvl: int | None = None) -> str:
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return p(r(text), ppr=f'<w:numPr>{lvl}<w:numId w:val="{num}"/></w:numPr>')


def test_numbering_levels_and_counters_that_reset() -> None:
    # "%1.%3" shows level 1 in its own format (一.1) unless the level is w:isLgl (1.1.1).
    body = (numbered("总体情况", "1", 0) + numbered("持续深化主动公开", "1", 1)
            + numbered("规范依申请公开办理", "1", 1) + numbered("细项", "1", 2) + numbered("法条", "1", 3)
            + numbered("主动公开政府信息情况", "1", 0) + numbered("新的小节", "1", 1)
            + numbered("要点", "2", 0) + p(r("无编号"), ppr='<w:numPr><w:numId w:val="0"/></w:numPr>')
            + p(ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')  # empty: counts
            + numbered("存在的主要问题及改进情况", "1", 0))
    assert texts(read(make_docx(body, numbering=_LEVELS))) == [
        "一、总体情况", "（一）持续深化主动公开", "（二）规范依申请公开办理", "一.1 细项", "1.1.1 法条",
        "二、主动公开政府信息情况", "（一）新的小节", "要点", "无编号", "四、存在的主要问题及改进情况"]


def test_numbering_overrides_and_formats() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCountingThousand"/><w:suff w:val="space"/><w:lvlText w:val="第%1条"/></w:lvl>'
        "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="9"/>'
        '<w:numFmt w:val="ideographDigital"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>'
        "</w:lvlOverride></w:num>"
    )
    body = (numbered("甲", "3", 0) + numbered("乙", "3", 0) + numbered("丙", "4", 0) + numbered("丁", "4", 0)
            + numbered("戊", "5", 0))
    assert texts(read(make_docx(body, numbering=numbering))) == [
        "第十一条 甲", "第十二条 乙", "九. 丙", "一〇. 丁", "③ 戊"]


def test_style_linked_numbering_through_based_on() -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
    )
    numbering = _LEVELS.replace('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="1"><w:pStyle w:val="H2"/>', 1)
    body = (p(r("总体情况"), ppr='<w:pStyle w:val="H1"/>') + p(r("小节"), ppr='<w:pStyle w:val="H2"/>')
            + p(r("主动公开政府信息情况"), ppr='<w:pStyle w:val="H1x"/>')
            + p(r("正文"), ppr='<w:pStyle w:val="Normal"/>'))
    assert texts(read(make_docx(body, numbering=numbering, styles=styles))) == [
        "一、总体情况", "（一）小节", "二、主动公开政府信息情况", "正文"]


def test_damaged_numbering_part_costs_only_the_prefixes() -> None:
    data = make_docx(numbered("总体情况", "1", 0), numbering="<w:abstractNum")
    assert texts(read(data)) == ["总体情况"]


@pytest.mark.parametrize(("n", "fmt", "text"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (99, "chineseCounting", "九十九"),
    (105, "chineseCountingThousand", "一百零五"), (1010, "chineseCountingThousand", "一千零一十"),
    (3, "chineseLegalSimplified", "叁"), (12, "chineseLegalSimplified", "壹拾贰"),
    (10, "ideographDigital", "一〇"), (2, "ideographTraditional", "乙"), (3, "ideographEnclosedCircle", "㈢"),
    (21, "decimalEnclosedCircle", "㉑"), (2, "decimalEnclosedParen", "⑵"), (4, "upperRoman", "IV"),
    (28, "upperLetter", "BB"), (3, "lowerLetter", "c"), (7, "decimalZero", "07"), (5, "none", ""),
    (12, "decimalFullWidth", "１２"), (6, "somethingNew", "6"),
])
def test_format_number(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


# --------------------------------------------------------------------------------------------
# Robustness: one-line input errors, zip limits, no entity expansion, nothing written


def _input_error(data: bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read(data, "bad.docx")
    err = info.value
    assert "\n" not in err.zh and "\n" not in err.en
    assert err.path == "bad.docx" and err.located().startswith("bad.docx：")
    return err


def test_malformed_inputs_give_one_line_errors() -> None:
    seed = (FIXTURES / "seed.docx").read_bytes()
    assert "损坏" in _input_error(b"PK\x03\x04 this is not a zip").zh
    _input_error(seed[: len(seed) // 2])  # truncated: no central directory
    assert "document.xml" in _input_error(zip_bytes({"[Content_Types].xml": _TYPES})).zh
    err = _input_error(zip_bytes({"[Content_Types].xml": _TYPES, "word/document.xml": "<w:document"}))
    assert "XML" in err.en
    xlsx_types = _TYPES.replace("wordprocessingml.document.main", "spreadsheetml.sheet.main")
    assert "Word" in _input_error(zip_bytes({"[Content_Types].xml": xlsx_types, "xl/workbook.xml": "<x/>"})).en
    not_word = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    assert "WordprocessingML" in _input_error(zip_bytes({"[Content_Types].xml": _TYPES,
                                                          "word/document.xml": not_word})).en


def test_zip_bomb_and_member_count_refused() -> None:
    bomb = make_docx(p(r("正文")) + p(r("0" * (3 << 20))))  # 3 MB of zeros inflate from a few KB
    with open_archive(bomb) as zf, pytest.raises(InputError) as info:
        read_member(zf, "word/document.xml", ArchiveLimits(member_size=1 << 20))
    assert "MB" in info.value.en
    with pytest.raises(InputError):
        open_archive(bomb, ArchiveLimits(expanded_size=1 << 20))
    many = zip_bytes({"[Content_Types].xml": _TYPES, **{f"m/{i}": b"" for i in range(10_001)}})
    err = _input_error(many)
    assert "10000" in err.en


def _patch_headers(data: bytes, member: bytes, local: tuple[int, str, int],
                   central: tuple[int, str, int]) -> bytes:
    """Overwrite one field of ``member``'s local header and central directory entry."""
    out = bytearray(data)
    for signature, (offset, fmt, value), name_at in ((b"PK\x03\x04", local, 30), (b"PK\x01\x02", central, 46)):
        pos = data.find(signature)
        while pos >= 0:
            name_len = struct.unpack_from("<H", data, pos + (26 if name_at == 30 else 28))[0]
            if data[pos + name_at:pos + name_at + name_len] == member:
                struct.pack_into(fmt, out, pos + offset, value)
            pos = data.find(signature, pos + 4)
    return bytes(out)


def test_understated_member_size_is_not_trusted() -> None:
    # Headers claiming 10 bytes for a member that inflates to 2 MB: never more than the cap comes
    # out, and the mismatch is reported as a damaged file.
    data = make_docx(p(r("x" * (2 << 20))))
    lying = _patch_headers(data, b"word/document.xml", (22, "<I", 10), (24, "<I", 10))
    with open_archive(lying) as zf, pytest.raises(InputError):
        read_member(zf, "word/document.xml", ArchiveLimits(member_size=1 << 20))
    _input_error(lying)


def test_encrypted_member_refused() -> None:
    data = make_docx(p(r("正文")))
    flagged = _patch_headers(data, b"word/document.xml", (6, "<H", 1), (8, "<H", 1))
    assert "encrypted" in _input_error(flagged).en


def _with_doctype(subset: str, body: str) -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [{subset}]>'
                f"<w:document {_NS}><w:body>{body}</w:body></w:document>")
    return make_docx("", document=document)


def test_external_entity_never_expands(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", "utf-8")
    data = _with_doctype(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY word "内部实体">',
                         p(r("前"), "<w:r><w:t>&xxe;&word;</w:t></w:r>", r("后")))
    doc = read(data)
    assert texts(doc) == ["前后"]  # neither the file nor the internal entity is substituted


def test_billion_laughs_never_expands() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = _with_doctype(f'<!ENTITY l0 "haha">{laughs}', p("<w:r><w:t>&l9;</w:t></w:r>", r("尾")))
    start = time.perf_counter()
    try:
        doc = read(data)
    except InputError as err:  # libxml2 ≥ 2.11 refuses the amplification outright
        assert "\n" not in err.zh and "XML" in err.en
    else:
        assert texts(doc) == ["尾"]
    assert time.perf_counter() - start < 1.0


def test_legacy_doc_renamed_docx_is_refused(tmp_path: Path) -> None:
    renamed = tmp_path / "x.docx"
    shutil.copyfile(FIXTURES / "variants" / "seed_legacy.doc", renamed)
    result = lint_path(renamed)
    assert result.input_error is not None
    assert ".docx" in result.input_error.zh and ".docx" in result.input_error.en
    assert "\n" not in result.input_error.zh


def test_lint_never_writes_the_input(tmp_path: Path) -> None:
    copy = tmp_path / "seed.docx"
    shutil.copyfile(FIXTURES / "variants" / "seed_quirks.docx", copy)
    before = (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns)
    lint_path(copy)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert lint_path(bad).input_error is not None
    assert (hashlib.sha256(copy.read_bytes()).hexdigest(), copy.stat().st_mtime_ns) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["bad.docx", "seed.docx"]
