"""The builder end to end: the seed (through the text reader and as merged grids built from
seed.expected.json), every one of its table values, and mutations that must not fool it."""

from __future__ import annotations

import copy
import json
import re
import timeit
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.builder.builder import build_report
from disclosure_lint.model import (
    CellKind,
    Document,
    GridCell,
    Location,
    Paragraph,
    Report,
    SourceInfo,
    StandardTable,
    TableBlock,
    TemplateVersion,
)
from disclosure_lint.model.template import LITIGATION_COLUMNS, REQUESTS_2021, REQUESTS_COLUMNS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "seed.expected.json").read_text("utf-8"))
SEED_TXT = (FIXTURES / "seed.txt").read_bytes()
SECTION_KEYS = ["overview", "active", "requests", "litigation", "problems", "other_matters"]


# --------------------------------------------------------------------------------------------
# Documents: from the text reader, and from the expected grids (merged text repeated, origins set)


def _text_reader() -> Any:
    try:
        from disclosure_lint.read.text import TextReader
    except ImportError:  # pragma: no cover - the reader is written separately
        return None
    return TextReader()


def text_document(data: bytes = SEED_TXT) -> Document:
    reader = _text_reader()
    if reader is None:  # pragma: no cover
        pytest.skip("text reader not available yet")
    return reader.read(data, SourceInfo(path="seed.txt", format="text"))  # type: ignore[no-any-return]


def grid_table(spec: dict[str, Any], index: int) -> TableBlock:
    grid: list[list[str]] = spec["grid"]
    origin = {}
    for r0, c0, r1, c1 in spec.get("merges", []):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                origin[(r, c)] = (r0, c0)
    rows = [[GridCell(text=text, origin=origin.get((r, c), (r, c)), location=Location(table=index, row=r, cell=c))
             for c, text in enumerate(row)] for r, row in enumerate(grid)]
    return TableBlock(rows=rows, location=Location(table=index))


def grid_document(expected: dict[str, Any] | None = None) -> Document:
    exp = expected or EXPECTED
    blocks: list[Any] = [Paragraph(text=exp["title"], location=Location(paragraph=0)),
                         Paragraph(text=exp["intro"], location=Location(paragraph=1))]
    for s in exp["sections"]:
        blocks.append(Paragraph(text=f"{s['number']}、{s['heading']}", location=Location(paragraph=len(blocks))))
        blocks += [Paragraph(text=p, location=Location(paragraph=len(blocks) + i)) for i, p in enumerate(s["paragraphs"])]
        blocks += [grid_table(exp["tables"][t], t) for t in s["tables"]]
    return Document(source=SourceInfo(path="seed.docx", format="docx"), blocks=blocks)


def edited(edit: Any) -> dict[str, Any]:
    """A deep copy of the expected seed, changed by ``edit(exp)``."""
    exp = copy.deepcopy(EXPECTED)
    edit(exp)
    return exp


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --------------------------------------------------------------------------------------------
# The ground truth of all table values, by canonical key, from the expected grids by position
# (an oracle independent of the builder's label matching).


def expected_values() -> dict[str, str]:
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


EXPECTED_VALUES = expected_values()


def test_oracle_counts_200_values() -> None:
    assert len(EXPECTED_VALUES) == 10 + 25 * 7 + 15 == 200
    assert EXPECTED_VALUES["active.licensing.decisions"] == "18463"
    assert EXPECTED_VALUES["requests.new.natural_person"] == "7"
    assert EXPECTED_VALUES["requests.denied_internal_affairs.total"] == "1"


# --------------------------------------------------------------------------------------------
# The seed, both ways


@pytest.fixture(params=["text", "grid", "seed_gb18030_crlf.txt", "seed_utf8bom_crlf.txt"])
def seed(request: pytest.FixtureRequest) -> Report:
    if request.param == "grid":
        return build_report(grid_document())
    if request.param == "text":
        return build_report(text_document())
    return build_report(text_document((FIXTURES / "variants" / request.param).read_bytes()))


def test_seed_title_agency_year_period(seed: Report) -> None:
    assert seed.title is not None and seed.title.text == EXPECTED["title"]
    assert seed.agency == "淄博市行政审批服务局"
    assert seed.title_year == 2023
    assert seed.period is not None
    assert str(seed.period.start) == EXPECTED["period"]["start"] == "2023-01-01"
    assert str(seed.period.end) == EXPECTED["period"]["end"] == "2023-12-31"
    assert "统计期限" in seed.period.text
    assert [_squash(p.text) for p in seed.intro] == [_squash(EXPECTED["intro"])]
    assert seed.unrecognised == []


def test_seed_sections(seed: Report) -> None:
    assert [s.key for s in seed.sections] == SECTION_KEYS
    for got, exp in zip(seed.sections, EXPECTED["sections"]):
        assert got.number == exp["number"]
        assert got.heading == exp["heading"]
        assert [_squash(p.text) for p in got.paragraphs] == [_squash(p) for p in exp["paragraphs"]]
        assert got.other_tables == 0
    assert [s.tables for s in seed.sections] == [[], ["active"], ["requests"], ["litigation"], [], []]


def test_seed_all_200_values(seed: Report) -> None:
    found = {c.key: c for t in (seed.active, seed.requests, seed.litigation) if t for c in t.cells()}
    assert set(found) == set(EXPECTED_VALUES)
    for key, raw in EXPECTED_VALUES.items():
        cell = found[key]
        assert _squash(cell.raw) == _squash(raw), key
        assert cell.value == int(raw), key
        assert cell.kind is (CellKind.ZERO if raw == "0" else CellKind.NUMBER), key
    assert isinstance(found["active.fees.amount"].value, Decimal)  # 万元 column
    assert isinstance(found["active.licensing.decisions"].value, int)
    assert len(found) == 200


def test_seed_tables_complete_and_clean(seed: Report) -> None:
    for table in (seed.active, seed.requests, seed.litigation):
        assert table is not None
        assert table.version is TemplateVersion.V2021
        assert table.missing == []
        assert table.unmatched == []
        assert table.labels, table.key
        assert [u for u in table.labels if u.differs] == []
    assert list(seed.requests.rows) == [r.key for r in REQUESTS_2021.blocks[0].rows]  # type: ignore[union-attr]


def test_seed_label_uses(seed: Report) -> None:
    def kinds(table: StandardTable | None) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for u in table.labels if table else []:
            out.setdefault(u.kind, set()).add(u.key)
        return out

    active, requests, litigation = kinds(seed.active), kinds(seed.requests), kinds(seed.litigation)
    assert active["block"] == {"item1", "item5", "item6", "item8"}
    assert {"issued", "repealed", "in_force", "decisions", "amount"} <= active["column"]
    assert len(active["row"]) == 6
    assert requests["note"] == {"note"}
    assert {c.key for c in REQUESTS_COLUMNS} <= requests["column"]
    assert len(requests["row"]) == 25
    assert {"denied", "unavailable", "rejected", "other"} <= requests["block"]
    assert litigation["row"] == {"review", "suit_direct", "suit_after_review"}
    assert litigation["column"] == {c.key for c in LITIGATION_COLUMNS}
    # 15 column headers of table 四, each recorded once
    assert sum(1 for u in seed.litigation.labels if u.kind == "column") == 15  # type: ignore[union-attr]


def test_seed_template(seed: Report) -> None:
    assert seed.template.version is TemplateVersion.V2021
    texts = {s.text for s in seed.template.signatures}
    assert {"本年制发件数", "行政规范性文件"} <= texts
    assert all(s.template is TemplateVersion.V2021 for s in seed.template.signatures)


def test_seed_locations_are_kept() -> None:
    grid = build_report(grid_document())
    cell = grid.cell("requests.granted.natural_person")
    assert cell is not None and cell.location == Location(table=1, row=5, cell=3)
    value = grid.cell("active.licensing.decisions")
    assert value is not None and value.location.row == 6
    text = build_report(text_document())
    cell = text.cell("requests.granted.natural_person")
    assert cell is not None and cell.location.line is not None
    assert text.sections[0].location.line == 4


def test_seed_text_and_grid_agree() -> None:
    a, b = build_report(text_document()), build_report(grid_document())
    for key in EXPECTED_VALUES:
        ca, cb = a.cell(key), b.cell(key)
        assert ca is not None and cb is not None
        assert (ca.kind, ca.value) == (cb.kind, cb.value), key


def test_seed_notices_and_source_copied() -> None:
    doc = grid_document()
    report = build_report(doc)
    assert report.source == doc.source
    assert report.notices == []


def test_build_seed_is_fast() -> None:
    doc = text_document()
    build_report(doc)
    n = 50
    per_build = min(timeit.repeat(lambda: build_report(doc), number=n, repeat=3)) / n
    assert per_build < 0.010  # target < 5 ms; generous here so a loaded CI machine does not flake


# --------------------------------------------------------------------------------------------
# Mutations


def _t(exp: dict[str, Any], index: int) -> list[list[str]]:
    return exp["tables"][index]["grid"]  # type: ignore[no-any-return]


def _shift_merges(exp: dict[str, Any], index: int, removed_row: int) -> None:
    merges = []
    for r0, c0, r1, c1 in exp["tables"][index]["merges"]:
        if r0 > removed_row:
            r0 -= 1
        if r1 >= removed_row:
            r1 -= 1
        if r1 >= r0:
            merges.append([r0, c0, r1, c1])
    exp["tables"][index]["merges"] = merges


def test_stray_extra_number_does_not_shift_other_rows() -> None:
    def edit(exp: dict[str, Any]) -> None:
        grid = _t(exp, 1)
        for r, row in enumerate(grid):
            row.append("9" if r == 5 else "")  # an extra value at the end of （一）予以公开

    report = build_report(grid_document(edited(edit)))
    requests = report.requests
    assert requests is not None
    for key, raw in EXPECTED_VALUES.items():
        if key.startswith("requests."):
            cell = report.cell(key)
            assert cell is not None and cell.raw == raw, key
    assert [u.text for u in requests.unmatched] == ["9"]
    assert requests.missing == []


def test_stray_number_in_text_touches_one_row_at_most() -> None:
    # An extra value line inside 二、上年结转 of the plain-text seed.
    lines = SEED_TXT.decode("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if "二、上年结转政府信息公开申请数量" in line)
    lines.insert(start + 2, "\t5")
    report = build_report(text_document("\n".join(lines).encode("utf-8")))
    wrong = {k for k, raw in EXPECTED_VALUES.items()
             if (c := report.cell(k)) is None or c.raw != raw}
    assert wrong and all(k.startswith("requests.carried_over.") for k in wrong), wrong


def test_typo_labels_are_matched_and_recorded() -> None:
    data = SEED_TXT.decode("utf-8").replace("只计这一情形", "只计这一情况").replace("三类内部事务信息", "三类内容事务信息")
    for report in (build_report(text_document(data.encode("utf-8"))),
                   build_report(grid_document(json.loads(json.dumps(EXPECTED, ensure_ascii=False)
                                                         .replace("只计这一情形", "只计这一情况")
                                                         .replace("三类内部事务信息", "三类内容事务信息"))))):
        requests = report.requests
        assert requests is not None
        assert requests.missing == [] and requests.unmatched == []
        differs = {(u.key, u.found, u.official) for u in requests.labels if u.differs}
        assert differs == {
            ("partially_granted", "部分公开（区分处理的，只计这一情况，不计其他情形）",
             "部分公开（区分处理的，只计这一情形，不计其他情形）"),
            ("denied_internal_affairs", "属于三类内容事务信息", "属于三类内部事务信息"),
        }
        assert report.cell("requests.denied_internal_affairs.natural_person").value == 1  # type: ignore[union-attr]


def test_fuzzy_label_typo_is_recorded() -> None:
    report = build_report(grid_document(edited(lambda e: _t(e, 1)[12].__setitem__(2, "6.属于四类过程信息"))))
    requests = report.requests
    assert requests is not None and requests.missing == []
    assert [(u.key, u.found) for u in requests.labels if u.differs] == [("denied_process_info", "属于四类过程信息")]


def test_row_removed_is_missing() -> None:
    def edit(exp: dict[str, Any]) -> None:
        del _t(exp, 1)[19]  # 2.重复申请
        _shift_merges(exp, 1, 19)

    report = build_report(grid_document(edited(edit)))
    assert report.requests is not None
    assert report.requests.missing == ["rejected_duplicate"]
    assert report.requests.unmatched == []
    assert report.cell("requests.rejected_publication.total") is not None


def test_unknown_row_is_unmatched() -> None:
    def edit(exp: dict[str, Any]) -> None:
        _t(exp, 1)[19][2] = "2.多次申请同一信息的情形之外的其他"

    report = build_report(grid_document(edited(edit)))
    assert report.requests is not None
    assert report.requests.missing == ["rejected_duplicate"]
    assert [u.text for u in report.requests.unmatched] == ["2.多次申请同一信息的情形之外的其他"]


def test_placeholder_blank_and_text_cells() -> None:
    def edit(exp: dict[str, Any]) -> None:
        _t(exp, 1)[5][3] = "/"
        _t(exp, 1)[5][4] = ""
        _t(exp, 1)[5][5] = "若干"

    report = build_report(grid_document(edited(edit)))
    assert report.cell("requests.granted.natural_person").kind is CellKind.PLACEHOLDER  # type: ignore[union-attr]
    blank = report.cell("requests.granted.commercial")
    assert blank is not None and blank.kind is CellKind.BLANK and blank.value is None
    assert report.cell("requests.granted.research").kind is CellKind.TEXT  # type: ignore[union-attr]
    assert report.requests is not None and report.requests.missing == [] and report.requests.unmatched == []


def test_rows_left_blank_are_rows_not_headers() -> None:
    def edit(exp: dict[str, Any]) -> None:
        for r in (25, 26):  # 3.其他 and （七）总计: both also column labels of table 三
            for c in range(3, 10):
                _t(exp, 1)[r][c] = ""

    requests = build_report(grid_document(edited(edit))).requests
    assert requests is not None and requests.missing == [] and requests.unmatched == []
    for row in ("other_other", "handled_total"):
        assert [c.kind for c in requests.rows[row].cells.values()] == [CellKind.BLANK] * 7


def test_wrong_unit_in_amount_column() -> None:
    def edit(exp: dict[str, Any]) -> None:
        for c in range(1, 4):
            _t(exp, 0)[13][c] = "251000元"  # one merged cell spanning three columns

    report = build_report(grid_document(edited(edit)))
    fee = report.cell("active.fees.amount")
    assert fee is not None
    assert (fee.kind, fee.value, fee.unit, fee.raw) == (CellKind.NUMBER, Decimal(251000), "元", "251000元")


def test_swapped_columns_follow_the_header() -> None:
    def edit(exp: dict[str, Any]) -> None:
        for r in (1, 2, 3):
            row = _t(exp, 0)[r]
            row[2], row[3] = row[3], row[2]  # 本年废止件数 ↔ 现行有效件数

    report = build_report(grid_document(edited(edit)))
    assert report.cell("active.normative_documents.repealed").value == 1  # type: ignore[union-attr]
    assert report.cell("active.normative_documents.in_force").value == 0  # type: ignore[union-attr]


def test_active_with_block_labels_in_a_left_column() -> None:
    # Another common layout: 第二十条第（X）项 as a vertical cell left of its block's rows.
    grid = [
        ["", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["第二十条第（一）项", "规章", "0", "0", "0"],
        ["第二十条第（一）项", "行政规范性文件", "2", "1", "9"],
        ["第二十条第（五）项", "行政许可", "18463", "", ""],
        ["第二十条第（六）项", "行政处罚", "4", "", ""],
        ["第二十条第（六）项", "行政强制", "0", "", ""],
        ["第二十条第（八）项", "行政事业性收费", "1.5", "", ""],
    ]
    merges = [[1, 0, 2, 0], [4, 0, 5, 0]] + [[r, 2, r, 4] for r in (3, 4, 5, 6)]
    exp = edited(lambda e: e["tables"][0].update(grid=grid, merges=merges))
    active = build_report(grid_document(exp)).active
    assert active is not None and active.missing == [] and active.unmatched == []
    assert active.cell("normative_documents", "in_force").value == 9  # type: ignore[union-attr]
    assert active.cell("licensing", "decisions").value == 18463  # type: ignore[union-attr]
    assert active.cell("fees", "amount").value == Decimal("1.5")  # type: ignore[union-attr]
    assert {u.key for u in active.labels if u.kind == "block"} == {"item1", "item5", "item6", "item8"}


def test_table_outside_its_section_is_found_by_labels() -> None:
    def edit(exp: dict[str, Any]) -> None:
        exp["sections"][2]["tables"] = []
        exp["sections"][4]["tables"] = [1]

    report = build_report(grid_document(edited(edit)))
    assert report.requests is not None and report.requests.missing == []
    assert report.section("requests").tables == []  # type: ignore[union-attr]
    assert report.section("problems").tables == ["requests"]  # type: ignore[union-attr]


def test_non_standard_table_is_counted() -> None:
    exp = edited(lambda e: None)
    doc = grid_document(exp)
    extra = TableBlock(rows=[[GridCell(text="项目", origin=(0, 0)), GridCell(text="数量", origin=(0, 1))],
                             [GridCell(text="政策解读", origin=(1, 0)), GridCell(text="51", origin=(1, 1))]])
    blocks = list(doc.blocks)
    blocks.insert(3, extra)  # inside section 一
    blocks.insert(1, extra)  # before any section
    report = build_report(doc.model_copy(update={"blocks": blocks}))
    assert report.section("overview").other_tables == 1  # type: ignore[union-attr]
    assert [u.text for u in report.unrecognised] == ["项目 | 数量 | 政策解读 | 51"]
    assert report.requests is not None and report.requests.missing == []


def test_table_split_in_two_is_one_table() -> None:
    doc = grid_document()
    blocks = list(doc.blocks)
    i = next(i for i, b in enumerate(blocks) if isinstance(b, TableBlock) and b.n_cols == 10)
    table = blocks[i]
    assert isinstance(table, TableBlock)
    top = TableBlock(rows=table.rows[:15])
    bottom_rows = [[GridCell(text=c.text, origin=(max(c.origin[0] - 15, 0), c.origin[1]), location=c.location)
                    for c in row] for row in table.rows[15:]]
    blocks[i:i + 1] = [top, TableBlock(rows=bottom_rows)]
    report = build_report(doc.model_copy(update={"blocks": blocks}))
    assert report.requests is not None
    assert report.requests.missing == [] and report.requests.unmatched == []
    assert report.section("requests").tables == ["requests"]  # type: ignore[union-attr]
    assert report.section("requests").other_tables == 0  # type: ignore[union-attr]


def test_litigation_values_follow_header_labels() -> None:
    # Swap the two 行政诉讼 groups (header and values): keys must follow the labels.
    def edit(exp: dict[str, Any]) -> None:
        grid = _t(exp, 2)
        grid[3][5:15] = ["1", "2", "3", "4", "10", "5", "6", "7", "8", "26"]
        grid[1][5:10], grid[1][10:15] = grid[1][10:15], grid[1][5:10]

    report = build_report(grid_document(edited(edit)))
    lit = report.litigation
    assert lit is not None and lit.missing == []
    assert lit.cell("suit_after_review", "upheld").value == 1  # type: ignore[union-attr]
    assert lit.cell("suit_direct", "total").value == 26  # type: ignore[union-attr]


def test_litigation_row_per_group_layout() -> None:
    header = ["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [header, ["行政复议", "1", "0", "0", "0", "1"], ["未经复议直接起诉", "0", "0", "0", "0", "0"],
            ["复议后起诉", "0", "0", "0", "2", "2"]]
    exp = edited(lambda e: e["tables"][2].update(grid=rows, merges=[]))
    lit = build_report(grid_document(exp)).litigation
    assert lit is not None and lit.missing == [] and lit.unmatched == []
    assert lit.cell("review", "upheld").value == 1  # type: ignore[union-attr]
    assert lit.cell("suit_after_review", "pending").value == 2  # type: ignore[union-attr]


def test_traditional_characters_are_matched() -> None:
    # A mirror page in Traditional characters: same rows, same values.
    t2s = {"處": "处", "開": "开", "請": "请", "況": "况", "結": "结", "維": "维", "門": "门", "關": "关",
           "內": "内", "務": "务", "規": "规", "總": "总", "計": "计", "數": "数", "權": "权", "護": "护"}
    s2t = {v: k for k, v in t2s.items()}

    def to_trad(text: str) -> str:
        return "".join(s2t.get(ch, ch) for ch in text)

    exp = json.loads(to_trad(json.dumps(EXPECTED, ensure_ascii=False)))
    report = build_report(grid_document(exp))
    assert [s.key for s in report.sections] == SECTION_KEYS
    assert report.title_year == 2023
    for key, raw in EXPECTED_VALUES.items():
        cell = report.cell(key)
        assert cell is not None and cell.raw == raw, key
    assert report.requests is not None and report.requests.missing == [] and report.requests.unmatched == []


# --------------------------------------------------------------------------------------------
# Template versions


TRIAL_ACTIVE = [
    ["第二十条第（一）项"] * 4,
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "2", "2", "15"],
    ["第二十条第（五）项"] * 4,
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "30", "-2", "18463"],
    ["其他对外管理服务事项", "5", "0", "0"],
    ["第二十条第（六）项"] * 4,
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政处罚", "3", "1", "0"],
    ["行政强制", "0", "0", "0"],
    ["第二十条第（八）项"] * 4,
    ["信息内容", "上一年项目数量", "本年增/减", ""],
    ["行政事业性收费", "1", "0", ""],
    ["第二十条第（九）项"] * 4,
    ["信息内容", "采购项目数量", "采购总金额", ""],
    ["政府集中采购", "4", "12.5", ""],
]


def _trial_exp() -> dict[str, Any]:
    def edit(exp: dict[str, Any]) -> None:
        merges = [[r, 0, r, 3] for r, row in enumerate(TRIAL_ACTIVE) if row[0].startswith("第二十条")]
        exp["tables"][0].update(grid=[list(r) for r in TRIAL_ACTIVE], merges=merges)
        grid = _t(exp, 1)  # table 三: （六）其他处理 with numbers, no 1./2./3.
        grid[23][2] = grid[23][1]
        del grid[24:26]
        _shift_merges(exp, 1, 25)
        _shift_merges(exp, 1, 24)
        exp["tables"][1]["merges"] = [m for m in exp["tables"][1]["merges"] if m[:2] != [23, 1]] + [[23, 1, 23, 2]]
        exp["title"] = exp["title"].replace("2023", "2020")

    return edited(edit)


def test_trial_template_detected_and_built_against_trial_layout() -> None:
    report = build_report(grid_document(_trial_exp()))
    assert report.template.version is TemplateVersion.V2019
    trial = {s.text for s in report.template.signatures if s.template is TemplateVersion.V2019}
    assert {"本年新制作数量", "上一年项目数量", "本年增/减", "处理决定数量", "其他对外管理服务事项",
            "政府集中采购", "第二十条第（九）项", "规范性文件", "（六）其他处理"} <= trial
    active = report.active
    assert active is not None and active.version is TemplateVersion.V2019
    assert active.unmatched == []
    assert active.cell("normative_documents", "total_published").value == 15  # type: ignore[union-attr]
    assert active.cell("licensing", "change").value == -2  # type: ignore[union-attr]
    assert active.cell("procurement", "amount").value == Decimal("12.5")  # type: ignore[union-attr]
    assert active.cell("other_services", "previous_count").value == 5  # type: ignore[union-attr]
    requests = report.requests
    assert requests is not None and requests.version is TemplateVersion.V2019
    assert "other_handling" in requests.rows and "other_other" not in requests.rows
    assert requests.missing == [] and requests.unmatched == []


def test_trial_column_labels_in_a_2021_table_are_signatures() -> None:
    def edit(exp: dict[str, Any]) -> None:
        _t(exp, 0)[1][1] = "本年新制作数量"

    report = build_report(grid_document(edited(edit)))
    trial = [s for s in report.template.signatures if s.template is TemplateVersion.V2019]
    assert [s.text for s in trial] == ["本年新制作数量"]
    assert trial[0].location == Location(table=0, row=1, cell=1)
    # Mostly 2021 labels: still read against the 2021 layout; the odd header is kept as unmatched
    # and the values still land in the format's columns.
    assert report.active is not None and report.active.version is TemplateVersion.V2021
    assert [u.text for u in report.active.unmatched] == ["本年新制作数量"]
    assert report.active.missing == []
    assert report.cell("active.normative_documents.repealed").value == 1  # type: ignore[union-attr]


def test_current_labels_in_a_2020_report_are_recorded() -> None:
    report = build_report(grid_document(edited(lambda e: e.update(title=e["title"].replace("2023", "2020")))))
    assert report.title_year == 2020
    assert report.template.version is TemplateVersion.V2021  # so DL005 can flag the anachronism
    assert any(s.text == "本年制发件数" for s in report.template.signatures)


def test_pre2019_template() -> None:
    blocks = [Paragraph(text=t) for t in (
        "某市民政局2018年政府信息公开工作年度报告", "一、概述", "本年度……。", "二、主动公开政府信息情况", "全年主动公开……。",
        "三、依申请公开政府信息情况", "全年受理……。", "四、政府信息公开的收费及减免情况", "未收费。")]
    report = build_report(Document(source=SourceInfo(path="x.txt", format="text"), blocks=blocks))
    assert report.template.version is TemplateVersion.PRE2019
    assert {s.text for s in report.template.signatures} >= {"一、概述", "四、政府信息公开的收费及减免情况"}
    assert report.active is None and report.requests is None


# --------------------------------------------------------------------------------------------
# Robustness: never raise on odd input


def _doc(*blocks: Any) -> Document:
    return Document(source=SourceInfo(path="odd", format="text"), blocks=list(blocks))


def _table(rows: list[list[str]]) -> TableBlock:
    return TableBlock(rows=[[GridCell(text=t, origin=(r, c)) for c, t in enumerate(row)] for r, row in enumerate(rows)])


def test_empty_document() -> None:
    report = build_report(_doc())
    assert report.sections == [] and report.title is None and report.period is None
    assert report.template.version is TemplateVersion.UNKNOWN
    assert report.active is None and report.requests is None and report.litigation is None


@pytest.mark.parametrize("rows", [
    [],
    [[]],
    [["只有一列"], ["规章"], ["0"]],
    [["自然人", "商业企业"], ["一、本年新收政府信息公开申请数量"], ["7", "0", "0", "0", "0", "0", "0", "0", "0"]],
    [["行政复议", "行政诉讼"], ["结果维持"], []],
    [["行政复议", "结果维持", "1"], ["行政复议", "结果维持", "2"]],
    [["第二十条第（一）项"], ["规章", "0"], ["规章", "1", "2", "3", "4"], ["第二十条第（十二）项"]],
])
def test_odd_tables_do_not_raise(rows: list[list[str]]) -> None:
    report = build_report(_doc(Paragraph(text="二、主动公开政府信息情况"), _table(rows)))
    assert [s.key for s in report.sections] == ["active"]


def test_bad_origins_do_not_raise() -> None:
    rows = [[GridCell(text="自然人", origin=(5, 9)), GridCell(text="7", origin=(-1, -1))],
            [GridCell(text="本年新收", origin=(0, 0)), GridCell(text="结果维持", origin=(0, 1))]]
    build_report(_doc(TableBlock(rows=rows)))


def test_huge_table_is_built_quickly() -> None:
    rows = [["自然人", "商业企业", "总计"]]
    rows += [["一、本年新收政府信息公开申请数量"] + [str(i) for i in range(60)] for _ in range(2000)]
    doc = _doc(_table(rows))
    t = timeit.timeit(lambda: build_report(doc), number=1)
    report = build_report(doc)
    assert report.requests is not None
    assert len(report.requests.unmatched) > 0  # 1999 duplicate rows and the extra values
    assert t < 5.0


_cell_text = st.one_of(
    st.sampled_from(["", "0", "7", "/", "—", "规章", "自然人", "总计", "其他", "行政复议", "结果维持", "（三）不予公开",
                     "1.属于国家秘密", "第二十条第（一）项", "信息内容", "一、总体情况", "勾稽关系", "18,463", "251000元"]),
    st.text(max_size=8),
)


@settings(max_examples=3 * settings.default.max_examples // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.builds(lambda t: Paragraph(text=t), st.one_of(_cell_text, st.sampled_from(
        ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "某局2023年政府信息公开工作年度报告",
         "统计期限自2023年1月1日起，至2023年12月31日止。"]))),
    st.lists(st.lists(_cell_text, max_size=12), max_size=10).map(_table),
), max_size=12))
def test_random_documents_never_raise(blocks: list[Any]) -> None:
    report = build_report(_doc(*blocks))
    assert isinstance(report, Report)
    Report.model_validate(report.model_dump())  # and the result is a valid, serialisable model
