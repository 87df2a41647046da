"""DL4xx — internal consistency: years, the statistical period, narrative versus tables (RULES.md).

The report year is the title's; the statistical period says which days the figures cover. Both must
name the same calendar year, or the figures are not the year's the title promises.
"""

from __future__ import annotations

from datetime import date

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Period, Report

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
                   at=report.intro[0] if report.intro else report.title,
                   fix_zh="请在报告开头写明统计期限", fix_en="State the statistical period at the start of the report")
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
