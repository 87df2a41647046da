"""DL404–DL407, DL409, DL410 on the seed and on edits of it: what fires, where, and what it says —
and the many correct ways of narrating the same figures, on which nothing may fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.builder.loading import parse_bytes
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import Report
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import with_cell

SEED = (Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt").read_text(encoding="utf-8")
NARRATIVE = ["DL404", "DL405", "DL406", "DL407", "DL409", "DL410"]
# The seed's sentence on applications, up to the outcomes (kept whole in most edits below).
SEED_SENTENCE = ("2023年，共办理自然人提交的政府信息公开申请7件，主要涉及行政许可信息，财政预算、决算，行政机关内部事务信息"
                 "和履行行政管理职能过程中形成的过程性信息等方面，其中予以公开2件，部分公开1件，不予公开1件，无法提供3件，")

_PLUGINS = Plugins(autoload=False)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return _PLUGINS.linter()


def build(text: str, cells: dict[str, str] | None = None) -> Report:
    report = parse_bytes(text.encode("utf-8"), "report.txt", _PLUGINS.readers())
    for key, raw in (cells or {}).items():
        report = with_cell(report, key, raw)
    return report


def seed_with(pairs: dict[str, str]) -> str:
    text = SEED
    for old, new in pairs.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def lint(linter: Linter, report: Report, *rules: str) -> list[Finding]:
    result = linter.lint_report(report, only=list(rules or NARRATIVE))
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def test_the_seed_is_clean(linter: Linter) -> None:
    assert lint(linter, build(SEED)) == []


# ---- DL404 ----------------------------------------------------------------------------------------
def test_dl404_names_the_words_the_row_the_column_and_both_figures(linter: Linter) -> None:
    report = build(seed_with({"其中予以公开2件": "其中予以公开3件"}))
    (finding,) = lint(linter, report, "DL404")
    assert finding.message.zh == "“一、总体情况”写“予以公开3件”，但表三“（一）予以公开”“自然人”列为 2"
    assert (finding.expected, finding.actual) == ("2", "3")
    assert finding.place.pointer.startswith("/sections/0/paragraphs/")
    assert finding.place.location.line == 9
    assert [r.key for r in finding.related] == ["requests.granted.natural_person"]
    assert "table 3 (1) granted, column natural persons is 2" in finding.message.en


def test_dl404_group_rows_are_summed(linter: Linter) -> None:
    # 不予公开1件 against the eight 不予公开 items: moving the 1 between items changes nothing
    moved = {"requests.denied_internal_affairs.natural_person": "0", "requests.denied_internal_affairs.total": "0",
             "requests.denied_state_secret.natural_person": "1", "requests.denied_state_secret.total": "1"}
    assert lint(linter, build(SEED, moved), "DL404") == []
    (finding,) = lint(linter, build(SEED, {"requests.denied_state_secret.natural_person": "1"}), "DL404")
    assert "“（三）不予公开”（1—8项之和）“自然人”列为 2" in finding.message.zh
    assert len(finding.related) == 8


def test_dl404_ambiguous_verb_fires_only_when_no_reading_fits(linter: Linter) -> None:
    # 办理…7件: new 8 but handled 7 — one reading fits
    cells = {"requests.new.natural_person": "8", "requests.new.total": "8"}
    assert lint(linter, build(SEED, cells), "DL404") == []
    # new 8, handled 9 (carried over 1): 7 fits none of new, handled, new + carried over
    cells = {"requests.new.natural_person": "8", "requests.new.total": "8",
             "requests.carried_over.natural_person": "1", "requests.carried_over.total": "1",
             "requests.handled_total.natural_person": "9", "requests.handled_total.total": "9",
             "requests.granted.natural_person": "4", "requests.granted.total": "4"}
    findings = lint(linter, build(SEED, cells), "DL404")
    whole = [f for f in findings if "办理自然人提交的政府信息公开申请7件" in f.message.zh]
    assert len(whole) == 1
    assert "均不相符" in whole[0].message.zh
    assert "“一、本年新收政府信息公开申请数量”为 8" in whole[0].message.zh
    assert "“（七）总计”为 9" in whole[0].message.zh
    assert "之和为 9" in whole[0].message.zh
    # and 予以公开2件 against 4
    assert any("予以公开2件" in f.message.zh for f in findings)


def test_dl404_receive_means_new_not_new_plus_carried_over(linter: Linter) -> None:
    text = seed_with({SEED_SENTENCE: SEED_SENTENCE.replace("共办理自然人提交的政府信息公开申请7件", "共收到政府信息公开申请7件")})
    cells = {"requests.carried_over.natural_person": "1", "requests.carried_over.total": "1",
             "requests.handled_total.natural_person": "8", "requests.handled_total.total": "8",
             "requests.granted.natural_person": "3", "requests.granted.total": "3"}
    findings = lint(linter, build(text, cells), "DL404")
    assert [f.message.zh for f in findings] == ["“一、总体情况”写“予以公开2件”，但表三“（一）予以公开”“总计”列为 3"]


def test_dl404_counts_including_the_carried_over(linter: Linter) -> None:
    text = seed_with({SEED_SENTENCE: SEED_SENTENCE.replace("共办理自然人提交的政府信息公开申请7件",
                                                           "共收到政府信息公开申请8件（含上年结转1件）")})
    cells = {"requests.carried_over.natural_person": "1", "requests.carried_over.total": "1",
             "requests.handled_total.natural_person": "8", "requests.handled_total.total": "8",
             "requests.granted.natural_person": "3", "requests.granted.total": "3"}
    assert [f.message.zh for f in lint(linter, build(text, cells), "DL404")] == [
        "“一、总体情况”写“予以公开2件”，但表三“（一）予以公开”“总计”列为 3"]


def test_dl404_legal_entities_scope_sums_five_columns(linter: Linter) -> None:
    text = seed_with({"持续优化和规范政府信息公开申请办理工作流程": "本年度收到法人或其他组织提交的政府信息公开申请2件。持续优化工作流程"})
    both = {"requests.new.commercial": "1", "requests.new.research": "1", "requests.new.total": "9"}
    assert lint(linter, build(text, both), "DL404") == []
    (finding,) = lint(linter, build(text), "DL404")
    assert "“法人或其他组织”五列之和为 0" in finding.message.zh


def test_dl404_unusable_cells_are_left_to_the_cell_rules(linter: Linter) -> None:
    report = build(seed_with({"其中予以公开2件": "其中予以公开3件"}), {"requests.granted.natural_person": "/"})
    assert lint(linter, report, "DL404") == []


def test_dl404_none_received(linter: Linter) -> None:
    text = seed_with({"持续优化和规范政府信息公开申请办理工作流程": "2023年未收到政府信息公开申请。持续优化工作流程"})
    (finding,) = lint(linter, build(text), "DL404")
    assert finding.message.zh.startswith("“一、总体情况”写“未收到政府信息公开申请”，但表三“一、本年新收")


def test_dl404_section_three_prose_is_in_context(linter: Linter) -> None:
    text = seed_with({"四、政府信息公开行政复议、行政诉讼情况\n": "本年度予以公开5件。\n四、政府信息公开行政复议、行政诉讼情况\n"})
    (finding,) = lint(linter, build(text), "DL404")
    assert finding.message.zh.startswith("“三、收到和处理政府信息公开申请情况”写“予以公开5件”")


# ---- the same figures narrated in many correct ways: nothing fires -------------------------------
# Table 三 for these: 10 new (8 natural persons, 2 commercial), 2 carried over; 6 granted, 2 partly,
# 1 denied (third party), 2 unavailable (not held); 11 handled, 1 carried forward.
TABLE = {
    "new": (8, 2), "carried_over": (2, 0), "granted": (5, 1), "partially_granted": (2, 0),
    "denied_internal_affairs": (0, 0), "denied_third_party": (0, 1), "unavailable_not_held": (2, 0),
    "handled_total": (9, 2), "carried_forward": (1, 0),
}


def table_cells() -> dict[str, str]:
    cells = {}
    for row, (natural, commercial) in TABLE.items():
        cells[f"requests.{row}.natural_person"] = str(natural)
        cells[f"requests.{row}.commercial"] = str(commercial)
        cells[f"requests.{row}.total"] = str(natural + commercial)
    return cells


CORRECT = [
    "2023年，本机关共收到政府信息公开申请10件，上年结转2件，其中予以公开6件，部分公开2件，不予公开1件，无法提供2件，结转下年度继续办理1件。",
    "全年新收政府信息公开申请十件（其中自然人申请8件，商业企业申请2件），上年结转申请2件，共办结11件，结转下年度1件。",
    ("2023年共受理政府信息公开申请10件，比上年增加3件，同比增长42.9%。办理结果：予以公开6件，占比54.5%；部分公开2件，占比18.2%；"
     "不予公开1件，占比9.1%；无法提供2件，占比18.2%。"),
    "依申请公开方面，共收到申请12件（含上年结转2件），已办结11件，1件正在办理中。",
    "本年度共办理政府信息公开申请12件，其中予以公开6件、部分公开2件、不予公开1件、无法提供2件，另有1件结转下年度继续办理。",
    "2022年，我局收到政府信息公开申请7件；2023年收到10件，均在法定期限内答复。",
    "共收到自然人提交的政府信息公开申请8件，法人或其他组织提交的申请2件，其中予以公开6件，部分公开2件，不予公开1件，无法提供2件，结转下年度1件。",
    "本年度新收政府信息公开申请10件，办结率91.7%（办结11件，结转下年度1件）。",
    "受理行政许可申请18463件。共收到涉及征地拆迁的政府信息公开申请4件，其中予以公开1件。",
    "共收到7件申请人通过网络平台提交的申请。",
    "本年度共收到政府信息公开申请约10件，按时办结率100%。",
    "全年未发生因政府信息公开引起的行政复议、行政诉讼；未收取信息处理费。",
    "全年办结政府信息公开申请11件，其中予以公开和部分公开的共8件，占办结总数的72.7%。",
    "全年办结11件，其中予以公开6件，部分公开2件，不予公开1件，无法提供2件；结转下年度办理1件。",
]


@pytest.mark.parametrize("paragraph", CORRECT)
def test_correct_narratives_do_not_fire(linter: Linter, paragraph: str) -> None:
    text = seed_with({SEED_SENTENCE + "已全部按照规定程序和时限要求办理完毕，所有答复均未收费，未出现行政复议、诉讼和举报，"
                      "做到了依法有据、严谨规范、慎重稳妥。": paragraph})
    findings = lint(linter, build(text, table_cells()))
    assert findings == [], [f.message.zh for f in findings]


@pytest.mark.parametrize(("paragraph", "rule", "words"), [
    ("2023年，本机关共收到政府信息公开申请11件，上年结转2件。", "DL404", "收到政府信息公开申请11件"),
    ("共收到自然人提交的政府信息公开申请8件，其中予以公开6件。", "DL404", "予以公开6件"),  # 自然人: 5
    ("本年度共办结政府信息公开申请12件。", "DL404", "办结政府信息公开申请12件"),
    ("本年度无结转下年度办理的申请，共收到政府信息公开申请10件。", "DL404", "无结转下年度"),
    ("共办理政府信息公开申请9件。", "DL404", "办理政府信息公开申请9件"),  # fits none of 10, 11, 12
    ("全年办结政府信息公开申请11件，其中予以公开和部分公开的共9件。", "DL404", "“（一）予以公开”与“（二）部分公开”之和"),
    ("全年办结政府信息公开申请11件，其中予以公开6件，部分公开2件，不予公开1件，无法提供1件。", "DL410", "所列各项之和为 10件"),
])
def test_contradicting_narratives_fire(linter: Linter, paragraph: str, rule: str, words: str) -> None:
    text = seed_with({SEED_SENTENCE: paragraph})
    findings = lint(linter, build(text, table_cells()), rule)
    assert len(findings) == 1 and words in findings[0].message.zh, [f.message.zh for f in findings]
    assert findings[0].rule_id == rule


# ---- DL405 ----------------------------------------------------------------------------------------
def test_dl405_message(linter: Linter) -> None:
    (finding,) = lint(linter, build(seed_with({"共制发行政规范性文件0件": "共制发行政规范性文件2件"})), "DL405")
    assert finding.message.zh == "“一、总体情况”写“制发行政规范性文件2件”，但表二“行政规范性文件”“本年制发件数”为 0"
    assert [r.key for r in finding.related] == ["active.normative_documents.issued"]


def test_dl405_repealed_inherits_the_document_of_its_sentence(linter: Linter) -> None:
    text = seed_with({"共制发行政规范性文件0件": "共制发行政规范性文件0件，废止1件，现行有效0件"})
    assert lint(linter, build(text), "DL405") == []
    (finding,) = lint(linter, build(text, {"active.normative_documents.repealed": "2"}), "DL405")
    assert "“本年废止件数”为 2" in finding.message.zh


def test_dl405_decisions(linter: Linter) -> None:
    text = seed_with({"普通政府部门文件9件": "普通政府部门文件9件，作出行政处罚决定3件"})
    (finding,) = lint(linter, build(text), "DL405")
    assert "第二十条第（六）项“行政处罚”为 0" in finding.message.zh
    assert lint(linter, build(text, {"active.penalty.decisions": "3"}), "DL405") == []


def test_dl405_blank_cell_is_not_compared(linter: Linter) -> None:
    text = seed_with({"共制发行政规范性文件0件": "共制发行政规范性文件2件"})
    assert lint(linter, build(text, {"active.normative_documents.issued": ""}), "DL405") == []


# ---- DL406 ----------------------------------------------------------------------------------------
def test_dl406_none_while_both_totals_are_non_zero_is_one_finding(linter: Linter) -> None:
    cells = {"litigation.review.total": "1", "litigation.review.pending": "1",
             "litigation.suit_direct.total": "1", "litigation.suit_direct.upheld": "1"}
    (finding,) = lint(linter, build(SEED, cells), "DL406")
    assert finding.message.zh.startswith("“一、总体情况”写“未出现行政复议、诉讼”，与表四均不相符：")
    assert "“行政复议”“总计”为 1" in finding.message.zh
    assert "之和为 1" in finding.message.zh


def test_dl406_suits_compare_with_both_groups(linter: Linter) -> None:
    text = seed_with({"未出现行政复议、诉讼和举报": "因政府信息公开被提起行政诉讼2件"})
    cells = {"litigation.suit_direct.total": "1", "litigation.suit_after_review.total": "1"}
    assert lint(linter, build(text, cells), "DL406") == []
    (finding,) = lint(linter, build(text, {"litigation.suit_direct.total": "1"}), "DL406")
    assert finding.message.zh.endswith("之和为 1")


def test_dl406_section_four_prose(linter: Linter) -> None:
    text = seed_with({"五、存在的主要问题及改进情况\n": "本年度被申请行政复议1件，结果维持。\n五、存在的主要问题及改进情况\n"})
    (finding,) = lint(linter, build(text), "DL406")
    assert finding.message.zh.startswith("“四、政府信息公开行政复议、行政诉讼情况”写“被申请行政复议1件”")
    # with the table agreeing, only the seed's “未出现行政复议、诉讼” in section 一 is now wrong
    findings = lint(linter, build(text, {"litigation.review.total": "1", "litigation.review.upheld": "1"}), "DL406")
    assert [f.message.zh[:8] for f in findings] == ["“一、总体情况”"]


# ---- DL407 ----------------------------------------------------------------------------------------
def test_dl407_one_finding_naming_both_statements(linter: Linter) -> None:
    text = seed_with({"我单位无收取信息处理费的情况": "我单位共收取信息处理费0.03万元"})
    (finding,) = lint(linter, build(text), "DL407")
    assert finding.message.zh == ("“六、其他需要报告的事项”写“收取信息处理费0.03万元”，而“一、总体情况”写“均未收费”，"
                                  "关于信息处理费的说法前后矛盾")
    assert finding.actual == "300元"
    assert finding.place.pointer.startswith("/sections/5/paragraphs/")
    assert finding.related[0].pointer.startswith("/sections/0/paragraphs/")


def test_dl407_never_reads_table_two_fees(linter: Linter) -> None:
    assert lint(linter, build(SEED, {"active.fees.amount": "3"}), "DL407") == []


# ---- DL409 ----------------------------------------------------------------------------------------
def test_dl409_one_finding_per_paragraph(linter: Linter) -> None:
    text = seed_with({"发布人事任免信息3条，财政预算、决算信息5条": "发布人事任免信息条，财政预算、决算信息XX条"})
    (finding,) = lint(linter, build(text), "DL409")
    assert finding.message.zh == "“一、总体情况”中有未填写的模板文字：“发布人事任免信息条”“决算信息XX条”"
    assert finding.severity.value == "warning"


def test_dl409_near_misses(linter: Linter) -> None:
    text = seed_with({"提升工作质量。": "提升工作质量，满意度略有提高（详见附件）。", "邮箱：sxzspfwjbgs@zb.shandong.cn": "邮箱：xxgk@zb.gov.cn"})
    assert lint(linter, build(text), "DL409") == []


# ---- DL410 ----------------------------------------------------------------------------------------
def test_dl410_part_larger_than_whole(linter: Linter) -> None:
    text = seed_with({"其中主办件2件": "其中主办件7件"})
    (finding,) = lint(linter, build(text), "DL410")
    assert "“主办件7件”大于前面所说的总数（2、4件）" in finding.message.zh


def test_dl410_parts_that_do_not_add_up(linter: Linter) -> None:
    text = seed_with({"其中予以公开2件": "其中予以公开3件"})
    (finding,) = lint(linter, build(text), "DL410")
    assert finding.message.zh == ("“一、总体情况”写“其中予以公开3件，部分公开1件，不予公开1件，无法提供3件”，"
                                  "所列各项之和为 8件，与总数 7件 不符")
    assert (finding.expected, finding.actual) == ("7", "8")


def test_dl410_two_wholes_message(linter: Linter) -> None:
    (finding,) = lint(linter, build(seed_with({"协办件2件": "协办件3件"})), "DL410")
    assert "与前面所说的数字（2件、4件）及其任意几项之和均不符" in finding.message.zh


def test_dl410_percentages(linter: Linter) -> None:
    text = seed_with({"部分公开1件，": "部分公开1件（占14.3%），", "其中予以公开2件": "其中予以公开2件（占比20%）"})
    (finding,) = lint(linter, build(text), "DL410")
    assert "予以公开2件占 20%" in finding.message.zh


def test_dl410_completion_rate(linter: Linter) -> None:
    text = seed_with({"持续优化和规范政府信息公开申请办理工作流程": "全年收到政府信息公开申请8件，办结7件，办结率100%。持续优化工作流程"})
    (finding,) = lint(linter, build(text), "DL410")
    assert finding.message.zh == "“一、总体情况”写“办结率100%”，但所述办结7件、共8件，办结率应为 87.5%"
