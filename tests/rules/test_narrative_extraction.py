"""The prose extractor (disclosure_lint/text/prose.py): figures in Chinese prose and what they count.

Each case is a sentence as real reports write it, with exactly the claims it must yield — the near
misses (figures of other things, other years, subsets, approximate figures) yield none.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure_lint.text.numerals import parse_number
from disclosure_lint.text.prose import (
    Prepared,
    find_active_claims,
    find_breakdowns,
    find_completion_rates,
    find_fee_statements,
    find_litigation_claims,
    find_placeholders,
    find_request_claims,
    percent_fits,
    sentence_spans,
)


# ---- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("7", 7), ("0", 0), ("1,201", 1201), ("７", 7), ("１２", 12),
    ("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
    ("一千二百", 1200), ("两百", 200), ("一万二千", 12000), ("一万零五", 10005), ("万", 10000),
    ("零", 0), ("〇", 0), ("二〇二三", 2023),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "十十", "二三", "三四", "十百", "一万万", "7.5", "件"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_prepared_maps_positions_back_to_the_original() -> None:
    original = "共收到 政府信息公开申请\u3000７件，其中"
    prep = Prepared.of(original)
    assert prep.text == "共收到政府信息公开申请7件,其中"
    start = prep.text.index("7")
    assert original[slice(*prep.span(start, start + 2))] == "７件"
    assert prep.quote(0, prep.text.index(",")) == "共收到 政府信息公开申请 ７件"


def test_sentences_split_at_full_stops_not_at_semicolons() -> None:
    text = Prepared.of("收到申请3件；办结3件。下一句！").text
    assert [text[a:b] for a, b in sentence_spans(text)] == ["收到申请3件;办结3件。", "下一句!"]


# ---- table 三 ------------------------------------------------------------------------------------
def claims(text: str, year: int | None = 2023, context: bool = False) -> list[tuple[tuple[str, ...], int, str]]:
    return [(c.readings, c.value, c.column) for c in find_request_claims(text, year=year, context=context)]


AMBIGUOUS = ("new", "handled_total", "new+carried_over")


@pytest.mark.parametrize(("text", "expected"), [
    # the seed: 办理 is ambiguous, 自然人提交的 scopes the count and the outcomes that follow it
    ("2023年，共办理自然人提交的政府信息公开申请7件，主要涉及行政许可信息，财政预算、决算，行政机关内部事务信息"
     + "和履行行政管理职能过程中形成的过程性信息等方面，其中予以公开2件，部分公开1件，不予公开1件，无法提供3件，"
     + "已全部按照规定程序和时限要求办理完毕，所有答复均未收费，未出现行政复议、诉讼和举报。",
     [(AMBIGUOUS, 7, "natural_person"), (("granted",), 2, "natural_person"),
      (("partially_granted",), 1, "natural_person"), (("denied",), 1, "natural_person"),
      (("unavailable",), 3, "natural_person")]),
    ("本年度共收到政府信息公开申请15件，上年结转2件，其中予以公开8件，部分公开2件，不予公开1件，无法提供4件，"
     + "不予处理1件，结转下年度继续办理1件。",
     [(("new",), 15, "total"), (("carried_over",), 2, "total"), (("granted",), 8, "total"),
      (("partially_granted",), 2, "total"), (("denied",), 1, "total"), (("unavailable",), 4, "total"),
      (("rejected",), 1, "total"), (("carried_forward",), 1, "total")]),
    ("2023年，我局共受理政府信息公开申请3件，均已按时办结。", [(("new",), 3, "total")]),
    ("2022年，未收到依申请公开事项。", []),  # another year
    ("2023年，未收到依申请公开事项。", [(("new",), 0, "total")]),
    ("全区共收到政府信息依申请公开1499件。", [(("new",), 1499, "total")]),
    ("区政府办公室共收到8份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开2件。",
     [(("new",), 8, "total"), (("granted",), 2, "total"), (("partially_granted",), 2, "total")]),
    ("全年未收到政府信息公开申请。", [(("new",), 0, "total")]),
    ("本年度新收政府信息公开申请12件（其中自然人申请10件，法人或其他组织申请2件），上年结转申请1件。",
     [(("new",), 12, "total"), (("new",), 10, "natural_person"), (("new",), 2, "legal_entities"),
      (("carried_over",), 1, "total")]),
    ("依申请公开方面，共收到申请46件（含上年结转3件）。",
     [(("new", "new+carried_over"), 46, "total"), (("carried_over",), 3, "total")]),
    ("共办结政府信息公开申请20件，结转下年度3件。", [(("handled_total",), 20, "total"), (("carried_forward",), 3, "total")]),
    ("共收到7件政府信息公开申请。", [(("new",), 7, "total")]),
    ("政府信息公开申请共7件。", [(AMBIGUOUS, 7, "total")]),
    ("2023年，本机关收到并办结政府信息公开申请七件。", [(AMBIGUOUS, 7, "total")]),
    ("收到公民、法人或其他组织提出的政府信息公开申请9件。", [(("new",), 9, "total")]),
    ("收到商业企业提交的政府信息公开申请两件，其中予以公开1件。",
     [(("new",), 2, "commercial"), (("granted",), 1, "commercial")]),
    ("共收到政府信息公开申请3件，其中2件予以公开，1件部分公开。",
     [(("new",), 3, "total"), (("granted",), 2, "total"), (("partially_granted",), 1, "total")]),
    ("本年度无上年结转申请，新收政府信息公开申请5件。", [(("carried_over",), 0, "total"), (("new",), 5, "total")]),
    ("收到政府信息公开申请十二件，同比增长50%。", [(("new",), 12, "total")]),
    # the paragraph's latest scope carries into the next sentence
    ("共收到自然人提交的政府信息公开申请7件。其中予以公开2件。",
     [(("new",), 7, "natural_person"), (("granted",), 2, "natural_person")]),
    # two counts by applicant together cover everyone
    ("收到自然人提交的政府信息公开申请5件、法人或其他组织申请2件，其中予以公开4件。",
     [(("new",), 5, "natural_person"), (("new",), 2, "legal_entities"), (("granted",), 4, "total")]),
])
def test_request_claims(text: str, expected: list[tuple[tuple[str, ...], int, str]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize("text", [
    "受理行政许可申请1000件，其中予以公开2件。",  # another kind of application, and what follows may be its subset
    "收到涉及房屋征收的政府信息公开申请3件，其中予以公开1件。",  # a subset by topic
    "2022年，共收到政府信息公开申请5件，其中予以公开3件。",  # last year
    "上年度收到政府信息公开申请5件。",
    "自2019年以来，累计收到政府信息公开申请100件。",
    "收到政府信息公开申请约10件。",
    "收到政府信息公开申请十余件。",
    "与上年相比，收到申请减少2件。",
    "共办理市人大代表建议2件、政协提案4件。",  # proposals, not applications
    "12345热线共受理群众诉求3万件，办结率98%。",
    "按时办结7件。",  # a subset of those handled
    "12345热线共受理并办结群众诉求3000件。",
    "12345热线受理并办结3000件。",  # handled, but not applications: the sentence must say so
    "行政机关不再处理其政府信息公开申请1件。",  # a qualifier we do not handle
    "在涉及征地的申请中，予以公开2件。",
    "我们所承办的6件建议提案现均已答复。",
])
def test_request_near_misses_yield_no_claim(text: str) -> None:
    assert claims(text, context=True) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("其中，予以公开5件，占比50%；部分公开3件，占比30%；不予公开2件，占比20%。",
     [(("granted",), 5, "total"), (("partially_granted",), 3, "total"), (("denied",), 2, "total")]),
    ("上年结转的2件申请已全部办结。", [(("carried_over",), 2, "total")]),
    ("依申请公开办结7件，答复率100%。", [(("handled_total",), 7, "total")]),
])
def test_request_claims_in_context(text: str, expected: list[tuple[tuple[str, ...], int, str]]) -> None:
    assert claims(text, context=True) == expected


def test_outcomes_without_the_word_application_need_context() -> None:
    assert claims("予以公开2件，部分公开1件。") == []
    assert claims("予以公开2件，部分公开1件。", context=True) == [(("granted",), 2, "total"),
                                                            (("partially_granted",), 1, "total")]


def test_a_breakdown_of_one_outcome_is_not_a_breakdown_of_the_whole() -> None:
    text = "共收到政府信息公开申请7件，其中予以公开4件，无法提供3件，其中自然人3件。"
    assert claims(text) == [(("new",), 7, "total"), (("granted",), 4, "total"), (("unavailable",), 3, "total")]


def test_claim_span_and_fragment_quote_the_original() -> None:
    text = "全年共收到政府信息公开申请 ７ 件。"
    (claim,) = find_request_claims(text, year=2023)
    assert claim.fragment == "收到政府信息公开申请 ７ 件"
    assert text[slice(*claim.span)] == "收到政府信息公开申请 ７ 件"
    assert claim.measure == "new"


def test_without_a_report_year_explicit_years_do_not_date_a_figure() -> None:
    assert claims("2023年收到政府信息公开申请5件。", year=None) == [(("new",), 5, "total")]
    assert claims("2023年收到政府信息公开申请5件。", year=2024) == []


# ---- table 二 ------------------------------------------------------------------------------------
def active(text: str, year: int | None = 2023) -> list[tuple[str, int]]:
    return [(c.measure, c.value) for c in find_active_claims(text, year=year)]


@pytest.mark.parametrize(("text", "expected"), [
    ("全年，共制发行政规范性文件0件，普通政府部门文件9件。", [("normative_documents.issued", 0)]),
    ("全年共制发行政规范性文件3件，废止1件，现行有效12件。",
     [("normative_documents.issued", 3), ("normative_documents.repealed", 1), ("normative_documents.in_force", 12)]),
    ("本年度未制发规章和行政规范性文件。", [("regulations.issued", 0), ("normative_documents.issued", 0)]),
    ("截至2023年底，现行有效行政规范性文件23件。", [("normative_documents.in_force", 23)]),
    ("规范性文件制发2件，废止3件。", [("normative_documents.issued", 2), ("normative_documents.repealed", 3)]),
    ("印发5件规范性文件。", [("normative_documents.issued", 5)]),
    ("制定规章2部。", [("regulations.issued", 2)]),
    ("本年度作出行政处罚决定15件，行政强制决定2件。", [("penalty.decisions", 15), ("enforcement.decisions", 2)]),
    ("全年作出行政许可决定18463件。", [("licensing.decisions", 18463)]),
    ("本年度未作出行政处罚。", [("penalty.decisions", 0)]),
])
def test_active_claims(text: str, expected: list[tuple[str, int]]) -> None:
    assert active(text) == expected


@pytest.mark.parametrize("text", [
    "持续做好行政规范性文件清理工作，公开清理结果1条。",
    "汇集进驻市政务服务中心1201个事项办事指引。",
    "制定内部规章制度3项。",
    "累计制发行政规范性文件120件。",
    "2022年制发行政规范性文件3件。",
    "公示行政处罚决定书12份。",
    "办理行政许可事项18000余件。",
    "拟废止规范性文件2件。",
    "发布非规范性文件8件。",
    "受理行政许可申请2000件。",
])
def test_active_near_misses_yield_no_claim(text: str) -> None:
    assert active(text) == []


# ---- table 四 ------------------------------------------------------------------------------------
def litigation(text: str, context: bool = False) -> list[tuple[tuple[str, ...], int]]:
    return [(c.readings, c.value) for c in find_litigation_claims(text, year=2023, context=context)]


@pytest.mark.parametrize(("text", "expected"), [
    ("共办理政府信息公开申请7件，未出现行政复议、诉讼和举报。", [(("review",), 0), (("suit",), 0)]),
    ("本年度未发生因政府信息公开引起的行政复议和行政诉讼案件。", [(("review",), 0), (("suit",), 0)]),
    ("因政府信息公开工作被申请行政复议1件，被提起行政诉讼0件。", [(("review",), 1), (("suit",), 0)]),
    ("政府信息公开行政复议、行政诉讼均为0。", [(("review+suit",), 0)]),
    ("因政府信息公开被申请行政复议和提起行政诉讼共3件。", [(("review+suit",), 3)]),
    ("因政府信息公开被申请行政复议、行政诉讼各1件。", [(("review",), 1), (("suit",), 1)]),
    ("因信息公开经行政复议后提起行政诉讼1件。", [(("suit_after_review",), 1)]),
    ("未被申请政府信息公开行政复议。", [(("review",), 0)]),
    ("本年度未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。", [(("review",), 0), (("suit",), 0)]),
])
def test_litigation_claims(text: str, expected: list[tuple[tuple[str, ...], int]]) -> None:
    assert litigation(text) == expected


@pytest.mark.parametrize("text", [
    "全年共办理行政复议案件120件。",  # a reviewing authority's own cases
    "处理涉及政府信息公开行政复议3件，行政诉讼14件。",
    "受理政府信息公开行政复议申请2件。",
    "因政府信息公开未经复议直接起诉1件。",  # not a review
    "政府信息公开行政复议尚未审结的1件。",
    "2022年因政府信息公开被申请行政复议1件。",
])
def test_litigation_near_misses(text: str) -> None:
    assert litigation(text) == []


def test_litigation_in_section_four_needs_no_disclosure_words() -> None:
    assert litigation("本年度被申请行政复议2件。") == [(("review",), 2)]
    assert litigation("本年度行政复议2件。") == []
    assert litigation("本年度行政复议2件。", context=True) == [(("review",), 2)]


# ---- 信息处理费 ------------------------------------------------------------------------------------
def fees(text: str) -> list[tuple[str, Decimal]]:
    return [(f.kind, f.amount) for f in find_fee_statements(text, year=2023)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年，我单位无收取信息处理费的情况。", [("none", Decimal(0))]),
    ("本年度未收取信息处理费。", [("none", Decimal(0))]),
    ("共收取信息处理费0元。", [("none", Decimal(0))]),
    ("所有答复均未收费。", [("none", Decimal(0))]),  # answers are answers to applications
    ("所有咨询均未收费。", []),
    ("办理政府信息公开申请7件，所有答复均未收费。", [("none", Decimal(0))]),
    ("本年度共收取信息处理费300元。", [("amount", Decimal(300))]),
    ("收取信息处理费0.03万元。", [("amount", Decimal(300))]),
    ("依申请公开信息处理费收取情况：收费200元。", [("amount", Decimal(200))]),
    ("本机关行政事业性收费300元，未收取信息处理费。", [("none", Decimal(0))]),
    ("对自然人申请未收取信息处理费。", []),  # scoped
    ("向申请人免费提供政府信息。", [("none", Decimal(0))]),
    ("免费发放公开指南，收到申请3件。", []),
    ("同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件的部分，100元/件。", []),
    ("申请人逾期未按收费通知要求缴纳费用的，不再处理其申请。", []),
    ("2022年收取信息处理费100元。", []),
])
def test_fee_statements(text: str, expected: list[tuple[str, Decimal]]) -> None:
    assert fees(text) == expected


# ---- placeholders --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fragments"), [
    ("共主动公开政府信息条，其中……", ["共主动公开政府信息条"]),
    ("收到政府信息公开申请件。", ["收到政府信息公开申请件"]),
    ("收到申请____件。", ["收到申请____件"]),
    ("收到申请XX件。", ["收到申请XX件"]),
    ("XXX局2023年政府信息公开工作年度报告", ["XXX局"]),
    ("20XX年", ["20XX年"]),
    ("好评率达××%。", ["好评率达××%"]),
    ("（略）", ["（略）"]),
    ("详见附件(略)。", ["(略)"]),
    ("此项数据待补充。", ["待补充"]),
    ("单击或点击此处输入文字。", ["单击或点击此处"]),
    ("发布信息X条。", ["发布信息X条"]),
])
def test_placeholders(text: str, fragments: list[str]) -> None:
    assert [p.fragment for p in find_placeholders(text)] == fragments


@pytest.mark.parametrize("text", [
    "5.属于三类内部事务信息",
    "邮箱：xxgk@zb.shandong.cn；网址：http://www.xx.gov.cn/XXgk/",
    "公众满意度略有提高，略高于上年。",
    "其中主办件2件、分办件1件、会办件1件、协办件2件。",
    "严格落实各项规章制度和工作条件。",
    "加强文件、案件、信件管理。",
    "共发布信息1000余条。",
    "XXL",
    "相关制度有待补充完善。",
    "申请人请填写申请表。",
    "统计项、",
    "免费提供公开指南。",
])
def test_placeholder_near_misses(text: str) -> None:
    assert find_placeholders(text) == []


# ---- prose arithmetic ------------------------------------------------------------------------------
def test_breakdown_of_the_seed_adds_up() -> None:
    (bd,) = find_breakdowns("共办理自然人提交的政府信息公开申请7件，主要涉及行政许可信息等方面，"
                            "其中予以公开2件，部分公开1件，不予公开1件，无法提供3件，已全部按照规定办理完毕。")
    assert bd.wholes == (7,) and [p.value for p in bd.parts] == [2, 1, 1, 3] and bd.exhaustive
    assert bd.fragment == "其中予以公开2件，部分公开1件，不予公开1件，无法提供3件"


def test_breakdown_of_two_kinds_together() -> None:
    (bd,) = find_breakdowns("2023年，市行政审批服务局共办理市十六届人大三次会议人大代表建议2件、市政协十三届二次会议"
                            "政协委员提案4件，其中主办件2件、分办件1件、会办件1件、协办件2件，办理结果均为A类。")
    assert bd.wholes == (2, 4) and bd.unit == "件" and bd.exhaustive
    assert 6 in bd.whole_candidates()


@pytest.mark.parametrize(("text", "exhaustive"), [
    ("共受理申请10件，其中予以公开3件、部分公开2件。", True),
    ("共受理申请10件，其中予以公开3件、部分公开2件等。", False),
    ("共受理申请10件，其中予以公开3件、部分公开2件，其余正在办理。", False),
    ("共受理申请10件，其中自然人8件、予以公开5件。", False),  # two kinds of breakdown mixed
    ("共受理申请10件，其中予以公开5件（占比50%）、部分公开5件（占比50%）。", True),
    ("共受理申请10件，其中予以公开5件，占比50%；其他5件。", True),
])
def test_breakdown_exhaustive(text: str, exhaustive: bool) -> None:
    (bd,) = find_breakdowns(text)
    assert bd.exhaustive is exhaustive


def test_breakdown_keeps_percentages() -> None:
    (bd,) = find_breakdowns("共收到申请10件，其中予以公开5件（占比50%），部分公开3件，占比30%；不予公开2件。")
    assert [(p.label, p.value, p.percent) for p in bd.parts] == [
        ("予以公开", 5, Decimal(50)), ("部分公开", 3, Decimal(30)), ("不予公开", 2, None)]


def test_nested_breakdown_takes_the_item_before_as_its_whole() -> None:
    first, second = find_breakdowns("共收到申请10件，其中予以公开7件，无法提供3件，其中自然人3件。")
    assert first.wholes == (10,) and [p.value for p in first.parts] == [7, 3]
    assert second.wholes == (3,) and [p.value for p in second.parts] == [3]


def test_completion_rate() -> None:
    (rate,) = find_completion_rates("全年共收到政府信息公开申请8件，办结7件，办结率100%。", year=2023)
    assert (rate.percent, rate.numerator, rate.denominators) == (Decimal(100), 7, (8,))
    assert find_completion_rates("好评率达99.9%。", year=2023) == []
    assert find_completion_rates("共收到申请8件，按期办结率100%。", year=2023) == []


@pytest.mark.parametrize(("percent", "decimals", "num", "den", "fits"), [
    (Decimal(100), 0, 7, 7, True), (Decimal(100), 0, 7, 8, False), (Decimal("87.5"), 1, 7, 8, True),
    (Decimal(67), 0, 2, 3, True), (Decimal(66), 0, 2, 3, True), (Decimal("66.7"), 1, 2, 3, True),
    (Decimal(65), 0, 2, 3, False), (Decimal(50), 0, 2, 7, False), (Decimal("28.6"), 1, 2, 7, True),
])
def test_percent_fits(percent: Decimal, decimals: int, num: int, den: int, fits: bool) -> None:
    assert percent_fits(percent, decimals, num, den) is fits
