"""The HTML reader on the seed page, its gb2312 and sloppy-markup variants, and hand-written pages
for what government sites do (docs/format.md §12)."""

from __future__ import annotations

import hashlib
import json
import re
import time
import timeit
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint import lint_path
from disclosure_lint.api import lint_bytes
from disclosure_lint.builder.builder import build_report
from disclosure_lint.builder.loading import parse_bytes
from disclosure_lint.config import Config
from disclosure_lint.errors import InputError
from disclosure_lint.model import (
    CellKind,
    Document,
    NoticeKind,
    Paragraph,
    Report,
    SourceInfo,
    TableBlock,
)
from disclosure_lint.model.template import (
    LITIGATION_COLUMNS,
    REQUESTS_2021,
    REQUESTS_COLUMNS,
)
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.read import Reader
from disclosure_lint.read.html import HtmlReader, declared_charset
from disclosure_lint.read.registry import builtin_readers
from disclosure_lint.read.text import TextReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "seed.expected.json").read_text("utf-8"))
PAGES = ["seed.html", "variants/seed_gb2312.html", "variants/seed_sloppy.html"]
SECTION_KEYS = ["overview", "active", "requests", "litigation", "problems", "other_matters"]


def _read(data: bytes, path: str = "page.html") -> Document:
    return HtmlReader().read(data, SourceInfo(path=path, format="html"))


def _page(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset=\"{charset}\">{head}</head>"
            f"<body>{body}</body></html>").encode("utf-8" if charset == "utf-8" else charset)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _tables(doc: Document) -> list[TableBlock]:
    return [b for b in doc.blocks if isinstance(b, TableBlock)]


def _paragraphs(doc: Document) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def _texts(doc: Document) -> list[str]:
    return [p.text for p in _paragraphs(doc)]


def _grid(table: TableBlock) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def _merges(table: TableBlock) -> list[list[int]]:
    """Merge rectangles [r0, c0, r1, c1] of regions covering more than one position."""
    spans: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            r0, c0 = cell.origin
            box = spans.setdefault((r0, c0), [r0, c0, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
    return sorted(b for b in spans.values() if b[:2] != b[2:])


def _expected_values() -> dict[str, str]:
    """All 200 values of the seed by canonical key, by position in the expected grids (an oracle
    independent of the builder's label matching; the same as tests/build's)."""
    t2, t3, t4 = (EXPECTED["tables"][i]["grid"] for i in range(3))
    out: dict[str, str] = {}
    for r, row_key in ((2, "regulations"), (3, "normative_documents")):
        for c, col in enumerate(("issued", "repealed", "in_force"), start=1):
            out[f"active.{row_key}.{col}"] = t2[r][c]
    for r, row_key, col in ((6, "licensing", "decisions"), (9, "penalty", "decisions"),
                            (10, "enforcement", "decisions"), (13, "fees", "amount")):
        out[f"active.{row_key}.{col}"] = t2[r][1]
    for i, row in enumerate(REQUESTS_2021.blocks[0].rows):
        for j, col in enumerate(REQUESTS_COLUMNS):
            out[f"requests.{row.key}.{col.key}"] = t3[3 + i][3 + j]
    for g, group in enumerate(("review", "suit_direct", "suit_after_review")):
        for j, col in enumerate(LITIGATION_COLUMNS):
            out[f"litigation.{group}.{col.key}"] = t4[3][g * 5 + j]
    return out


EXPECTED_VALUES = _expected_values()


def _source_lines(name: str) -> list[str]:
    data = (FIXTURES / name).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return text.split("\n")


@pytest.fixture(scope="module", params=PAGES)
def page(request: pytest.FixtureRequest) -> tuple[str, Document, Report]:
    name: str = request.param
    doc = _read((FIXTURES / name).read_bytes(), name)
    return name, doc, build_report(doc)


# ---------------------------------------------------------------------------------- protocol


def test_reader_protocol_and_registry() -> None:
    reader = HtmlReader()
    assert isinstance(reader, Reader)
    assert reader.name == "html"
    assert reader.priority > TextReader.priority
    assert any(isinstance(r, HtmlReader) for r in builtin_readers())


@pytest.mark.parametrize("name", PAGES)
def test_sniffs_the_pages(name: str) -> None:
    head = (FIXTURES / name).read_bytes()[:8192]
    assert HtmlReader().sniff(head, name)
    assert not TextReader().sniff(head, name)


@pytest.mark.parametrize("name", ["seed.txt", "seed.docx", "seed.pdf", "variants/seed_legacy.doc"])
def test_does_not_sniff_other_formats(name: str) -> None:
    assert not HtmlReader().sniff((FIXTURES / name).read_bytes()[:8192], name)


def test_sniffs_html_saved_as_txt_and_markup_after_bom() -> None:
    assert HtmlReader().sniff(b"\xef\xbb\xbf  <html><body>x</body></html>", "report.txt")
    assert HtmlReader().sniff(b"<!-- disclosure-lint: disable=DL204 -->\n<p>x</p>", "r.htm")
    assert not HtmlReader().sniff(b"<!-- disclosure-lint: disable=DL204 -->\n# Title\n", "r.md")


@pytest.mark.parametrize("name", PAGES)
def test_engine_picks_the_html_reader(name: str) -> None:
    readers = sorted(builtin_readers(), key=lambda r: -r.priority)
    report = parse_bytes((FIXTURES / name).read_bytes(), name, readers)
    assert report.source.format == "html"


# ---------------------------------------------------------------------------------- the seed


def test_encoding_is_recorded(page: tuple[str, Document, Report]) -> None:
    name, doc, _ = page
    assert doc.source.encoding == ("utf-8" if name == "seed.html" else "gb18030")


def test_three_tables_as_expected_grids_and_merges(page: tuple[str, Document, Report]) -> None:
    _, doc, _ = page
    tables = _tables(doc)
    assert len(tables) == 3
    for table, spec in zip(tables, EXPECTED["tables"]):
        assert (table.n_rows, table.n_cols) == (spec["rows"], spec["cols"])
        assert all(len(row) == spec["cols"] for row in table.rows)
        assert [[_squash(t) for t in row] for row in _grid(table)] == \
            [[_squash(t) for t in row] for row in spec["grid"]]
        assert _merges(table) == sorted(spec["merges"])


def test_cell_texts_keep_what_was_written(page: tuple[str, Document, Report]) -> None:
    _, doc, _ = page
    t3, t4 = _tables(doc)[1], _tables(doc)[2]
    assert t3.rows[0][0].text == EXPECTED["tables"][1]["grid"][0][0]  # <br /> → "\n", one cell
    assert t3.rows[2][4].text == "商业\n企业"
    assert t3.rows[2][5].text == "科研机构"
    assert t3.rows[2][6].text == "社会公益\n组织"
    assert t3.rows[2][7].text == "法律服务\u00a0机构"
    assert t3.rows[2][8].text == "其\u00a0\u00a0他"
    assert t3.rows[1][9].text == "总　计"
    assert t4.rows[1][4].text == "总\n计"
    assert _tables(doc)[0].rows[6][1].text == "18463"  # "18<span>463</span>"


def test_paragraphs_title_intro_and_sections(page: tuple[str, Document, Report]) -> None:
    _, doc, report = page
    texts = _texts(doc)
    assert texts[0] == EXPECTED["title"]
    assert texts.count(EXPECTED["title"]) == 1  # the CMS's <h1> is not repeated
    assert texts[1] == EXPECTED["intro"]
    for text in texts:  # indentation (&nbsp;×8, 　　) is gone, none of the three ways survives
        assert text == text.strip(" \u00a0\u3000\t\n")
    assert report.title is not None and report.title.text == EXPECTED["title"]
    assert [_squash(p.text) for p in report.intro] == [_squash(EXPECTED["intro"])]
    assert [s.key for s in report.sections] == SECTION_KEYS
    for got, exp in zip(report.sections, EXPECTED["sections"]):
        assert (got.number, got.heading) == (exp["number"], exp["heading"])
        assert [_squash(p.text) for p in got.paragraphs] == [_squash(p) for p in exp["paragraphs"]]
        assert got.other_tables == 0
    assert [s.tables for s in report.sections] == [[], ["active"], ["requests"], ["litigation"], [], []]
    assert report.unrecognised == []


def test_period_and_contact(page: tuple[str, Document, Report]) -> None:
    _, _, report = page
    assert report.period is not None
    assert str(report.period.start) == EXPECTED["period"]["start"]
    assert str(report.period.end) == EXPECTED["period"]["end"]
    contact = report.contact
    assert contact.address is not None and contact.address.value == EXPECTED["contact"]["address"]
    assert contact.postcode is not None and contact.postcode.value == EXPECTED["contact"]["postcode"]
    assert [p.value for p in contact.phones] == [EXPECTED["contact"]["phone"]]
    assert contact.email is not None and contact.email.value == EXPECTED["contact"]["email"]


def test_all_200_values(page: tuple[str, Document, Report]) -> None:
    _, _, report = page
    found = {c.key: c for t in (report.active, report.requests, report.litigation) if t for c in t.cells()}
    assert set(found) == set(EXPECTED_VALUES) and len(found) == 200
    for key, raw in EXPECTED_VALUES.items():
        assert _squash(found[key].raw) == raw, key
        assert found[key].value == int(raw), key
        assert found[key].kind is (CellKind.ZERO if raw == "0" else CellKind.NUMBER), key
    for table in (report.active, report.requests, report.litigation):
        assert table is not None and table.missing == [] and table.unmatched == []
        assert [u for u in table.labels if u.differs] == []


def test_page_chrome_is_left_out(page: tuple[str, Document, Report]) -> None:
    _, doc, _ = page
    blob = "\n".join(_texts(doc)) + "".join(c.text for t in _tables(doc) for row in t.rows for c in row)
    for chrome in ("首页", "当前位置", "浏览次数", "发布日期", "字号", "打印本页", "关闭窗口", "网站标识码",
                   "ICP", "主办单位", "document.write", ".TRS_Editor", "font-family", "jquery"):
        assert chrome not in blob, chrome
    # The footer's address is the website's: only the report's own contact line names the street.
    assert sum(t.count("西四路119号") for t in _texts(doc)) == 1


def test_publication_date_from_the_page(page: tuple[str, Document, Report]) -> None:
    _, doc, report = page
    assert doc.published_on == date(2024, 1, 26)
    assert report.published_on == date(2024, 1, 26)
    assert doc.notices == []


def test_same_findings_as_the_text_seed() -> None:
    def ids(path: Path) -> list[str]:
        result = lint_path(path, config=Config())
        assert result.input_error is None
        assert not [f for f in result.findings if str(f.severity) in ("warning", "error")]
        return sorted(f.rule_id for f in result.findings)

    expected = ids(FIXTURES / "seed.txt")
    for name in PAGES:
        assert ids(FIXTURES / name) == expected, name


# ---------------------------------------------------------------------------------- locations


def test_every_block_and_cell_is_located(page: tuple[str, Document, Report]) -> None:
    name, doc, _ = page
    lines = _source_lines(name)
    for block in _paragraphs(doc):
        loc = block.location
        assert loc.line is not None and loc.path and loc.path.startswith("/html/body/")
        first = _squash(block.text)[:4]
        assert first in _squash(lines[loc.line - 1]), (loc.line, block.text[:20])
    for t, table in enumerate(_tables(doc)):
        assert table.location.table == t and table.location.path.split("/")[-1].startswith("table")
        assert "table" in lines[table.location.line - 1].lower()
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                loc = cell.location
                assert (loc.table, loc.row, loc.cell) == (t, *cell.origin)
                assert loc.path and re.search(r"/t[dh](\[\d+\])?$", loc.path), loc.path
                assert loc.line is not None
                if cell.origin == (r, c) and cell.text:
                    # The cell's first line of text stands on its source line (a <td> per line).
                    source = re.sub(r"<[^>]*>", "", lines[loc.line - 1]).replace("&nbsp;", " ")
                    assert _squash(cell.text.split("\n")[0]) in _squash(source), (name, loc.line, cell.text)


def _element_at(data: bytes, path: str) -> Any:
    from lxml import etree

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    tree = etree.fromstring(text.encode("utf-8"), etree.HTMLParser(encoding="utf-8")).getroottree()
    found = tree.xpath(path)
    assert len(found) == 1, path
    return found[0]


@pytest.mark.parametrize("name", ["seed.html", "variants/seed_sloppy.html"])
def test_cell_paths_resolve_to_their_elements(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    for table in _tables(_read(data, name)):
        for row in table.rows:
            for cell in row:
                el = _element_at(data, cell.location.path or "")
                assert el.tag in ("td", "th") and el.sourceline == cell.location.line
                assert _squash("".join(el.itertext())) == _squash(cell.text)


def test_cell_paths_of_mixed_header_and_data_cells() -> None:
    data = _page("<table><tr><th>a</th><td>1</td><td>2</td></tr><tr><td>x</td></tr></table>")
    paths = [c.location.path for row in _one_table_of(data).rows for c in row]
    assert paths[:3] == ["/html/body/table/tr[1]/th", "/html/body/table/tr[1]/td[1]", "/html/body/table/tr[1]/td[2]"]
    assert paths[3] == "/html/body/table/tr[2]/td"


def test_locations_survive_into_the_report() -> None:
    report = build_report(_read((FIXTURES / "seed.html").read_bytes(), "seed.html"))
    cell = report.cell("active.licensing.decisions")
    assert cell is not None
    assert cell.location.table == 0 and cell.location.row == 6 and cell.location.cell == 1
    assert cell.location.path == "/html/body/div[3]/div[2]/div/table[1]/tbody/tr[7]/td[2]"
    lines = _source_lines("seed.html")
    assert ">18<span" in lines[cell.location.line - 1]
    assert report.sections[0].location.line is not None
    assert "一、总体情况" in lines[report.sections[0].location.line - 1]


@pytest.mark.parametrize("name", PAGES)
def test_changed_cell_is_caught_and_located(name: str) -> None:
    lines = _source_lines(name)
    i = next(i for i, line in enumerate(lines) if "一、本年新收政府信息公开申请数量" in line) + 1
    assert re.search(r">7<", lines[i])  # the 自然人 cell of that row
    lines[i] = lines[i].replace(">7<", ">8<")
    encoding = "utf-8" if name == "seed.html" else "gb18030"
    result = lint_bytes("\n".join(lines).encode(encoding), name, Plugins().linter(Config()))
    by_rule = {f.rule_id: f for f in result.findings}
    assert {"DL301", "DL302"} <= set(by_rule)
    place = by_rule["DL301"].place
    assert place.key == "requests.new.natural_person"
    loc = place.location
    assert (loc.line, loc.table, loc.row, loc.cell) == (i + 1, 1, 3, 3)
    assert loc.path is not None and loc.path.endswith("td[2]")
    assert by_rule["DL302"].place.location.row == 3


# ---------------------------------------------------------------------------------- tables


def _one_table_of(data: bytes) -> TableBlock:
    tables = _tables(_read(data))
    assert len(tables) == 1
    return tables[0]


def _one_table(html: str) -> TableBlock:
    return _one_table_of(_page(html))


def test_rowspan_colspan_occupancy() -> None:
    table = _one_table(
        "<table><tr><td rowspan=2 colspan=2>A</td><td>B</td></tr>"
        "<tr><td>C</td></tr><tr><td>D</td><td>E</td><td>F</td></tr></table>")
    assert _grid(table) == [["A", "A", "B"], ["A", "A", "C"], ["D", "E", "F"]]
    assert [c.origin for c in table.rows[1]] == [(0, 0), (0, 0), (1, 2)]
    assert table.rows[0][0] is table.rows[1][1]  # one region, one cell


def test_rowspan_zero_runs_to_the_end_of_its_row_group() -> None:
    table = _one_table(
        "<table><thead><tr><th rowspan=0>H</th><th>x</th></tr><tr><th>y</th></tr></thead>"
        "<tbody><tr><td rowspan=0>G</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody></table>")
    assert _grid(table) == [["H", "x"], ["H", "y"], ["G", "1"], ["G", "2"], ["G", "3"]]
    assert {c.origin for row in table.rows[2:] for c in row[:1]} == {(2, 0)}


@pytest.mark.parametrize(("attrs", "expected"), [
    ('colspan="0"', [["A", "B"], ["1", "2"]]),  # 0 is not a span: 1
    ('colspan="abc"', [["A", "B"], ["1", "2"]]),
    ('colspan=" 2px"', [["A", "A", "B"], ["1", "2", "2"]]),
    ('rowspan="99"', [["A", "B", "B"], ["A", "1", "2"]]),  # clipped to the table; row 0 widens "B"
    ('rowspan="-1"', [["A", "B"], ["1", "2"]]),
])
def test_bad_span_values_are_clamped(attrs: str, expected: list[list[str]]) -> None:
    table = _one_table(f"<table><tr><td {attrs}>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert _grid(table)[:2] == expected


def test_huge_colspan_is_bounded() -> None:
    table = _one_table('<table><tr><td colspan="100000">A</td></tr><tr><td>1</td></tr></table>')
    assert table.n_cols == 200
    assert all(c.origin == (1, 0) for c in table.rows[1])  # the short row repeats its cell


def test_short_rows_widen_their_last_cell_and_empty_rows_vanish() -> None:
    table = _one_table("<table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr></tr>"
                       "<tr><td>行政规范性文件</td><td>1</td></tr></table>")
    assert _grid(table) == [["规章", "0", "0", "0"], ["行政规范性文件", "1", "1", "1"]]
    assert {c.origin for c in table.rows[1][1:]} == {(1, 1)}
    assert table.rows[1][0].location.row == 1


def test_overlapping_spans_keep_the_first_occupant() -> None:
    table = _one_table("<table><tr><td>a</td><td rowspan=2>B</td></tr>"
                       "<tr><td colspan=2>C</td><td>d</td></tr></table>")
    assert _grid(table) == [["a", "B", "B"], ["C", "B", "d"]]


def test_cell_markup_br_blocks_and_spaces() -> None:
    table = _one_table(
        "<table><tr><td><p>第一行</p><p>第二行</p></td><td> 商业<br/>企业 </td>"
        "<td>1<span>8</span><span>463</span></td><td>\n  法律服务&nbsp;机构\n</td>"
        "<td><!-- disclosure-lint: disable=DL204 -->/</td><td><script>x=1</script>0</td></tr></table>")
    assert _grid(table)[0] == ["第一行\n第二行", "商业\n企业", "18463", "法律服务\u00a0机构", "/", "0"]


def test_layout_table_is_a_container() -> None:
    doc = _read(_page(
        "<table class=layout><tr><td>菜单</td><td>"
        "<p>二、主动公开政府信息情况</p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
        "</td></tr></table>"))
    assert [len(t.rows) for t in _tables(doc)] == [2]
    assert _texts(doc) == ["二、主动公开政府信息情况"]  # the root is the layout cell, not the menu
    assert _tables(doc)[0].location.table == 0


def test_caption_and_foster_parented_content_come_before_the_table() -> None:
    table_doc = _read(_page("<table><caption>表一</caption><tr><td>a</td></tr></table>"))
    assert _texts(table_doc) == ["表一"]
    assert isinstance(table_doc.blocks[0], Paragraph) and isinstance(table_doc.blocks[1], TableBlock)


# ---------------------------------------------------------------------------------- paragraphs


def test_block_elements_br_and_indentation() -> None:
    doc = _read(_page(
        "<div>直接文字<p>　　段落一</p>尾部文字</div>"
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;第一行<br>第二行<br/><br/>第三行</p>"
        "<h2>标题</h2><ul><li>条目一</li><li>条目<b>二</b></li></ul>"
        "<p>跨\n   行</p><p class=MsoNormal>正文<o:p>&nbsp;</o:p></p><p>&nbsp;</p><pre>甲\n乙</pre>"))
    assert _texts(doc) == ["直接文字", "段落一", "尾部文字", "第一行", "第二行", "第三行", "标题", "条目一",
                           "条目二", "跨 行", "正文", "甲", "乙"]


def test_script_style_hidden_and_comments_never_appear() -> None:
    doc = _read(_page(
        "<script>var s = '一、总体情况';</script><style>p{color:red}</style>"
        "<p>正文<script>document.write('浏览次数')</script>内容</p>"
        "<noscript>请启用脚本</noscript><p hidden>隐藏一</p><div style='DISPLAY: none'>隐藏二</div>"
        "<span style='visibility:hidden'>隐藏三</span>"
        "<!-- disclosure-lint: disable=DL204 reason=\"模板要求\" --><p>之后</p>",
        head="<script>var t='二、主动公开';</script><title>页面标题</title>"))
    assert _texts(doc) == ["正文内容", "之后"]


def test_suppression_comments_do_not_change_the_blocks() -> None:
    data = (FIXTURES / "seed.html").read_bytes()
    with_comments = data.replace(b"<table", b"<!-- disclosure-lint: disable=DL204 reason=\"x\" --><table", 1)
    assert with_comments != data
    plain, commented = _read(data), _read(with_comments)
    assert [b.model_dump(exclude={"location"}) for b in plain.blocks] == \
        [b.model_dump(exclude={"location"}) for b in commented.blocks]


# ---------------------------------------------------------------------------------- the content root


_T3 = ("<table><tr><td>本年新收政府信息公开申请数量</td><td>7</td></tr>"
       "<tr><td>上年结转政府信息公开申请数量</td><td>0</td></tr><tr><td>予以公开</td><td>2</td></tr></table>")


def test_chrome_tables_and_footer_are_outside_the_root() -> None:
    doc = _read(_page(
        "<table class=info><tr><td>索引号：</td><td>11370300/2024-00001</td></tr>"
        "<tr><td>发布机构：</td><td>某局</td></tr></table>"
        "<div class=main><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_T3}</div>"
        "<div class=bottom>地址：某市某路1号　电话：0533-1234567　邮编：255000</div>"))
    assert _texts(doc) == ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。",
                           "三、收到和处理政府信息公开申请情况"]
    assert len(_tables(doc)) == 1 and _tables(doc)[0].rows[0][1].text == "7"
    report = build_report(doc)
    assert report.contact.phones == [] and report.contact.address is None


def test_chrome_inside_the_root_is_skipped() -> None:
    doc = _read(_page(
        "<div id=content><nav>首页 政务公开</nav><div class='breadcrumb'>首页 &gt; 年报</div>"
        "<p>一、总体情况</p><p>正文。</p><div class='share-bar'>分享到</div>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_T3}"
        "<div class=article-tools>【打印本页】【关闭窗口】</div><footer>版权所有 电话：0533-1111111</footer>"
        "<p>当前位置：首页 &gt; 年报</p><p>发布时间：2024-01-20　来源：某局　浏览次数：100</p>"
        "<p>字号：[大 中 小]</p><p>全年门户网站浏览量：120万次，点击数持续增长。</p></div>"))
    assert _texts(doc) == ["一、总体情况", "正文。", "三、收到和处理政府信息公开申请情况",
                           "全年门户网站浏览量：120万次，点击数持续增长。"]


def test_h1_page_title_is_used_only_when_the_body_lacks_the_title() -> None:
    body = (f"<div class=content><p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>{_T3}</div>")
    doc = _read(_page("<ul class=nav><li>政府信息公开年报</li></ul>"
                      "<h1>某局2023年政府信息公开工作年度报告</h1><div>发布日期：2024-01-20</div>" + body))
    assert _texts(doc)[0] == "某局2023年政府信息公开工作年度报告"
    assert _paragraphs(doc)[0].location.path == "/html/body/h1"
    assert build_report(doc).title_year == 2023
    # A page title that is not the report's title is not taken.
    other = _read(_page("<h1>政务公开</h1>" + body))
    assert _texts(other)[0] == "一、总体情况"


def test_title_in_a_layout_table_cell_is_rescued() -> None:
    doc = _read(_page(
        "<table width=100%><tr><td class=bt>某局2023年政府信息公开工作年度报告</td></tr>"
        "<tr><td><table><tr><td>时间：2024-01-20</td><td>来源：某局</td></tr></table></td></tr>"
        "<tr><td><p>一、总体情况</p><p>正文。</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_T3}</td></tr></table>"))
    assert _texts(doc) == ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。",
                           "三、收到和处理政府信息公开申请情况"]
    assert len(_tables(doc)) == 1 and doc.published_on == date(2024, 1, 20)


def test_title_in_an_html5_article_header() -> None:
    doc = _read(_page(
        "<header><div>某市人民政府门户网站</div></header><main><article>"
        "<header><h1>某局2023年政府信息公开工作年度报告</h1><p>发布时间：2024-01-20 来源：某局</p></header>"
        f"<p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>{_T3}</article></main>"
        "<footer>地址：某市某路1号</footer>"))
    assert _texts(doc) == ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。",
                           "三、收到和处理政府信息公开申请情况"]
    assert doc.published_on == date(2024, 1, 20)


def test_intro_before_the_root_is_rescued() -> None:
    doc = _read(_page(
        "<div class=article><p>某局2023年政府信息公开工作年度报告</p>"
        "<p>本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>"
        "<div class=TRS_Editor><p>一、总体情况</p><p>正文。</p>"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_T3}</div><p>相关链接</p></div>"))
    assert _texts(doc)[:3] == ["某局2023年政府信息公开工作年度报告",
                               "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "一、总体情况"]
    assert "相关链接" not in _texts(doc)


def test_headings_alone_anchor_the_root() -> None:
    doc = _read(_page("<div class=nav>首页</div><div class=c><p>某局2023年政府信息公开工作年度报告</p>"
                      "<p><strong>一、</strong><span>总体情况</span></p><p>正文。</p>"
                      "<p>五、存在的主要问题及改进情况</p><p>无。</p></div><div>联系电话：0533-9999999</div>"))
    assert _texts(doc) == ["某局2023年政府信息公开工作年度报告", "一、总体情况", "正文。",
                           "五、存在的主要问题及改进情况", "无。"]


# ---------------------------------------------------------------------------------- attachments


def test_attachment_only_page_gets_a_notice() -> None:
    data = _page("<div class=nav><a href='/ndbg/'>政府信息公开年报</a></div>"
                 "<h1>关于公布年度报告的通知</h1><div class=content><p>现将我局年度报告公布如下。</p>"
                 "<p>附件：<a href='/u/P020240126%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf'>"
                 "某局2023年政府信息公开工作年度报告.pdf</a></p></div>")
    doc = _read(data)
    assert [(n.kind, n.detail) for n in doc.notices] == [
        (NoticeKind.ATTACHMENT_ONLY, "/u/P020240126%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf")]
    loc = doc.notices[0].location
    assert loc.line == 1 and loc.path is not None and loc.path.endswith("/a")
    report = build_report(doc)
    assert report.notices == doc.notices and report.sections == []
    assert lint_bytes(data, "page.html", Plugins().linter(Config())).input_error is None


@pytest.mark.parametrize("body", [
    "<h1>某局2023年政府信息公开工作年度报告</h1><iframe src='/pdfjs/web/viewer.html?file=%2Fu%2FP0202401.pdf'>",
    "<h1>某局2023年政府信息公开工作年度报告</h1><embed src='/u/P0202401.pdf' type='application/pdf'>",
    "<h1>某局2023年政府信息公开工作年度报告</h1><p><a href='/u/P0202401.docx'>点击下载</a></p>",
    "<p><a href='/u/2023nb.wps' title='2023年年报'>下载</a></p>",
])
def test_attachment_forms(body: str) -> None:
    doc = _read(_page(body))
    assert [n.kind for n in doc.notices] == [NoticeKind.ATTACHMENT_ONLY]


@pytest.mark.parametrize("body", [
    "<p><a href='/u/guide.pdf'>政府信息公开指南.pdf</a></p>",  # not the report
    "<p><a href='/ndbg/index.html'>政府信息公开年度报告</a></p>",  # not a file
    "<h1>政务公开</h1><iframe src='/u/P0202401.pdf'></iframe>",  # a viewer, but not of the report
    (f"<p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p>{_T3}"
    "<p><a href='/u/nb.pdf'>某局2023年政府信息公开工作年度报告.pdf</a></p>"),  # the report is on the page
])
def test_no_attachment_notice(body: str) -> None:
    assert _read(_page(body)).notices == []


# ---------------------------------------------------------------------------------- publication date


@pytest.mark.parametrize(("html", "head", "expected"), [
    ("<div>发布时间：2024年1月5日 10:00</div>", "", date(2024, 1, 5)),
    ("<span>发布日期：</span><span>2024/03/31</span>", "", date(2024, 3, 31)),
    ("<div>日期：２０２４－０２－０１</div>", "", date(2024, 2, 1)),
    ("<p>成文日期：2024-01-20</p>", "", None),  # the document's date, not the page's
    ("<p>发布日期：2024-02-30</p>", "", None),  # not a date
    ("<p>正文</p>", '<meta name="PubDate" content="2024-01-26 16:30">', date(2024, 1, 26)),
    ("<p>正文</p>", '<meta property="article:published_time" content="2024-01-27T08:00:00+08:00">',
     date(2024, 1, 27)),
    ("<p>正文</p>", "", None),
])
def test_publication_date(html: str, head: str, expected: date | None) -> None:
    assert _read(_page(html, head=head)).published_on == expected


# ---------------------------------------------------------------------------------- decoding


def test_declared_charset_is_used_after_utf8() -> None:
    body = "<p>一、总体情况</p><p>淄博市行政审批服务局</p>"
    gbk = _page(body, charset="gbk")
    assert declared_charset(gbk) == "gbk"
    doc = _read(gbk)
    assert doc.source.encoding == "gb18030" and _texts(doc) == ["一、总体情况", "淄博市行政审批服务局"]
    # Declared gb2312 but served as UTF-8: strict UTF-8 wins.
    lying = _page(body).replace(b'charset="utf-8"', b'charset="gb2312"')
    assert _texts(_read(lying)) == ["一、总体情况", "淄博市行政审批服务局"]
    # http-equiv form, GB18030-only character (𠀀 is not in GBK), no BOM.
    text = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head>' \
           "<body><p>𠀀淄博</p></body></html>"
    assert _texts(_read(text.encode("gb18030"))) == ["𠀀淄博"]


def test_utf16_page_with_bom() -> None:
    data = "\ufeff<html><body><p>淄博市</p>\r\n<p>第二段</p></body></html>".encode("utf-16-le")
    doc = _read(b"\xff\xfe" + data[2:])
    assert _texts(doc) == ["淄博市", "第二段"]
    assert _paragraphs(doc)[1].location.line == 2


def test_crlf_lines_count_like_lf() -> None:
    doc = _read(b"<html>\r\n<body>\r\n<p>a</p>\r\n\r\n<p>b</p>\r\n</body></html>")
    assert [p.location.line for p in _paragraphs(doc)] == [3, 5]


def test_lines_past_libxml2s_limit_are_unknown_not_wrong() -> None:
    doc = _read(("<html><body>" + "<br>\n" * 70000 + "<p>末尾</p></body></html>").encode())
    last = _paragraphs(doc)[-1]
    assert last.text == "末尾" and last.location.line is None and last.location.path == "/html/body/p"


# ---------------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("data", [b"", b"   \n ", b"<!-- disclosure-lint: disable=DL204 -->", b"<html></html>",
                                  b"<html><head><title>t</title></head><body></body></html>"])
def test_empty_pages_give_an_empty_document(data: bytes) -> None:
    doc = _read(data)
    assert doc.blocks == [] and doc.notices == [] and doc.published_on is None


def test_deep_nesting_is_a_clear_input_error_and_fast() -> None:
    data = ("<html><body>" + "<table><tr><td>" * 2000 + "x" + "</td></tr></table>" * 2000 + "</body></html>").encode()
    start = time.perf_counter()
    with pytest.raises(InputError) as err:
        _read(data, "deep.html")
    assert time.perf_counter() - start < 2.0
    assert "\n" not in str(err.value) and err.value.located().startswith("deep.html：")
    assert "256" in err.value.en
    # Through the API: an input error, never a traceback.
    assert lint_bytes(data, "deep.html", Plugins().linter(Config())).input_error is not None


def test_binary_bytes_are_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        _read(b"<html>\x00\x01\x02\x00\x00\xff\xfe\x00" * 200, "x.html")
    assert err.value.path == "x.html" and "\n" not in str(err.value)


def test_the_input_file_is_never_written(tmp_path: Path) -> None:
    target = tmp_path / "seed.html"
    target.write_bytes((FIXTURES / "seed.html").read_bytes())
    before = (hashlib.sha256(target.read_bytes()).hexdigest(), target.stat().st_mtime_ns)
    assert lint_path(target, config=Config()).input_error is None
    assert (hashlib.sha256(target.read_bytes()).hexdigest(), target.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.html"]


_FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<td rowspan=0>", "<td colspan=3>",
    "<th rowspan=x>", "<br>", "<div class=nav>", "</div>", "<span>", "</span>", "<!--", "-->", "<script>",
    "</script>", "<tbody>", "<thead>", "<caption>", "<a href='x.pdf'>年报</a>", "一、总体情况", "7", "0",
    "&nbsp;", "　", "自然人", "发布日期：2024-01-26", "<o:p>", "<h1>", "\n", "<![if !x]>", "<?xml x?>",
    "<td rowspan=65535>", "<tr hidden>", "<style>", "</style>", "<pre>", "<li>",
])


@settings(max_examples=2 * settings.default.max_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, max_size=60), st.text(max_size=20))
def test_random_markup_never_raises(parts: list[str], noise: str) -> None:
    data = ("".join(parts) + noise).encode("utf-8", "surrogatepass")
    try:
        doc = _read(data)
    except InputError as err:
        assert "\n" not in str(err)
        return
    for table in _tables(doc):
        width = table.n_cols
        assert all(len(row) == width for row in table.rows)
        for r, row in enumerate(table.rows):
            for cell in row:
                assert 0 <= cell.origin[0] <= r and 0 <= cell.origin[1] < width
    build_report(doc)


# ---------------------------------------------------------------------------------- speed


def test_reading_the_seed_is_fast() -> None:
    data = (FIXTURES / "seed.html").read_bytes()
    reader, source = HtmlReader(), SourceInfo(path="seed.html", format="html")
    reader.read(data, source)
    n = 20
    per_page = min(timeit.repeat(lambda: reader.read(data, source), number=n, repeat=3)) / n
    assert per_page < 0.025  # measured ~5 ms; generous so a loaded CI machine does not flake
