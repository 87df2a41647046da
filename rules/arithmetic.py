"""DL3xx — the figures of tables 二, 三 and 四 add up (docs/format.md §6).

Every arithmetic finding names every cell involved (as related places, and the non-zero terms in
the message), both sums, and — where exactly one cell would restore every identity it takes part
in — which cell and which value (`_arith.single_repair`). Identities that involve a cell DL204 or
DL205 reports, or a cell the table lacks, are not evaluated: one defect, one finding.
"""

from __future__ import annotations

from collections.abc import Callable

from disclosure_lint import Cell, Check, Examples, parametrize, rule, sample
from disclosure_lint.model import Report, StandardTable
from disclosure_lint.model.template import APPLICANT_COLUMNS, REQUESTS_COLUMNS

from ._admin_level import Level, admin_level
from ._agency import agency_name
from ._arith import (
    LITIGATION_GROUPS,
    Identity,
    describe_terms,
    litigation_identities,
    outcome_rows,
    repair_hint,
    requests_identities,
    single_repair,
)
from ._tablenames import cell_name, column_name, row_name

_COLUMN_NAMES = {c.key: c.label for c in REQUESTS_COLUMNS}
_COLUMN_CAPTIONS = {**_COLUMN_NAMES, "other_org": "其他（法人或其他组织）"}
_APPLICANT_NAMES = {c.key: c.label for c in APPLICANT_COLUMNS}
# The 勾稽关系 note calls the rows 第一项 … 第四项.
_ITEM_NAMES = {"new": "第一项", "carried_over": "第二项", "handled_total": "第三项（七）总计", "carried_forward": "第四项"}
_ITEM_NAMES_EN = {"new": "item 一", "carried_over": "item 二", "handled_total": "item 三（七）总计",
                  "carried_forward": "item 四"}


def _row_of(cell: Cell) -> str:
    return cell.key.split(".")[-2]


def _col_of(cell: Cell) -> str:
    return cell.key.split(".")[-1]


def _report(check: Check, identity: Identity, identities: list[Identity], table: StandardTable, *, at: Cell | None,
            zh: str, en: str, expected: int, actual: int) -> None:
    """One finding for a broken identity, with the single-cell repair when there is exactly one."""
    repair = single_repair(identity, identities)
    fix_zh = fix_en = None
    if repair is not None:
        fix_zh, fix_en = repair_hint(repair, "表三" if table.key == "requests" else "表四",
                                     "table 3" if table.key == "requests" else "table 4",
                                     cell_name(repair.cell, table.version))
    check.fail(zh, en, at=at, expected=expected, actual=actual, related=identity.cells, fix_zh=fix_zh, fix_en=fix_en)


def _sum_text(cells: tuple[Cell | None, ...], label: Callable[[Cell], str], lang: str = "zh", short: int = 6) -> str:
    return describe_terms([c for c in cells if c is not None], label, lang=lang, short=short)


# ---------------------------------------------------------------------------------------------
# DL301 – DL303: table 三


@rule("DL301", name="requests-balance", severity="error",
      summary_en="Table 3, per column: item 一 + item 二 differs from item 三（七）总计 + item 四 (the printed 勾稽关系).",
      tags={"arithmetic", "table3"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"requests.carried_over.natural_person": "1", "requests.carried_over.total": "1",
                                    "requests.carried_forward.natural_person": "1",
                                    "requests.carried_forward.total": "1"},
                     note="one application carried over and one carried forward: still balances"),
              sample("seed", cells={"requests.carried_forward.natural_person": "/"},
                     note="a placeholder: DL204 reports it, the column's identity is left out"),
              sample("seed", cells={"requests.new.commercial": "-1"},
                     note="a negative count: DL205 reports it, the column's identity is left out"),
          ],
          invalid=[
              sample("seed", cells={"requests.carried_forward.natural_person": "1", "requests.carried_forward.total": "1"},
                     expect=2, note="a broken 勾稽关系: one carried forward too many, in 自然人 and in 总计"),
              sample("seed", cells={"requests.handled_total.total": "8"}, expect=1,
                     note="a wrong （七）总计 in the 总计 column"),
          ]))
def requests_balance(requests: StandardTable, check: Check) -> None:
    """表三每一列：第一项与第二项之和不等于第三项（七）总计与第四项之和（表中注明的勾稽关系）。

    本年新收与上年结转的申请，要么在本年办结（（七）总计），要么结转下年度（第四项），这是表三左上角注明的
    勾稽关系。Items 一 (new) + 二 (carried over) must equal 三（七）总计 (handled) + 四 (carried forward) in
    each of the seven columns: every application is either handled this year or carried forward.
    """
    identities = requests_identities(requests)
    for identity in identities:
        if identity.rule_id != "DL301" or not identity.broken:
            continue
        totals = identity.totals()
        if totals is None:  # pragma: no cover - a broken identity is evaluable
            continue
        left, right = totals
        col = identity.name.split(":")[1]
        zh_terms = (" + ".join(str(check.value(c)) for c in left.cells), " + ".join(str(check.value(c)) for c in right.cells))
        _report(check, identity, identities, requests, at=identity.left[0],
                zh=f"表三“{_COLUMN_CAPTIONS[col]}”列不符合勾稽关系：第一项与第二项之和（{zh_terms[0]} = {left.value}）"
                   f"应等于第三项（七）总计与第四项之和（{zh_terms[1]} = {right.value}）",
                en=f"Table 3, column {_COLUMN_NAMES[col]} [{col}]: items 一 + 二 ({zh_terms[0]} = {left.value}) must equal "
                   f"item 三（七）总计 + item 四 ({zh_terms[1]} = {right.value})",
                expected=left.value, actual=right.value)


@rule("DL302", name="requests-row-total", severity="error",
      summary_en="Table 3: a row's 总计 differs from the sum of its six applicant columns.",
      tags={"arithmetic", "table3"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"requests.granted.natural_person": "3", "requests.granted.total": "3"},
                     note="the row adds up (the column no longer does: that is DL303's)"),
              sample("seed", cells={"requests.granted.natural_person": "2件"}, note="a count with its unit"),
              sample("seed", cells={"requests.granted.natural_person": "/"},
                     note="a placeholder: DL204 reports it, the row's identity is left out"),
              sample("seed", cells={"requests.granted.natural_person": "-2"},
                     note="a negative count: DL205 reports it, the row's identity is left out"),
              sample("seed", cells={"requests.rejected_duplicate.total": "0 "}, note="a zero row, with a space"),
          ],
          invalid=[
              sample("seed", cells={"requests.granted.natural_person": "3"}, expect=1, note="a changed table 三 cell"),
              sample("seed", cells={"requests.handled_total.total": "8"}, expect=1),
              sample("seed", cells={"requests.new.commercial": "1", "requests.denied_third_party.total": "2"}, expect=2),
          ]))
def requests_row_total(requests: StandardTable, check: Check) -> None:
    """表三每一行的“总计”须等于六类申请人之和。

    “总计”列是自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和（法人或其他组织没有小计列）。
    The 总计 column of every row is the sum of the six applicant columns (法人或其他组织 has no subtotal).
    """
    identities = requests_identities(requests)
    for identity in identities:
        if identity.rule_id != "DL302" or not identity.broken:
            continue
        totals = identity.totals()
        if totals is None:  # pragma: no cover - a broken identity is evaluable
            continue
        total, parts = totals
        row = identity.name.split(":")[1]
        name = row_name("requests", row, requests.version)
        _report(check, identity, identities, requests, at=identity.left[0],
                zh=f"表三“{name}”行：“总计”列为 {total.value}，应等于六类申请人之和 {parts.value}"
                   f"（{_sum_text(identity.right, lambda c: _APPLICANT_NAMES[_col_of(c)])}）",
                en=f"Table 3, row {name} [{row}]: the 总计 column is {total.value}, but the six applicant columns "
                   f"sum to {parts.value} ({_sum_text(identity.right, lambda c: _APPLICANT_NAMES[_col_of(c)], 'en')})",
                expected=parts.value, actual=total.value)


@rule("DL303", name="requests-outcome-total", severity="error",
      summary_en="Table 3, per column: （七）总计 differs from the sum of the outcome rows "
                 "(21 in the 2021 format, 19 in the trial format).",
      tags={"arithmetic", "table3"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"requests.granted.natural_person": "1", "requests.granted.total": "1",
                                    "requests.partially_granted.natural_person": "2",
                                    "requests.partially_granted.total": "2"},
                     note="one application moved from 予以公开 to 部分公开: the column still adds up"),
              sample("seed", cells={"requests.denied_process_info.natural_person": "—"},
                     note="a placeholder: DL204 reports it, the column's identity is left out"),
              sample("seed", cells={"requests.unavailable_not_held.natural_person": "3件"}, note="a count with its unit"),
          ],
          invalid=[
              sample("seed", cells={"requests.granted.natural_person": "3"}, expect=1, note="a changed table 三 cell"),
              sample("seed", cells={"requests.handled_total.total": "8"}, expect=1),
              sample("seed", cells={"requests.handled_total.natural_person": "6", "requests.handled_total.total": "6"},
                     expect=2, note="（七）总计 one short in 自然人 and in 总计"),
          ]))
def requests_outcome_total(requests: StandardTable, check: Check) -> None:
    """表三每一列：“（七）总计”须等于各项办理结果之和。

    （七）总计 = （一）予以公开 + （二）部分公开 + （三）不予公开 1–8 + （四）无法提供 1–3 + （五）不予处理 1–5 +
    （六）其他处理 1–3，共 21 项（2019 年试行格式中（六）其他处理不分项，共 19 项）。（三）至（六）的分类名称
    本身不填数字。Per column, （七）总计 is the sum of the 21 outcome rows of the 2021 format (19 in the
    trial format, whose （六）其他处理 has no sub-rows).
    """
    identities = requests_identities(requests)
    n = len(outcome_rows(requests))
    for identity in identities:
        if identity.rule_id != "DL303" or not identity.broken:
            continue
        totals = identity.totals()
        if totals is None:  # pragma: no cover - a broken identity is evaluable
            continue
        total, parts = totals
        col = identity.name.split(":")[1]
        label: Callable[[Cell], str] = lambda c: row_name("requests", _row_of(c), requests.version)  # noqa: E731
        _report(check, identity, identities, requests, at=identity.left[0],
                zh=f"表三“{_COLUMN_CAPTIONS[col]}”列：（七）总计为 {total.value}，应等于 {n} 项办理结果之和 {parts.value}"
                   f"（{_sum_text(identity.right, label)}）",
                en=f"Table 3, column {_COLUMN_NAMES[col]} [{col}]: （七）总计 is {total.value}, but the {n} outcome rows "
                   f"sum to {parts.value} ({_sum_text(identity.right, label, 'en')})",
                expected=parts.value, actual=total.value)


# ---------------------------------------------------------------------------------------------
# DL304: table 四

_GROUP_NAMES = {"review": "行政复议", "suit_direct": "行政诉讼·未经复议直接起诉", "suit_after_review": "行政诉讼·复议后起诉"}


@rule("DL304", name="litigation-total", severity="error",
      summary_en="Table 4, per group (review, direct suit, suit after review): "
                 "总计 differs from 维持 + 纠正 + 其他 + 尚未审结.",
      tags={"arithmetic", "table4"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"litigation.review.upheld": "1", "litigation.review.pending": "1",
                                    "litigation.review.total": "2"}, note="1 upheld + 1 pending = 2"),
              sample("seed", cells={"litigation.suit_direct.total": "/"},
                     note="a placeholder: DL204 reports it, the group's identity is left out"),
          ],
          invalid=[
              sample("seed", cells={"litigation.review.total": "1"}, expect=1, note="a wrong table 四 total"),
              sample("seed", cells={"litigation.suit_direct.corrected": "1", "litigation.suit_after_review.total": "2"},
                     expect=2),
          ]))
@parametrize("group", LITIGATION_GROUPS)
def litigation_total(litigation: StandardTable, group: str, check: Check) -> None:
    """表四每一组（行政复议、未经复议直接起诉、复议后起诉）的“总计”须等于结果维持、结果纠正、其他结果、尚未审结之和。

    每一件行政复议或行政诉讼案件要么已有结果（维持、纠正、其他），要么尚未审结。For each of 行政复议,
    未经复议直接起诉 and 复议后起诉: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    """
    identities = litigation_identities(litigation)
    identity = next(i for i in identities if i.name == f"group:{group}")
    if not identity.broken:
        return
    totals = identity.totals()
    if totals is None:  # pragma: no cover - a broken identity is evaluable
        return
    total, parts = totals
    label: Callable[[Cell], str] = lambda c: column_name("litigation", group, _col_of(c))  # noqa: E731
    _report(check, identity, identities, litigation, at=identity.left[0],
            zh=f"表四“{_GROUP_NAMES[group]}”：总计为 {total.value}，应等于结果维持、结果纠正、其他结果、尚未审结之和 "
               f"{parts.value}（{_sum_text(identity.right, label)}）",
            en=f"Table 4, {_GROUP_NAMES[group]} [{group}]: 总计 is {total.value}, but 结果维持 + 结果纠正 + 其他结果 + "
               f"尚未审结 = {parts.value} ({_sum_text(identity.right, label, 'en')})",
            expected=parts.value, actual=total.value)


# ---------------------------------------------------------------------------------------------
# DL305 – DL306: table 二


@rule("DL305", name="documents-in-force-too-few", severity="warning",
      summary_en="Table 2 item (1): 现行有效件数 is less than 本年制发件数 − 本年废止件数.",
      tags={"arithmetic", "table2", "plausibility"},
      templates={"2021"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"active.normative_documents.issued": "3", "active.normative_documents.in_force": "2"},
                     note="3 issued, 1 repealed, 2 in force: exactly the lower bound"),
              sample("seed", cells={"active.regulations.issued": "1", "active.regulations.repealed": "4",
                                    "active.regulations.in_force": "0"},
                     note="more repealed than issued: no lower bound"),
              sample("seed", cells={"active.normative_documents.issued": "3", "active.normative_documents.in_force": "/"},
                     note="a placeholder: DL204 reports it"),
          ],
          invalid=[
              sample("seed", cells={"active.normative_documents.issued": "5"}, expect=1,
                     note="5 issued, 1 repealed, 0 in force"),
              sample("seed", cells={"active.regulations.issued": "2", "active.normative_documents.issued": "3"},
                     expect=2),
          ]))
def documents_in_force_too_few(active: StandardTable, check: Check) -> None:
    """表二第二十条第（一）项：现行有效件数少于本年制发件数与本年废止件数之差。

    本年制发且未废止的文件至少仍然有效，所以现行有效件数（含以前年度制发、仍然有效的文件）不应少于
    本年制发件数减本年废止件数。A document issued this year and not repealed is in force, so 现行有效件数
    (which also counts earlier documents still in force) cannot be below 本年制发件数 − 本年废止件数.
    Amendments and expiry blur this, hence a warning.
    """
    for row_key in ("regulations", "normative_documents"):
        row = active.rows.get(row_key)
        if row is None:
            continue
        issued, repealed, in_force = (row.cells.get(c) for c in ("issued", "repealed", "in_force"))
        i, r, f = check.value(issued), check.value(repealed), check.value(in_force)
        if i is None or r is None or f is None or f >= i - r:
            continue
        name = row_name("active", row_key)
        check.fail(
            f"表二第二十条第（一）项“{name}”：现行有效件数为 {f}，少于本年制发件数 {i} 减本年废止件数 {r} 之差 {i - r}",
            f"Table 2, item (1), row {name} [{row_key}]: 现行有效件数 (in force) is {f}, less than "
            f"本年制发件数 {i} − 本年废止件数 {r} = {i - r}",
            at=in_force, expected=f"≥ {i - r}", actual=f, related=[issued, repealed, in_force],
            fix_zh="请核对三个数字：本年制发且未废止的文件应计入现行有效件数",
            fix_en="Check the three figures: documents issued this year and not repealed are in force")


_LEVEL_ZH = {Level.COUNTY: "县级（县、区、旗）", Level.TOWNSHIP: "乡镇、街道"}
_LEVEL_EN = {Level.COUNTY: "a county-level body (county, district, banner)", Level.TOWNSHIP: "a township or street office"}


@rule("DL306", name="regulations-from-local-body", severity="warning",
      summary_en="Non-zero 规章 figures from a body at county level or below, which cannot make 规章.",
      tags={"plausibility", "table2"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"active.regulations.issued": "1", "active.regulations.in_force": "3"},
                     note="淄博市行政审批服务局 is a department of a city government: it may report the 规章 it drafted"),
              sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市张店区行政审批服务局2023年"},
                     note="a district department whose 规章 figures are all 0"),
              sample("seed", replace={"淄博市行政审批服务局2023年": "邹平市人民政府2023年"},
                     cells={"active.regulations.in_force": "2"},
                     note="a 市 whose level the name cannot tell: stay silent"),
          ],
          invalid=[
              sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市张店区行政审批服务局2023年"},
                     cells={"active.regulations.in_force": "2"}, expect=1, note="a district department"),
              sample("seed", replace={"淄博市行政审批服务局2023年": "张店区马尚街道办事处2023年"},
                     cells={"active.regulations.issued": "1", "active.regulations.in_force": "1"}, expect=1,
                     note="a street office; one finding for the row"),
              sample("seed", replace={"淄博市行政审批服务局2023年": "某某县人民政府2023年"},
                     cells={"active.regulations.repealed": "1"}, expect=1, note="a county government"),
          ]))
def regulations_from_local_body(report: Report, active: StandardTable, check: Check) -> None:
    """县级及以下机关（县、区政府及其部门，乡镇、街道）的“规章”数字不为 0。

    只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府可以制定规章（《立法法》）；县、区、乡镇、街道
    不能制定规章，其“规章”一行通常应全部为 0，非零数字多是把行政规范性文件填进了规章行。省、市政府的部门可以
    填报其起草的规章，不作提示。The body's level is read from its name in the title; when it cannot be
    told (a 市 that may be county-level, a development zone), nothing is reported.
    """
    row = active.rows.get("regulations")
    if row is None:
        return
    nonzero = [c for c in row.cells.values() if (check.value(c) or 0) > 0]
    if not nonzero:
        return
    agency = agency_name(report)
    level = admin_level(agency)
    if level not in (Level.COUNTY, Level.TOWNSHIP):
        return
    figures = "、".join(f"{column_name('active', 'regulations', c.key.split('.')[-1], active.version)} {check.value(c)}"
                       for c in nonzero)
    figures_en = ", ".join(f"{column_name('active', 'regulations', c.key.split('.')[-1], active.version)} "
                           f"{check.value(c)}" for c in nonzero)
    check.fail(
        f"“{agency}”属于{_LEVEL_ZH[level]}机关，无权制定规章，但表二“规章”行填有非零数字（{figures}）",
        f"“{agency}” is {_LEVEL_EN[level]}, which cannot make 规章, yet table 2 reports non-zero 规章 figures "
        f"({figures_en})",
        at=row, expected=0, actual=check.value(nonzero[0]), related=nonzero,
        fix_zh="请核实：本机关制发的文件通常应计入“行政规范性文件”行，“规章”行填 0",
        fix_en="Check: documents this body issued usually belong in the 行政规范性文件 row; 规章 should be 0")


__all__ = ["documents_in_force_too_few", "litigation_total", "regulations_from_local_body", "requests_balance",
           "requests_outcome_total", "requests_row_total"]
