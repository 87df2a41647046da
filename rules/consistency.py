"""DL4xx — internal consistency: years, the statistical period, narrative versus tables (docs/rules/index.md).

The report year is the title's; the statistical period says which days the figures cover. Both must
name the same calendar year, or the figures are not the year's the title promises (DL401, DL402).
The prose must not report an earlier year as this one (DL403), and the report must be published by
the legal deadline (DL408). The narrative-versus-table rules are in ``narrative.py``.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field, field_validator

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Period, Report

from ._agency import BodyKind, agency_name, body_kind
from ._text import quote
from ._years import leftover_year

_PERIOD = "统计期限自2023年1月1日起，至2023年12月31日止"


def _span(period: Period) -> str:
    """The period as a message shows it: 2023年1月1日至2023年6月30日."""
    def day(d: date | None) -> str:
        return f"{d.year}年{d.month}月{d.day}日" if d is not None else "（未写明）"

    return f"{day(period.start)}至{day(period.end)}"


@rule(
    "DL401",
    name="title-period-year",
    severity="error",
    summary_en="The year in the title and the year of the statistical period differ.",
    tags={"consistency", "period"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={"服务局2023年政府": "服务局二〇二三年政府"}, note="the same year in Chinese numerals"),
            sample("seed", replace={"服务局2023年政府": "服务局政府"}, note="no year in the title: nothing to compare"),
            sample("seed", replace={_PERIOD: "统计期限为2023年1月1日至12月31日"},
                   note="the end date inherits the start date's year"),
        ],
        invalid=[
            sample("seed", replace={"服务局2023年政府": "服务局2022年政府"}, expect=1,
                   note="the title says 2022, the period 2023"),
            sample("seed", replace={_PERIOD: "统计期限自2022年1月1日起，至2022年12月31日止"}, expect=1,
                   note="last year's period left in"),
        ],
    ),
)
def title_period_year(report: Report, period: Period, check: Check) -> None:
    """标题中的年份与统计期限的年份不一致。

    标题年份是报告年度，统计期限说明表中数据所属的时段，二者应是同一自然年度。不一致通常是沿用上一年
    报告时只改了其中一处：要么标题年份错了，要么数据和统计期限仍是上一年的，须核实后改正。

    Needs both a title year and a dated period. A period that spans two years (reported by DL402)
    is consistent with either of them.
    """
    title_year = report.title_year
    if title_year is None or (period.start is None and period.end is None):
        return
    years = {d.year for d in (period.start, period.end) if d is not None}
    if title_year in years:
        return
    shown = "、".join(f"{y}年" for y in sorted(years))
    check.fail(f"标题中的年份（{title_year}年）与统计期限的年份（{shown}）不一致：统计期限为{_span(period)}",
               f"The title's year ({title_year}) differs from the statistical period's ({', '.join(map(str, sorted(years)))}): "
               f"the period is {_span(period)}",
               at=period if report.period is not None else None, related=[report.title] if report.title else (),
               expected=f"{title_year}年", actual=shown,
               fix_zh="请核实报告年度，统一标题年份与统计期限（并核对表中数据是否为本年度数据）",
               fix_en="Check which year the report is for and make the title and the period agree (and check "
                      "that the figures are that year's)")


@rule(
    "DL402",
    name="statistical-period",
    severity="warning",
    summary_en="No statistical-period statement, or one that is not the full calendar year.",
    tags={"consistency", "period"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={_PERIOD: "统计期限为2023年1月1日至12月31日"}, note="short form"),
            sample("seed", replace={_PERIOD: "统计期限为2023年度"}, note="the whole year named as such"),
        ],
        invalid=[
            sample("seed", replace={_PERIOD: "统计期限自2023年1月1日起，至2023年6月30日止"}, expect=1,
                   note="half a year"),
            sample("seed", replace={"本年度报告中所列数据的" + _PERIOD + "。": ""}, expect=1,
                   note="no period statement"),
            sample("seed", replace={_PERIOD: "统计期限自2022年12月1日起，至2023年11月30日止"}, expect=1,
                   note="twelve months, but not the calendar year"),
        ],
    ),
)
def statistical_period(report: Report, period: Period, check: Check) -> None:
    """没有统计期限说明，或统计期限不是完整的自然年度。

    年度报告的数据应覆盖报告年度的1月1日至12月31日，并在开头写明（如“本年度报告中所列数据的统计期限
    自2023年1月1日起，至2023年12月31日止”）。不写统计期限，读者无法判断数据的口径；期限不是完整的
    自然年度，数据就不能与其他机关、其他年度的报告比较，结转数也无法衔接。

    A period statement must exist and run from 1 January to 31 December of one year.
    """
    if period.start is None and period.end is None and not period.text.strip():
        check.fail("未找到统计期限说明（如“本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止”）",
                   "No statistical-period statement was found (e.g. “本年度报告中所列数据的统计期限自2023年1月1日起，"
                   "至2023年12月31日止”)",
                   at="period", fix_zh="请在报告开头写明统计期限", fix_en="State the statistical period at the start of the report")
        return
    if period.is_calendar_year:
        return
    year = report.year
    expected = f"{year}年1月1日至{year}年12月31日" if year else "某一年的1月1日至12月31日"
    if period.start is None or period.end is None:
        zh = f"统计期限说明中的日期无法识别：“{period.text.strip()}”"
        en = f"The dates of the statistical period cannot be read: “{period.text.strip()}”"
    else:
        zh = f"统计期限为{_span(period)}，不是完整的自然年度（应为{expected}）"
        en = f"The statistical period runs from {period.start} to {period.end}, not a full calendar year"
    check.fail(zh, en, at=period if report.period is not None else None,
               expected=expected, actual=period.text.strip() or _span(period),
               fix_zh=f"统计期限应为{expected}", fix_en="The period must be 1 January to 31 December of the report year")


# ---- DL403 ---------------------------------------------------------------------------------------
_OVERVIEW_OPENING = "2023年，淄博市行政审批服务局坚持以习近平"
_REQUESTS_SENTENCE = "2023年，共办理自然人提交的政府信息公开申请7件"


@rule(
    "DL403",
    name="earlier-year-left-over",
    severity="warning",
    summary_en="Text apparently left over from an earlier report: a paragraph reports an earlier year's work as "
               "this year's.",
    tags={"consistency", "years", "text"},
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={_OVERVIEW_OPENING: "2022年以来，淄博市行政审批服务局坚持以习近平"},
                   note="“2022年以来” is a span up to this year"),
            sample("seed", replace={_OVERVIEW_OPENING: "与2022年相比，淄博市行政审批服务局坚持以习近平"},
                   note="a comparison with an earlier year"),
            sample("seed", replace={_REQUESTS_SENTENCE: "2023年，共办理自然人提交的政府信息公开申请7件，比2022年增加5件"},
                   note="“比2022年增加5件”"),
            sample("seed", replace={"（一）依申请公开信息处理费收费情况。2023年，": "（一）依申请公开信息处理费收费情况。"
                                    "2022年，我单位未收取信息处理费，与上年基本持平。2023年，"},
                   note="an earlier year inside a paragraph, not opening it"),
            sample("seed", replace={_OVERVIEW_OPENING: "2022年，我局收到申请5件，2023年增至7件。淄博市行政审批服务局坚持以习近平"},
                   note="a paragraph opening with last year set beside this year"),
            sample("seed", replace={_OVERVIEW_OPENING: "2021—2023年，淄博市行政审批服务局坚持以习近平"},
                   note="a span of years"),
            sample("seed", replace={"（四）《2023年淄博市政务公开工作方案》落实情况。": "（四）《2022年淄博市政务公开工作方案》落实情况。"},
                   note="an earlier year in the title of a document"),
            sample("seed", replace={_OVERVIEW_OPENING: "2024年，淄博市行政审批服务局将坚持以习近平"},
                   note="a later year: plans, not a left-over"),
        ],
        invalid=[
            sample("seed", replace={_OVERVIEW_OPENING: "2022年，淄博市行政审批服务局坚持以习近平"}, expect=1,
                   note="section 一 opens with last year"),
            sample("seed", replace={"（一）依申请公开信息处理费收费情况。2023年，": "（一）依申请公开信息处理费收费情况。"
                                    "本年度（2022年），"}, expect=1, note="“本年度（2022年）”"),
            sample("seed", replace={_OVERVIEW_OPENING: "二〇二二年，淄博市行政审批服务局坚持以习近平",
                                    "2023年，淄博市行政审批服务局持续做好": "2022年，淄博市行政审批服务局持续做好"},
                   expect=2, note="two paragraphs, one in Chinese numerals: one finding each"),
        ],
    ),
)
def earlier_year_left_over(report: Report, check: Check) -> None:
    """正文疑似沿用往年报告：某段把往年的工作当作本年度的工作来叙述。

    年度报告常在上一年报告的基础上修改，未改尽的段落会留下往年的年份，如2023年度报告中以“2022年，
    我局……”开头的段落，或“本年度（2022年）”。这样的段落要么内容是往年的，要么年份写错了，读者都会
    误解。与往年比较（“比2022年增加5件”“较2022年”“与上年基本持平”）、时间跨度（“2022年以来”
    “自2021年起”“2021—2023年”）、文件标题中的年份（“《2022年……方案》”）都是正常写法，不会提示。

    Only a paragraph (or numbered sub-paragraph) that opens with an earlier year followed by a comma
    or a subject (“2022年，…”, “二〇二二年我局…”), whose first sentence neither compares nor names the
    report year or a later one, and “本年度（2022年）”, count; one finding per paragraph. The report
    year is the title's, else the period's.
    """
    year = report.year
    if year is None:
        return
    for para in [*report.intro, *(p for s in report.sections for p in s.paragraphs)]:
        found = leftover_year(para.text, year)
        if found is None:
            continue
        check.fail(
            f"本段以“{found.quote}”叙述工作，疑似沿用了{found.year}年度报告的内容：本报告为{year}年度报告"
            f"（“{quote(para.text)}”）",
            f"This paragraph reports work under “{found.quote}”, apparently left over from the {found.year} report: "
            f"this report is for {year} (“{quote(para.text)}”)",
            at=para, expected=f"{year}年", actual=f"{found.year}年",
            fix_zh=f"请核实本段内容是否为{year}年度的情况，并改正年份", fix_en=f"Check that the paragraph describes {year} and correct the year")


# ---- DL408 ---------------------------------------------------------------------------------------
_MONTH_DAY = re.compile(r"^(?P<month>\d{2})-(?P<day>\d{2})$")


class DeadlineOptions(BaseModel):
    """Options of DL408."""

    model_config = {"extra": "forbid", "frozen": True}

    township_deadline: str | None = Field(
        default=None,
        description="Deadline for township and street reports, as MM-DD of the following year (set by local "
                    "notices); none by default: the rule does not apply to them.")

    @field_validator("township_deadline")
    @classmethod
    def _month_day(cls, value: str | None) -> str | None:
        if value is None:
            return None
        m = _MONTH_DAY.match(value)
        try:
            if m is None:
                raise ValueError
            date(2024, int(m.group("month")), int(m.group("day")))  # a leap year: 02-29 is a day
        except ValueError:
            raise ValueError(f"{value!r} is not a day of the year written MM-DD (e.g. 03-31)") from None
        return value


_ART49_ZH = "（《政府信息公开条例》第四十九条）"
_ART49_EN = " (Article 49 of the Regulations)"


def _deadline_of(kind: BodyKind, year: int, options: DeadlineOptions) -> tuple[date, str, str] | None:
    """The deadline for a report for ``year`` by a body of ``kind``, with where it comes from."""
    if kind is BodyKind.DEPARTMENT:
        return (date(year + 1, 1, 31), "县级以上人民政府部门应于每年1月31日前公布本部门上一年度的年度报告" + _ART49_ZH,
                "departments of governments at county level and above publish by 31 January" + _ART49_EN)
    if kind in (BodyKind.GOVERNMENT, BodyKind.GOVERNMENT_OFFICE):
        return (date(year + 1, 3, 31), "县级以上地方人民政府的年度报告应于每年3月31日前公布" + _ART49_ZH,
                "the report of a government at county level and above is published by 31 March" + _ART49_EN)
    if kind is BodyKind.TOWNSHIP and options.township_deadline:
        month, day = (int(x) for x in options.township_deadline.split("-"))
        try:
            when = date(year + 1, month, day)
        except ValueError:  # 02-29 in a year that has none
            when = date(year + 1, month, day - 1)
        return (when, f"乡镇、街道的年度报告应于次年{month}月{day}日前公布（配置项 township_deadline）",
                f"the configuration sets {options.township_deadline} for township and street reports")
    return None


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@rule(
    "DL408",
    name="published-late",
    severity="warning",
    summary_en="Published after the legal deadline (31 January of Y+1 for departments, 31 March for governments).",
    tags={"consistency", "deadline"},
    options=DeadlineOptions,
    examples=Examples(
        valid=[
            sample("seed", published_on=date(2024, 1, 31), note="a city department, published on 31 January, the last day"),
            sample("seed", published_on=date(2024, 1, 18), note="a city department, published 18 January"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市人民政府2023年"}, published_on=date(2024, 3, 31),
                   note="a city government: 31 March"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市人民政府办公室2023年"}, published_on=date(2024, 3, 20),
                   note="the government's office may be publishing the government's report: the later deadline"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市张店区马尚街道办事处2023年"},
                   published_on=date(2024, 6, 1), note="a street office: only local deadlines, none configured"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博高新技术产业开发区管理委员会2023年"},
                   published_on=date(2024, 5, 6), note="a development zone: its level cannot be told"),
        ],
        invalid=[
            sample("seed", published_on=date(2024, 2, 15), expect=1, note="a city department after 31 January"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "沂源县人民政府2023年"}, published_on=date(2024, 4, 1),
                   expect=1, note="a county government after 31 March"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "中华人民共和国水利部2023年"},
                   published_on=date(2024, 2, 1), expect=1, note="a ministry after 31 January"),
            sample("seed", replace={"淄博市行政审批服务局2023年": "淄博市张店区马尚街道办事处2023年"},
                   published_on=date(2024, 4, 10), options={"township_deadline": "03-31"}, expect=1,
                   note="a street office, with a township deadline configured"),
        ],
    ),
)
def published_late(report: Report, published_on: date, options: DeadlineOptions, check: Check) -> None:
    """年度报告的发布日期晚于法定期限。

    《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前向本级政府信息公开工作主管部门
    提交并向社会公布本部门上一年度的年度报告；县级以上地方人民政府的政府信息公开工作主管部门应于每年
    3月31日前向社会公布本级政府上一年度的年度报告。乡镇、街道的期限由各地规定，默认不检查，可用选项
    ``township_deadline``（如“03-31”）设定。机关的层级和类别从标题中的机关名称判断；名称为“××人民政府
    办公室（办公厅）”的，既可能是其作为部门的报告，也可能是代政府发布的本级政府报告，按较晚的3月31日
    判断；无法判断层级的（如开发区管委会）不提示。

    The publication date is ``--published-on``, else the date the page itself states (an HTML
    report's 发布日期); without either the rule is skipped. The report year is the title's, else the
    period's.
    """
    year = report.year
    if year is None:
        return
    name = agency_name(report)
    deadline = _deadline_of(body_kind(name), year, options)
    if deadline is None:
        return
    due, basis_zh, basis_en = deadline
    if published_on <= due:
        return
    late = (published_on - due).days
    check.fail(
        f"本报告于{_day(published_on)}发布，晚于期限{_day(due)}（逾期{late}天）：{basis_zh}",
        f"Published on {published_on.isoformat()}, {late} day(s) after the deadline of {due.isoformat()}: {basis_en}",
        at=report.title, expected=f"不晚于{_day(due)}", actual=_day(published_on),
        fix_zh="请按期发布年度报告；如发布日期有误，请核对 --published-on 或网页上的发布日期",
        fix_en="Publish on time; if the date is wrong, check --published-on or the date on the page")
