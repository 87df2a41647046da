"""A small plugin used by the engine tests: its own prefix, fixture, rules of every shape."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from disclosure_lint import Check, Violation, fixture, hookimpl, parametrize, rule
from disclosure_lint.model import Report, StandardTable

CALLS: dict[str, int] = {}


class LimitOptions(BaseModel):
    model_config = {"extra": "forbid", "frozen": True}
    limit: int = 3


@fixture(absent_zh="没有标题", absent_en="no title")
def title_text(report: Report) -> str | None:
    CALLS["title_text"] = CALLS.get("title_text", 0) + 1
    return report.title.text if report.title else None


@rule("TST001", name="title-mentions-year", severity="warning", summary_en="Title names a year.", tags={"demo"})
def title_mentions_year(title_text: str, check: Check) -> None:
    """标题须写明年份。"""
    if not any(ch.isdigit() for ch in title_text):
        check.fail("标题未写明年份", "the title names no year", at="title")


@rule("TST002", name="every-section", severity="info", summary_en="Reports each section (soft assertions).")
def every_section(report: Report, check: Check) -> None:
    """对每一部分各报告一次，用于检验软断言。"""
    for section in report.sections:
        check.fail(f"部分 {section.number}", f"section {section.key}", at=section)


@rule("TST003", name="needs-requests", severity="error", summary_en="Needs table 3.")
def needs_requests(requests: StandardTable, check: Check) -> None:
    """需要表三。"""
    check.fail("有表三", "has table 3", at=requests)


@rule("TST004", name="raises", severity="error", summary_en="Always raises.")
def raises(report: Report) -> None:
    """总是抛出异常。"""
    raise RuntimeError("boom")


@rule("TST005", name="parametrised", severity="warning", summary_en="One call per group.", tags={"demo"})
@parametrize("group", ["a", "b", "c"])
def parametrised(group: str, check: Check) -> None:
    """每组调用一次。"""
    check.fail(f"组 {group}", f"group {group}", at=None)


@rule("TST006", name="generator", severity="warning", summary_en="Yields violations.", options=LimitOptions,
      supersedes={"TST005": "report"})
def generator(options: LimitOptions) -> Iterator[Violation]:
    """以 yield 报告。"""
    for i in range(options.limit):
        yield Violation(zh=f"第{i}个", en=f"number {i}")


@hookimpl
def disclosure_lint_rules() -> list[object]:
    return [title_mentions_year, every_section, needs_requests, raises, parametrised, generator]


@hookimpl
def disclosure_lint_fixtures() -> list[object]:
    return [title_text]
