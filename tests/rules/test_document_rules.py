"""DL001, DL002, DL004, DL011 on reports built directly, and on the seed read from disk.

The rules' own examples (run by tests/test_rule_examples.py) go through the reader and builder;
these tests pin the rules' logic on hand-made reports, so a builder change cannot hide a rule bug.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disclosure_lint.builder.loading import Loader
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import (
    Cell,
    CellKind,
    LabelUse,
    Location,
    Period,
    Report,
    Row,
    Section,
    Severity,
    Signature,
    StandardTable,
    TemplateInfo,
    TemplateVersion,
    Text,
)
from disclosure_lint.model.template import SECTIONS
from disclosure_lint.plugins.manager import Plugins

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"
TITLE = "某某市某某局2023年政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False).linter()


def lint(linter: Linter, report: Report, *rule_ids: str) -> list[Finding]:
    result = linter.lint_report(report, only=list(rule_ids))
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def six_sections() -> list[Section]:
    return [Section(key=s.key, number=s.number, heading=s.heading, paragraphs=[Text(text="本年度工作情况。")])
            for s in SECTIONS]


def report(**fields: object) -> Report:
    base: dict[str, object] = {
        "title": Text(text=TITLE, location=Location(line=1)), "title_year": 2023,
        "period": Period(start=date(2023, 1, 1), end=date(2023, 12, 31), text="统计期限自2023年1月1日起，至2023年12月31日止"),
        "sections": six_sections(),
    }
    base.update(fields)
    return Report(**base)  # type: ignore[arg-type]


def litigation_table(raw: str = "0") -> StandardTable:
    cell = Cell(key="litigation.review.total", raw=raw, kind=CellKind.ZERO, value=0, location=Location(line=30))
    row = Row(key="review", label="行政复议", cells={"total": cell})
    return StandardTable(key="litigation", rows={"review": row})


# ---- DL001 ---------------------------------------------------------------------------------------
def test_dl001_empty_report_is_one_finding_saying_empty(linter: Linter) -> None:
    found = lint(linter, Report(), "DL001")
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR
    assert "空文件" in found[0].message.zh


def test_dl001_prose_without_sections_or_tables(linter: Linter) -> None:
    found = lint(linter, Report(intro=[Text(text="关于举办职工运动会的通知。")]), "DL001")
    assert len(found) == 1
    assert "未能识别" in found[0].message.zh and "表三" in found[0].message.zh


@pytest.mark.parametrize("fields", [
    {"sections": [Section(key="requests", number="三", heading="收到和处理政府信息公开申请情况")]},
    {"litigation": litigation_table()},
])
def test_dl001_one_section_or_one_table_is_enough(linter: Linter, fields: dict[str, object]) -> None:
    assert lint(linter, Report(**fields), "DL001") == []  # type: ignore[arg-type]


def test_dl001_replaces_the_content_rules_findings_on_a_non_report(linter: Linter) -> None:
    non_report = Report(intro=[Text(text="会议纪要：本次会议研究了三项议题。")])
    found = lint(linter, non_report, "DL001", "DL004", "DL101", "DL102", "DL110", "DL402")
    assert [f.rule_id for f in found] == ["DL001"]


def test_dl001_does_not_drop_content_findings_on_a_real_report(linter: Linter) -> None:
    partial = report(sections=six_sections()[:4])
    found = lint(linter, partial, "DL001", "DL101")
    assert sorted(f.rule_id for f in found) == ["DL101", "DL101"]


# ---- DL002 ---------------------------------------------------------------------------------------
def _signatures(*texts: str, version: TemplateVersion = TemplateVersion.V2019) -> TemplateInfo:
    return TemplateInfo(version=TemplateVersion.V2021,
                        signatures=[Signature(text=t, template=version, location=Location(line=20 + i))
                                    for i, t in enumerate(texts)])


def test_dl002_names_every_trial_signature_in_one_finding(linter: Linter) -> None:
    r = report(template=_signatures("本年新制作数量", "上一年项目数量", "本年新制作数量"))
    found = lint(linter, r, "DL002")
    assert len(found) == 1
    assert found[0].severity is Severity.ERROR
    message = found[0].message.zh
    assert "“本年新制作数量”" in message and "“上一年项目数量”" in message
    assert message.count("本年新制作数量") == 1  # the same signature twice is named once
    assert "2023" in message


@pytest.mark.parametrize(("title_year", "period", "template"), [
    (2020, None, _signatures("本年新制作数量")),  # right for a 2020 report
    (2019, None, _signatures("政府集中采购")),
    (None, Period(start=date(2020, 1, 1), end=date(2020, 12, 31)), _signatures("本年新制作数量")),
    (2023, None, _signatures("本年制发件数", version=TemplateVersion.V2021)),  # 2021 signatures only
    (None, None, _signatures("本年新制作数量")),  # year unknown: DL004's business
])
def test_dl002_does_not_fire(linter: Linter, title_year: int | None, period: Period | None,
                             template: TemplateInfo) -> None:
    r = report(title_year=title_year, period=period, template=template)
    assert lint(linter, r, "DL002") == []


def test_dl002_uses_the_period_year_when_the_title_has_none(linter: Linter) -> None:
    r = report(title_year=None, period=Period(start=date(2022, 1, 1), end=date(2022, 12, 31)),
               template=_signatures("处理决定数量"))
    assert len(lint(linter, r, "DL002")) == 1


def test_dl002_supersedes_the_outdated_template_label_findings() -> None:
    spec = Plugins(autoload=False).rules["DL002"]
    assert dict(spec.supersedes) == {"DL202": "report", "DL203": "report"}


# ---- DL004 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title_year", "period", "expected"), [
    (2023, None, 0),
    (None, Period(start=date(2023, 1, 1), end=date(2023, 12, 31)), 0),
    (None, None, 1),
    (None, Period(text="统计期限为本年度"), 1),
])
def test_dl004_year_from_title_else_period(linter: Linter, title_year: int | None, period: Period | None,
                                           expected: int) -> None:
    found = lint(linter, report(title_year=title_year, period=period), "DL004")
    assert len(found) == expected
    if found:
        assert found[0].severity is Severity.WARNING
        assert found[0].place.logical == "title"


# ---- DL011 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x9f"])
def test_dl011_flags_each_kind_of_control(linter: Linter, char: str) -> None:
    r = report(intro=[Text(text=f"如对报告内容有疑问{char}，请联系。")])
    found = lint(linter, r, "DL011")
    assert len(found) == 1
    assert f"U+{ord(char):04X}" in found[0].message.zh
    assert found[0].place.logical.startswith("intro#")


@pytest.mark.parametrize("text", ["第一行\n第二行", "制表\t分隔", "回车\r换行", "零宽\u200b空格", "全角\u3000空格"])
def test_dl011_allows_tab_newlines_and_other_invisible_characters(linter: Linter, text: str) -> None:
    assert lint(linter, report(intro=[Text(text=text)]), "DL011") == []


def test_dl011_one_finding_per_paragraph_or_cell(linter: Linter) -> None:
    sections = six_sections()
    sections[4] = sections[4].model_copy(update={"paragraphs": [Text(text="问题\x07一\x07二\x08"), Text(text="改进。")]})
    bad_cell = Cell(key="litigation.review.total", raw="0\x7f", kind=CellKind.TEXT, location=Location(line=40))
    table = StandardTable(
        key="litigation",
        rows={"review": Row(key="review", label="行政复议\x85", cells={"total": bad_cell})},
        labels=[LabelUse(key="review", kind="row", found="行政复议\x85", official="行政复议")],
    )
    r = report(sections=sections, title=Text(text=TITLE + "\x1f"), litigation=table)
    found = lint(linter, r, "DL011")
    assert len(found) == 4
    assert sorted(f.place.logical.split("#")[0] for f in found) == [
        "litigation.review", "litigation.review.total", "sections.problems", "title"]
    problems = next(f for f in found if f.place.logical.startswith("sections.problems"))
    assert "U+0007、U+0008" in problems.message.zh


def test_dl011_amount_cells_and_headings(linter: Linter) -> None:
    sections = six_sections()
    sections[0] = sections[0].model_copy(update={"heading": "总体\x07情况"})
    cell = Cell(key="active.fees.amount", raw="0.5\x07", kind=CellKind.TEXT, location=Location(line=9))
    active = StandardTable(key="active", rows={"fees": Row(key="fees", label="行政事业性收费", cells={"amount": cell})})
    found = lint(linter, report(sections=sections, active=active), "DL011")
    assert sorted(f.place.logical for f in found) == ["active.fees.amount", "sections.overview"]


# ---- the seed ----------------------------------------------------------------------------------------
def test_seed_gives_no_document_findings(linter: Linter) -> None:
    seed = Loader(linter.ruleset.origin.readers()).load(SEED)
    assert lint(linter, seed, "DL001", "DL002", "DL004", "DL011") == []
