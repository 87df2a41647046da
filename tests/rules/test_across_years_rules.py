"""DL601–DL604 on reports built from the seed, and the similarity measure behind DL603."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from disclosure_lint import load_report
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import Report, Severity, Text
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import with_cell
from disclosure_lint_rules._similarity import dice, normalise, report_prose, shingles, similarity

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"
CROSS_YEAR = ["DL601", "DL602", "DL603", "DL604"]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False).linter()


@pytest.fixture(scope="module")
def seed() -> Report:
    return load_report(SEED)


def lint(linter: Linter, report: Report, previous: Report | None, *rule_ids: str) -> list[Finding]:
    result = linter.lint_report(report, previous=previous, only=list(rule_ids))
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def as_year(report: Report, year: int, agency: str | None = None) -> Report:
    agency = agency or report.agency
    title = Text(text=f"{agency}{year}年政府信息公开工作年度报告", location=report.title.location)  # type: ignore[union-attr]
    return report.model_copy(update={"title_year": year, "agency": agency, "title": title})


def cells(report: Report, **values: str) -> Report:
    for key, raw in values.items():
        report = with_cell(report, key.replace("__", "."), raw)
    return report


def rewritten(report: Report) -> Report:
    """The report with different prose (so DL603 stays quiet)."""
    sections = [s.model_copy(update={"paragraphs": [Text(text=f"第{i}段：本年度另写的一段文字，内容与往年不同{s.key}。")
                                                      for i in range(3)]}) for s in report.sections]
    return report.model_copy(update={"sections": sections, "intro": []})


def last_year_of(seed: Report) -> Report:
    """A 2022 report that fits the seed: other words, 1 normative document in force."""
    return cells(rewritten(as_year(seed, 2022)), active__normative_documents__in_force="1")


def test_a_fitting_pair_gives_nothing(linter: Linter, seed: Report) -> None:
    assert lint(linter, seed, last_year_of(seed), *CROSS_YEAR) == []


def test_without_a_previous_report_every_cross_year_rule_is_skipped(linter: Linter, seed: Report) -> None:
    result = linter.lint_report(seed, only=CROSS_YEAR)
    assert not result.findings
    assert sorted(s.rule_id for s in result.skipped) == CROSS_YEAR
    assert all("--previous" in s.reason.zh for s in result.skipped)


# ---- DL604 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("year", "agency", "reasons"), [
    (2022, None, 0),
    (2022, "山东省淄博市行政审批服务局", 0),
    (2022, "淄博市行政审批服务局（淄博市政务服务中心）", 0),
    (2023, None, 1),
    (2021, None, 1),
    (2024, None, 1),
    (2022, "淄博市教育局", 1),
    (2021, "淄博市教育局", 2),
])
def test_dl604(linter: Linter, seed: Report, year: int, agency: str | None, reasons: int) -> None:
    found = lint(linter, seed, as_year(last_year_of(seed), year, agency), "DL604")
    assert len(found) == (1 if reasons else 0)
    if found:
        assert found[0].severity is Severity.ERROR
        assert found[0].message.zh.count("它是") == reasons


def test_dl604_says_nothing_when_names_or_years_cannot_be_read(linter: Linter, seed: Report) -> None:
    unnamed = last_year_of(seed).model_copy(update={"agency": None, "title": None})
    undated = last_year_of(seed).model_copy(update={"title_year": None, "period": None})
    assert lint(linter, seed, unnamed, "DL604") == []
    assert lint(linter, seed, undated, "DL604") == []


def test_when_dl604_fires_the_pair_is_not_compared(linter: Linter, seed: Report) -> None:
    # This year's own report given as last year's, with a carried-forward figure and in-force count
    # that would break DL601 and DL602, and the same text (DL603).
    wrong = cells(seed, requests__carried_forward__natural_person="5", requests__carried_forward__total="5")
    assert [f.rule_id for f in lint(linter, seed, wrong, *CROSS_YEAR)] == ["DL604"]
    # … also when DL604 itself is not selected: DL601–DL603 never compare a pair that does not fit.
    assert lint(linter, seed, wrong, "DL601", "DL602", "DL603") == []


# ---- DL601 ---------------------------------------------------------------------------------------
def test_dl601_per_column(linter: Linter, seed: Report) -> None:
    last = cells(last_year_of(seed), requests__carried_forward__natural_person="2",
                 requests__carried_forward__legal_services="1", requests__carried_forward__total="3")
    found = lint(linter, seed, last, "DL601")
    assert [f.place.key for f in found] == ["requests.carried_over.natural_person",
                                           "requests.carried_over.legal_services", "requests.carried_over.total"]
    assert [(f.expected, f.actual) for f in found] == [("2", "0"), ("1", "0"), ("3", "0")]


@pytest.mark.parametrize("raw", ["/", "", "无", "三件"])
def test_dl601_a_missing_value_is_missing_never_0(linter: Linter, seed: Report, raw: str) -> None:
    last = cells(last_year_of(seed), requests__carried_forward__natural_person=raw)
    assert lint(linter, seed, last, "DL601") == []
    this = cells(seed, requests__carried_over__natural_person=raw)
    assert lint(linter, this, cells(last_year_of(seed), requests__carried_forward__natural_person="4"), "DL601") == []


def test_dl601_needs_both_tables(linter: Linter, seed: Report) -> None:
    assert lint(linter, seed, last_year_of(seed).model_copy(update={"requests": None}), "DL601") == []
    result = linter.lint_report(seed.model_copy(update={"requests": None}), previous=last_year_of(seed), only=["DL601"])
    assert [s.rule_id for s in result.skipped] == ["DL601"]


# ---- DL602 ---------------------------------------------------------------------------------------
def test_dl602_per_row(linter: Linter, seed: Report) -> None:
    this = cells(seed, active__regulations__issued="2", active__regulations__in_force="6",
                 active__normative_documents__issued="4", active__normative_documents__in_force="9")
    last = cells(last_year_of(seed), active__regulations__in_force="4", active__normative_documents__in_force="6")
    # 规章 4 + 2 − 0 = 6 ✓; 行政规范性文件 6 + 4 − 1 = 9 ✓
    assert lint(linter, this, last, "DL602") == []
    last = cells(last, active__regulations__in_force="3")
    (finding,) = lint(linter, this, last, "DL602")
    assert finding.place.key == "active.regulations.in_force"
    assert (finding.expected, finding.actual) == ("5", "6")
    assert finding.severity is Severity.WARNING


def test_dl602_missing_figures_and_trial_tables(linter: Linter, seed: Report) -> None:
    last = cells(last_year_of(seed), active__normative_documents__in_force="—")
    assert lint(linter, seed, last, "DL602") == []
    this = cells(seed, active__normative_documents__repealed="")
    assert lint(linter, this, as_year(seed, 2022), "DL602") == []
    from disclosure_lint.model import TemplateVersion

    trial = last_year_of(seed)
    trial = trial.model_copy(update={"active": trial.active.model_copy(update={"version": TemplateVersion.V2019})})  # type: ignore[union-attr]
    assert lint(linter, seed, trial, "DL602") == []


# ---- DL603 ---------------------------------------------------------------------------------------
def test_dl603_a_copy_with_the_year_and_figures_changed(linter: Linter, seed: Report) -> None:
    copy = as_year(seed, 2022)
    paragraphs = [Text(text=p.text.replace("2023", "2022").replace("7件", "5件")) for p in seed.sections[0].paragraphs]
    copy = copy.model_copy(update={"sections": [seed.sections[0].model_copy(update={"paragraphs": paragraphs}),
                                                *seed.sections[1:]]})
    (finding,) = lint(linter, seed, copy, "DL603")
    assert finding.actual == "100%"
    assert "一、总体情况" in finding.message.zh


def test_dl603_different_text_and_short_text(linter: Linter, seed: Report) -> None:
    assert lint(linter, seed, last_year_of(seed), "DL603") == []
    short = seed.model_copy(update={"intro": [], "sections": [
        s.model_copy(update={"paragraphs": [Text(text="本年度工作情况良好。")]}) for s in seed.sections]})
    assert len(report_prose(short)) < 200
    assert lint(linter, short, as_year(short, 2022), "DL603") == []  # identical, but too short to judge


def test_similarity_measure() -> None:
    assert normalise("2023年 共收到 １２件") == normalise("2022年共收到7件")
    assert similarity("", "") == 0.0
    assert dice(shingles("政府信息公开工作"), shingles("政府信息公开工作")) == 1.0
    a = "一二三四五六七八九十" * 3
    assert 0 < similarity(a, a + "甲乙丙丁戊己庚辛壬癸") < 1


def test_similarity_is_fast_on_long_reports(seed: Report) -> None:
    long = report_prose(seed) * 10  # ≈ 40,000 characters
    other = long.replace("政务公开", "信息公开")
    start = time.perf_counter()
    similarity(long, other)
    assert time.perf_counter() - start < 0.5
