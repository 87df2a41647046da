"""The fixtures every rule can request by name.

``report``, ``sections``, ``contact``, ``period`` are always there, possibly empty (DL101, DL402,
DL501 exist to report what is missing). ``active``, ``requests``, ``litigation``, ``previous`` and
``published_on`` can be absent: a rule that requests them is then skipped, with the reason.
``options`` and ``check`` are made per rule call by the engine.
"""

from __future__ import annotations

from datetime import date

from ..model import Contact, Period, Report, Section, StandardTable
from .rule import fixture

PER_RULE = ("options", "check")


@fixture()
def sections(report: Report) -> dict[str, Section]:
    """The recognised sections by key (overview, active, requests, litigation, problems, other_matters)."""
    out: dict[str, Section] = {}
    for section in report.sections:
        out.setdefault(section.key, section)
    return out


@fixture(absent_zh="未找到表二（主动公开政府信息情况）", absent_en="table 2 (active disclosure) was not found")
def active(report: Report) -> StandardTable | None:
    return report.active


@fixture(absent_zh="未找到表三（收到和处理政府信息公开申请情况）",
         absent_en="table 3 (requests received and handled) was not found")
def requests(report: Report) -> StandardTable | None:
    return report.requests


@fixture(absent_zh="未找到表四（行政复议、行政诉讼情况）",
         absent_en="table 4 (administrative review and litigation) was not found")
def litigation(report: Report) -> StandardTable | None:
    return report.litigation


@fixture()
def contact(report: Report) -> Contact:
    return report.contact


@fixture()
def period(report: Report) -> Period:
    return report.period or Period()


@fixture()
def year(report: Report) -> int | None:
    """The report year (the title's, else the period's); None when it cannot be determined."""
    return report.year


def run_inputs(report: Report, previous: Report | None, published_on: date | None) -> dict[str, object]:
    return {"report": report, "previous": previous, "published_on": published_on}


ABSENT_INPUTS = {
    "previous": ("未提供上一年度的报告（--previous）", "no previous year's report was given (--previous)"),
    "published_on": ("未提供发布日期（--published-on）", "no publication date was given (--published-on)"),
}
