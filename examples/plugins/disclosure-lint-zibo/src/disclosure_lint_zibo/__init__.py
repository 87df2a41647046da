"""disclosure-lint-zibo: the rule pack of 淄博市 (Zibo, Shandong) for disclosure-lint.

淄博 asks every body to report, in 六、其他需要报告的事项, how it carried out the city's work plan
for the year (《2023年淄博市政务公开工作方案》落实情况). That rule needs a little Python; the
city's other requirements are YAML rules in ``rules/``, shipped inside this package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from disclosure_lint import Check, Examples, fixture, hookimpl, rule, sample
from disclosure_lint.model import Report, Text

__version__ = "0.1.0"


@dataclass(frozen=True)
class PlanItem:
    """An item of section 六 that reports on a year's 淄博市政务公开工作方案."""

    year: int  # the year in the plan's title
    paragraph: Text


_PLAN = re.compile(r"《\s*(\d{4})\s*年\s*淄博市政务公开工作方案\s*》")
_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")


@fixture(absent_zh="报告中没有“六、其他需要报告的事项”", absent_en="the report has no section 6 (other matters)")
def zibo_plan_items(report: Report) -> list[PlanItem] | None:
    """The items of section 六 whose heading reports on a 淄博市政务公开工作方案 (its 落实情况)."""
    section = report.section("other_matters")
    if section is None:
        return None  # absent: rules that request it are skipped, with the reason above
    items = []
    for paragraph in section.paragraphs:
        heading = paragraph.text.split("。", 1)[0]  # an item's heading runs to the first 。
        is_heading = _NUMBERED.match(heading) is not None or len(heading) <= 40
        plan = _PLAN.search(heading)
        if is_heading and plan and "落实" in heading:
            items.append(PlanItem(int(plan.group(1)), paragraph))
    return items


_ITEM_2023 = "（四）《2023年淄博市政务公开工作方案》落实情况。"


@rule("ZB001", name="work-plan-item", severity="warning",
      summary_en="Section 6 does not report how the year's Zibo work plan for open government was carried out.",
      tags={"zibo", "sections"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_ITEM_2023: "（四）落实《2023年淄博市政务公开工作方案》情况。"},
                     note="worded the other way round"),
              sample("seed", replace={"六、其他需要报告的事项\n": ""},
                     note="no section 六: skipped (DL101 reports the missing section)"),
          ],
          invalid=[
              sample("seed", replace={_ITEM_2023: "（四）其他工作情况。"}, expect=1,
                     note="the item is gone (naming the plan in section 一 does not count)"),
              sample("seed", replace={_ITEM_2023: "（四）《2022年淄博市政务公开工作方案》落实情况。"}, expect=1,
                     note="last year's plan, left over from last year's report"),
          ]))
def work_plan_item(zibo_plan_items: list[PlanItem], year: int, check: Check) -> None:
    """“六、其他需要报告的事项”须报告本年度《淄博市政务公开工作方案》落实情况。

    淄博市要求各单位在年度报告第六部分单列一项，报告本年度《淄博市政务公开工作方案》的落实情况，
    如“（四）《2023年淄博市政务公开工作方案》落实情况”。第一部分提到该方案不能代替这一项；
    引用往年的方案（如2023年度报告写《2022年淄博市政务公开工作方案》）多半是沿用了去年的报告。
    """
    if any(item.year == year for item in zibo_plan_items):
        return
    for item in zibo_plan_items:
        check.fail(f"“六、其他需要报告的事项”报告的是《{item.year}年淄博市政务公开工作方案》落实情况，"
                   f"本报告为{year}年度报告，应为《{year}年淄博市政务公开工作方案》",
                   f"section 6 reports on the {item.year} Zibo work plan, but this is the report for {year}",
                   at=item.paragraph, expected=year, actual=item.year)
    if not zibo_plan_items:
        check.fail(f"“六、其他需要报告的事项”未报告《{year}年淄博市政务公开工作方案》落实情况",
                   f"section 6 does not report how the {year} Zibo work plan for open government was carried out",
                   at="other_matters",
                   fix_zh=f"在第六部分增加一项“《{year}年淄博市政务公开工作方案》落实情况”",
                   fix_en=f"add an item on the {year} Zibo work plan to section 6")


@hookimpl
def disclosure_lint_rules() -> list[Any]:
    return [work_plan_item]


@hookimpl
def disclosure_lint_fixtures() -> list[Any]:
    return [zibo_plan_items]


@hookimpl
def disclosure_lint_rule_paths() -> list[Any]:
    """The folder of YAML rules inside this package (found wherever pip installed it)."""
    return [resources.files(__name__) / "rules"]


@hookimpl
def disclosure_lint_default_config() -> dict[str, Any]:
    """淄博 publishes phone numbers as 0533-2306909: a number written otherwise is a warning
    here, not advice. A user's own configuration still wins."""
    return {"severity": {"DL509": "warning"}}
