"""DL0xx — the document and its template (docs/rules/index.md).

Rules about the file as a whole: is it a report at all (DL001), which national format it was filled
on and whether that fits its year (DL002, DL003, DL005), does it cite the format notice rightly
(DL006), can its year be known (DL004), could all of it be checked (DL007–DL010: what the readers
noticed about the file itself), and will its text display as written (DL011).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Location, Notice, NoticeKind, Report, Section, Signature, TemplateVersion
from disclosure_lint.text.normalize import label_key

from ._citations import CURRENT, FIRST_YEAR_CURRENT, RIGHT_ISSUER, TRIAL, format_citations
from ._text import CONTROL_CHARS, quote, show_controls
from ._trial_sample import TRIAL_2020, TRIAL_TABLES, YEAR_2020

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
_FIRST_YEAR_NATIONAL_FORMAT = 2019  # the revised 条例 and the trial format

_PRE2019_REPORT = """某某市人民政府办公室2019年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限自2019年1月1日起至2019年12月31日止。
一、概述
2019年，市政府办公室认真贯彻落实政府信息公开条例，扎实推进政府信息公开工作。
二、主动公开政府信息情况
全年主动公开政府信息1200条。
三、依申请公开政府信息情况
全年共受理政府信息公开申请10件，均已按时答复。
四、政府信息公开的收费及减免情况
未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
未发生行政复议和行政诉讼。
六、政府信息公开工作存在的主要问题及改进情况
公开内容不够全面，下一步将加强培训。
七、其他需要报告的事项
无。
"""

_CITE = "按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{}）要求"
_CITE_TRIAL = "按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（{}）要求"

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
    "DL003",
    name="pre-2019-template",
    severity="error",
    summary_en="A report for 2019 or later is written on the free-form pre-2019 template (no 第二十条 tables).",
    tags={"document", "template"},
    supersedes={"DL001": "report", "DL101": "report", "DL201": "report"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample(text=_PRE2019_REPORT.replace("2019年", "2018年"),
                   note="the same free-form report for 2018 is on the template of its time"),
            sample("seed", replace={"一、总体情况": "一、概述"},
                   note="a pre-2019 heading, but the 第二十条 tables are there: the current template"),
        ],
        invalid=[
            sample(text=_PRE2019_REPORT, expect=1, note="free-form headings (概述, 收费及减免情况 …), no tables"),
            sample(text=_PRE2019_REPORT.replace("2019年", "2023年"), expect=1, note="the same for 2023"),
        ],
    ),
)
def pre_2019_template(report: Report, check: Check) -> None:
    """2019年及以后的年度报告仍按2019年以前的自由格式编写（没有第二十条各项统计表）。

    2019年修订的《条例》施行后，年度报告须使用国家统一格式：2019、2020年度为国办公开办函〔2019〕60号
    印发的试行格式，2021年度起为国办公开办函〔2021〕30号印发的格式，均以表二（第二十条各项）、表三、
    表四统一填报数据。“概述”“依申请公开政府信息情况”“政府信息公开的收费及减免情况”等标题、没有
    统计表，是2008—2018年旧报告的写法。本规则报告一次；缺少部分、缺少表格等由此产生的问题不再逐条报告。

    The builder decides the template from the headings and tables (docs/format.md §7): pre-2019 headings
    and no 第二十条 table. The report year is the title's, else the period's; a report whose year
    cannot be told is DL004's. DL001, DL101 and DL201 findings are dropped (one defect, one finding).
    """
    year = report.year
    if year is None or year < _FIRST_YEAR_NATIONAL_FORMAT or report.template.version is not TemplateVersion.PRE2019:
        return
    signatures = [s for s in report.template.signatures if s.template is TemplateVersion.PRE2019]
    found = "、".join(f"“{s.text.strip()}”" for s in signatures[:3]) + ("等" if len(signatures) > 3 else "")
    first = signatures[0] if signatures else None
    where = next((s for s in report.sections if first is not None and s.location == first.location), first)
    version = "国办公开办函〔2021〕30号印发的格式" if year >= _FIRST_YEAR_2021_FORMAT else "国办公开办函〔2019〕60号印发的试行格式"
    check.fail(
        f"本报告为{year}年度报告，应按{version}编写，并以表二、表三、表四填报数据，但报告仍是2019年以前的"
        f"自由格式（没有第二十条各项统计表" + (f"；旧格式标题：{found}" if found else "") + "）",
        f"This is a report for {year}: it must follow the national format ({version}) with tables 2–4, but it "
        "is written on the free-form pre-2019 template (no 第二十条 tables"
        + (f"; pre-2019 headings: {found}" if found else "") + ")",
        at=where if where is not None else report.title, expected=version, actual="2019年以前的自由格式",
        fix_zh=f"请按{version}重新编写报告，六个部分和表二至表四缺一不可",
        fix_en="Rewrite the report on the national format: six sections and tables 2–4")


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
    "DL005",
    name="anachronistic-labels",
    severity="warning",
    summary_en="A report for 2019 or 2020 uses labels that exist only in the 2021 format (anachronism).",
    tags={"document", "template"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace=TRIAL_2020, note="a 2020 report on the 2019 trial format"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市行政审批服务局2021年",
                                    "2023年1月1日起，至2023年12月31日": "2021年1月1日起，至2021年12月31日"},
                   note="2021, the first year of the current format"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市行政审批服务局2018年",
                                    "2023年1月1日起，至2023年12月31日": "2018年1月1日起，至2018年12月31日"},
                   note="a 2018 report in tables is odd, but not this rule's anachronism"),
        ],
        invalid=[
            sample("seed", replace=YEAR_2020, expect=1,
                   note="a 2020 report wholly on the 2021 format: one finding naming every 2021-only label"),
            sample("seed", replace={**YEAR_2020, **{k: v for k, v in TRIAL_TABLES.items() if "第二十条" in k}},
                   expect=1, note="a 2020 report: trial table 二, but table 三 with the 2021 sub-rows of （六）"),
        ],
    ),
)
def anachronistic_labels(report: Report, check: Check) -> None:
    """2019、2020年度报告使用了2021年新格式才有的栏目（年代错置）。

    2019、2020年度报告应使用国办公开办函〔2019〕60号印发的试行格式；“本年制发件数”“本年废止件数”
    “现行有效件数”“本年处理决定数量”“本年收费金额（单位：万元）”、表二“行政规范性文件”行，以及表三
    “（六）其他处理”下的1、2、3小项，是2021年9月印发的新格式才有的。旧年度报告出现这些栏目，通常是
    按新模板补做或改写了旧报告，数据口径可能与当年不符，请核实。

    One finding naming every 2021-only label the builder found, at the first table that has one.
    """
    year = report.year
    if year is None or not _FIRST_YEAR_NATIONAL_FORMAT <= year < _FIRST_YEAR_2021_FORMAT:
        return
    signatures = [s for s in report.template.signatures if s.template is TemplateVersion.V2021]
    if not signatures:
        return
    names: dict[str, str] = {}
    for s in signatures:
        names.setdefault(label_key(s.text), quote(s.text, 16))
    found = "、".join(f"“{n}”" for n in names.values())
    check.fail(
        f"本报告为{year}年度报告，应使用国办公开办函〔2019〕60号印发的试行格式，但使用了2021年新格式才有的栏目：{found}",
        f"This is a report for {year}: it should use the 2019 trial format (国办公开办函〔2019〕60号), but it uses "
        f"labels that exist only in the 2021 format: {found}",
        at=_signature_place(report, signatures[0]), expected="2019年试行格式", actual=found,
        fix_zh="请核实表格是否按当年（试行）格式填报，数据口径是否为当年口径",
        fix_en="Check that the tables follow the trial format of the time and that the figures are that year's")


@rule(
    "DL006",
    name="format-notice-citation",
    severity="warning",
    summary_en="The report cites the format notice wrongly, or cites the superseded 〔2019〕60号 notice in a report "
               "for 2021 or later.",
    tags={"document", "template", "text"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE.format("国办公开办函〔2021〕30号")},
                   note="the right citation"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE.format("国办公开办函[2021]30号")},
                   note="half-width brackets: the issuer and number are right"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE.format("国办公开办函﹝2021﹞第30号")},
                   note="small brackets and 第…号"),
            sample("seed", replace={**YEAR_2020, "认真落实《2023年淄博市政务公开工作方案》要求":
                                    _CITE_TRIAL.format("国办公开办函〔2019〕60号")},
                   note="the trial-format notice in a report for 2020"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求":
                                    "认真落实《2023年政务公开工作要点》（国办发〔2023〕30号）要求"},
                   note="another document of 国办 with its own number: not the format notice"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求":
                                    "按照年度报告格式要求，结合《政务公开工作要点》（国办发〔2022〕8号）"},
                   note="the format is mentioned, but the number belongs to the document named after it"),
        ],
        invalid=[
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE.format("国办发〔2021〕30号")},
                   expect=1, note="wrong issuer"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE.format("国办公开办函〔2021〕3号")},
                   expect=1, note="wrong number"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": _CITE_TRIAL.format("国办公开办函〔2019〕60号")},
                   expect=1, note="the superseded trial-format notice in a report for 2023"),
            sample("seed", replace={"认真落实《2023年淄博市政务公开工作方案》要求": "依据国办函〔2021〕30号文件编制本年度报告",
                                    "2023年，我单位无收取信息处理费的情况。": "2023年，我单位无收取信息处理费的情况。本报告按照"
                                    "国办公开函（2021）30号规定的格式编制。"},
                   expect=2, note="two wrong citations: one finding each"),
        ],
    ),
)
def format_notice_citation(report: Report, check: Check) -> None:
    """报告引用年度报告格式通知的文号有误，或2021年及以后的报告仍引用已被替代的〔2019〕60号通知。

    现行年度报告格式由《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作
    年度报告格式〉的通知》（国办公开办函〔2021〕30号）印发，适用于2021年度起的报告；此前的试行格式由
    国办公开办函〔2019〕60号印发，只适用于2019、2020年度报告。常见错误有“国办发〔2021〕30号”
    “国办函〔2021〕30号”等发文字号写错、序号写错，以及新年度报告仍引用〔2019〕60号。括号写法
    （〔〕、[]、()等）和“第30号”不算错误，只核对发文机关代字和文号。

    Only numbers that the text ties to the format notice are checked: one right after a mention of
    the format (“…年度报告格式〉的通知》（…）”), or 〔2021〕30号 / 〔2019〕60号 of a 国办 issuer in a
    sentence about the report or its format. Other documents' numbers are never compared.
    """
    year = report.year
    for node in [*report.paragraphs(), *report.unrecognised]:
        for citation in format_citations(node.text):
            if not citation.is_right:
                known = (citation.year, citation.number)
                y, n = known if known in (CURRENT, TRIAL) else (
                    CURRENT if year is None or year >= FIRST_YEAR_CURRENT else TRIAL)
                right = f"{RIGHT_ISSUER}〔{y}〕{n}号"
                check.fail(f"引用年度报告格式通知的文号有误：“{citation.text}”，应为“{right}”",
                           f"The format notice is cited wrongly: “{citation.text}”; it is {right}",
                           at=node, expected=right, actual=citation.text,
                           fix_zh="请核对发文机关代字和文号", fix_en="Check the issuer code and the number")
            elif citation.is_trial and year is not None and year >= FIRST_YEAR_CURRENT:
                check.fail(
                    f"本报告为{year}年度报告，但引用了已被替代的试行格式通知“{citation.text}”；2021年度起应依据"
                    "国办公开办函〔2021〕30号印发的格式",
                    f"This is a report for {year}, but it cites the superseded trial-format notice “{citation.text}”; "
                    "reports for 2021 and later follow the format of 国办公开办函〔2021〕30号",
                    at=node, expected="国办公开办函〔2021〕30号", actual=citation.text,
                    fix_zh="请改为引用国办公开办函〔2021〕30号", fix_en="Cite 国办公开办函〔2021〕30号 instead")


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
    if not CONTROL_CHARS.search("\n".join(text for _, text in _text_items(report))):
        return  # the common case, found with one search and without grouping the texts by node
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


def _text_items(report: Report) -> Iterator[tuple[Any, str]]:
    """Every text of the report with the node that holds it: the title, paragraphs, headings,
    table labels and cells (a node may hold several)."""
    if report.title is not None:
        yield report.title, report.title.text
    for para in report.intro:
        yield para, para.text
    for section in report.sections:
        yield section, section.heading
        for para in section.paragraphs:
            yield para, para.text
    for table in (report.active, report.requests, report.litigation):
        if table is None:
            continue
        for use in table.labels:  # row, column and block labels as written
            row = table.rows.get(use.key) if use.kind == "row" else None
            yield (row if row is not None else table), use.found
        for text in table.unmatched:
            yield table, text.text
        for row in table.rows.values():
            yield row, row.label
            for cell in row.cells.values():
                yield cell, cell.raw
    for text in report.unrecognised:
        yield text, text.text


def _texts(report: Report) -> list[tuple[Any, str]]:
    """Every node that holds text, once, with all its text. A row's label as written and as
    matched are one node's text, not two."""
    nodes: dict[int, tuple[Any, list[str]]] = {}
    for node, text in _text_items(report):
        entry = nodes.setdefault(id(node), (node, []))
        if text not in entry[1]:
            entry[1].append(text)
    return [(node, "\n".join(texts)) for node, texts in nodes.values()]


# ------------------------------------------------------------------------------------------------
# DL007–DL010: what the readers noticed about the file itself. Each reader records a `Notice`; the
# rules turn them into findings, so a plugin's reader gets the same reporting for free.


def _notices(report: Report, kind: NoticeKind) -> list[Notice]:
    return [n for n in report.notices if n.kind is kind]


def _order(location: Location) -> tuple[int, int, int]:
    return (location.page or 0, location.line or 0, location.paragraph or 0)


def _section_at(report: Report, location: Location) -> Section | None:
    """The section a location falls in: the last one whose heading comes before it."""
    before = [s for s in report.sections if _order(s.location) <= _order(location)]
    return before[-1] if before else None


@rule(
    "DL007", name="unaccepted-tracked-changes", severity="info",
    summary_en="The .docx still holds unaccepted tracked changes (the linter read the accept-all view).",
    tags={"document", "docx"},
    examples=Examples(
        valid=[sample("seed"), sample(file="seed_table_image.docx", note="a .docx without tracked changes")],
        invalid=[sample(file="seed_tracked_changes.docx", expect=1,
                        note="a tracked change in table 三 (6 deleted, 7 inserted)")],
    ),
)
def unaccepted_tracked_changes(report: Report, check: Check) -> None:
    """Word 文档中仍有未接受的修订，已按“全部接受”后的内容检查。

    发布前应在 Word/WPS 中“接受所有修订”（或拒绝），否则网站上的版本可能带有修订标记，或与审核过的
    内容不一致。本工具按全部接受修订后的内容检查，所以这条只是提示。
    """
    for notice in _notices(report, NoticeKind.TRACKED_CHANGES):
        check.fail(f"文档中仍有{notice.detail}；发布前请在 Word/WPS 中接受或拒绝全部修订",
                   "the document still holds unaccepted tracked changes (checked as if all were accepted); "
                   "accept or reject them before publishing", at=notice,
                   fix_zh="在“审阅”中选择“接受所有修订”后另存", fix_en="Review → Accept All Changes, then save")


@rule(
    "DL008", name="table-not-machine-readable", severity="warning",
    summary_en="A standard table is a picture or an embedded object, not a table: it cannot be checked.",
    tags={"document", "completeness"},
    supersedes={"DL201": "place"},
    examples=Examples(
        valid=[sample("seed")],
        invalid=[sample(file="seed_table_image.docx", expect=1, note="table 三 pasted as a picture")],
    ),
)
def table_not_machine_readable(report: Report, check: Check) -> None:
    """标准表格是图片或嵌入对象，不是表格，无法检查。

    表格以截图、扫描件或嵌入的 Excel 对象形式放入报告，公众无法复制和检索其中的数据，本工具也无法核对
    勾稽关系。请把表格做成 Word 表格（可从格式文件中复制表样）。报告该问题的位置是表格所在的部分，
    它取代该部分的“缺少表格”（DL201）。
    """
    for notice in _notices(report, NoticeKind.TABLE_AS_IMAGE):
        section = _section_at(report, notice.location)
        where = f"“{section.number}、{section.heading}”中的" if section else ""
        check.fail(f"{where}表格是图片或嵌入对象，不是可检查的表格：公众无法复制其中的数据，也无法核对",
                   f"{'section ' + section.key + ': ' if section else ''}the table is a picture or an "
                   "embedded object, not a table: it cannot be read or checked",
                   at=section if section is not None else notice,
                   fix_zh="请改用 Word 表格填写（可从格式文件复制表样）",
                   fix_en="use a real table (copy it from the format's template)")


@rule(
    "DL009", name="pdf-needs-ocr", severity="error",
    summary_en="The PDF has no text layer (scanned) or no usable character map: it needs OCR before it can be checked.",
    tags={"document", "pdf"},
    supersedes={rule_id: "report" for rule_id in ("DL001", *_NOT_A_REPORT_REPLACES)},
    examples=Examples(
        valid=[sample("seed")],
        invalid=[sample(file="scanned.pdf", expect=1, note="a page with no text at all")],
    ),
)
def pdf_needs_ocr(report: Report, check: Check) -> None:
    """PDF 没有文字层（扫描件）或字符无法识别，需要先做文字识别（OCR）才能检查。

    扫描件发布后无法被检索、复制，读屏软件也无法朗读；本工具同样读不出其中的内容。请发布由 Word/WPS
    直接导出的 PDF，或先做 OCR。它取代“不是年度报告”（DL001）和各项内容检查。
    """
    for notice in _notices(report, NoticeKind.NO_TEXT_LAYER):
        check.fail("PDF 没有可读取的文字（扫描件或字符无法识别），需要先做文字识别（OCR），或改为发布由 Word/WPS 直接导出的 PDF",
                   "the PDF has no usable text layer (scanned, or glyphs without a character map): "
                   "run OCR first, or publish a PDF exported directly from Word/WPS", at=notice)


_ATTACHMENT_PAGE = (
    "<html><head><title>2023年政府信息公开工作年度报告</title></head><body>"
    "<h1>某某市某某局2023年政府信息公开工作年度报告</h1><p>发布日期：2024-01-20</p>"
    '<p>附件：<a href="/files/2023nb.pdf">某某市某某局2023年政府信息公开工作年度报告.pdf</a></p>'
    "</body></html>"
)


@rule(
    "DL010", name="report-only-as-attachment", severity="warning",
    summary_en="The HTML page carries the report only as an attachment (a linked .pdf/.docx): lint the attachment.",
    tags={"document", "html"},
    supersedes={rule_id: "report" for rule_id in ("DL001", *_NOT_A_REPORT_REPLACES)},
    examples=Examples(
        valid=[sample("seed")],
        invalid=[sample(text=_ATTACHMENT_PAGE, expect=1, note="a page that only links the report's PDF")],
    ),
)
def report_only_as_attachment(report: Report, check: Check) -> None:
    """网页只以附件形式提供报告（链接到 .pdf/.docx 等），页面本身没有报告内容：请检查附件。

    这样的页面无法被本工具检查；附件才是报告本身。请对附件运行 disclosure-lint。同时建议在网页正文中
    也发布报告全文，便于检索和无障碍阅读。
    """
    for notice in _notices(report, NoticeKind.ATTACHMENT_ONLY):
        check.fail(f"网页正文中没有报告内容，报告只以附件形式提供（{notice.detail}）：请对附件进行检查",
                   f"the page carries the report only as an attachment ({notice.detail}): lint the attachment",
                   at=notice)
