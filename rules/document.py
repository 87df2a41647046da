"""DL0xx — the document and its template (RULES.md).

Rules about the file as a whole: is it a report at all (DL001), which national format it was filled
on (DL002), can its year be known (DL004), and will its text display as written (DL011).
"""

from __future__ import annotations

from typing import Any

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Report, Signature, TemplateVersion
from disclosure_lint.model.normalize import label_key

from ._text import CONTROL_CHARS, show_controls

# A file that is not a report has nothing else worth saying: DL001 replaces every finding the
# content rules would make on it (six "missing section" findings, "no period", "no contact" …), so
# a stray README or web page in a folder yields one clear finding.
_NOT_A_REPORT_REPLACES = (
    "DL004",
    "DL101", "DL102", "DL103", "DL104", "DL105", "DL106", "DL107", "DL108", "DL109", "DL110",
    "DL201", "DL202", "DL203",
    "DL401", "DL402", "DL403", "DL404", "DL405", "DL406", "DL407", "DL408", "DL409", "DL410",
    "DL501", "DL502", "DL503", "DL504", "DL505", "DL506", "DL507", "DL508", "DL509",
    "DL601", "DL602", "DL603", "DL604",
)

_FIRST_YEAR_2021_FORMAT = 2021

_RANDOM_PROSE = """关于举办2023年秋季职工运动会的通知

各科室：
为丰富职工业余文化生活，经研究，定于10月20日在市体育中心举办秋季职工运动会。请各科室于10月10日前报送参赛名单。
联系人：张三，电话：0533-2306909。
"""


@rule(
    "DL001",
    name="not-a-report",
    severity="error",
    summary_en="The file is not recognisable as an annual disclosure report: none of the six sections and "
               "none of the three tables was found.",
    tags={"document"},
    supersedes={rule_id: "report" for rule_id in _NOT_A_REPORT_REPLACES},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"一、总体情况": "总体情况概述", "二、主动公开政府信息情况": "",
                                    "五、存在的主要问题及改进情况": "", "六、其他需要报告的事项": ""},
                   note="only section 三 and 四 headings left, tables intact: still a report"),
            sample(text="某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳有序。\n",
                   note="one section heading is enough to be recognisable"),
        ],
        invalid=[
            sample(text="", expect=1, note="an empty file"),
            sample(text=_RANDOM_PROSE, expect=1, note="an ordinary notice, not a report"),
            sample(text="淄博市行政审批服务局2023年政府信息公开工作年度报告\n\n本报告正在编制中。\n", expect=1,
                   note="a title alone is not a report"),
        ],
    ),
)
def not_a_report(report: Report, check: Check) -> None:
    """文件可以读取，但无法识别为政府信息公开工作年度报告（六个部分标题和三张表格均未找到）。

    年度报告须按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编写，
    包括“一、总体情况”至“六、其他需要报告的事项”六个部分，以及表二、表三、表四三张统计表。如果一个
    部分标题、一张表格都找不到，这个文件很可能不是年度报告（例如通知、说明或网页），或者报告正文不在
    文件中（以附件、图片形式发布）。此时其他检查都没有意义，只报告这一条。

    A file with none of the six section headings and none of the three standard tables is not a
    report (or its body is elsewhere): only this finding is made, the content rules' findings on it
    are dropped.
    """
    if report.is_recognisable:
        return
    empty = not (report.title or report.intro or report.unrecognised)
    if empty:
        check.fail("文件没有可读取的内容（空文件），无法作为政府信息公开工作年度报告检查",
                   "The file has no readable content (it is empty): it cannot be checked as an annual "
                   "disclosure report",
                   fix_zh="请确认选择的是报告正文文件", fix_en="Check that this is the report's file")
        return
    check.fail("未能识别为政府信息公开工作年度报告：既未找到“一、总体情况”至“六、其他需要报告的事项”中的任何"
               "一个部分标题，也未找到表二、表三、表四中的任何一张表格",
               "Not recognisable as an annual government information disclosure report: none of the six "
               "section headings (一、总体情况 … 六、其他需要报告的事项) and none of tables 2, 3 and 4 was found",
               fix_zh="请确认该文件是年度报告正文；如报告以附件或图片形式发布，请检查附件或原始文件",
               fix_en="Check that the file is the report itself; if the report is published as an "
                      "attachment or an image, check that file instead")


@rule(
    "DL002",
    name="outdated-template",
    severity="error",
    summary_en="A report for 2021 or later is filled on the outdated 2019 trial template.",
    tags={"document", "template"},
    supersedes={"DL202": "report", "DL203": "report"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市行政审批服务局2020年",
                                    "2023年1月1日起，至2023年12月31日": "2020年1月1日起，至2020年12月31日",
                                    "本年制发件数": "本年新制作数量"},
                   note="2019 trial labels in a report for 2020 are right"),
        ],
        invalid=[
            sample("seed", replace={"本年制发件数": "本年新制作数量"}, expect=1,
                   note="a 2019 trial column label in a 2023 report"),
            sample("seed", replace={"本年制发件数": "本年新制作数量", "本年废止件数": "本年新公开数量",
                                    "现行有效件数": "对外公开总数量"}, expect=1,
                   note="several signatures: one finding naming them all"),
        ],
    ),
)
def outdated_template(report: Report, check: Check) -> None:
    """2021年及以后的年度报告仍使用2019年试行格式填写。

    自2021年度报告起，须使用国办公开办函〔2021〕30号印发的新格式；2019年试行格式（国办公开办函
    〔2019〕60号）只用于2019、2020年度报告。“本年新制作数量”“本年新公开数量”“对外公开总数量”
    “上一年项目数量”“本年增/减”“处理决定数量”“采购项目数量”“采购总金额”等栏目，“其他对外管理
    服务事项”“政府集中采购”“规范性文件”等行，第二十条第（九）项，以及表三“（六）其他处理”不分
    1、2、3小项，都是试行格式的特征。本规则列出找到的全部特征；按旧格式产生的表格行列缺失、标签
    不符不再逐条报告。

    The report year is the title's, else the statistical period's. Every 2019-trial signature the
    builder found is named in one finding; DL202/DL203 findings (rows and labels of the outdated
    template) are dropped.
    """
    year = report.year
    if year is None or year < _FIRST_YEAR_2021_FORMAT:
        return
    signatures = [s for s in report.template.signatures if s.template is TemplateVersion.V2019]
    if not signatures and report.template.version is not TemplateVersion.V2019:
        return
    names: dict[str, str] = {}
    for s in signatures:
        names.setdefault(label_key(s.text), s.text.strip())
    found = "、".join(f"“{n}”" for n in names.values())
    where = _signature_place(report, signatures[0]) if signatures else report.active
    check.fail(
        f"本报告为{year}年度报告，应使用国办公开办函〔2021〕30号印发的新格式，但表格仍为2019年试行格式"
        + (f"：发现试行格式的特征 {found}" if found else ""),
        f"This is a report for {year}: it must use the format of 国办公开办函〔2021〕30号, but its tables "
        "follow the 2019 trial template" + (f"; trial-template signatures found: {found}" if found else ""),
        at=where, expected="2021年格式", actual=found or "2019年试行格式",
        fix_zh="请按国办公开办函〔2021〕30号所附格式重新制作表二至表四",
        fix_en="Redo tables 2–4 on the format attached to 国办公开办函〔2021〕30号")


def _signature_place(report: Report, signature: Signature) -> Any:
    """The standard table a signature was found in, else the signature itself (its location)."""
    key = label_key(signature.text)
    index = signature.location.table
    for table in (report.active, report.requests, report.litigation):
        if table is None:
            continue
        if index is not None and table.location.table == index:
            return table
        if any(label_key(use.found) == key for use in table.labels):
            return table
    return signature


@rule(
    "DL004",
    name="year-unknown",
    severity="warning",
    summary_en="The report year cannot be determined from the title or the statistical period.",
    tags={"document"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"淄博市行政审批服务局2023年政府信息公开工作年度报告":
                                    "淄博市行政审批服务局政府信息公开工作年度报告"},
                   note="no year in the title, but the period gives it"),
        ],
        invalid=[
            sample("seed", replace={"淄博市行政审批服务局2023年政府信息公开工作年度报告":
                                    "淄博市行政审批服务局政府信息公开工作年度报告",
                                    "本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。": ""},
                   expect=1, note="neither the title nor a period statement gives the year"),
        ],
    ),
)
def year_unknown(report: Report, check: Check) -> None:
    """无法从标题或统计期限确定报告年度。

    报告年度以标题中的年份为准，标题没有年份时取统计期限的年份。年度决定了应使用哪一版格式、何时
    须发布，以及与哪一年的报告比对；两处都没有年份时，这些检查都无法进行。

    The report year is the title's, else the statistical period's; without it the template,
    deadline and cross-year checks cannot be made.
    """
    if report.year is not None:
        return
    check.fail("无法确定报告年度：标题中没有年份，也没有写明统计期限",
               "The report year cannot be determined: the title has no year and there is no statistical "
               "period statement",
               at=report.title,
               fix_zh="请在标题中写明年度，如“××局2023年政府信息公开工作年度报告”，并在开头写明统计期限",
               fix_en="Put the year in the title (“××局2023年政府信息公开工作年度报告”) and state the "
                      "statistical period at the start")


@rule(
    "DL011",
    name="control-characters",
    severity="warning",
    summary_en="The text contains control characters that will show as garbage when published.",
    tags={"document", "text"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"仍需丰富完善": "仍需\u200b丰富完善"},
                   note="a zero-width space is invisible but not a control character"),
        ],
        invalid=[
            sample("seed", replace={"一、总体情况\n2023年，": "一、总体情况\n2023年\x07，"}, expect=1,
                   note="a BEL in a paragraph"),
            sample("seed", replace={"邮编：255022": "邮编：\x1b255022", "二是传播力不佳": "二是传播力\x7f\x85不佳"},
                   expect=2, note="ESC in the opening paragraph; DEL and a C1 control in section 五"),
            sample("seed", replace={"\t行政许可\n\t18463": "\t行政许可\n\t1846\x083"}, expect=1,
                   note="a backspace inside a table cell"),
        ],
    ),
)
def control_characters(report: Report, check: Check) -> None:
    """正文含有控制字符，发布后会显示为乱码。

    控制字符（除制表符、换行、回车外的C0控制字符，DEL，以及C1控制字符）通常来自复制粘贴或格式转换，
    在网页和PDF中显示为方框、问号或乱码，屏幕阅读器也会读错。每个含有控制字符的段落或单元格报告一次，
    并标出字符的码位（如U+0007），便于查找删除。

    C0 controls other than TAB, LF and CR, DEL and C1 controls: one finding per paragraph, heading,
    label or cell that holds any, naming the code points.
    """
    for node, text in _texts(report):
        codes = sorted({ord(c) for c in CONTROL_CHARS.findall(text)})
        if not codes:
            continue
        names = "、".join(f"U+{c:04X}" for c in codes)
        snippet = show_controls(text)
        check.fail(f"含有控制字符 {names}，发布后会显示为乱码：“{snippet}”",
                   f"Contains control character(s) {names.replace('、', ', ')}, which show as garbage "
                   f"when published: “{snippet}”",
                   at=node, actual=names,
                   fix_zh="请删除这些不可见字符（可在编辑器中显示隐藏符号后删除，或重新输入该段文字）",
                   fix_en="Delete these invisible characters (show hidden marks in the editor, or retype "
                          "the text)")


def _texts(report: Report) -> list[tuple[Any, str]]:
    """Every node that holds text, once, with all its text: the title, paragraphs, headings, table
    labels and cells. A row's label as written and as matched are one node's text, not two."""
    nodes: dict[int, tuple[Any, list[str]]] = {}

    def add(node: Any, text: str) -> None:
        entry = nodes.setdefault(id(node), (node, []))
        if text not in entry[1]:
            entry[1].append(text)

    if report.title is not None:
        add(report.title, report.title.text)
    for para in report.intro:
        add(para, para.text)
    for section in report.sections:
        add(section, section.heading)
        for para in section.paragraphs:
            add(para, para.text)
    for table in (report.active, report.requests, report.litigation):
        if table is None:
            continue
        for use in table.labels:  # row, column and block labels as written
            row = table.rows.get(use.key) if use.kind == "row" else None
            add(row if row is not None else table, use.found)
        for text in table.unmatched:
            add(table, text.text)
        for row in table.rows.values():
            add(row, row.label)
            for cell in row.cells.values():
                add(cell, cell.raw)
    for text in report.unrecognised:
        add(text, text.text)
    return [(node, "\n".join(texts)) for node, texts in nodes.values()]
