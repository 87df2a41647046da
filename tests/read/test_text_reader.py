"""The plain-text reader on the seed fixtures and on the other layouts docs/format.md §12 lists.

Layout variants of the seed (no blank lines between rows, TAB-only separators, a TAB-less web copy)
are derived from ``seed.txt`` here, so they carry every number of the real report.
"""

from __future__ import annotations

import json
import random
import re
import timeit
from pathlib import Path

import pytest

from disclosure_lint.errors import InputError
from disclosure_lint.model import Document, Paragraph, SourceInfo, TableBlock
from disclosure_lint.read import Reader
from disclosure_lint.read.text import TextReader, is_value, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SEED = FIXTURES / "seed.txt"
SEED_VARIANTS = [SEED, FIXTURES / "variants" / "seed_gb18030_crlf.txt",
                 FIXTURES / "variants" / "seed_utf8bom_crlf.txt"]


def _read(data: bytes, path: str = "report.txt") -> Document:
    return TextReader().read(data, SourceInfo(path=path, format="text"))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _tables(doc: Document | list) -> list[TableBlock]:
    blocks = doc.blocks if isinstance(doc, Document) else doc
    return [b for b in blocks if isinstance(b, TableBlock)]


def _paragraphs(doc: Document | list) -> list[Paragraph]:
    blocks = doc.blocks if isinstance(doc, Document) else doc
    return [b for b in blocks if isinstance(b, Paragraph)]


def _distinct(row) -> list:
    """The cells of a grid row once each (merged copies share their origin)."""
    seen, out = set(), []
    for cell in row:
        if cell.origin not in seen:
            seen.add(cell.origin)
            out.append(cell)
    return out


def _label_values(table: TableBlock) -> list[tuple[str, tuple[str, ...]]]:
    """(label, values) of every row that ends in values: how the builder keys rows (docs/format.md §12)."""
    out = []
    for row in table.rows:
        texts = [c.text for c in _distinct(row)]
        k = len(texts)
        while k and (is_value(texts[k - 1]) or not texts[k - 1]):
            k -= 1
        values = tuple(t for t in texts[k:] if t)
        if values:
            out.append((_compact(texts[k - 1]) if k else "", values))
    return out


def _values(table: TableBlock) -> list[str]:
    return [v for _, vs in _label_values(table) for v in vs]


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return _read(SEED.read_bytes(), "seed.txt")


# ---------------------------------------------------------------------------------- protocol


def test_text_reader_fulfils_the_reader_protocol() -> None:
    reader = TextReader()
    assert isinstance(reader, Reader)
    assert (reader.name, reader.priority) == ("text", 0)


# ------------------------------------------------------------------------------ seed layout


def test_seed_has_three_tables_of_the_expected_shape(seed_doc: Document) -> None:
    tables = _tables(seed_doc)
    assert [t.n_rows for t in tables] == [14, 28, 4]
    assert [t.location.table for t in tables] == [0, 1, 2]
    for table in tables:  # rectangular: short rows are widened, never ragged
        assert {len(r) for r in table.rows} == {table.n_cols}


def test_seed_tables_carry_every_cell_text_of_the_ground_truth(seed_doc: Document) -> None:
    """Every non-empty text the text file carries (a merged region's top-left cell in the expected
    grid) appears, in order, in the right row; the text file does not repeat merged text."""
    expected = json.loads((FIXTURES / "seed.expected.json").read_text(encoding="utf-8"))["tables"]
    tables = _tables(seed_doc)
    assert len(tables) == len(expected)
    for table, exp in zip(tables, expected):
        covered = {(r, c) for r0, c0, r1, c1 in exp["merges"]
                   for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}
        assert table.n_rows == exp["rows"]
        for r, exp_row in enumerate(exp["grid"]):
            want = [_compact(t) for c, t in enumerate(exp_row) if (r, c) not in covered and t.strip()]
            got = [_compact(c.text) for c in _distinct(table.rows[r]) if c.text]
            assert got == want, f"table {exp['index']} row {r}"


def test_table_two_matches_the_expected_grid_exactly(seed_doc: Document) -> None:
    """Table 二's short rows are all "last cell spans the rest" in the template: widening the last
    cell (or the label, before values) reproduces the ground-truth grid text for text."""
    expected = json.loads((FIXTURES / "seed.expected.json").read_text(encoding="utf-8"))["tables"][0]
    got = [[c.text for c in row] for row in _tables(seed_doc)[0].rows]
    for got_row, exp_row in zip(got, expected["grid"]):
        if not any(is_value(t) for t in exp_row):
            assert got_row == exp_row
    assert got[6] == ["行政许可", "行政许可", "行政许可", "18463"]  # values stay rightmost
    assert [c.origin for c in _tables(seed_doc)[0].rows[6]] == [(6, 0), (6, 0), (6, 0), (6, 3)]


def test_multi_line_cells_are_one_cell(seed_doc: Document) -> None:
    note = _tables(seed_doc)[1].rows[0][0]
    assert note.text == "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）"
    assert (note.location.line, note.location.end_line, note.location.column) == (64, 65, 2)
    litigation_header = [c.text for c in _distinct(_tables(seed_doc)[2].rows[1])]
    assert litigation_header[:5] == ["结果\n维持", "结果纠正", "其他结果", "尚未\n审结", "总\n计"]


def test_the_seed_numbers_are_recovered_with_their_labels(seed_doc: Document) -> None:
    active, requests, litigation = _tables(seed_doc)
    assert _label_values(active) == [
        ("规章", ("0", "0", "0")), ("行政规范性文件", ("0", "1", "0")), ("行政许可", ("18463",)),
        ("行政处罚", ("0",)), ("行政强制", ("0",)), ("行政事业性收费", ("0",))]
    rows = _label_values(requests)
    assert len(rows) == 25 and all(len(v) == 7 for _, v in rows)
    assert rows[0] == ("一、本年新收政府信息公开申请数量", ("7", "0", "0", "0", "0", "0", "7"))
    assert rows[-2] == ("（七）总计", ("7", "0", "0", "0", "0", "0", "7"))
    assert _values(litigation) == ["0"] * 15


def test_bookmarks_are_stripped_everywhere(seed_doc: Document) -> None:
    texts = [p.text for p in _paragraphs(seed_doc)]
    texts += [c.text for t in _tables(seed_doc) for row in t.rows for c in row]
    assert not [t for t in texts if "bookmark" in t]
    row = _tables(seed_doc)[1].rows[3]
    assert row[0].text == "一、本年新收政府信息公开申请数量"
    assert row[0].location.column == 2 + len("[bookmark: _Hlk66973412]")
    para = next(p for p in _paragraphs(seed_doc) if p.location.line == 409)
    assert para.text.startswith("（三）本部门在政务公开制度")
    assert para.location.column == 1 + len("[bookmark: _GoBack]")


def test_paragraphs_are_the_non_table_lines_unchanged(seed_doc: Document) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    paragraphs = _paragraphs(seed_doc)
    assert [p.location.line for p in paragraphs] == [
        1, 3, *range(4, 17), 63, 351, *range(403, 411)]
    for p in paragraphs:
        assert p.location.end_line == p.location.line
        if "bookmark" not in lines[p.location.line - 1]:
            assert p.text == lines[p.location.line - 1]
    assert paragraphs[0].text == "淄博市行政审批服务局2023年政府信息公开工作年度报告"


def test_cell_locations_point_at_the_cell_text(seed_doc: Document) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for t in _tables(seed_doc):
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                loc = cell.location
                assert (loc.table, loc.row, loc.cell) == (t.location.table, r, cell.origin[1])
                assert cell.origin[0] == r and cell.origin[1] <= c
                first, *rest = cell.text.split("\n")
                assert lines[loc.line - 1][loc.column - 1:].startswith(first)
                if rest:
                    assert lines[loc.end_line - 1].strip() == rest[-1]
        assert (t.location.line, t.location.end_line) in {(17, 59), (64, 347), (352, 400)}


@pytest.mark.parametrize("path", SEED_VARIANTS[1:], ids=lambda p: p.name)
def test_encoding_and_line_end_variants_give_identical_blocks(seed_doc: Document, path: Path) -> None:
    doc = _read(path.read_bytes(), path.name)
    # Same text and grids — and, since CRLF → LF and the BOM is not content, the same locations.
    assert [b.model_dump() for b in doc.blocks] == [b.model_dump() for b in seed_doc.blocks]


def test_the_detected_encoding_is_recorded() -> None:
    assert [_read(p.read_bytes()).source.encoding for p in SEED_VARIANTS] == [
        "utf-8", "gb18030", "utf-8-sig"]
    given = TextReader().read(b"x", SourceInfo(path="a", format="text", encoding="latin-1"))
    assert given.source.encoding == "latin-1"  # the engine's value is kept


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_bom_encodings_read_like_the_seed(seed_doc: Document, codec: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    data = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
    assert [b.model_dump() for b in _read(data).blocks] == [b.model_dump() for b in seed_doc.blocks]


def test_lone_cr_line_ends_keep_line_numbers(seed_doc: Document) -> None:
    data = SEED.read_bytes().replace(b"\n", b"\r")
    assert [b.model_dump() for b in _read(data).blocks] == [b.model_dump() for b in seed_doc.blocks]


# --------------------------------------------------------------------- other layouts (derived)


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def _inner_blanks(lines: list[str]) -> set[int]:
    """Indexes of the single blank lines that separate rows inside a table."""
    return {i for i in range(1, len(lines) - 1)
            if lines[i] == "" and lines[i - 1].startswith("\t") and lines[i + 1].startswith("\t")}


def _nothing_between_rows() -> str:
    lines = _seed_lines()
    inner = _inner_blanks(lines)
    return "\n".join(line for i, line in enumerate(lines) if i not in inner)


def _tab_only_separators() -> str:
    lines = _seed_lines()
    inner = _inner_blanks(lines)
    return "\n".join("\t" if i in inner else line for i, line in enumerate(lines))


def _web_copy() -> str:
    """Cells one per line without TABs, empty cells gone, no blank lines inside tables."""
    out = []
    for line in _nothing_between_rows().split("\n"):
        if line.startswith("\t"):
            if line.strip():
                out.append(line[1:])
        else:
            out.append(line)
    return "\n".join(out)


def test_derived_layouts_really_differ_from_the_seed() -> None:
    seed = SEED.read_text(encoding="utf-8")
    assert "\n\n\t" in seed and "\n\n\t" not in _nothing_between_rows()
    assert "\n\t\n\t规章" in _tab_only_separators()
    assert "\n规章\n0\n" in _web_copy() and "\t" not in _web_copy()


@pytest.mark.parametrize("variant", [_nothing_between_rows, _tab_only_separators],
                         ids=["nothing-between-rows", "tab-only-separators"])
def test_one_cell_per_line_rows_are_inferred_from_labels(seed_doc: Document, variant) -> None:
    blocks = parse_text(variant())
    tables = _tables(blocks)
    assert len(tables) == 3
    seed_tables = _tables(seed_doc)
    for mine, seed in zip(tables[:2], seed_tables[:2]):
        assert _label_values(mine) == _label_values(seed)
    assert _values(tables[2]) == _values(seed_tables[2])
    if variant is _tab_only_separators:
        # The TAB-only lines mark every row end, header rows included: table 二 comes out as in
        # the seed, the separators themselves dropped.
        assert [[c.text for c in _distinct(r)] for r in tables[0].rows] == [
            [c.text for c in _distinct(r)] for r in seed_tables[0].rows]
    # The prose around the tables is untouched.
    assert [p.text for p in _paragraphs(blocks)] == [p.text for p in _paragraphs(seed_doc)]


def test_tab_less_web_copy_tables_are_recovered(seed_doc: Document) -> None:
    blocks = parse_text(_web_copy())
    tables = _tables(blocks)
    assert len(tables) == 3
    seed_tables = _tables(seed_doc)
    for mine, seed in zip(tables, seed_tables):
        assert _values(mine) == _values(seed)
    for (label, values), (seed_label, seed_values) in zip(_label_values(tables[1]),
                                                          _label_values(seed_tables[1])):
        # A label broken over two lines is two lines here: the last one keys the row.
        assert seed_label.endswith(label) and values == seed_values
    headings = [p.text for p in _paragraphs(blocks)]
    assert "二、主动公开政府信息情况" in headings and "四、政府信息公开行政复议、行政诉讼情况" in headings


# ----------------------------------------------------------------------- hand-written layouts


def test_pipe_and_markdown_tables() -> None:
    doc = _read((DATA / "pipe_tables.md").read_bytes(), "report.md")
    tables = _tables(doc)
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "0", "1", "0"]]  # the |---| row is dropped
    assert [[c.text for c in row] for row in tables[1].rows] == [
        ["行政许可", "18463"], ["行政处罚", "0"], ["行政强制", "-"]]  # no header, no separator
    assert [[c.text for c in row] for row in tables[2].rows] == [  # no outer pipes
        ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "0"]]
    cell = tables[0].rows[1][1]
    assert (cell.location.line, cell.location.column) == (7, 8)
    paragraphs = [p.text for p in _paragraphs(doc)]
    # A Markdown heading marker is markup; the prose line between tables stays prose.
    assert paragraphs == ["淄博市行政审批服务局2023年政府信息公开工作年度报告", "二、主动公开政府信息情况",
                          "2023年，共办理自然人提交的政府信息公开申请7件。"]


def test_label_followed_by_numbers_lines_only_among_rows() -> None:
    doc = _read((DATA / "label_numbers.txt").read_bytes())
    tables = _tables(doc)
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["规章", "0", "0", "0"], ["行政规范性文件", "0", "1", "0"]]
    assert tables[0].rows[1][1].location.column == len("行政规范性文件　") + 1
    assert [[c.text for c in row] for row in tables[1].rows] == [["行政处罚", "0"], ["行政强制", "0"]]
    paragraphs = [p.text for p in _paragraphs(doc)]
    assert "2023年，共办理自然人提交的政府信息公开申请7件" in paragraphs  # prose ending in a number
    assert "行政许可 18463" in paragraphs  # alone, next to prose: not a table
    assert "联系电话： 2306909" in paragraphs  # a labelled field, not a row


def test_a_label_numbers_line_joins_an_adjacent_tab_table() -> None:
    blocks = parse_text("\t信息内容\n\t本年处理决定数量\n\n行政许可 18463\n\n\t行政处罚\n\t0\n")
    (table,) = _tables(blocks)
    assert [[c.text for c in _distinct(r)] for r in table.rows] == [
        ["信息内容", "本年处理决定数量"], ["行政许可", "18463"], ["行政处罚", "0"]]
    # Also when the line comes first.
    blocks = parse_text("行政许可 18463\n\t行政处罚\n\t0\n")
    assert [b.kind for b in blocks] == ["table"]
    assert [[c.text for c in _distinct(r)] for r in blocks[0].rows] == [["行政许可", "18463"], ["行政处罚", "0"]]


def test_bookmarks_inside_text_are_stripped_too() -> None:
    (para, table) = parse_text("本年度[bookmark: _Hlk1]报告\n\t规章[bookmark: _Hlk2]\n\t0\n")
    assert para.text == "本年度报告"
    assert table.rows[0][0].text == "规章"


def test_a_heading_glued_to_a_table_is_not_a_continuation() -> None:
    blocks = parse_text("\t规章\n\t0\n三、收到和处理政府信息公开申请情况\n\t行政许可\n四、政府信息公开行政复议、行政诉讼情况\n")
    assert [p.text for p in _paragraphs(blocks)] == [
        "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    assert len(_tables(blocks)) == 2


def test_indentation_is_stripped_but_text_is_not_normalised() -> None:
    (p1, p2) = _paragraphs(parse_text("　　（一）持续深化主动公开①\n  ㈠ＡＢＣ　１２\n"))
    assert (p1.text, p1.location.column) == ("（一）持续深化主动公开①", 3)
    assert (p2.text, p2.location.column) == ("㈠ＡＢＣ　１２", 3)


def test_empty_cells_keep_their_place_and_all_empty_tables_vanish() -> None:
    blocks = parse_text("\t\n\t自然人\n\t总计\n\n\t\n\t\n\n前言\n")
    (table,) = _tables(blocks)
    assert [c.text for c in table.rows[0]] == ["", "自然人", "总计"]
    assert table.n_rows == 1  # the row of empty cells carries nothing
    assert parse_text("\t\n\t\n") == []


# --------------------------------------------------------------------- empty and binary input


@pytest.mark.parametrize("data", [b"", b"\n\n", b"\xef\xbb\xbf", b"  \r\n\t\r\n"])
def test_empty_input_is_an_empty_document_not_an_error(data: bytes) -> None:
    doc = _read(data)
    assert doc.blocks == [] and doc.notices == []


@pytest.mark.parametrize("name", ["random", "nul", "pdf", "legacy-doc", "docx"])
def test_binary_input_is_an_input_error(name: str) -> None:
    data = {
        "random": random.Random(7).randbytes(4096),
        "nul": "规章\x00\x00 0 0 0\n".encode() * 50,
        "pdf": (FIXTURES / "seed.pdf").read_bytes(),
        "legacy-doc": (FIXTURES / "variants" / "seed_legacy.doc").read_bytes(),
        "docx": (FIXTURES / "seed.docx").read_bytes(),
    }[name]
    with pytest.raises(InputError) as err:
        _read(data, "年报.txt")
    assert "不是可识别的文本文件" in err.value.zh and "not a text file" in err.value.en
    assert err.value.path == "年报.txt" and err.value.located("en").startswith("年报.txt: ")
    assert "\n" not in err.value.zh and "\n" not in err.value.en


def test_sniff_accepts_text_and_refuses_other_formats() -> None:
    reader = TextReader()
    head = lambda p: p.read_bytes()[:8192]  # noqa: E731
    assert all(reader.sniff(head(p), p.name) for p in SEED_VARIANTS)
    assert reader.sniff(b"", "empty.txt")
    assert reader.sniff(b"rules:\n  - id: X\n", "disclosure-lint.yaml")  # YAML without the marker
    assert not reader.sniff(b"disclosure_lint_report: 1\n", "report.txt")
    for name in ["seed.html", "seed.pdf", "seed.docx", "variants/seed_legacy.doc"]:
        assert not reader.sniff(head(FIXTURES / name), name), name


def test_reading_the_seed_is_fast() -> None:
    data, reader = SEED.read_bytes(), TextReader()
    source = SourceInfo(path="seed.txt", format="text")
    per_read = min(timeit.repeat(lambda: reader.read(data, source), number=20, repeat=3)) / 20
    assert per_read < 0.02  # measured ~2 ms; a generous bound that still catches a quadratic slip
