"""DL404–DL407, DL409, DL410 — the prose against the tables, and the prose against itself (docs/rules/index.md).

Evaluators read the narrative beside the tables: "共收到政府信息公开申请7件，其中予以公开2件" must say
what table 三 says. The figures are read by `_narrative` (narrowly: a figure is compared only when it
is clear what it counts); these rules look them up in the tables and report a contradiction at the
paragraph, quoting the words and naming the table cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_lint import Check, Examples, Total, fmt, rule, sample
from disclosure_lint.model import Cell, StandardTable
from disclosure_lint.model.template import table_spec
from disclosure_lint.text.prose import (
    LEGAL_ENTITY_COLUMNS,
    Breakdown,
    Claim,
    FeeStatement,
    find_active_claims,
    find_breakdowns,
    find_completion_rates,
    find_fee_statements,
    find_litigation_claims,
    find_placeholders,
    find_request_claims,
    percent_fits,
)

from ._prose import ProseParagraph

_SEED_REQUESTS = "2023年，共办理自然人提交的政府信息公开申请7件"


# ---- looking claims up in the tables ------------------------------------------------------------

_REQUEST_LABELS = {
    "new": ("“一、本年新收政府信息公开申请数量”", "row 1 (new applications)"),
    "carried_over": ("“二、上年结转政府信息公开申请数量”", "row 2 (carried over from last year)"),
    "granted": ("“（一）予以公开”", "(1) granted"),
    "partially_granted": ("“（二）部分公开”", "(2) partially granted"),
    "denied": ("“（三）不予公开”（1—8项之和）", "(3) denied (sum of items 1–8)"),
    "unavailable": ("“（四）无法提供”（1—3项之和）", "(4) unavailable (sum of items 1–3)"),
    "rejected": ("“（五）不予处理”（1—5项之和）", "(5) not processed (sum of items 1–5)"),
    "other": ("“（六）其他处理”", "(6) other handling"),
    "handled_total": ("“（七）总计”", "(7) total handled"),
    "carried_forward": ("“四、结转下年度继续办理”", "row 4 (carried forward)"),
}
_COLUMN_LABELS = {
    "total": ("“总计”列", "column total"),
    "natural_person": ("“自然人”列", "column natural persons"),
    "legal_entities": ("“法人或其他组织”五列之和", "the five legal-entity columns together"),
    "commercial": ("“商业企业”列", "column commercial enterprises"),
    "research": ("“科研机构”列", "column research institutions"),
    "social_welfare": ("“社会公益组织”列", "column public-welfare organisations"),
    "legal_services": ("“法律服务机构”列", "column legal-service institutions"),
}
_ACTIVE_LABELS = {
    "regulations": ("“规章”", "regulations"), "normative_documents": ("“行政规范性文件”", "normative documents"),
    "licensing": ("第二十条第（五）项“行政许可”", "administrative licensing"),
    "penalty": ("第二十条第（六）项“行政处罚”", "administrative penalties"),
    "enforcement": ("第二十条第（六）项“行政强制”", "administrative enforcement"),
    "issued": ("“本年制发件数”", "issued this year"), "repealed": ("“本年废止件数”", "repealed this year"),
    "in_force": ("“现行有效件数”", "in force"), "decisions": ("“本年处理决定数量”", "decisions this year"),
}
_LITIGATION_LABELS = {
    "review": ("“行政复议”“总计”", "administrative review, total"),
    "suit": ("“行政诉讼”两组（未经复议直接起诉、复议后起诉）“总计”之和", "administrative suits, both groups' totals"),
    "suit_direct": ("“未经复议直接起诉”“总计”", "suits without prior review, total"),
    "suit_after_review": ("“复议后起诉”“总计”", "suits after review, total"),
}


def _request_rows(table: StandardTable, measure: str) -> list[str]:
    spec = table_spec("requests", table.version)
    if measure in ("denied", "unavailable", "rejected", "other"):
        return [key for key in spec.row_keys if spec.row(key).group == measure]
    return [measure]


def _request_total(check: Check, table: StandardTable, reading: str, column: str) -> Total | None:
    columns = LEGAL_ENTITY_COLUMNS if column == "legal_entities" else (column,)
    cells: list[Cell | None] = []
    for measure in reading.split("+"):
        for row in _request_rows(table, measure):
            cells += [table.cell(row, c) for c in columns]
    return check.total(cells)


def _request_label(reading: str) -> tuple[str, str]:
    parts = reading.split("+")
    zh = "与".join(_REQUEST_LABELS[p][0] for p in parts) + ("之和" if len(parts) > 1 else "")
    en = " plus ".join(_REQUEST_LABELS[p][1] for p in parts)
    return zh, en


def _active_total(check: Check, table: StandardTable, reading: str) -> Total | None:
    row, column = reading.split(".")
    return check.total([table.cell(row, column)])


def _active_label(reading: str) -> tuple[str, str]:
    row, column = reading.split(".")
    zh = f"{_ACTIVE_LABELS[row][0]}{_ACTIVE_LABELS[column][0]}" if column in ("issued", "repealed", "in_force") \
        else _ACTIVE_LABELS[row][0]
    return zh, f"{_ACTIVE_LABELS[row][1]}, {_ACTIVE_LABELS[column][1]}"


def _litigation_total(check: Check, table: StandardTable, reading: str) -> Total | None:
    groups = {"review": ["review"], "suit": ["suit_direct", "suit_after_review"],
              "suit_direct": ["suit_direct"], "suit_after_review": ["suit_after_review"]}
    return check.total([table.cell(g, "total") for part in reading.split("+") for g in groups[part]])


def _litigation_label(reading: str) -> tuple[str, str]:
    parts = reading.split("+")
    zh = "与".join(_LITIGATION_LABELS[p][0] for p in parts) + ("之和" if len(parts) > 1 else "")
    return zh, " plus ".join(_LITIGATION_LABELS[p][1] for p in parts)


def _contradiction(check: Check, para: ProseParagraph, claim: Claim, table_zh: str, table_en: str,
                   found: Sequence[tuple[str, str, Total]], what_zh: str = "", what_en: str = "") -> None:
    """Report that ``claim`` fits none of its readings, each (label zh, label en, table value)."""
    if len(found) == 1:
        label_zh, label_en, total = found[0]
        zh = f"{para.where_zh}写“{claim.fragment}”，但{table_zh}{label_zh}{what_zh}为 {fmt(total)}"
        en = f"{para.where_en} says “{claim.fragment}”, but {table_en} {label_en}{what_en} is {fmt(total)}"
    else:
        listed_zh = "、".join(f"{label}为 {fmt(total)}" for label, _, total in found)
        listed_en = "; ".join(f"{label} is {fmt(total)}" for _, label, total in found)
        zh = f"{para.where_zh}写“{claim.fragment}”，与{table_zh}均不相符：{listed_zh}{what_zh}"
        en = f"{para.where_en} says “{claim.fragment}”, which fits none of {table_en}: {listed_en}{what_en}"
    cells = [c for _, _, total in found for c in total.cells]
    check.fail(zh, en, at=para.text, expected=found[0][2], actual=claim.value, related=cells,
               fix_zh="请核对正文与表格，改正其中错误的一处", fix_en="Check the text against the table and correct whichever is wrong")


# ---- DL404 --------------------------------------------------------------------------------------

@rule(
    "DL404",
    name="narrative-requests",
    severity="error",
    summary_en="A count of 政府信息公开申请 in the text contradicts table 3.",
    tags={"consistency", "narrative", "table3"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", cells={"requests.new.natural_person": "8", "requests.new.total": "8"},
                   note="“办理…申请7件” may mean those handled: （七）总计 is still 7"),
            sample("seed", replace={"人大代表建议2件": "人大代表建议5件"},
                   note="counts of deputies' suggestions are never compared"),
            sample("seed", replace={_SEED_REQUESTS: "2022年，共收到政府信息公开申请5件；2023年，共办理自然人提交的政府信息公开申请7件"},
                   note="last year's figure, dated as such"),
            sample("seed", replace={_SEED_REQUESTS: "2023年，共收到涉及房屋征收的政府信息公开申请3件，其中予以公开1件；共办理自然人提交的政府信息公开申请7件"},
                   note="a subset by topic: neither it nor its outcome is compared"),
            sample("seed", replace={"其中予以公开2件": "其中予以公开2件（约占29%）"}, note="a share, not a count"),
            sample("seed", replace={"其中予以公开2件": "其中按时办结7件，予以公开2件"},
                   note="“按时办结” counts those handled on time, a subset"),
            sample("seed", cells={"requests.denied_internal_affairs.natural_person": "0",
                                  "requests.denied_internal_affairs.total": "0",
                                  "requests.denied_process_info.natural_person": "1",
                                  "requests.denied_process_info.total": "1"},
                   note="不予公开 is compared as the sum of its eight items"),
            sample("seed", replace={"无法提供3件": "无法提供3件，其中自然人3件"},
                   note="a breakdown of 无法提供, not of all applications"),
        ],
        invalid=[
            sample("seed", replace={"其中予以公开2件": "其中予以公开3件"}, expect=1,
                   note="table 三 （一）予以公开, 自然人: 2"),
            sample("seed", replace={_SEED_REQUESTS: "2023年，共收到政府信息公开申请8件"}, expect=1,
                   note="收到 means 一、本年新收: 7"),
            sample("seed", replace={"持续优化和规范政府信息公开申请办理工作流程": "全年未收到政府信息公开申请。持续优化和规范工作流程"},
                   expect=1, note="“未收到” while table 三 has 7 new applications"),
            sample("seed", replace={"无法提供3件": "无法提供三件，结转下年度继续办理1件"}, expect=1,
                   note="四、结转下年度继续办理 is 0"),
        ],
    ),
)
def narrative_requests(prose: tuple[ProseParagraph, ...], requests: StandardTable, year: int | None,
                       check: Check) -> None:
    """正文中关于政府信息公开申请的数字与表三不一致。

    正文常常复述表三：“共收到政府信息公开申请7件，其中予以公开2件，部分公开1件……”。两处数字不一致，
    读者无从判断哪一个是真的。本规则只比较对象明确是政府信息公开申请的数字：新收（收到、受理）、
    上年结转、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、办结（答复）和结转下年度；
    “不予公开”等按表三该项各小项之和比较。“自然人提交的申请”只与“自然人”列比较，“法人或其他组织”
    与五列之和比较。人大建议、政协提案、12345热线、咨询等其他事项的数字从不比较。

    Ambiguity is never a finding: "办理…申请N件" may mean the new applications, those handled or
    new plus carried over, so it is a contradiction only when it fits none of them. Figures dated
    to another year ("2022年收到……", "上年……"), approximate figures ("约10件"), and figures about a
    subset the table does not show ("涉及征收的申请3件") are not compared. 收到/受理 N 件 means
    一、本年新收, not 新收 + 结转 (docs/format.md §4.4), unless the sentence says it includes the carried-over ones.
    """
    for para in prose:
        for claim in find_request_claims(para.prepared, year=year, context=para.context):
            found = []
            for reading in claim.readings:
                total = _request_total(check, requests, reading, claim.column)
                if total is None:
                    break
                label_zh, label_en = _request_label(reading)
                found.append((label_zh, label_en, total))
            else:
                if claim.value not in {f[2].value for f in found}:
                    col_zh, col_en = _COLUMN_LABELS[claim.column]
                    _contradiction(check, para, claim, "表三", "table 3", found, what_zh=col_zh, what_en=f", {col_en}")


# ---- DL405 --------------------------------------------------------------------------------------

@rule(
    "DL405",
    name="narrative-active",
    severity="error",
    summary_en="A count in the text contradicts table 2 (regulations and normative documents issued, repealed, "
               "in force; licensing, penalty and enforcement decisions).",
    tags={"consistency", "narrative", "table2"},
    examples=Examples(
        valid=[
            sample("seed", note="“共制发行政规范性文件0件，普通政府部门文件9件”: the 9 are ordinary documents; "
                                "“公开清理结果1条”, “1201个事项办事指引” are not table 二 figures"),
            sample("seed", replace={"普通政府部门文件9件": "普通政府部门文件9件，作出行政许可决定18463件"},
                   note="agrees with the table"),
            sample("seed", replace={"普通政府部门文件9件": "普通政府部门文件9件，累计制发行政规范性文件20件"},
                   note="a cumulative figure is not this year's"),
            sample("seed", replace={"普通政府部门文件9件": "普通政府部门文件9件，制定内部规章制度3项"},
                   note="规章制度 are internal rules, not 规章"),
            sample("seed", replace={"普通政府部门文件9件": "普通政府部门文件9件，公示行政处罚决定书12份"},
                   note="decisions published (possibly other bodies'), not decisions made"),
        ],
        invalid=[
            sample("seed", replace={"共制发行政规范性文件0件": "共制发行政规范性文件2件"}, expect=1,
                   note="表二 行政规范性文件 本年制发件数 is 0"),
            sample("seed", replace={"普通政府部门文件9件": "普通政府部门文件9件，作出行政许可决定18000件"}, expect=1),
            sample("seed", replace={"共制发行政规范性文件0件": "未制发行政规范性文件，废止1件，现行有效3件"}, expect=1,
                   note="现行有效 0 in the table; the 废止1件 agrees"),
        ],
    ),
)
def narrative_active(prose: tuple[ProseParagraph, ...], active: StandardTable, year: int | None,
                     check: Check) -> None:
    """正文中的规章、行政规范性文件、行政许可、行政处罚、行政强制数字与表二不一致。

    只比较明确对应表二单元格的说法：“制发（印发、制定、出台）行政规范性文件N件”“废止N件”
    “现行有效N件”（规章同），“作出行政许可（处罚、强制）决定N件”，以及“未制发……”“未作出行政处罚”
    之类的零。普通政府部门文件、清理结果、办事指引、公示的决定书、累计数和其他年度的数字都不比较。

    Only cells the report's table has are compared (the 2019 trial table uses other columns).
    """
    for para in prose:
        for claim in find_active_claims(para.prepared, year=year):
            total = _active_total(check, active, claim.measure)
            if total is None or total.value == claim.value:
                continue
            label_zh, label_en = _active_label(claim.measure)
            _contradiction(check, para, claim, "表二", "table 2", [(label_zh, label_en, total)])


# ---- DL406 --------------------------------------------------------------------------------------

@rule(
    "DL406",
    name="narrative-litigation",
    severity="error",
    summary_en="The text contradicts table 4 (administrative review and litigation about disclosure).",
    tags={"consistency", "narrative", "table4"},
    examples=Examples(
        valid=[
            sample("seed", note="“未出现行政复议、诉讼和举报” with every total 0"),
            sample("seed", replace={"紧盯“以公开促服务": "我局作为复议机关，全年共办理行政复议案件120件。紧盯“以公开促服务"},
                   note="reviews the body decides as the reviewing authority, not reviews of its disclosure"),
            sample("seed", replace={"未出现行政复议、诉讼和举报": "2022年被申请行政复议1件，本年未出现行政复议、诉讼和举报"},
                   note="last year's review"),
        ],
        invalid=[
            sample("seed", cells={"litigation.review.upheld": "1", "litigation.review.total": "1"}, expect=1,
                   note="“未出现行政复议、诉讼” while 行政复议 总计 is 1"),
            sample("seed", replace={"未出现行政复议、诉讼和举报": "因政府信息公开被申请行政复议2件"}, expect=1),
            sample("seed", replace={"未出现行政复议、诉讼和举报": "因政府信息公开被提起行政诉讼1件"}, expect=1),
        ],
    ),
)
def narrative_litigation(prose: tuple[ProseParagraph, ...], litigation: StandardTable, year: int | None,
                         check: Check) -> None:
    """正文关于政府信息公开行政复议、行政诉讼的说法与表四不一致。

    如正文写“未发生行政复议、行政诉讼”而表四“总计”不为0，或“被申请行政复议2件”与表四“行政复议”
    总计不符；“行政诉讼N件”与“未经复议直接起诉”“复议后起诉”两组总计之和比较。只比较说的是本机关
    因政府信息公开被复议、被起诉的句子（句中说到信息公开、依申请公开，或用“被申请”“被提起”，或在
    第四部分）：司法行政机关作为复议机关办理的复议案件不是表四的内容。
    """
    for para in prose:
        claims = find_litigation_claims(para.prepared, year=year, context=para.section == "litigation")
        by_span: dict[tuple[int, int], list[Claim]] = {}
        for claim in claims:
            by_span.setdefault(claim.span, []).append(claim)
        for group in by_span.values():
            found = []
            for claim in group:
                total = _litigation_total(check, litigation, claim.measure)
                if total is not None and total.value != claim.value:
                    label_zh, label_en = _litigation_label(claim.measure)
                    found.append((label_zh, label_en, total))
            if found:
                _contradiction(check, para, group[0], "表四", "table 4", found)


# ---- DL407 --------------------------------------------------------------------------------------

@rule(
    "DL407",
    name="fee-statement-contradiction",
    severity="warning",
    summary_en="The 信息处理费 statement contradicts itself (none charged, and an amount charged).",
    tags={"consistency", "narrative", "fees"},
    examples=Examples(
        valid=[
            sample("seed", note="“所有答复均未收费” and “无收取信息处理费的情况” agree"),
            sample("seed", cells={"requests.other_fee_unpaid.natural_person": "1"},
                   note="an application dropped after an unpaid fee notice: still none charged"),
            sample("seed", replace={"我单位无收取信息处理费的情况": "我单位无收取信息处理费的情况，收取行政事业性收费300元"},
                   note="table 二's administrative fees are not the 信息处理费"),
            sample("seed", replace={"，所有答复均未收费": "",
                                    "我单位无收取信息处理费的情况": "我单位对自然人申请未收取信息处理费，对超出数量的法人申请收取信息处理费100元"},
                   note="“未收取” scoped to some applications"),
        ],
        invalid=[
            sample("seed", replace={"我单位无收取信息处理费的情况": "我单位共收取信息处理费300元"}, expect=1,
                   note="section 一 says “所有答复均未收费”"),
        ],
    ),
)
def fee_statement_contradiction(prose: tuple[ProseParagraph, ...], year: int | None, check: Check) -> None:
    """关于信息处理费的说法前后矛盾：一处说未收取，另一处说收取了若干元。

    如“所有答复均未收费”与“收取信息处理费300元”同在一份报告中。表三“（六）其他处理”第2项（申请人逾期
    未缴费、不再处理）有数字并不矛盾：未缴费，当然未收取。表二的“行政事业性收费”是机关的行政收费，
    与信息处理费无关，从不比较。
    """
    nones: list[tuple[ProseParagraph, FeeStatement]] = []
    amounts: list[tuple[ProseParagraph, FeeStatement]] = []
    for para in prose:
        for statement in find_fee_statements(para.prepared, year=year):
            (nones if statement.kind == "none" else amounts).append((para, statement))
    if not nones or not amounts:
        return
    (a_para, amount), (n_para, none) = amounts[0], nones[0]
    shown = fmt(amount.amount)
    check.fail(f"{a_para.where_zh}写“{amount.fragment}”，而{n_para.where_zh}写“{none.fragment}”，关于信息处理费的说法前后矛盾",
               f"{a_para.where_en} says “{amount.fragment}” while {n_para.where_en} says “{none.fragment}”: "
               "the statements on the information processing fee contradict each other",
               at=a_para.text, related=[n_para.text], expected="未收取", actual=f"{shown}元",
               fix_zh="请核实本年度是否收取了信息处理费，统一全文的说法",
               fix_en="Check whether any information processing fee was charged and make the report say so consistently")


# ---- DL409 --------------------------------------------------------------------------------------

@rule(
    "DL409",
    name="unfilled-template-text",
    severity="warning",
    summary_en="Unfilled template text in the prose: a count phrase without its number, XX, ××, （略）, 待补充.",
    tags={"narrative", "template"},
    examples=Examples(
        valid=[
            sample("seed", note="“三类内部事务信息”, the e-mail address and “略” inside words are not placeholders"),
            sample("seed", replace={"sxzspfwjbgs@zb.shandong.cn": "xxgk@zb.shandong.cn"}, note="xx inside an e-mail"),
            sample("seed", replace={"提升工作质量": "提升工作质量，公众满意度略有提高，略高于上年"},
                   note="略 alone is not a placeholder"),
            sample("seed", replace={"其中主办件2件": "其中主办件、协办件各2件，主办件2件"},
                   note="主办件 is a word, not a count without its number"),
        ],
        invalid=[
            sample("seed", replace={"发布人事任免信息3条": "发布人事任免信息条"}, expect=1),
            sample("seed", replace={"新闻发布会信息4条": "新闻发布会信息XX条"}, expect=1),
            sample("seed", replace={"（三）规范政府信息管理\n": "（三）规范政府信息管理\n（略）\n"}, expect=1),
            sample("seed", replace={"淄博市行政审批服务局2023年政府信息公开工作年度报告\n": "XXX局2023年政府信息公开工作年度报告\n"},
                   expect=1, note="in the title"),
            sample("seed", replace={"好评率达99.9%": "好评率达××%（待补充）"}, expect=1,
                   note="two placeholders in one paragraph: one finding naming both"),
        ],
    ),
)
def unfilled_template_text(prose: tuple[ProseParagraph, ...], check: Check) -> None:
    """正文中留有未填写的模板文字：缺数字的计数短语、“XX件”“××”“（略）”“待补充”等。

    照模板起草的报告，常有“共主动公开政府信息条”“收到申请XX件”“（略）”“待补充”之类的文字漏改，
    发布后显得草率，也使数据缺失。每段一条，列出该段所有此类文字。“三类内部事务信息”“略有提高”
    以及电子邮箱、网址中的字母不是占位符。
    """
    for para in prose:
        found = find_placeholders(para.prepared)
        if not found:
            continue
        shown = "”“".join(dict.fromkeys(p.fragment for p in found))
        check.fail(f"{para.where_zh}中有未填写的模板文字：“{shown}”",
                   f"{para.where_en} holds unfilled template text: “{shown}”",
                   at=para.text, actual=shown,
                   fix_zh="请填入实际内容或删除这些文字", fix_en="Fill in the actual content or remove the text")


# ---- DL410 --------------------------------------------------------------------------------------

@rule(
    "DL410",
    name="narrative-arithmetic",
    severity="warning",
    summary_en="Arithmetic inside the prose is wrong: a part larger than its whole, parts that do not add up "
               "to their total, a percentage that does not match its counts.",
    tags={"arithmetic", "narrative"},
    examples=Examples(
        valid=[
            sample("seed", note="人大代表建议2件、政协委员提案4件，其中主办件2件、分办件1件、会办件1件、协办件2件: "
                                "the parts add up to the 6 of both kinds"),
            sample("seed", replace={"其中予以公开2件，部分公开1件，不予公开1件，无法提供3件": "其中予以公开2件，部分公开1件等"},
                   note="“等”: the list is not exhaustive"),
            sample("seed", replace={"其中予以公开2件，部分公开1件": "其中予以公开2件（占比28.6%），部分公开1件（占比14%）"},
                   note="percentages that fit 2/7 and 1/7"),
            sample("seed", replace={"已全部按照规定程序": "办结率100%，已全部按照规定程序"},
                   note="a rate without the counts handled: nothing to check"),
            sample("seed", replace={"无法提供3件": "无法提供3件，其中自然人3件"}, note="a single part no larger than its whole"),
            sample("seed", replace={"无法提供3件，": "无法提供3件；结转下年度继续办理1件，"},
                   note="the list may end at “；”: the parts before it add up to 7"),
            sample("seed", replace={_SEED_REQUESTS: "2023年，共收到自然人提交的政府信息公开申请6件"},
                   note="outcomes of 6 received may include applications carried over from last year"),
        ],
        invalid=[
            sample("seed", replace={"其中予以公开2件": "其中予以公开3件"}, expect=1,
                   note="3 + 1 + 1 + 3 = 8, not 7"),
            sample("seed", replace={"协办件2件": "协办件3件"}, expect=1, note="the parts add up to 7, the whole is 6"),
            sample("seed", replace={_SEED_REQUESTS: "2023年，共收到自然人提交的政府信息公开申请8件"}, expect=1,
                   note="fewer outcomes (7) than applications received (8), in a complete list"),
            sample("seed", replace={"其中主办件2件": "其中主办件7件"}, expect=1, note="a part larger than the whole"),
            sample("seed", replace={"其中予以公开2件": "其中予以公开2件（占比50%）"}, expect=1, note="2 of 7 is 28.6%"),
            sample("seed", replace={"持续优化和规范政府信息公开申请办理工作流程": "全年共收到政府信息公开申请7件，办结7件，办结率90%。持续优化工作流程"},
                   expect=1, note="7 of 7 is 100%"),
        ],
    ),
)
def narrative_arithmetic(prose: tuple[ProseParagraph, ...], year: int | None, check: Check) -> None:
    """正文中的算术有误：部分大于整体、所列各部分之和不等于所说的总数、百分比与所述数字不符。

    如“共受理申请10件，其中予以公开3件、部分公开2件”——所列各项看来是完整的分类（同一类事项，
    没有“等”“其余”），但合计5件，与10件不符；又如“办结率100%”而前文说收到8件、办结7件。
    只在各部分属于同一种分类（办理结果、申请人类型、建议提案的办理方式）且看来完整时核对合计，
    否则只核对是否有部分大于整体。总数写成几项之和时（“人大代表建议2件、政协提案4件，其中主办件2件
    ……”），与其中任一项或几项之和相符即可。同比增幅、好评率等不涉及所述数字的比率不核对。

    A list may end at a "；" ("其中予以公开11件……不予处理1件；结转下年度办理2件"): it adds up when the
    parts before any "；" do. Outcomes listed after a count of applications *received* may exceed it
    by applications carried over from last year that the sentence does not mention, so only fewer
    outcomes than received is reported there; after 办理/办结 both directions are.
    """
    for para in prose:
        text = para.prepared
        for bd in find_breakdowns(text):
            if bd.wholes:
                _check_breakdown(check, para, bd)
        for rate in find_completion_rates(text, year=year):
            if not rate.denominators or any(percent_fits(rate.percent, rate.decimals, rate.numerator, d)
                                            for d in rate.denominators):
                continue
            den = min(rate.denominators)
            exact = f"{rate.numerator * 100 / den:.1f}".rstrip("0").rstrip(".") + "%"
            check.fail(f"{para.where_zh}写“{rate.fragment}”，但所述办结{rate.numerator}件、共{den}件，办结率应为 {exact}",
                       f"{para.where_en} says “{rate.fragment}”, but {rate.numerator} of {den} handled is {exact}",
                       at=para.text, expected=exact, actual=f"{rate.percent}%",
                       fix_zh="请按实际数字重新计算办结率", fix_en="Recompute the rate from the counts")


def _check_breakdown(check: Check, para: ProseParagraph, bd: Breakdown) -> None:
    """One finding at most per "其中" list: a part larger than the whole, else parts that do not add
    up, else percentages that do not fit."""
    candidates = bd.whole_candidates()
    first = bd.part_lists()[0]  # up to the first "；": what follows may be a statement of its own
    whole_max = sum(bd.wholes[:6])
    biggest = max(first, key=lambda p: p.value)
    if biggest.value > whole_max:
        check.fail(f"{para.where_zh}写“{bd.fragment}”，其中“{biggest.label}{biggest.value}{bd.unit}”大于前面所说的总数"
                   f"（{'、'.join(map(str, bd.wholes))}{bd.unit}）",
                   f"{para.where_en} says “{bd.fragment}”: the part {biggest.value} is larger than the whole "
                   f"({', '.join(map(str, bd.wholes))})",
                   at=para.text, expected=f"≤ {whole_max}", actual=biggest.value,
                   fix_zh="请核对总数和各部分的数字", fix_en="Check the total and its parts")
        return
    sums = [sum(p.value for p in parts) for parts in bd.part_lists()]
    total = sums[-1]
    # The outcomes of applications received may include some carried over from last year that the
    # sentence does not mention ("收到10件，其中予以公开6件……" with 2 carried over): more outcomes than
    # received is then not an error of arithmetic; fewer, in a complete list, is.
    too_many_outcomes = bd.family == "outcome" and bd.received_only and min(sums) > max(candidates)
    if bd.exhaustive and len(bd.parts) >= 2 and not candidates & set(sums) and not too_many_outcomes:
        if len(bd.wholes) == 1:
            whole_zh, whole_en = f"与总数 {bd.wholes[0]}{bd.unit} 不符", f"not to the total {bd.wholes[0]}"
        else:
            listed = "、".join(f"{w}{bd.unit}" for w in bd.wholes)
            whole_zh = f"与前面所说的数字（{listed}）及其任意几项之和均不符"
            whole_en = f"nor to any of the figures before it ({', '.join(map(str, bd.wholes))}) or their sums"
        check.fail(f"{para.where_zh}写“{bd.fragment}”，所列各项之和为 {total}{bd.unit}，{whole_zh}",
                   f"{para.where_en} says “{bd.fragment}”: the parts add up to {total}, {whole_en}",
                   at=para.text, expected="、".join(map(str, bd.wholes)), actual=total,
                   fix_zh="请核对总数和各部分的数字", fix_en="Check the total and its parts")
        return
    wrong = [p for p in bd.parts if p.percent is not None and not any(
        percent_fits(p.percent, len(p.percent_text[:-1].partition(".")[2]), p.value, w) for w in candidates)]
    if wrong:
        shown_zh = "；".join(f"{p.label}{p.value}{bd.unit}占 {p.percent_text}" for p in wrong)
        check.fail(f"{para.where_zh}写“{bd.fragment}”，百分比与数字不符（{shown_zh}，总数为"
                   f"{'、'.join(map(str, bd.wholes))}{bd.unit}）",
                   f"{para.where_en} says “{bd.fragment}”: the percentages do not match the counts",
                   at=para.text, actual="、".join(p.percent_text for p in wrong),
                   fix_zh="请按实际数字重新计算百分比", fix_en="Recompute the percentages from the counts")
