"""DL201–DL207: tables present and complete, labels as the format prints them, cell values.

Tests run on the shipped sample as the builder reads it (with exact counts and places) and on
reports built directly from the model, so the rules' own logic is pinned down without a reader.
"""

from __future__ import annotations

import pytest

from disclosure_lint.builder.cells import parse_cell
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.rule import sample
from disclosure_lint.model import LabelUse, Report, Row, Section, StandardTable, TemplateVersion, Text
from disclosure_lint.model.template import table_spec
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import build_example
from disclosure_lint_rules.cells import label_differs

CELLS = ["DL201", "DL202", "DL203", "DL204", "DL205", "DL206", "DL207"]

_PLUGINS = Plugins(autoload=False)
_LINTER = _PLUGINS.linter()


def _lint(report: Report, only: list[str] = CELLS) -> list[Finding]:
    result = _LINTER.lint_report(report, only=only)
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def _seed(cells: dict[str, str] | None = None, replace: dict[str, str] | None = None) -> Report:
    return build_example(sample("seed", cells=cells, replace=replace), _PLUGINS.readers())


def _table(key: str, values: dict[str, str] | None = None, version: TemplateVersion = TemplateVersion.V2021,
           default: str = "0", **extra: object) -> StandardTable:
    """A standard table with every cell ``default`` except ``values`` ({"granted.total": "2"})."""
    values = values or {}
    rows = {}
    for block in table_spec(key, version).blocks:
        for r in block.rows:
            cells = {c.key: parse_cell(values.get(f"{r.key}.{c.key}", default), key=f"{key}.{r.key}.{c.key}",
                                       unit=c.unit) for c in block.columns}
            rows[r.key] = Row(key=r.key, label=r.label, cells=cells)
    return StandardTable(key=key, version=version, rows=rows, **extra)  # type: ignore[arg-type]


def _sections(*keys: str) -> list[Section]:
    numbers = {"overview": "一", "active": "二", "requests": "三", "litigation": "四", "problems": "五",
               "other_matters": "六"}
    return [Section(key=k, number=numbers[k], heading=k, paragraphs=[Text(text="……")]) for k in keys]


def test_seed_is_clean() -> None:
    assert _lint(_seed()) == []


# ---- DL201 ----------------------------------------------------------------------------------------

def test_missing_tables_reported_at_their_sections() -> None:
    report = Report(sections=_sections("overview", "active", "requests", "litigation"),
                    active=_table("active"))
    found = _lint(report, ["DL201"])
    assert [f.place.logical for f in found] == ["sections.requests", "sections.litigation"]
    assert "表三" in found[0].message.zh and "表四" in found[1].message.zh


def test_no_section_no_table_is_not_dl201() -> None:
    assert _lint(Report(sections=_sections("overview", "problems")), ["DL201"]) == []
    assert _lint(Report(), ["DL201"]) == []


# Table 四 as it stands in the shipped sample (rules/samples/seed.txt).
_SEED_TABLE4 = (
    "\t行政复议\n\t行政诉讼\n\n\t结果\n维持\n\t结果纠正\n\t其他结果\n\t尚未\n审结\n\t总\n计\n\t未经复议直接起诉\n"
    "\t[bookmark: _Hlk67039688]复议后起诉\n\n\t\n\t\n\t\n\t\n\t\n\t结果维持\n\t结果纠正\n\t其他\n结果\n\t尚未\n审结\n"
    "\t总计\n\t结果维持\n\t结果\n纠正\n\t其他\n结果\n\t尚未审结\n\t总计\n\n" + "\t0\n" * 15 + "\n\n"
)
_HEADING4 = "四、政府信息公开行政复议、行政诉讼情况\n"


def test_seed_table4_replaced_by_a_sentence() -> None:
    report = _seed(replace={_SEED_TABLE4: "本年度未发生政府信息公开行政复议、行政诉讼案件。\n"})
    assert report.litigation is None and report.requests is not None
    (finding,) = _lint(report, ["DL201"])
    assert finding.place.logical == "sections.litigation"
    assert "表四" in finding.message.zh


def test_seed_without_section4_and_its_table() -> None:
    report = _seed(replace={_HEADING4 + _SEED_TABLE4: ""})
    assert report.section("litigation") is None
    assert _lint(report, ["DL201"]) == []


def test_dl201_supersedes_dl104_on_an_empty_section() -> None:
    empty = Section(key="litigation", number="四", heading="政府信息公开行政复议、行政诉讼情况")
    report = Report(sections=[*_sections("overview", "active", "requests"), empty],
                    active=_table("active"), requests=_table("requests"))
    found = _lint(report, ["DL104", "DL201"])
    assert [(f.rule_id, f.place.logical) for f in found] == [("DL201", "sections.litigation")]


# ---- DL202 ----------------------------------------------------------------------------------------

def test_one_finding_per_missing_row() -> None:
    table = _table("requests")
    rows = {k: v for k, v in table.rows.items() if k not in ("granted", "rejected_duplicate")}
    table = table.model_copy(update={"rows": rows, "missing": ["granted", "rejected_duplicate"]})
    found = _lint(Report(requests=table), ["DL202"])
    assert len(found) == 2
    assert "“（一）予以公开”" in found[0].message.zh
    assert "（五）不予处理 2.重复申请" in found[1].message.zh


def test_missing_columns_of_a_row_in_one_finding() -> None:
    table = _table("requests")
    row = table.rows["granted"]
    cells = {k: v for k, v in row.cells.items() if k not in ("research", "legal_services")}
    table = table.model_copy(update={
        "rows": {**table.rows, "granted": row.model_copy(update={"cells": cells})},
        "missing": ["granted.research", "granted.legal_services"]})
    (finding,) = _lint(Report(requests=table), ["DL202"])
    assert "“科研机构”、“法律服务机构”列" in finding.message.zh
    assert finding.place.logical == "requests.granted"


def test_column_missing_from_every_row_is_one_finding() -> None:
    table = _table("requests")
    rows = {k: r.model_copy(update={"cells": {c: v for c, v in r.cells.items() if c != "research"}})
            for k, r in table.rows.items()}
    table = table.model_copy(update={"rows": rows, "missing": [f"{k}.research" for k in rows]})
    (finding,) = _lint(Report(requests=table), ["DL202"])
    assert finding.message.zh == "表三缺少“科研机构”列"


def test_unmatched_rows_without_a_missing_row_are_reported_each() -> None:
    table = _table("active", unmatched=[Text(text="行政检查 | 3"), Text(text="行政征收 | 1")])
    found = _lint(Report(active=table), ["DL202"])
    assert [f.actual for f in found] == ["行政检查 | 3", "行政征收 | 1"]


def test_seed_row_deleted_and_renamed() -> None:
    assert len(_lint(_seed(replace={"\t行政强制\n\t0\n\n": ""}), ["DL202"])) == 1
    (paired,) = _lint(_seed(replace={"\t行政强制\n\t0\n\n": "\t行政检查\n\t0\n\n"}), ["DL202"])
    assert "“行政检查”" in paired.message.zh and "“行政强制”" in paired.message.zh


# ---- DL203 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("found", "official"), [
    ("商业 企业", "商业企业"),
    ("法律服务\n机构", "法律服务机构"),
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ('危及"三安全一稳定"', "危及“三安全一稳定”"),
    ("现行有效件数（历史累计）", "现行有效件数"),
    ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
    ("本年收费金额（单位：万元）（含减免）", "本年收费金额（单位：万元）"),
    ("1.属于国家秘密", "属于国家秘密"),
    ("屬於國家秘密", "属于国家秘密"),
    ("結果維持", "结果维持"),
    ("（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）",
     "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
])
def test_accepted_label_variants(found: str, official: str) -> None:
    assert not label_differs(LabelUse(key="x", kind="row", found=found, official=official))


@pytest.mark.parametrize(("found", "official"), [
    ("部分公开（区分处理的，只计这一情况，不计其他情形）", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("属于三类内容事务信息", "属于三类内部事务信息"),
    ("本年收费金额（单位：元）", "本年收费金额（单位：万元）"),
    ("部分公开", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项减第四项之和）",
     "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
])
def test_label_differences_reported(found: str, official: str) -> None:
    assert label_differs(LabelUse(key="x", kind="row", found=found, official=official))


def test_label_finding_shows_the_official_text_and_the_difference() -> None:
    (finding,) = _lint(_seed(replace={"5.属于三类内部事务信息": "5.属于三类内容事务信息"}), ["DL203"])
    assert finding.expected == "属于三类内部事务信息"
    assert "“内容”应为“内部”" in finding.message.zh
    assert finding.place.logical == "requests.denied_internal_affairs"


# ---- DL204 – DL207 ----------------------------------------------------------------------------------

def test_blank_table_one_finding_per_cell() -> None:
    found = _lint(Report(litigation=_table("litigation", default="")), ["DL204", "DL205"])
    assert [f.rule_id for f in found] == ["DL204"] * 15
    assert len({f.place.key for f in found}) == 15
    assert all(f.fix is not None and "0" in f.fix.zh for f in found)


@pytest.mark.parametrize("raw", ["/", "／", "-", "—", "——", "无", "", "  "])
def test_placeholders(raw: str) -> None:
    found = _lint(_seed({"requests.granted.commercial": raw}))
    assert [f.rule_id for f in found] == ["DL204"]


@pytest.mark.parametrize("raw", ["0 ", " 0", "０", "0件", "18,463", "3件", "3个"])
def test_fine_counts(raw: str) -> None:
    assert _lint(_seed({"active.licensing.decisions": raw})) == []


@pytest.mark.parametrize(("raw", "why"), [("若干", "不是数字"), ("-1", "负数"), ("2.5", "小数"), ("1.8万", "不是数字")])
def test_not_a_count(raw: str, why: str) -> None:
    found = _lint(_seed({"active.licensing.decisions": raw}))
    assert [f.rule_id for f in found] == ["DL205"]
    assert why in found[0].message.zh


def test_trial_format_change_may_be_negative() -> None:
    table = _table("active", {"licensing.change": "-3", "licensing.previous_count": "-1"}, TemplateVersion.V2019)
    found = _lint(Report(active=table), ["DL205"])
    assert [f.place.key for f in found] == ["active.licensing.previous_count"]


@pytest.mark.parametrize(("key", "raw"), [("active.fees.amount", "0.5"), ("active.fees.amount", "0.5万元"),
                                          ("active.fees.amount", "0元"), ("active.fees.amount", "9999"),
                                          ("requests.new.natural_person", "7件")])
def test_fine_units_and_amounts(key: str, raw: str) -> None:
    assert _lint(_seed({key: raw})) == []


def test_yuan_under_wan_is_dl206_not_dl207() -> None:
    (finding,) = _lint(_seed({"active.fees.amount": "251000元"}))
    assert finding.rule_id == "DL206"
    assert finding.expected == "25.1"
    # DL207 alone would also see it
    assert [f.rule_id for f in _lint(_seed({"active.fees.amount": "251000元"}), ["DL207"])] == ["DL207"]


@pytest.mark.parametrize(("key", "raw"), [("requests.new.natural_person", "7万元"),
                                          ("requests.new.natural_person", "7元"),
                                          ("active.fees.amount", "3件")])
def test_unit_contradicting_column(key: str, raw: str) -> None:
    found = _lint(_seed({key: raw}))
    assert [(f.rule_id, f.place.key) for f in found] == [("DL206", key)]


def test_implausible_fee_amount() -> None:
    (finding,) = _lint(_seed({"active.fees.amount": "25100"}))
    assert finding.rule_id == "DL207"
    assert "2.51" in finding.message.zh and finding.fix is not None and "2.51" in finding.fix.zh
