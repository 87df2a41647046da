"""Generate the conformance cases: single-defect mutations of the seed report.

Each case is a folder with the report file and ``expected.yaml`` listing exactly the findings (rule
ID, and where given the place) that must fire — by omission, nothing else may. The expectations
here are written from the rule catalogue, not copied from the tool's output. Run from the
repository root after changing a case::

    python tests/conformance/generate.py
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
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


@dataclass
class Case:
    name: str
    description: str
    text: str
    findings: list[str | dict[str, str]] = field(default_factory=list)
    file: str = "report.txt"


S = SEED
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
         [{"rule": "DL302", "at": "requests.granted.total"}, {"rule": "DL303", "at": "requests.handled_total.natural_person"}]),
    Case("dl303-outcomes-sum", "（七）总计 raised to 8 in natural person and total.",
         set_values(S, "requests.handled_total", {0: "8", 6: "8"}),
         ["DL301", "DL301", "DL303", "DL303"]),
    Case("dl304-litigation-total", "Table 四: 行政复议 总计 1 while its parts are 0.",
         set_litigation(S, {4: "1"}), [{"rule": "DL304", "at": "litigation.review.total"}]),
    Case("dl305-in-force-too-low", "规章: 2 issued, none repealed, 1 in force.",
         set_values(S, "active.regulations", {0: "2", 2: "1"}), ["DL305"]),
    Case("dl306-county-body-regulations", "A district-level body reporting 规章.",
         set_values(replace(S, "淄博市行政审批服务局2023年", "淄博市张店区行政审批服务局2023年"),
                    "active.regulations", {0: "1", 2: "1"}), ["DL306"]),
    Case("dl401-title-year", "Title year 2022, period 2023.",
         replace(S, "淄博市行政审批服务局2023年政府信息公开", "淄博市行政审批服务局2022年政府信息公开"), ["DL401"]),
    Case("dl402-partial-period", "A half-year statistical period.",
         replace(S, "至2023年12月31日止", "至2023年6月30日止"), ["DL402"]),
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
]

# Clean variants of the seed in other encodings and layouts: nothing fires.
CLEAN_FILES = {
    "clean-gb18030-crlf": ("variants/seed_gb18030_crlf.txt", "report.txt"),
    "clean-utf8bom-crlf": ("variants/seed_utf8bom_crlf.txt", "report.txt"),
}


def main() -> None:
    for old in HERE.iterdir():
        if old.is_dir() and (old / "expected.yaml").exists():
            shutil.rmtree(old)
    for case in CASES:
        folder = HERE / case.name
        folder.mkdir()
        (folder / case.file).write_text(case.text, encoding="utf-8")
        expected = {"description": case.description, "findings": case.findings}
        (folder / "expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    for name, (src, dest) in CLEAN_FILES.items():
        folder = HERE / name
        folder.mkdir()
        shutil.copyfile(ROOT / "tests" / "fixtures" / src, folder / dest)
        (folder / "expected.yaml").write_text(yaml.safe_dump(
            {"description": f"The seed as {src}: nothing fires.", "findings": []}, allow_unicode=True), encoding="utf-8")
    print(f"wrote {len(CASES) + len(CLEAN_FILES)} cases")


if __name__ == "__main__":
    main()
