"""DL401 and DL402 on reports built directly, and on the seed read from disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disclosure_lint.builder.loading import Loader
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import Location, Period, Report, Severity, Text
from disclosure_lint.plugins.manager import Plugins

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False).linter()


def lint(linter: Linter, report: Report, *rule_ids: str) -> list[Finding]:
    result = linter.lint_report(report, only=list(rule_ids))
    assert not result.errors, result.errors[0].traceback
    assert not result.skipped  # the period fixture is always there, possibly empty
    return list(result.findings)


def period(start: date | None, end: date | None, text: str = "统计期限……") -> Period:
    return Period(start=start, end=end, text=text, location=Location(line=3))


def report(title_year: int | None, p: Period | None) -> Report:
    return Report(title=Text(text=f"某局{title_year or ''}年政府信息公开工作年度报告", location=Location(line=1)),
                  title_year=title_year, period=p, intro=[Text(text="开头段落。", location=Location(line=2))])


YEAR_2023 = period(date(2023, 1, 1), date(2023, 12, 31))


# ---- DL401 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title_year", "p", "expected"), [
    (2023, YEAR_2023, 0),
    (2022, YEAR_2023, 1),
    (2024, period(date(2023, 1, 1), date(2023, 6, 30)), 1),
    (None, YEAR_2023, 0),  # no title year: nothing to compare (DL110 notes the title)
    (2023, None, 0),  # no period: DL402's finding
    (2023, period(None, None, "统计期限为2023年2月30日至12月31日"), 0),  # unreadable dates: DL402's
    (2023, period(date(2022, 12, 1), date(2023, 11, 30)), 0),  # spans the title year: DL402's
    (2021, period(date(2022, 12, 1), date(2023, 11, 30)), 1),
])
def test_dl401_title_year_against_period_year(linter: Linter, title_year: int | None, p: Period | None,
                                              expected: int) -> None:
    assert len(lint(linter, report(title_year, p), "DL401")) == expected


def test_dl401_finding_names_both_years_at_the_period(linter: Linter) -> None:
    (finding,) = lint(linter, report(2022, YEAR_2023), "DL401")
    assert finding.severity is Severity.ERROR
    assert "2022年" in finding.message.zh and "2023年" in finding.message.zh
    assert finding.expected == "2022年" and finding.actual == "2023年"
    assert finding.place.logical == "period"
    assert [r.logical for r in finding.related] == ["title"]


# ---- DL402 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("p", "expected", "says"), [
    (YEAR_2023, 0, ""),
    (period(date(2020, 1, 1), date(2020, 12, 31)), 0, ""),  # another year is DL401's business
    (None, 1, "未找到统计期限"),
    (Period(), 1, "未找到统计期限"),
    (period(date(2023, 1, 1), date(2023, 6, 30)), 1, "不是完整的自然年度"),
    (period(date(2023, 1, 2), date(2023, 12, 31)), 1, "不是完整的自然年度"),
    (period(date(2022, 12, 1), date(2023, 11, 30)), 1, "不是完整的自然年度"),
    (period(date(2023, 1, 1), None, "统计期限自2023年1月1日起，至2023年2月30日止"), 1, "无法识别"),
])
def test_dl402_statistical_period(linter: Linter, p: Period | None, expected: int, says: str) -> None:
    found = lint(linter, report(2023, p), "DL402")
    assert len(found) == expected
    if found:
        assert found[0].severity is Severity.WARNING
        assert says in found[0].message.zh


def test_dl402_missing_period_points_at_the_opening(linter: Linter) -> None:
    (finding,) = lint(linter, report(2023, None), "DL402")
    assert finding.place.location.line == 2


def test_dl402_expected_period_uses_the_report_year(linter: Linter) -> None:
    (finding,) = lint(linter, report(2023, period(date(2023, 1, 1), date(2023, 6, 30))), "DL402")
    assert finding.expected == "2023年1月1日至2023年12月31日"
    assert finding.place.logical == "period"


# ---- the seed ----------------------------------------------------------------------------------------
def test_seed_gives_no_period_findings(linter: Linter) -> None:
    seed = Loader(linter.ruleset.origin.readers()).load(SEED)
    assert lint(linter, seed, "DL401", "DL402") == []
