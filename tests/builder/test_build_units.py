"""Unit tests of the builder's pure parts: cells, labels, title, period, section headings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from disclosure_lint.builder.cells import parse_cell
from disclosure_lint.builder.labels import LabelMatcher
from disclosure_lint.builder.period import extract_period
from disclosure_lint.builder.sections import find_headings
from disclosure_lint.builder.title import find_title
from disclosure_lint.model import CellKind, Location, Text
from disclosure_lint.model.template import REQUESTS_2021
from disclosure_lint.text.ordinals import split_ordinal
from disclosure_lint.text.titles import parse_agency, parse_year

# --------------------------------------------------------------------------------------------
# parse_cell


@pytest.mark.parametrize(
    ("raw", "unit", "kind", "value", "written_unit"),
    [
        ("0", "件", CellKind.ZERO, 0, None),
        ("7", "件", CellKind.NUMBER, 7, None),
        ("18,463", "件", CellKind.NUMBER, 18463, None),
        ("18，463", "件", CellKind.NUMBER, 18463, None),
        ("１８４６３", "件", CellKind.NUMBER, 18463, None),
        ("\u3000 7\u00a0", "件", CellKind.NUMBER, 7, None),
        ("3件", "件", CellKind.NUMBER, 3, "件"),
        ("0个", "件", CellKind.ZERO, 0, "个"),
        ("12条", "件", CellKind.NUMBER, 12, "条"),
        ("-3", "件", CellKind.NUMBER, -3, None),
        ("－3", "件", CellKind.NUMBER, -3, None),
        ("1.5", "件", CellKind.NUMBER, Decimal("1.5"), None),
        ("0", "万元", CellKind.ZERO, Decimal(0), None),
        ("0.5万元", "万元", CellKind.NUMBER, Decimal("0.5"), "万元"),
        ("12.35", "万元", CellKind.NUMBER, Decimal("12.35"), None),
        ("251000元", "万元", CellKind.NUMBER, Decimal(251000), "元"),
        ("", "件", CellKind.BLANK, None, None),
        ("  \u3000", "件", CellKind.BLANK, None, None),
        ("/", "件", CellKind.PLACEHOLDER, None, None),
        ("／", "件", CellKind.PLACEHOLDER, None, None),
        ("-", "件", CellKind.PLACEHOLDER, None, None),
        ("—", "件", CellKind.PLACEHOLDER, None, None),
        ("——", "件", CellKind.PLACEHOLDER, None, None),
        ("－", "件", CellKind.PLACEHOLDER, None, None),
        ("无", "件", CellKind.PLACEHOLDER, None, None),
        ("1.8万", "万元", CellKind.TEXT, None, None),
        ("若干", "件", CellKind.TEXT, None, None),
        ("1,8", "件", CellKind.TEXT, None, None),  # not a thousands separator
        ("3 5", "件", CellKind.NUMBER, 35, None),  # whitespace inside is removed, as in labels
    ],
)
def test_parse_cell(raw: str, unit: str, kind: CellKind, value: object, written_unit: str | None) -> None:
    loc = Location(line=3, column=2)
    cell = parse_cell(raw, key="requests.granted.total", unit=unit, location=loc)
    assert cell.kind is kind
    assert cell.value == value
    assert type(cell.value) is type(value)  # int for counts, Decimal for 万元 and fractions
    assert cell.unit == written_unit
    assert cell.raw == raw  # as written, never normalised
    assert cell.key == "requests.granted.total"
    assert cell.location == loc


def test_parse_cell_never_float() -> None:
    for raw in ("1.25", "0.0", "3.0"):
        assert not isinstance(parse_cell(raw, key="k", unit="件").value, float)
        assert not isinstance(parse_cell(raw, key="k", unit="万元").value, float)


def test_blank_is_not_zero() -> None:
    cell = parse_cell("", key="k")
    assert cell.value is None and not cell.is_numeric


# --------------------------------------------------------------------------------------------
# Label matching


def _requests_matcher() -> LabelMatcher[str]:
    return LabelMatcher((r.label, r.key, r.aliases) for r in REQUESTS_2021.blocks[0].rows)


@pytest.mark.parametrize(
    ("text", "key", "found"),
    [
        ("1.属于国家秘密", "denied_state_secret", "属于国家秘密"),
        ("（一）予以公开", "granted", "予以公开"),
        ("(一) 予以公开", "granted", "予以公开"),
        ("5.要求行政机关确认或重新\n出具已获取信息", "rejected_confirmation", "要求行政机关确认或重新\n出具已获取信息"),
        ("（二）部分公开（区分处理的，只计这一情况，不计其他情形）", "partially_granted",
         "部分公开（区分处理的，只计这一情况，不计其他情形）"),
        ("5.属于三类内容事务信息", "denied_internal_affairs", "属于三类内容事务信息"),
        ("（二）部分公开", "partially_granted", "部分公开"),  # official annotation left out
        ("6.属于四类过程信息", "denied_process_info", "属于四类过程信息"),  # fuzzy
        ("3.其他", "other_other", "其他"),
        ("（七）总计", "handled_total", "总计"),
    ],
)
def test_label_matcher(text: str, key: str, found: str) -> None:
    m = _requests_matcher().match(text)
    assert m is not None
    assert m.target == key
    assert m.found == found


@pytest.mark.parametrize("text", ["若干", "合计", "其它", "本年度新收到的各类申请件数合计情况", "1.8万"])
def test_label_matcher_refuses(text: str) -> None:
    assert _requests_matcher().match(text) is None


def test_split_ordinal_keeps_it_as_written() -> None:
    assert split_ordinal("（三）不予公开") == ("（三）", "不予公开")
    assert split_ordinal("1.属于国家秘密") == ("1.", "属于国家秘密")
    assert split_ordinal("一、本年新收") == ("一、", "本年新收")
    assert split_ordinal("18463") == ("", "18463")
    assert split_ordinal("1.5") == ("", "1.5")


# --------------------------------------------------------------------------------------------
# Title, agency, year


def _texts(*lines: str) -> list[Text]:
    return [Text(text=t, location=Location(line=i + 1)) for i, t in enumerate(lines)]


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("淄博市行政审批服务局2023年政府信息公开工作年度报告", "淄博市行政审批服务局", 2023),
        ("淄博市民政局二〇二三年政府信息公开工作年度报告", "淄博市民政局", 2023),
        ("2022年度淄博市民政局政府信息公开工作年度报告", "淄博市民政局", 2022),
        ("淄博市民政局２０２１年政府信息公开工作年度报告", "淄博市民政局", 2021),
        ("淄博市民政局政府信息公开工作年度报告", "淄博市民政局", None),
    ],
)
def test_title(title: str, agency: str, year: int | None) -> None:
    info = find_title(_texts(title, "本年度报告中所列数据的统计期限自2023年1月1日起。"), 2)
    assert info is not None
    assert info.title.text == title
    assert info.agency == agency
    assert info.year == year


@pytest.mark.parametrize(("first", "second"), [("淄博市行政审批服务局", "2023年政府信息公开工作年度报告"),
                                                ("淄博市行政审批服务局2023年", "政府信息公开工作年度报告")])
def test_title_split_over_two_lines(first: str, second: str) -> None:
    info = find_title(_texts(first, second, "正文……。"), 3)
    assert info is not None
    assert info.title.text == "淄博市行政审批服务局2023年政府信息公开工作年度报告"
    assert info.agency == "淄博市行政审批服务局" and info.year == 2023 and info.blocks == (0, 1)


def test_complete_title_is_not_joined_to_the_line_above() -> None:
    info = find_title(_texts("首页", "淄博市行政审批服务局2023年政府信息公开工作年度报告"), 2)
    assert info is not None and info.blocks == (1,)


def test_title_fallback_first_short_paragraph() -> None:
    info = find_title(_texts("索引号：11370300MB2856/2024-00012", "淄博市行政审批服务局2023年度政务公开工作总结",
                             "本年度报告中所列数据的统计期限自2023年1月1日起。"), 3)
    assert info is not None
    assert (info.title.text, info.agency, info.year) == ("淄博市行政审批服务局2023年度政务公开工作总结",
                                                         "淄博市行政审批服务局", 2023)
    assert find_title(_texts("本年度报告中所列数据的统计期限自2023年1月1日起。", "短标题"), 2) is None


def test_no_title_in_prose() -> None:
    long_prose = "为深入贯彻落实政府信息公开条例，" * 5 + "现将本年度工作报告如下。"
    assert find_title(_texts(long_prose), 1) is None


def test_parse_year_rejects_implausible() -> None:
    assert parse_year("编号1234年") is None
    title = "某局2023年政府信息公开工作年度报告"
    found = parse_year(title)
    assert found == (2023, 2, 7)
    assert parse_agency(title, found[1:]) == "某局"


# --------------------------------------------------------------------------------------------
# Statistical period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。", date(2023, 1, 1), date(2023, 12, 31)),
        ("统计期限为2023年1月1日至2023年12月31日。", date(2023, 1, 1), date(2023, 12, 31)),
        ("本报告数据2023年1月1日—12月31日。", date(2023, 1, 1), date(2023, 12, 31)),
        ("统计期限自２０２２年１月１日起，至２０２２年１２月３１日止", date(2022, 1, 1), date(2022, 12, 31)),
        ("统计时间为二〇二三年一月一日至十二月三十一日。", date(2023, 1, 1), date(2023, 12, 31)),
        ("本报告统计期限为2023年度。", date(2023, 1, 1), date(2023, 12, 31)),
        ("统计期限自2023年1月1日起，至2023年6月30日止。", date(2023, 1, 1), date(2023, 6, 30)),
        ("统计期限自2023年2月30日起，至2023年12月31日止。", None, date(2023, 12, 31)),
    ],
)
def test_period(text: str, start: date | None, end: date | None) -> None:
    period = extract_period(_texts(text), [])
    assert period is not None
    assert (period.start, period.end) == (start, end)
    assert period.location.line == 1


def test_period_not_taken_from_body_dates() -> None:
    body = _texts("2023年3月1日至3月31日，开展专项行动。")
    assert extract_period([], body) is None
    assert extract_period(body, []) is not None  # the same text in the intro is a statement


# --------------------------------------------------------------------------------------------
# Section headings


def _keys(*lines: str) -> list[tuple[str, str, str, bool]]:
    return [(h.key, h.number, h.heading, h.exact) for h in find_headings(_texts(*lines))]


def test_headings_ordinal_variants() -> None:
    assert _keys("一、总体情况", "二. 主动公开政府信息情况", "三，收到和处理政府信息公开申请情况",
                 "四 政府信息公开行政复议、行政诉讼情况", "五、 存在的主要问题及改进情况",
                 "六、其他需要报告的事项") == [
        ("overview", "一", "总体情况", True), ("active", "二", "主动公开政府信息情况", True),
        ("requests", "三", "收到和处理政府信息公开申请情况", True),
        ("litigation", "四", "政府信息公开行政复议、行政诉讼情况", True),
        ("problems", "五", "存在的主要问题及改进情况", True), ("other_matters", "六", "其他需要报告的事项", True)]


def test_heading_accepted_variant_and_spaces() -> None:
    assert _keys("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、存在 问题及改进情况") == [
        ("litigation", "四", "因政府信息公开工作被申请行政复议、提起行政诉讼情况", True),
        ("problems", "五", "存在 问题及改进情况", True)]


def test_heading_split_across_lines() -> None:
    headings = find_headings(_texts("四、政府信息公开行政复议、", "行政诉讼情况", "正文。"))
    assert [(h.key, h.span, h.heading) for h in headings] == [("litigation", 2, "政府信息公开行政复议、行政诉讼情况")]


def test_heading_without_ordinal() -> None:
    assert _keys("总体情况", "正文。") == [("overview", "", "总体情况", True)]


def test_subheadings_and_prose_are_not_sections() -> None:
    assert _keys("（一）持续深化主动公开", "一是持续优化政府信息公开平台栏目设置。",
                 "二、主动公开政府信息情况方面，我局全年共主动公开政府信息1000余条，较上年增长明显，"
                 "进一步提升了公开质量和实效，群众满意度显著提高。") == []


def test_reworded_heading_is_recognised_but_not_exact() -> None:
    assert _keys("一、总体情况", "二、主动公开情况", "五、存在的主要问题和改进措施", "六、其它需要报告的事项") == [
        ("overview", "一", "总体情况", True), ("active", "二", "主动公开情况", False),
        ("problems", "五", "存在的主要问题和改进措施", False),
        ("other_matters", "六", "其它需要报告的事项", False)]


def test_list_item_after_its_section_is_not_a_new_section() -> None:
    # A numbered list inside 五 must not re-open 二.
    assert [k for k, *_ in _keys("一、总体情况", "二、主动公开政府信息情况", "五、存在的主要问题及改进情况",
                                 "二、强化政府信息主动公开")] == ["overview", "active", "problems"]
