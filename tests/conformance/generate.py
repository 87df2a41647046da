"""Generate the conformance cases: single-defect mutations of the seed report.

Each case is a folder with the report file and ``expected.yaml`` listing exactly the findings (rule
ID, and where given the place) that must fire — by omission, nothing else may. A case for the
cross-year rules also holds last year's report as ``previous.txt`` (given as ``--previous``), and
one for the deadline rule a ``published_on:`` date in ``expected.yaml`` (``--published-on``). The expectations
here are written from the rule catalogue, not copied from the tool's output. Run from the
repository root after changing a case::

    python tests/conformance/generate.py
"""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")

# Table rows in the seed text: a label line, then one TAB-led line per value.
ROWS = {
    "active.regulations": "\t规章\n", "active.normative_documents": "\t行政规范性文件\n",
    "active.licensing": "\t行政许可\n", "active.fees": "\t行政事业性收费\n",
    "requests.new": "一、本年新收政府信息公开申请数量\n", "requests.granted": "\t（一）予以公开\n",
    "requests.handled_total": "\t（七）总计\n", "requests.carried_forward": "\t四、结转下年度继续办理\n",
}


def set_values(text: str, row: str, values: dict[int, str]) -> str:
    """Set value cells (0-based among the row's values) of a table row in the seed text."""
    start = text.index(ROWS[row]) + len(ROWS[row])
    lines = text[start:].split("\n")
    for i, value in values.items():
        assert lines[i].startswith("\t"), (row, i, lines[i])
        lines[i] = "\t" + value
    return text[:start] + "\n".join(lines)


def set_litigation(text: str, values: dict[int, str]) -> str:
    """Set cells of table 四's one data row (0-based among its 15 values)."""
    start = text.index("\t总计\n\n", text.index("四、政府信息公开行政复议")) + len("\t总计\n\n")
    lines = text[start:].split("\n")
    for i, value in values.items():
        lines[i] = "\t" + value
    return text[:start] + "\n".join(lines)


def cut(text: str, start: str, end: str) -> str:
    """Remove from ``start`` (inclusive) to ``end`` (exclusive)."""
    i = text.index(start)
    return text[:i] + text[text.index(end, i):]


def replace(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def rewrite(text: str, new_paragraphs: dict[str, str]) -> str:
    """Replace whole paragraphs (lines) that start with the given words."""
    lines = text.split("\n")
    for start, paragraph in new_paragraphs.items():
        (i,) = [n for n, line in enumerate(lines) if line.startswith(start)]
        lines[i] = paragraph
    return "\n".join(lines)


def last_year(text: str) -> str:
    """The seed as the same body's report for 2022, its longest paragraphs in other words (so the
    text is not a copy, DL603) and 1 normative document in force (which the seed repeals, DL602)."""
    text = replace(replace(text, "淄博市行政审批服务局2023年", "淄博市行政审批服务局2022年"),
                   "2023年1月1日起，至2023年12月31日", "2022年1月1日起，至2022年12月31日")
    text = rewrite(text, {
        "一是持续优化政府信息公开平台栏目设置": "本年度对门户网站信息公开专栏进行了改版，调整栏目层级，补充办事指南类信息。",
        "[bookmark: _GoBack]（三）本部门在政务公开制度": "（三）创新情况。本年度推行窗口服务评价和意见征集，编印办事须知手册。",
        "紧盯“以公开促服务": "局党组定期研究政务公开工作，明确分管领导和责任科室，年内组织业务培训两次。",
        "（四）《2023年淄博市政务公开工作方案》落实情况": "（四）上级工作要点落实情况。对照年度工作要点逐项推进，各项任务均已按期完成。",
        "对此，我局在2023年重点做了": "对此，我局将加强业务培训，丰富解读形式，提升信息发布的及时性。",
    })
    return set_values(text, "active.normative_documents", {2: "1"})


@dataclass
class Case:
    name: str
    description: str
    text: str
    findings: list[str | dict[str, str]] = field(default_factory=list)
    file: str = "report.txt"
    previous: str | None = None  # last year's report, written beside it as previous.txt (--previous)
    published_on: date | None = None  # the publication date (--published-on), kept in expected.yaml


S = SEED
# A 2023 report on the free-form pre-2019 template (old headings, no 第二十条 tables).
PRE2019 = """某某市人民政府办公室2023年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制，统计期限自2023年1月1日起，至2023年12月31日止。如对本报告有疑问，请与市政府办公室联系（地址：淄博市张店区人民西路16号；邮编：255000；电话：0533-2182900；邮箱：zbszfbgs@zb.shandong.cn）。
一、概述
2023年，市政府办公室认真贯彻落实政府信息公开条例，扎实推进主动公开、依申请公开、政府信息管理、公开平台建设和监督保障各项工作。
二、主动公开政府信息情况
全年主动公开政府信息1200条。
三、依申请公开政府信息情况
全年共收到政府信息公开申请10件，均已按时答复。
四、政府信息公开的收费及减免情况
全年未收取信息处理费。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
未发生行政复议和行政诉讼。
六、政府信息公开工作存在的主要问题及改进情况
公开内容不够全面，下一步将加强培训，提升公开质量。
七、其他需要报告的事项
本年度未收取信息处理费。
"""
CASES = [
    Case("clean-seed", "The user's seed report: nothing fires.", S),
    Case("dl001-empty", "An empty file.", "", ["DL001"]),
    Case("dl001-not-a-report", "A text file that is not an annual report.",
         "关于调整食堂开放时间的通知\n\n各科室：\n自下周一起，食堂午餐时间调整为11:30至13:00。\n\n办公室\n", ["DL001"]),
    Case("dl002-trial-template-labels", "Table 二 filled on the 2019 trial template (本年新制作数量).",
         replace(S, "本年制发件数", "本年新制作数量"), ["DL002"]),
    Case("dl004-no-year", "No year in the title and none in the period statement.",
         replace(replace(S, "淄博市行政审批服务局2023年政府信息公开工作年度报告", "淄博市行政审批服务局政府信息公开工作年度报告"),
                 "统计期限自2023年1月1日起，至2023年12月31日止", "统计期限为本年度"),
         ["DL004", "DL110", "DL402"]),
    Case("dl003-pre-2019-template", "A 2023 report on the free-form pre-2019 template: old headings, no tables.",
         PRE2019, ["DL003",  # and what DL003 does not replace: seven parts numbered as six (DL102 ×3),
                   "DL102", "DL102", "DL102",  # old headings (DL103 ×3), the usual items of 六 (DL108 ×3)
                   "DL103", "DL103", "DL103", "DL108", "DL108", "DL108"]),
    Case("dl005-2021-labels-in-2020", "A 2020 report filled on the 2021 format.",
         replace(replace(S, "淄博市行政审批服务局2023年", "淄博市行政审批服务局2020年"),
                 "2023年1月1日起，至2023年12月31日", "2020年1月1日起，至2020年12月31日"), ["DL005"]),
    Case("dl006-wrong-notice-number", "The format notice cited as 国办发〔2021〕30号.",
         replace(S, "本年度报告中所列数据的统计期限", "本报告根据《中华人民共和国政府信息公开工作年度报告格式》（国办发〔2021〕30号）"
                 "编制。本年度报告中所列数据的统计期限"), ["DL006"]),
    Case("dl011-control-character", "A BEL control character left in a paragraph.",
         replace(S, "不断提高政府信息公开的质量", "不断提高政府信息\x07公开的质量"), ["DL011"]),
    Case("dl101-missing-section", "Section 五 removed.",
         cut(S, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"), [{"rule": "DL101", "at": "sections.problems"}]),
    Case("dl102-wrong-ordinal", "Section 六 numbered 五.",
         replace(S, "六、其他需要报告的事项", "五、其他需要报告的事项"), ["DL102"]),
    Case("dl103-heading-wording", "Section 五's heading reworded beyond the accepted variants.",
         replace(S, "五、存在的主要问题及改进情况", "五、工作中存在的问题和改进措施"), ["DL103"]),
    Case("dl104-empty-section", "Section 五's heading with nothing under it.",
         cut(S, "目前，我局的信息公开工作仍存在一些薄弱环节", "六、其他需要报告的事项"), ["DL104"]),
    Case("dl105-announced-structure", "The report announces seven parts; it has six.",
         replace(S, "如对报告内容有疑问", "本报告由总体情况、主动公开政府信息情况等七部分组成。如对报告内容有疑问"), ["DL105"]),
    Case("dl107-fee-silent", "Section 六 says nothing about the 信息处理费.",
         replace(S, "（一）依申请公开信息处理费收费情况。2023年，我单位无收取信息处理费的情况。\n", ""), ["DL107"]),
    Case("dl109-no-improvement-named", "Section 五 names a problem but no improvement.",
         cut(S, "目前，我局的信息公开工作仍存在一些薄弱环节", "六、其他需要报告的事项").replace(
             "五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n本年度信息公开工作仍存在一些不足。\n"), ["DL109"]),
    Case("dl110-title-form", "The year stands before the agency in the title.",
         replace(S, "淄博市行政审批服务局2023年政府信息公开工作年度报告", "2023年淄博市行政审批服务局政府信息公开工作年度报告"),
         ["DL110"]),
    Case("dl201-table-missing", "Table 四 removed; its section heading stays.",
         cut(S, "\t行政复议\n", "五、存在的主要问题及改进情况"), [{"rule": "DL201", "at": "sections.litigation"}]),
    Case("dl202-row-missing", "Row 行政强制 removed from table 二.",
         replace(S, "\t行政强制\n\t0\n\n", ""), ["DL202"]),
    Case("dl203-label-typo", "The known typo 只计这一情况 in table 三.",
         replace(S, "只计这一情形", "只计这一情况"), ["DL203"]),
    Case("dl204-slash-cell", "“/” in a table 三 cell.",
         set_values(S, "requests.granted", {1: "/"}), [{"rule": "DL204", "at": "requests.granted.commercial"}]),
    Case("dl205-negative-count", "A negative count in table 三.",
         set_values(S, "requests.carried_forward", {0: "-1"}),
         [{"rule": "DL205", "at": "requests.carried_forward.natural_person"}]),
    Case("dl206-unit-contradicts-column", "An amount in 元 in the 万元 column.",
         set_values(S, "active.fees", {0: "251000元"}), [{"rule": "DL206", "at": "active.fees.amount"}]),
    Case("dl207-amount-probably-in-yuan", "A 万元 amount over 1亿元.",
         set_values(S, "active.fees", {0: "12000"}), [{"rule": "DL207", "at": "active.fees.amount"}]),
    Case("dl301-balance-broken", "The 勾稽关系 broken: 新收 7→8 in both natural person and total.",
         set_values(S, "requests.new", {0: "8", 6: "8"}),
         [{"rule": "DL301", "at": "requests.new.natural_person"}, {"rule": "DL301", "at": "requests.new.total"}]),
    Case("dl302-changed-cell", "One table 三 cell changed: 予以公开·自然人 2→3.",
         set_values(S, "requests.granted", {0: "3"}),
         [{"rule": "DL302", "at": "requests.granted.total"}, {"rule": "DL303", "at": "requests.handled_total.natural_person"},
          "DL404"]),  # section 一 says 予以公开2件
    Case("dl303-outcomes-sum", "（七）总计 raised to 8 in natural person and total.",
         set_values(S, "requests.handled_total", {0: "8", 6: "8"}),
         ["DL301", "DL301", "DL303", "DL303"]),
    Case("dl304-litigation-total", "Table 四: 行政复议 总计 1 while its parts are 0.",
         set_litigation(S, {4: "1"}), [{"rule": "DL304", "at": "litigation.review.total"},
                                       "DL406"]),  # section 一 says 未出现行政复议
    Case("dl305-in-force-too-low", "规章: 2 issued, none repealed, 1 in force.",
         set_values(S, "active.regulations", {0: "2", 2: "1"}), ["DL305"]),
    Case("dl306-county-body-regulations", "A district-level body reporting 规章.",
         set_values(replace(S, "淄博市行政审批服务局2023年", "淄博市张店区行政审批服务局2023年"),
                    "active.regulations", {0: "1", 2: "1"}), ["DL306"]),
    Case("dl401-title-year", "Title year 2022, period 2023.",
         replace(S, "淄博市行政审批服务局2023年政府信息公开", "淄博市行政审批服务局2022年政府信息公开"), ["DL401"]),
    Case("dl402-partial-period", "A half-year statistical period.",
         replace(S, "至2023年12月31日止", "至2023年6月30日止"), ["DL402"]),
    Case("dl403-earlier-year-paragraph", "A paragraph of the 2023 report opens with “2022年，”.",
         replace(S, "2023年，淄博市行政审批服务局持续做好", "2022年，淄博市行政审批服务局持续做好"),
         ["DL403"]),
    Case("dl404-narrative-requests", "Section 一 says no application was received; table 三 has 7 new.",
         replace(S, "持续优化和规范政府信息公开申请办理工作流程", "全年未收到政府信息公开申请。持续优化和规范政府信息公开申请办理工作流程"),
         ["DL404"]),
    Case("dl405-narrative-active", "Section 一 says 2 normative documents were issued; table 二 says 0.",
         replace(S, "共制发行政规范性文件0件", "共制发行政规范性文件2件"), ["DL405"]),
    Case("dl406-narrative-litigation", "Section 一 reports an administrative review; table 四 has none.",
         replace(S, "未出现行政复议、诉讼和举报", "因政府信息公开被申请行政复议1件"), ["DL406"]),
    Case("dl407-fee-contradiction", "Section 六 reports a fee of 300元; section 一 says no answer was charged.",
         replace(S, "我单位无收取信息处理费的情况", "我单位共收取信息处理费300元"), ["DL407"]),
    Case("dl409-unfilled-template-text", "“XX条” left in section 一.",
         replace(S, "发布人事任免信息3条", "发布人事任免信息XX条"), ["DL409"]),
    Case("dl410-prose-parts-sum", "Proposals 2 + 4, their parts 2 + 1 + 1 + 3 = 7.",
         replace(S, "协办件2件", "协办件3件"), ["DL410"]),
    Case("dl408-published-late", "A city department's 2023 report published on 15 February 2024.",
         S, ["DL408"], published_on=date(2024, 2, 15)),
    Case("dl502-invalid-phone", "A landline one digit short.",
         replace(S, "电话：0533-2306909", "电话：0533-230690"), ["DL502"]),
    Case("dl503-postcode-five-digits", "A five-digit postcode.",
         replace(S, "邮编：255022", "邮编：25502"), [{"rule": "DL503", "at": "contact.postcode"}]),
    Case("dl504-malformed-email", "An e-mail address without a domain.",
         replace(S, "邮箱：sxzspfwjbgs@zb.shandong.cn", "邮箱：sxzspfwjbgs@zb"), [{"rule": "DL504", "at": "contact.email"}]),
    Case("dl506-postcode-other-province", "A Beijing postcode beside a Shandong phone.",
         replace(S, "邮编：255022", "邮编：100022"), ["DL506"]),
    Case("dl507-contact-incomplete", "No e-mail address.",
         replace(S, "；邮箱：sxzspfwjbgs@zb.shandong.cn", ""), ["DL507"]),
    Case("dl508-phone-without-area-code", "A phone number without its area code.",
         replace(S, "电话：0533-2306909", "电话：2306909"), ["DL508"]),
    Case("dl509-phone-form", "The area code in brackets.",
         replace(S, "电话：0533-2306909", "电话：（0533）2306909"), ["DL509"]),
    Case("dl601-carried-over-mismatch", "Last year's report carried 2 applications forward; none is carried over.",
         S, [{"rule": "DL601", "at": "requests.carried_over.natural_person"},
             {"rule": "DL601", "at": "requests.carried_over.total"}],
         previous=set_values(last_year(S), "requests.carried_forward", {0: "2", 6: "2"})),
    Case("dl602-in-force-continuity", "Last year 3 normative documents in force; 0 issued, 1 repealed, 0 in force now.",
         S, [{"rule": "DL602", "at": "active.normative_documents.in_force"}],
         previous=set_values(last_year(S), "active.normative_documents", {2: "3"})),
    Case("dl603-copied-from-last-year", "Last year's report is the same text with the year changed.",
         S, ["DL603"],
         previous=set_values(replace(replace(S, "淄博市行政审批服务局2023年", "淄博市行政审批服务局2022年"),
                                     "2023年1月1日起，至2023年12月31日", "2022年1月1日起，至2022年12月31日"),
                             "active.normative_documents", {2: "1"})),
    Case("dl604-previous-not-last-year", "The report given as last year's is this year's own (and a copy of it).",
         S, ["DL604"], previous=S),
    Case("clean-with-last-year", "The seed with a fitting report for 2022: nothing fires.", S, [],
         previous=last_year(S), published_on=date(2024, 1, 26)),
]

def first_value_after(data: bytes, label: str, old: bytes, new: bytes, marker: bytes) -> bytes:
    """In markup (docx XML, HTML), change the first value cell after a row label: ``marker + old``
    (``<w:t>2`` / ``px">2``) becomes ``marker + new``."""
    start = data.index(label.encode("utf-8"))
    i = data.index(marker + old, start)
    return data[:i] + marker + new + data[i + len(marker) + len(old):]


def docx_edit(src: Path, edit: object) -> bytes:
    """A copy of a .docx with ``edit`` applied to word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, edit(data) if item.filename == "word/document.xml" else data)  # type: ignore[operator]
    return out.getvalue()


FIX = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "rules" / "samples"


@dataclass
class FileCase:
    """A case whose report is a binary or markup file: a fixture as is, or an edited copy."""

    name: str
    description: str
    file: str
    data: bytes
    findings: list[str | dict[str, str]] = field(default_factory=list)


FILE_CASES = [
    FileCase("clean-gb18030-crlf", "The seed in GB18030 with CRLF: nothing fires.", "report.txt",
             (FIX / "variants/seed_gb18030_crlf.txt").read_bytes()),
    FileCase("clean-utf8bom-crlf", "The seed in UTF-8 with BOM and CRLF: nothing fires.", "report.txt",
             (FIX / "variants/seed_utf8bom_crlf.txt").read_bytes()),
    FileCase("clean-seed-docx", "The seed as Word: nothing fires.", "report.docx", (FIX / "seed.docx").read_bytes()),
    FileCase("clean-seed-html", "The seed as a government web page: nothing fires.", "report.html",
             (FIX / "seed.html").read_bytes()),
    FileCase("clean-seed-pdf", "The seed as PDF: nothing fires.", "report.pdf", (FIX / "seed.pdf").read_bytes()),
    FileCase("clean-sloppy-html", "Old-CMS markup in GB18030: nothing fires.", "report.html",
             (FIX / "variants/seed_sloppy.html").read_bytes()),
    FileCase("dl302-changed-cell-docx", "One table 三 cell changed in Word: 予以公开·自然人 2→3.", "report.docx",
             docx_edit(FIX / "seed.docx", lambda d: first_value_after(d, "（一）予以公开", b"2", b"3", b"<w:t>")),
             [{"rule": "DL302", "at": "requests.granted.total"}, {"rule": "DL303", "at": "requests.handled_total.natural_person"},
              "DL404"]),
    FileCase("dl302-changed-cell-html", "One table 三 cell changed on the web page: 予以公开·自然人 2→3.", "report.html",
             first_value_after((FIX / "seed.html").read_bytes(), "（一）予以公开", b"2<", b"3<", b'px">'),
             [{"rule": "DL302", "at": "requests.granted.total"}, {"rule": "DL303", "at": "requests.handled_total.natural_person"},
              "DL404"]),
    FileCase("dl007-tracked-changes", "A .docx with an unaccepted tracked change.", "report.docx",
             (FIX / "variants/seed_quirks.docx").read_bytes(), ["DL007"]),
    FileCase("dl008-table-as-picture", "Table 三 pasted as a picture.", "report.docx",
             (SAMPLES / "seed_table_image.docx").read_bytes(), [{"rule": "DL008", "at": "sections.requests"}]),
    FileCase("dl009-scanned-pdf", "A PDF without a text layer.", "report.pdf", (SAMPLES / "scanned.pdf").read_bytes(),
             ["DL009"]),
]


def main() -> None:
    for old in HERE.iterdir():
        if old.is_dir() and (old / "expected.yaml").exists():
            shutil.rmtree(old)
    for case in CASES:
        folder = HERE / case.name
        folder.mkdir()
        (folder / case.file).write_text(case.text, encoding="utf-8")
        expected: dict[str, object] = {"description": case.description, "findings": case.findings}
        if case.previous is not None:
            (folder / "previous.txt").write_text(case.previous, encoding="utf-8")
        if case.published_on is not None:
            expected["published_on"] = case.published_on
        (folder / "expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    for fc in FILE_CASES:
        folder = HERE / fc.name
        folder.mkdir()
        (folder / fc.file).write_bytes(fc.data)
        (folder / "expected.yaml").write_text(yaml.safe_dump(
            {"description": fc.description, "findings": fc.findings}, allow_unicode=True, sort_keys=False),
            encoding="utf-8")
    print(f"wrote {len(CASES) + len(FILE_CASES)} cases")


if __name__ == "__main__":
    main()
