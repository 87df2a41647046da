"""DL6xx — across years: the report beside last year's report of the same body (docs/rules/index.md).

Needs last year's report (``--previous FILE|DIR``, or a batch in which the same body's reports for
consecutive years are paired automatically); without it every rule here is skipped, with the
reason. DL604 first asks whether the pair fits at all (year Y−1, the same body); when it does
not, the other rules do not compare the two — their findings would be noise about a wrong file.

A value missing on either side (a blank or "/" cell, a row or table not found) is missing, never
0: the comparison is left out.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Report, StandardTable, TemplateVersion
from disclosure_lint.model.template import REQUESTS_COLUMNS

from ._agency import agency_name, same_body
from ._previous_sample import PERIOD, REWRITTEN, TITLE, YEAR_2022
from ._similarity import report_prose, section_prose, similarity
from ._tablenames import row_name
from ._text import section_title
from ._trial_sample import TRIAL_TABLES

# Last year's report that fits the seed: 1 normative document in force before the seed repealed it.
_LAST_YEAR = {"active.normative_documents.in_force": "1"}
# Last year's report with one of the seed's long paragraphs in other words.
_ONE_REWRITTEN = [{old: new} for old, new in REWRITTEN.items()]


def _pair_problems(report: Report, previous: Report) -> list[tuple[str, str]]:
    """Why ``previous`` cannot be this report's last year, as (zh, en) reasons; empty when it fits
    or when nothing certain can be said (a year or a name that cannot be read)."""
    problems: list[tuple[str, str]] = []
    year, prev_year = report.year, previous.year
    if year is not None and prev_year is not None and prev_year != year - 1:
        problems.append((f"它是{prev_year}年度报告，而本报告为{year}年度，上一年度应为{year - 1}年",
                         f"it is the report for {prev_year}, while this one is for {year}: last year is {year - 1}"))
    name, prev_name = agency_name(report), agency_name(previous)
    if same_body(name, prev_name) is False:
        problems.append((f"它是“{prev_name}”的报告，而本报告为“{name}”的报告",
                         f"it is the report of “{prev_name}”, while this one is of “{name}”"))
    return problems


def _fits(report: Report, previous: Report) -> bool:
    return not _pair_problems(report, previous)


@rule(
    "DL604",
    name="previous-report-mismatch",
    severity="error",
    summary_en="The report given as last year's is not for year Y−1 or not from the same body.",
    tags={"across-years"},
    supersedes={"DL601": "report", "DL602": "report", "DL603": "report"},
    examples=Examples(
        valid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022), note="last year's report: the same body, 2022"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, TITLE: "山东省淄博市行政审批服务局2022年"}),
                   note="the same body with its province in front"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, TITLE: "淄博市行政审批服务局2022年度"}),
                   note="“2022年度”"),
            sample("seed", previous=sample("seed", replace={TITLE: "淄博市行政审批服务局",
                                                            PERIOD: "本年度1月1日起，至12月31日"}),
                   note="last year's report names no year: nothing certain can be said"),
        ],
        invalid=[
            sample("seed", previous=sample("seed"), expect=1, note="this year's report given as last year's"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, TITLE: "淄博市教育局2022年"}), expect=1,
                   note="another body's report"),
            sample("seed", previous=sample("seed", replace={TITLE: "淄博市教育局2021年",
                                                            PERIOD: "2021年1月1日起，至2021年12月31日"}),
                   expect=1, note="another body and another year: one finding giving both reasons"),
        ],
    ),
)
def previous_report_mismatch(report: Report, previous: Report, check: Check) -> None:
    """作为上一年度报告提供的文件，不是本机关上一年度（Y−1年）的报告。

    跨年度比对（上年结转、现行有效件数、文字雷同）只有在两份报告是同一机关相邻两个年度时才有意义。
    年度以标题中的年份为准（标题无年份时取统计期限）；机关以标题中的机关名称比较，“人民政府”与
    “政府”、名称前加省名或市名、括号内的注释都视为同一机关。机构改革后更名的，名称不同，请人工确认。
    本规则报告时，DL601–DL603 不再比对这两份报告。

    Years and names that cannot be read are not held against the pair (DL004 reports a missing
    year). When this rule fires, DL601–DL603 do not compare the pair.
    """
    problems = _pair_problems(report, previous)
    if not problems:
        return
    check.fail(
        "提供的上一年度报告与本报告不相衔接：" + "；".join(zh for zh, _ in problems) + "。跨年度比对未进行",
        "The report given as last year's does not fit: " + "; ".join(en for _, en in problems)
        + ". The cross-year comparison was not made",
        at=report.title, expected=f"{agency_name(report) or '本机关'}{(report.year or 0) - 1}年度报告"
        if report.year else None, actual=f"{agency_name(previous) or '（未知机关）'}{previous.year or '（未知）'}年度报告",
        fix_zh="请用 --previous 指定本机关上一年度的报告", fix_en="Give this body's report for last year with --previous")


@rule(
    "DL601",
    name="carried-over-mismatch",
    severity="error",
    summary_en="Table 3: 二、上年结转 differs from last year's 四、结转下年度继续办理, per column.",
    tags={"across-years", "table3"},
    examples=Examples(
        valid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022), note="nothing carried forward, nothing carried over"),
            sample("seed", cells={"requests.carried_over.natural_person": "2", "requests.carried_over.total": "2"},
                   previous=sample("seed", replace=YEAR_2022, cells={"requests.carried_forward.natural_person": "2",
                                                                      "requests.carried_forward.total": "2"}),
                   note="2 carried forward last year, 2 carried over this year"),
            sample("seed", previous=sample("seed", replace=YEAR_2022, cells={"requests.carried_forward.natural_person": "/"}),
                   note="a placeholder last year: missing, not 0 (DL204 reports it there)"),
            sample("seed", cells={"requests.carried_over.natural_person": "2"},
                   previous=sample("seed", cells={"requests.carried_forward.natural_person": "0"}),
                   note="last year's report is this year's: DL604's finding, no comparison"),
        ],
        invalid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022, cells={"requests.carried_forward.natural_person": "2",
                                                                              "requests.carried_forward.total": "2"}),
                   expect=2, note="2 carried forward last year, none carried over: the 自然人 and 总计 columns"),
            sample("seed", cells={"requests.carried_over.commercial": "1", "requests.carried_over.total": "1"},
                   previous=sample("seed", replace=YEAR_2022), expect=2,
                   note="1 carried over that last year did not carry forward"),
        ],
    ),
)
def carried_over_mismatch(report: Report, requests: StandardTable, previous: Report, check: Check) -> None:
    """表三“二、上年结转政府信息公开申请数量”与上一年度报告的“四、结转下年度继续办理”不一致（逐列比较）。

    上年结转的申请，就是上一年度报告中结转下年度继续办理的那些申请，两数按定义相等，七列（六类申请人
    和总计）都应一致。不一致说明本年或上年的数据有误，或申请在年度之间的统计口径不一。

    Per column (the six applicant columns and the total). A cell that is blank, a placeholder or
    not a count on either side is left out (DL204/DL205 report it in its own report).
    """
    last = previous.requests
    if last is None or not _fits(report, previous):
        return
    this_row, last_row = requests.rows.get("carried_over"), last.rows.get("carried_forward")
    if this_row is None or last_row is None:
        return
    for column in REQUESTS_COLUMNS:
        now, before = this_row.cells.get(column.key), last_row.cells.get(column.key)
        a, b = check.value(now), check.value(before)
        if a is None or b is None or a == b:
            continue
        check.fail(
            f"表三“二、上年结转政府信息公开申请数量”“{column.label}”列为 {a}，但上一年度报告“四、结转下年度继续办理”"
            f"为 {b}：两者是同一批申请，应当相等",
            f"Table 3, row 二、上年结转 [carried_over], column {column.label} [{column.key}]: {a}, but last year's "
            f"四、结转下年度继续办理 [carried_forward] is {b}: they are the same applications",
            at=now, expected=b, actual=a,
            fix_zh="请核对本年上年结转数与上年度报告的结转下年度数", fix_en="Check this year's carried-over figure "
            "against last year's carried-forward figure")


@rule(
    "DL602",
    name="in-force-continuity",
    severity="warning",
    summary_en="Table 2: 现行有效件数 differs from last year's 现行有效件数 + 本年制发件数 − 本年废止件数, per row.",
    tags={"across-years", "table2"},
    templates={"2021"},
    examples=Examples(
        valid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022, cells=_LAST_YEAR),
                   note="1 in force last year, 0 issued, 1 repealed: 0 in force"),
            sample("seed", cells={"active.normative_documents.issued": "3", "active.normative_documents.in_force": "7"},
                   previous=sample("seed", replace=YEAR_2022, cells={"active.normative_documents.in_force": "5"}),
                   note="5 + 3 − 1 = 7"),
            sample("seed", previous=sample("seed", replace=YEAR_2022, cells={"active.normative_documents.in_force": "/"}),
                   note="last year's figure missing: not 0"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, **TRIAL_TABLES}),
                   note="last year's table 二 on the trial format has no 现行有效件数"),
        ],
        invalid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022), expect=1,
                   note="0 in force last year, 1 repealed this year: −1 expected, 0 found"),
            sample("seed", cells={"active.regulations.issued": "1", "active.regulations.in_force": "1"},
                   previous=sample("seed", replace=YEAR_2022, cells={"active.regulations.in_force": "4",
                                                                     "active.normative_documents.in_force": "1"}),
                   expect=1, note="规章: 4 + 1 − 0 = 5 expected, 1 found"),
        ],
    ),
)
def in_force_continuity(report: Report, active: StandardTable, previous: Report, check: Check) -> None:
    """表二第二十条第（一）项的现行有效件数，不等于上年度现行有效件数加本年制发件数减本年废止件数（逐行）。

    现行有效件数是累计数：上年末有效的，加上本年制发的，减去本年废止的，应是本年末有效的件数。不相符
    多是口径变化（如清理后重新统计）或填写错误；修订、到期失效等也会造成差异，所以只作提示，请核实后
    在报告中说明。两年都须为2021年格式（试行格式没有“现行有效件数”栏）。

    Per row (规章, 行政规范性文件). Any of the four figures missing or not a count on either side:
    the row is left out.
    """
    last = previous.active
    if last is None or last.version is not TemplateVersion.V2021 or active.version is not TemplateVersion.V2021:
        return
    if not _fits(report, previous):
        return
    for row_key in ("regulations", "normative_documents"):
        row, last_row = active.rows.get(row_key), last.rows.get(row_key)
        if row is None or last_row is None:
            continue
        before = check.value(last_row.cells.get("in_force"))
        issued, repealed, in_force = (row.cells.get(c) for c in ("issued", "repealed", "in_force"))
        i, r, f = check.value(issued), check.value(repealed), check.value(in_force)
        if before is None or i is None or r is None or f is None:
            continue
        expected = before + i - r
        if f == expected:
            continue
        name = row_name("active", row_key)
        check.fail(
            f"表二第二十条第（一）项“{name}”：现行有效件数为 {f}，但上一年度现行有效件数 {before} + 本年制发件数 {i}"
            f" − 本年废止件数 {r} = {expected}",
            f"Table 2, item (1), row {name} [{row_key}]: 现行有效件数 is {f}, but last year's {before} + {i} "
            f"issued − {r} repealed = {expected}",
            at=in_force, expected=expected, actual=f, related=[issued, repealed],
            fix_zh="请核对现行有效件数；如因清理、修订等口径调整，请在报告中说明",
            fix_en="Check the figure; if it was recounted (a clean-up, amendments), say so in the report")


class SimilarityOptions(BaseModel):
    """Options of DL603."""

    model_config = {"extra": "forbid", "frozen": True}

    threshold: float = Field(default=0.9, gt=0, le=1,
                             description="Similarity (0–1) from which the texts count as nearly identical.")
    min_chars: int = Field(default=200, ge=0,
                           description="Shorter texts (after normalisation) are not compared.")


@rule(
    "DL603",
    name="copied-from-last-year",
    severity="warning",
    summary_en="The text is nearly identical to last year's report (the similarity is given).",
    tags={"across-years", "text"},
    options=SimilarityOptions,
    examples=Examples(
        valid=[
            sample("seed", previous=sample("seed", replace={**YEAR_2022, **REWRITTEN}),
                   note="last year's report in other words (45%)"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, **_ONE_REWRITTEN[1]}),
                   note="last year's innovation section was different (85%)"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, **_ONE_REWRITTEN[0]}),
                   options={"threshold": 0.95}, note="92% alike, with the threshold raised to 0.95"),
        ],
        invalid=[
            sample("seed", previous=sample("seed", replace=YEAR_2022), expect=1,
                   note="the same text with the year changed"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, "共制发行政规范性文件0件": "共制发行政规范性文件2件",
                                                            "政策解读51条": "政策解读38条"}),
                   expect=1, note="only the figures differ"),
            sample("seed", previous=sample("seed", replace={**YEAR_2022, **_ONE_REWRITTEN[0]}), expect=1,
                   note="one long paragraph rewritten, the rest copied (92%)"),
        ],
    ),
)
def copied_from_last_year(report: Report, previous: Report, options: SimilarityOptions, check: Check) -> None:
    """报告正文与上一年度报告几乎相同（给出相似度）。

    照搬上一年度报告、只改年份和数字，是评估中最常被指出的问题之一：年度报告应反映本年度的工作。
    比较范围为开头段落和六个部分的文字（不含表格），比较前去掉空白、统一全角半角，并把所有数字视为相同，
    因此只改了年份和数字的文字仍视为雷同。相似度为两份文字6字片段集合的Dice系数（与 difflib 的相似度同一定义），默认达到 0.9 即提示
    （选项 ``threshold``），并列出雷同程度达到该值的部分。

    Dice coefficient of the sets of character 6-grams of the normalised prose (digits folded), so a
    copy with the year and the figures updated still counts as a copy. Texts shorter than
    ``min_chars`` are not compared.
    """
    if not _fits(report, previous):
        return
    now, before = report_prose(report), report_prose(previous)
    if min(len(now), len(before)) < options.min_chars:
        return
    score = similarity(now, before)
    if score < options.threshold:
        return
    last_sections = section_prose(previous)
    alike = [key for key, text in section_prose(report).items()
             if key in last_sections and text and similarity(text, last_sections[key]) >= options.threshold]
    names = "、".join(f"“{section_title(k)}”" for k in alike)
    percent = f"{score:.0%}"
    check.fail(
        f"报告正文与上一年度（{previous.year or '上一年'}年度）报告的相似度为 {percent}，几乎相同"
        + (f"；雷同的部分：{names}" if names else ""),
        f"The text is {percent} similar to last year's report ({previous.year or 'last year'})"
        + (f"; nearly identical sections: {', '.join(alike)}" if alike else ""),
        at=report.title, expected=f"< {options.threshold:.0%}", actual=percent,
        fix_zh="请根据本年度的实际工作重新撰写，不要照搬上一年度报告", fix_en="Write about this year's work; do not "
        "reuse last year's text")


__all__ = ["carried_over_mismatch", "copied_from_last_year", "in_force_continuity", "previous_report_mismatch"]
