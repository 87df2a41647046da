"""DL2xx — the standard tables are there, complete, labelled as the format prints them, and every
cell holds what its column asks for (docs/format.md §3–§6).

The cell rules read the kind the builder gave every cell (number, zero, blank, placeholder, text)
and the unit the author wrote; they never coerce: a blank is reported as a blank, not read as 0.
The arithmetic rules (DL3xx) leave out every identity that involves a cell reported here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher

from disclosure_lint import Check, Examples, fmt, rule, sample
from disclosure_lint.model import Cell, CellKind, LabelUse, Report, Section, StandardTable
from disclosure_lint.model.template import SECTION_BY_KEY, TableSpec, table_spec
from disclosure_lint.text.normalize import match_key
from disclosure_lint.text.ordinals import split_ordinal

from ._tablenames import block_label, cell_phrase, column_name, column_unit, row_name, row_phrase, split_key, table_name

TABLE_KEYS = ("active", "requests", "litigation")
_TABLE_TITLES = {"active": "表二（主动公开政府信息情况）", "requests": "表三（收到和处理政府信息公开申请情况）",
                 "litigation": "表四（政府信息公开行政复议、行政诉讼情况）"}
_TABLE_TITLES_EN = {"active": "table 2 (active disclosure)", "requests": "table 3 (requests received and handled)",
                    "litigation": "table 4 (administrative review and litigation)"}
# Units that agree with a count column (件): the author may count 件, 个, 条, 次 or 项.
COUNT_UNITS = frozenset({"件", "个", "条", "次", "项"})
AMOUNT_UNIT = "万元"
# 本年收费金额 is in 万元: 10 000 万元 is 1 亿元, implausible for an agency's administrative fees.
AMOUNT_LIMIT = Decimal(10000)
# The trial format's 本年增/减 may be negative (a decrease).
_SIGNED_COLUMNS = frozenset({("active", "change")})

# A small report with all six sections and no tables at all, for DL201's examples.
_NO_TABLES = (
    "某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真做好政务公开工作。\n"
    "二、主动公开政府信息情况\n详见门户网站。\n三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n"
    "五、存在的主要问题及改进情况\n公开质量有待提升，下一步将加强培训。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)
_WITHOUT_234 = (
    "某某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真做好政务公开工作。\n"
    "五、存在的主要问题及改进情况\n公开质量有待提升，下一步将加强培训。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)


def _tables(report: Report) -> list[StandardTable]:
    """The standard tables the report has, in the format's order (DL201 reports the missing ones)."""
    return [t for t in (report.active, report.requests, report.litigation) if t is not None]


def _spec(table: StandardTable) -> TableSpec:
    return table_spec(table.key, table.version)


def _counted(table: StandardTable, cell: Cell) -> bool:
    """True when the cell holds a count (a whole number), False for the 万元 amounts."""
    _, row, col = split_key(cell.key)
    return column_unit(table.key, row, col, table.version) != AMOUNT_UNIT


# ---------------------------------------------------------------------------------------------
# DL201


@rule("DL201", name="table-missing", severity="error",
      summary_en="A standard table (2, 3 or 4) is missing although its section is present.",
      tags={"completeness", "tables"},
      supersedes={"DL104": "place"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample(text=_WITHOUT_234, note="sections 二–四 and their tables all missing: DL101's, not DL201's"),
          ],
          invalid=[
              sample(text=_NO_TABLES, expect=3, note="all six sections, prose instead of tables 二, 三, 四"),
              sample(text=_NO_TABLES.replace("详见门户网站。", ""), expect=3,
                     note="section 二 empty: DL201, which supersedes DL104 there"),
          ]))
def table_missing(report: Report, sections: dict[str, Section], check: Check) -> None:
    """表二、表三、表四所在部分存在，但未找到相应的统计表。

    国家格式（国办公开办函〔2021〕30号）规定第二、三、四部分必须以统一表格填报数据，用文字代替表格、
    或表格缺失，都使评估者无法核对数据。The section heading is there but the standard table is not:
    the format requires tables 二, 三 and 四 in sections 二, 三 and 四. A section that is present but
    empty is reported here, not by DL104 (one defect, one finding); a section that is missing
    altogether is DL101's.
    """
    for key in TABLE_KEYS:
        section = sections.get(key)
        if section is None or report.table(key) is not None:
            continue
        heading = f"{SECTION_BY_KEY[key].number}、{SECTION_BY_KEY[key].heading}"
        check.fail(
            f"“{heading}”部分未找到{_TABLE_TITLES[key]}：国家格式要求该部分以统一表格填报数据",
            f"Section “{heading}” has no {_TABLE_TITLES_EN[key]}: the national format requires the table",
            at=section, expected=table_name(key),
            fix_zh=f"请按国家格式在该部分插入{table_name(key)}并逐项填写（无此类情况的填 0）；"
                   "如表格是以图片插入的，请改为可编辑的表格",
            fix_en=f"Insert {table_name(key, 'en')} of the national format in this section and fill in every cell "
                   "(0 where there were none); if the table was pasted as a picture, replace it with a real table")


# ---------------------------------------------------------------------------------------------
# DL202


def _local(table: StandardTable, key: str) -> str:
    """A key of ``missing`` without its table prefix: "requests.granted.total" → "granted.total"."""
    head, _, rest = key.partition(".")
    return rest if head == table.key and rest else key


def _quote(text: str, limit: int = 30) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


@rule("DL202", name="table-row-or-column-missing", severity="error",
      summary_en="A row or column of a standard table is missing or cannot be matched to the format.",
      tags={"completeness", "tables"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={"\t商业企业\n": "\t商业 企业\n"}, note="a space inside a column label"),
              sample("seed", replace={"\t行政强制\n\t0\n": "\t行政强制\n\t无\n"},
                     note="a placeholder is a filled-in row (DL204), not a missing one"),
          ],
          invalid=[
              sample("seed", replace={"\t行政强制\n\t0\n\n": ""}, expect=1, note="row 行政强制 deleted"),
              sample("seed", replace={"\t行政强制\n\t0\n\n": "\t行政检查\n\t0\n\n"}, expect=1,
                     note="行政强制 replaced by a row the format does not have: one finding naming both"),
          ]))
def table_row_or_column_missing(report: Report, check: Check) -> None:
    """标准表格缺少格式规定的行或列，或有无法与格式对应的行。

    缺行缺列会使统计口径不完整，也使勾稽关系无法核对。One finding per missing row; the columns a row
    lacks are listed in one finding; a column missing from every row of its block is reported once;
    a row whose label matches nothing in the format is reported with the row the table lacks when
    there is exactly one of each (the usual case: a retyped label), else on its own. The trial
    format's tables are compared against the trial format.
    """
    for table in _tables(report):
        spec = _spec(table)
        tname, tname_en = table_name(table.key), table_name(table.key, "en")
        missing = [_local(table, k) for k in table.missing]
        missing_rows = [k for k in missing if "." not in k]
        by_row: dict[str, list[str]] = {}
        for k in missing:
            if "." in k:
                r, _, c = k.partition(".")
                if r not in missing_rows:
                    by_row.setdefault(r, []).append(c)

        # A column missing from every present row of its block: one finding for the column.
        whole_columns: list[tuple[str, str]] = []  # (block label, column key)
        for block in spec.blocks:
            present = [r.key for r in block.rows if r.key not in missing_rows]
            if len(present) < 2:
                continue
            for col in block.columns:
                if all(col.key in by_row.get(r, ()) for r in present):
                    whole_columns.append((block.label, col.key))
                    for r in present:
                        by_row[r].remove(col.key)
        for block_name, col_key in whole_columns:
            label = next(c.label for b in spec.blocks if b.label == block_name for c in b.columns if c.key == col_key)
            where = block_name if table.key == "active" else ""
            check.fail(f"{tname}{where}缺少“{label}”列", f"{tname_en}{', ' + where if where else ''} lacks the column "
                       f"“{label}” [{col_key}]", at=table, expected=label,
                       fix_zh=f"请按国家格式补上“{label}”列并逐行填写（无则填 0）",
                       fix_en=f"Add the column “{label}” of the national format and fill it in (0 where there were none)")

        unmatched = sorted(table.unmatched, key=lambda t: (t.location.page or 0, t.location.line or 0,
                                                           t.location.row or 0))
        pair = len(unmatched) == len(missing_rows) == 1
        for row_key in missing_rows:
            name = row_name(table.key, row_key, table.version)
            block = block_label(table.key, row_key, table.version) or ""
            if pair:
                found = unmatched[0]
                label = _quote(found.text.split(" | ")[0])
                check.fail(
                    f"{tname}中的“{label}”一行无法与国家格式对应，同时{block}缺少“{name}”行：如两者所指相同，请改用格式规定的名称",
                    f"{tname_en}: the row “{label}” matches no row of the national format, and the row “{name}” "
                    f"[{row_key}]{' of ' + block if block else ''} is missing; if they are the same row, use the "
                    "official label",
                    at=found, expected=name, actual=label,
                    fix_zh=f"请将“{label}”改为“{name}”，或补上“{name}”行",
                    fix_en=f"Rename “{label}” to “{name}”, or add the row “{name}”")
                continue
            check.fail(f"{tname}{block}缺少“{name}”行",
                       f"{tname_en}{', ' + block if block else ''}: the row “{name}” [{row_key}] is missing",
                       at=table, expected=name,
                       fix_zh=f"请按国家格式补上“{name}”行并逐项填写（无则填 0）",
                       fix_en=f"Add the row “{name}” of the national format and fill it in (0 where there were none)")
        if not pair:
            for found in unmatched:
                shown = _quote(found.text)
                check.fail(f"{tname}中的“{shown}”无法与国家格式中的任何行或列对应",
                           f"{tname_en}: “{shown}” matches no row or column of the national format",
                           at=found, actual=shown,
                           fix_zh="请使用国家格式规定的行、列名称；格式以外的内容请移出表格，在正文中说明",
                           fix_en="Use the row and column labels of the national format; move anything else out of "
                                  "the table into the text")
        for row_key, cols in by_row.items():
            if not cols:
                continue
            labels = [column_name(table.key, row_key, c, table.version) for c in cols]
            row = table.rows.get(row_key)
            where = row_phrase(table.key, row_key, table.version)
            where_en = row_phrase(table.key, row_key, table.version, "en")
            shown = "、".join(f"“{x}”" for x in labels)
            check.fail(f"{where}缺少{shown}列", f"{where_en} lacks the column(s) " + ", ".join(labels),
                       at=row if row is not None else table, expected="、".join(labels),
                       fix_zh=f"请补全{shown}列的数字（无则填 0）",
                       fix_en="Fill in the missing column(s) (0 where there were none)")


# ---------------------------------------------------------------------------------------------
# DL203

_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")


def _compare_key(text: str) -> str:
    """The builder's match key (Traditional → Simplified, widths, white space, quotes folded) without
    bracket characters: "部分公開(区分…)" and "部分公开（区分…）" compare equal."""
    return match_key(text).replace("(", "").replace(")", "")


def label_differs(use: LabelUse) -> bool:
    """True when the label as written differs from the official one beyond accepted variants.

    Accepted: full/half-width forms, white space and line breaks, quote and dash styles, Traditional
    characters (all through ``match_key``), the ordinal ("（一）"), and a bracketed annotation of the author's own that is not
    part of the official label ("现行有效件数（历史累计）"). Official annotations are compared, so a
    typo inside "（区分处理的，只计这一情形，不计其他情形）" is reported.
    """
    found = split_ordinal(use.found)[1] or use.found
    official = split_ordinal(use.official)[1] or use.official
    if _compare_key(found) == _compare_key(official):
        return False
    official_notes = {_compare_key(m) for m in _BRACKETED.findall(official)}
    stripped = _BRACKETED.sub(lambda m: m.group(0) if _compare_key(m.group(0)) in official_notes else "", found)
    if not _compare_key(stripped):
        stripped = found
    return _compare_key(stripped) != _compare_key(official)


def _differences(found: str, official: str, limit: int = 3) -> list[tuple[str, str]]:
    """The differing pieces, (as written, as the format prints it), on normalised text, each with
    one character of context before it ("情况" / "情形" rather than "况" / "形")."""
    a, b = match_key(found), match_key(official)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            k = 1 if i1 > 0 and j1 > 0 else 0
            out.append((a[i1 - k:i2], b[j1 - k:j2]))
    return out[:limit]


def _label_target(table: StandardTable, use: LabelUse) -> object:
    """Where to report a label: its row when the label names a row, else the label itself."""
    if use.kind == "row":
        key = _local(table, use.key)
        if key in table.rows:
            return table.rows[key]
    return use


@rule("DL203", name="table-label-differs", severity="warning",
      summary_en="A table label differs from the official label (typo, wrong word).",
      tags={"labels", "tables"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={"（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
                                      "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"},
                     note="half-width brackets and commas"),
              sample("seed", replace={"\t商业企业\n": "\t商业 企业\n", "\t法律服务机构\n": "\t法律服务\n机构\n"},
                     note="a space and a line break inside labels"),
              sample("seed", replace={"危及“三安全一稳定”": '危及"三安全一稳定"'}, note="straight quotes"),
              sample("seed", replace={"\t现行有效件数\n": "\t现行有效件数（历史累计）\n"},
                     note="an annotation of the author's own, not part of the official label"),
          ],
          invalid=[
              sample("seed", replace={"只计这一情形": "只计这一情况"}, expect=1,
                     note="known typo inside the official annotation"),
              sample("seed", replace={"5.属于三类内部事务信息": "5.属于三类内容事务信息"}, expect=1, note="known typo"),
              sample("seed", replace={"只计这一情形": "只计这一情况", "5.属于三类内部事务信息": "5.属于三类内容事务信息"},
                     expect=2),
          ]))
def table_label_differs(report: Report, check: Check) -> None:
    """表格中的行名、列名与国家格式规定的文字不一致（错字、用词不当）。

    评估中常见的问题是抄错格式的标签，例如把“只计这一情形”写成“只计这一情况”、把“三类内部事务信息”写成
    “三类内容事务信息”。Full/half-width brackets, spaces, line breaks and quote styles are accepted, and so
    is an annotation of the author's own in brackets ("现行有效件数（历史累计）"); the official annotations
    ("（区分处理的，只计这一情形，不计其他情形）", "（单位：万元）") are compared. The finding shows the
    official wording.
    """
    for table in _tables(report):
        tname, tname_en = table_name(table.key), table_name(table.key, "en")
        for use in table.labels:
            if not label_differs(use):
                continue
            found = "".join(use.found.split())
            diffs = [(a, b) for a, b in _differences(use.found, use.official) if a or b]
            detail_zh = "；".join(f"“{a}”应为“{b}”" if b else f"多出“{a}”" for a, b in diffs)
            detail_en = "; ".join(f"“{a}” should be “{b}”" if b else f"extra “{a}”" for a, b in diffs)
            check.fail(
                f"{tname}的标签“{found}”与国家格式不一致，应为“{use.official}”" + (f"（{detail_zh}）" if detail_zh else ""),
                f"{tname_en}: the label “{found}” differs from the national format's “{use.official}”"
                + (f" ({detail_en})" if detail_en else ""),
                at=_label_target(table, use), expected=use.official, actual=found, related=[table],
                fix_zh=f"请改为“{use.official}”", fix_en=f"Write “{use.official}”")


# ---------------------------------------------------------------------------------------------
# DL204 – DL207


def _cells(standard_tables: list[StandardTable]) -> list[tuple[StandardTable, Cell]]:
    return [(t, c) for t in standard_tables for c in t.cells()]


@rule("DL204", name="cell-not-filled", severity="warning",
      summary_en="A cell where a number is expected is blank or a placeholder (\"/\", \"-\", \"—\", \"无\").",
      tags={"cells", "tables"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"requests.granted.commercial": "0 "}, note="zero with a trailing space"),
              sample("seed", cells={"requests.rejected_duplicate.total": "０"}, note="full-width zero"),
              sample("seed", cells={"active.regulations.issued": "0件"}, note="zero with a unit"),
          ],
          invalid=[
              sample("seed", cells={"requests.granted.commercial": "/"}, expect=1, note="a slash"),
              sample("seed", cells={"active.regulations.issued": ""}, expect=1, note="a blank"),
              sample("seed", cells={"litigation.review.total": "—", "litigation.review.upheld": "无"}, expect=2),
              sample("seed", cells={"active.fees.amount": "－"}, expect=1, note="a full-width hyphen"),
          ]))
def cell_not_filled(report: Report, check: Check) -> None:
    """应填写数字的单元格为空白或占位符（“/”“-”“—”“无”等）。

    空白和占位符不等于 0：读者无法判断是“没有发生”还是“漏填”。国家格式的每个数据单元格都应填写数字，
    无此类情况的填 0。A blank or "/" is not zero: the reader cannot tell "none" from "not filled in".
    One finding per cell; identities that involve the cell are not evaluated (DL3xx).
    """
    for table, cell in _cells(_tables(report)):
        if cell.kind not in (CellKind.BLANK, CellKind.PLACEHOLDER):
            continue
        where, where_en = cell_phrase(cell, table.version), cell_phrase(cell, table.version, "en")
        if cell.kind is CellKind.BLANK:
            zh, en = f"{where}未填写（空白）", f"{where_en} is blank"
        else:
            zh, en = (f"{where}填写了占位符“{cell.raw.strip()}”，而非数字",
                      f"{where_en} holds the placeholder “{cell.raw.strip()}” instead of a number")
        check.fail(zh, en, at=cell, actual=cell,
                   fix_zh="请填写实际数字；无此类情况的，请填 0", fix_en="Write the number; write 0 where there were none")


def _bad_value(table: StandardTable, cell: Cell) -> tuple[str, str] | None:
    """Why the cell cannot be a count / amount (DL205), as (zh, en); None when it can."""
    if cell.kind is CellKind.TEXT:
        return "不是数字", "is not a number"
    if cell.kind not in (CellKind.NUMBER, CellKind.ZERO) or cell.value is None:
        return None
    if cell.value < 0 and (table.key, split_key(cell.key)[2]) not in _SIGNED_COLUMNS:
        return "为负数", "is negative"
    # (the cheap test first: most cells hold whole numbers)
    if isinstance(cell.value, Decimal) and cell.value != cell.value.to_integral_value() and _counted(table, cell):
        return "为小数，而该列应填写件数（整数）", "is a fraction where a count (a whole number) is expected"
    return None


@rule("DL205", name="cell-not-a-count", severity="error",
      summary_en="A cell holds text that is not a number, a negative number, or a fraction where a count is expected.",
      tags={"cells", "tables"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"active.licensing.decisions": "18,463"}, note="thousands separator"),
              sample("seed", cells={"active.fees.amount": "0.5"}, note="a fraction of 万元 is fine"),
              sample("seed", cells={"requests.granted.natural_person": "2件"}, note="a count with its unit"),
              sample("seed", cells={"requests.granted.natural_person": "２"}, note="full-width digit"),
          ],
          invalid=[
              sample("seed", cells={"requests.granted.natural_person": "若干"}, expect=1, note="text"),
              sample("seed", cells={"requests.granted.natural_person": "-2"}, expect=1, note="a negative count"),
              sample("seed", cells={"active.licensing.decisions": "1.8万"}, expect=1, note="1.8万 is text, not a count"),
              sample("seed", cells={"requests.new.natural_person": "6.5"}, expect=1, note="a fraction of a count"),
              sample("seed", cells={"active.fees.amount": "-0.5"}, expect=1, note="a negative amount"),
          ]))
def cell_not_a_count(report: Report, check: Check) -> None:
    """单元格内容不是数字，或件数为负数、小数。

    表中件数只能是非负整数，收费金额（万元）只能是非负数。“若干”“1.8万”这样的文字无法统计、也无法核对。
    Counts are non-negative whole numbers and 本年收费金额 a non-negative number of 万元 (docs/format.md §6);
    the trial format's 本年增/减 may be negative. Identities that involve the cell are not evaluated.
    """
    for table, cell in _cells(_tables(report)):
        why = _bad_value(table, cell)
        if why is None:
            continue
        raw = cell.raw.strip()
        counted = _counted(table, cell)
        check.fail(f"{cell_phrase(cell, table.version)}填写的“{raw}”{why[0]}",
                   f"{cell_phrase(cell, table.version, 'en')}: “{raw}” {why[1]}",
                   at=cell, actual=cell,
                   fix_zh="请填写非负整数的件数" if counted else "请填写以万元计的非负数",
                   fix_en="Write a whole, non-negative count" if counted else "Write a non-negative amount in 万元")


def _unit_contradicts(written: str | None, column: str | None) -> bool:
    if written is None or column is None:
        return False
    if column == AMOUNT_UNIT:
        return written != AMOUNT_UNIT
    return written not in COUNT_UNITS


def _in_wan(value: Decimal | int) -> str:
    return fmt(Decimal(value) / AMOUNT_LIMIT)


@rule("DL206", name="cell-unit-contradicts-column", severity="error",
      summary_en="A cell carries a unit that contradicts its column (e.g. \"251000元\" under 本年收费金额（单位：万元）).",
      tags={"cells", "tables"},
      supersedes={"DL207": "place"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"requests.unavailable_not_held.natural_person": "3件"}, note="件 in a count column"),
              sample("seed", cells={"active.fees.amount": "0元"}, note="0元 is 0 万元: nothing can be scaled wrongly"),
              sample("seed", cells={"active.licensing.decisions": "18463个"}, note="个 also counts"),
              sample("seed", cells={"active.fees.amount": "0.5万元"}, note="万元 in the amount column"),
          ],
          invalid=[
              sample("seed", cells={"active.fees.amount": "251000元"}, expect=1, note="元 under 万元"),
              sample("seed", cells={"requests.granted.natural_person": "2万元"}, expect=1, note="万元 in a count column"),
              sample("seed", cells={"active.fees.amount": "3件"}, expect=1, note="a count unit in the amount column"),
          ]))
def cell_unit_contradicts_column(report: Report, check: Check) -> None:
    """单元格带有与该列单位相矛盾的单位，例如在“本年收费金额（单位：万元）”中填写“251000元”。

    单位与列不符时，数值几乎必然被放大或缩小了一万倍，或填错了列。A unit that matches the column ("3件" in
    a count column, "0.5万元" in the amount column) is accepted; one that contradicts it is reported here,
    and DL207 (an implausibly large amount) is then not reported for the same cell.
    """
    for table, cell in _cells(_tables(report)):
        if cell.kind not in (CellKind.NUMBER, CellKind.ZERO) or cell.unit is None:
            continue  # no unit written, nothing to contradict the column's
        _, row, col = split_key(cell.key)
        unit = column_unit(table.key, row, col, table.version)
        if not _unit_contradicts(cell.unit, unit):
            continue
        raw = cell.raw.strip()
        where, where_en = cell_phrase(cell, table.version), cell_phrase(cell, table.version, "en")
        if cell.kind is CellKind.ZERO and unit == AMOUNT_UNIT and cell.unit == "元":
            continue  # "0元" is 0 万元: nothing can have been scaled wrongly
        if unit == AMOUNT_UNIT and cell.unit == "元" and cell.value is not None:
            converted = _in_wan(cell.value)
            check.fail(f"{where}以万元为单位，但填写的“{raw}”以元为单位，折合 {converted} 万元",
                       f"{where_en} is in 万元 (10,000 yuan) but “{raw}” is in yuan: {converted} 万元",
                       at=cell, expected=converted, actual=cell,
                       fix_zh=f"请改填 {converted}（单位：万元）", fix_en=f"Write {converted} (in 万元)")
        elif unit == AMOUNT_UNIT:
            check.fail(f"{where}应填写金额（万元），填写的“{raw}”带有单位“{cell.unit}”",
                       f"{where_en} is an amount in 万元, but “{raw}” carries the unit “{cell.unit}”",
                       at=cell, actual=cell, fix_zh="请填写以万元计的金额，或核对是否填错了列",
                       fix_en="Write an amount in 万元, or check whether the value belongs to another column")
        else:
            check.fail(f"{where}应填写件数，填写的“{raw}”带有金额单位“{cell.unit}”",
                       f"{where_en} is a count, but “{raw}” carries the money unit “{cell.unit}”",
                       at=cell, actual=cell, fix_zh="请填写件数，或核对是否填错了列",
                       fix_en="Write a count, or check whether the value belongs to another column")


@rule("DL207", name="fee-amount-implausible", severity="warning",
      summary_en="A 本年收费金额（单位：万元） of 10,000 or more (over 1亿元): it was probably written in 元.",
      tags={"cells", "tables", "plausibility"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", cells={"active.fees.amount": "9999"}, note="just under 1亿元"),
              sample("seed", cells={"active.fees.amount": "9999.99万元"}),
              sample("seed", cells={"active.licensing.decisions": "18463"}, note="large counts are not amounts"),
          ],
          invalid=[
              sample("seed", cells={"active.fees.amount": "25100"}, expect=1, note="25100 万元 = 2.51 亿元"),
              sample("seed", cells={"active.fees.amount": "10000"}, expect=1, note="exactly 1亿元"),
          ]))
def fee_amount_implausible(active: StandardTable, check: Check) -> None:
    """表二“本年收费金额（单位：万元）”达到 10000 以上（超过 1 亿元），很可能误按“元”填写。

    行政事业性收费的金额以万元为单位填写；一个机关一年收费逾 1 亿元的情况极少，更常见的是把以元计的数字
    直接填入了万元栏。An amount of 10,000 万元 or more is over 100 million yuan: almost always a figure in
    yuan written into the 万元 column. When the cell also says 元, DL206 reports it instead.
    """
    for row in active.rows.values():
        for col_key, cell in row.cells.items():
            if column_unit(active.key, row.key, col_key, active.version) != AMOUNT_UNIT:
                continue
            if not column_name(active.key, row.key, col_key, active.version).startswith("本年收费金额"):
                continue
            value = check.value(cell)
            if value is None or value < AMOUNT_LIMIT:
                continue
            converted = _in_wan(value)
            check.fail(
                f"{cell_phrase(cell, active.version)}为 {fmt(value)} 万元（达到 1 亿元以上），"
                f"可能误按“元”填写；如以元计，应填 {converted}",
                f"{cell_phrase(cell, active.version, 'en')} is {fmt(value)} 万元 (100 million yuan or more): probably "
                f"written in yuan; in 万元 that would be {converted}",
                at=cell, actual=cell,
                fix_zh=f"请核实金额单位；如原数以元计，请改填 {converted}（万元）",
                fix_en=f"Check the unit; if the figure is in yuan, write {converted} (万元)")


__all__ = ["cell_not_a_count", "cell_not_filled", "cell_unit_contradicts_column", "fee_amount_implausible",
           "label_differs", "table_label_differs", "table_missing",
           "table_row_or_column_missing"]
