"""DL003, DL005, DL006 (templates and citations), DL403 (left-over years) and DL408 (deadline).

The rules' own examples run through the reader and builder (tests/test_rule_examples.py); these
tests pin the helpers and the rules' logic on hand-made text and reports.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from disclosure_lint import load_report
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import (
    Location,
    Period,
    Report,
    Section,
    Severity,
    Signature,
    TemplateInfo,
    TemplateVersion,
    Text,
)
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint_rules._agency import BodyKind, Level, body_kind, body_level
from disclosure_lint_rules._citations import format_citations
from disclosure_lint_rules._years import leftover_year

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False).linter()


def lint(linter: Linter, report: Report, *rule_ids: str, **inputs: object) -> list[Finding]:
    result = linter.lint_report(report, only=list(rule_ids), **inputs)  # type: ignore[arg-type]
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def report(title: str = "某某市某某局2023年政府信息公开工作年度报告", year: int | None = 2023, *,
           agency: str | None = "某某市某某局", paragraphs: list[str] = (), **fields: object) -> Report:
    base: dict[str, object] = {
        "title": Text(text=title, location=Location(line=1)), "title_year": year, "agency": agency,
        "period": Period(start=date(year, 1, 1), end=date(year, 12, 31)) if year else None,
        "sections": [Section(key="overview", number="一", heading="总体情况", location=Location(line=3),
                             paragraphs=[Text(text=t, location=Location(line=4 + i)) for i, t in enumerate(paragraphs)])],
    }
    base.update(fields)
    return Report(**base)  # type: ignore[arg-type]


# ---- DL003 ---------------------------------------------------------------------------------------
PRE2019 = TemplateInfo(version=TemplateVersion.PRE2019, signatures=[
    Signature(text="一、概述", template=TemplateVersion.PRE2019, location=Location(line=3)),
    Signature(text="四、政府信息公开的收费及减免情况", template=TemplateVersion.PRE2019, location=Location(line=9))])


@pytest.mark.parametrize(("year", "expected"), [(2018, 0), (2019, 1), (2020, 1), (2024, 1), (None, 0)])
def test_dl003_pre_2019_template_from_2019_on(linter: Linter, year: int | None, expected: int) -> None:
    found = lint(linter, report(year=year, template=PRE2019), "DL003")
    assert len(found) == expected
    if found:
        assert found[0].severity is Severity.ERROR
        assert "“一、概述”" in found[0].message.zh
        assert ("〔2021〕30号" if year and year >= 2021 else "〔2019〕60号") in found[0].message.zh


def test_dl003_needs_the_builder_s_pre_2019_decision(linter: Linter) -> None:
    # A pre-2019 heading in a report whose template is the current one (it has the tables) is DL103's.
    info = TemplateInfo(version=TemplateVersion.V2021, signatures=PRE2019.signatures)
    assert lint(linter, report(template=info), "DL003") == []


def test_dl003_replaces_missing_section_and_table_findings(linter: Linter) -> None:
    active = Section(key="active", number="二", heading="主动公开政府信息情况", paragraphs=[Text(text="全年公开信息100条。")])
    r = report(template=PRE2019)
    r = r.model_copy(update={"sections": [*r.sections, active]})  # no tables: DL101 ×4 and DL201 on their own
    alone = lint(linter, r, "DL101", "DL201")
    assert {f.rule_id for f in alone} == {"DL101", "DL201"}
    together = lint(linter, r, "DL003", "DL101", "DL201", "DL001")
    assert [f.rule_id for f in together] == ["DL003"]


def test_dl003_on_the_seed_and_the_seed_file(linter: Linter) -> None:
    assert lint(linter, load_report(SEED), "DL003", "DL005", "DL006", "DL403") == []


# ---- DL005 ---------------------------------------------------------------------------------------
def _sig(text: str, version: TemplateVersion) -> Signature:
    return Signature(text=text, template=version, location=Location(line=20, table=0))


@pytest.mark.parametrize(("year", "expected"), [(2019, 1), (2020, 1), (2021, 0), (2018, 0), (None, 0)])
def test_dl005_2021_labels_only_matter_in_2019_and_2020(linter: Linter, year: int | None, expected: int) -> None:
    info = TemplateInfo(version=TemplateVersion.V2021, signatures=[_sig("本年制发件数", TemplateVersion.V2021)])
    assert len(lint(linter, report(year=year, template=info), "DL005")) == expected


def test_dl005_names_each_label_once_and_ignores_trial_signatures(linter: Linter) -> None:
    info = TemplateInfo(version=TemplateVersion.V2019, signatures=[
        _sig("本年新制作数量", TemplateVersion.V2019), _sig("现行有效件数", TemplateVersion.V2021),
        _sig("现行有效件数 ", TemplateVersion.V2021), _sig("本年处理决定数量", TemplateVersion.V2021)])
    (finding,) = lint(linter, report(year=2020, template=info), "DL005")
    assert finding.message.zh.count("现行有效件数") == 1
    assert "本年处理决定数量" in finding.message.zh and "本年新制作数量" not in finding.message.zh


def test_dl005_silent_on_a_trial_report_without_2021_labels(linter: Linter) -> None:
    info = TemplateInfo(version=TemplateVersion.V2019, signatures=[_sig("本年新制作数量", TemplateVersion.V2019)])
    assert lint(linter, report(year=2020, template=info), "DL005") == []


# ---- DL006 ---------------------------------------------------------------------------------------
NOTICE = "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{}）要求编制。"


@pytest.mark.parametrize(("text", "found"), [
    (NOTICE.format("国办公开办函〔2021〕30号"), [("国办公开办函", 2021, 30)]),
    (NOTICE.format("国办公开办函[2021]30号"), [("国办公开办函", 2021, 30)]),
    (NOTICE.format("国办公开办函（2021）30号"), [("国办公开办函", 2021, 30)]),
    (NOTICE.format("国办公开办函【2021】第30号"), [("国办公开办函", 2021, 30)]),
    (NOTICE.format("国办公开办函﹝２０２１﹞３０号"), [("国办公开办函", 2021, 30)]),
    (NOTICE.format("国办发〔2021〕30号"), [("国办发", 2021, 30)]),
    (NOTICE.format("国办公开办函〔2021〕13号"), [("国办公开办函", 2021, 13)]),
    ("本报告依据国办函〔2021〕30号文件编制。", [("国办函", 2021, 30)]),
    ("按照国办公开办函〔2019〕60号规定的年报格式编写。", [("国办公开办函", 2019, 60)]),
    # not a citation of the format notice
    ("认真落实《2023年政务公开工作要点》（国办发〔2023〕30号）。", []),
    ("按照年度报告格式要求，结合《政务公开工作要点》（国办发〔2022〕8号）推进。", []),
    ("落实国办发〔2021〕30号文件精神，推进放管服改革。", []),  # no word about the report or its format
    ("根据国办发〔2023〕5号文件和年度报告格式编制。", []),
])
def test_format_citations(text: str, found: list[tuple[str, int, int]]) -> None:
    assert [(c.issuer, c.year, c.number) for c in format_citations(text)] == found


@pytest.mark.parametrize(("year", "citation", "expected"), [
    (2023, "国办公开办函〔2021〕30号", 0),
    (2023, "国办发〔2021〕30号", 1),
    (2023, "国办公开办函〔2019〕60号", 1),  # superseded
    (2020, "国办公开办函〔2019〕60号", 0),
    (2020, "国办发〔2019〕60号", 1),
    (None, "国办公开办函〔2019〕60号", 0),  # no year: superseded or not cannot be said
])
def test_dl006(linter: Linter, year: int | None, citation: str, expected: int) -> None:
    r = report(year=year, paragraphs=[NOTICE.format(citation)])
    found = lint(linter, r, "DL006")
    assert len(found) == expected
    if found:
        assert citation in found[0].message.zh
        assert found[0].place.logical.startswith("sections.overview#")


def test_dl006_expected_notice_follows_the_cited_number(linter: Linter) -> None:
    (finding,) = lint(linter, report(year=2020, paragraphs=[NOTICE.format("国办发〔2019〕60号")]), "DL006")
    assert finding.expected == "国办公开办函〔2019〕60号"


def test_dl006_reads_the_intro_too(linter: Linter) -> None:
    r = report(intro=[Text(text=NOTICE.format("国办函〔2021〕30号"), location=Location(line=2))])
    assert len(lint(linter, r, "DL006")) == 1


# ---- DL403 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "year"), [
    ("2022年，我局坚持以习近平新时代中国特色社会主义思想为指导。", 2022),
    ("2022年度，我局扎实推进政务公开。", 2022),
    ("（二）2022年，共办理政府信息公开申请5件。", 2022),
    ("1.2021年，市政府办公室持续推进。", 2021),
    ("二〇二二年，我局全面推进政务公开。", 2022),
    ("2022年我局共收到申请3件。", 2022),
    ("本年度（2022年）共收到申请3件。", 2022),
    ("2022年，我局认真落实《2023年政务公开工作要点》。", 2022),  # a year in a title is no comparison
])
def test_leftover_year_fires(text: str, year: int) -> None:
    found = leftover_year(text, 2023)
    assert found is not None and found.year == year


@pytest.mark.parametrize("text", [
    "2023年，我局坚持以习近平新时代中国特色社会主义思想为指导。",
    "2024年，我局将继续深化政务公开。",
    "2022年以来，我局持续推进政务公开。",
    "自2021年起，我局每年开展培训。",
    "2021—2023年，我局累计公开信息3000条。",
    "2021年至2023年，全市共建成公开专区12个。",
    "2022年，我局收到申请5件，比上年增加2件。",
    "2022年，与2021年相比，申请量有所下降。",
    "2022年，我局被评为先进单位，2023年再次获评。",
    "2022年12月，我局开展了一次培训。",
    "2022年的工作为本年度打下了基础。",
    "《2022年淄博市政务公开工作方案》落实情况。",
    "十四五期间，我局持续推进。",
    "全年共收到申请7件，比2022年增加5件。",
    "本年度（2023年）共收到申请3件。",
    "2022年同期收到申请5件。",
])
def test_leftover_year_near_misses(text: str) -> None:
    assert leftover_year(text, 2023) is None


def test_dl403_one_finding_per_paragraph(linter: Linter) -> None:
    r = report(paragraphs=["2022年，我局坚持依法公开。本年度（2022年）共收到申请3件。", "2023年，我局坚持依法公开。",
                           "2021年，我局推进公开平台建设。"])
    found = lint(linter, r, "DL403")
    assert [f.actual for f in found] == ["2022年", "2021年"]
    assert all(f.severity is Severity.WARNING for f in found)


def test_dl403_needs_a_report_year(linter: Linter) -> None:
    assert lint(linter, report(year=None, paragraphs=["2022年，我局坚持依法公开。"]), "DL403") == []


# ---- DL408 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "level", "kind"), [
    ("淄博市行政审批服务局", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("淄博市人民政府", Level.ABOVE_COUNTY, BodyKind.GOVERNMENT),
    ("淄博市政府", Level.ABOVE_COUNTY, BodyKind.GOVERNMENT),
    ("山东省人民政府办公厅", Level.ABOVE_COUNTY, BodyKind.GOVERNMENT_OFFICE),
    ("淄博市人民政府国有资产监督管理委员会", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("沂源县人民政府", Level.COUNTY, BodyKind.GOVERNMENT),
    ("青岛市市南区教育局", Level.COUNTY, BodyKind.DEPARTMENT),
    ("淄博市淄川区昆仑镇人民政府", Level.TOWNSHIP, BodyKind.TOWNSHIP),
    ("张店区车站街道办事处", Level.TOWNSHIP, BodyKind.TOWNSHIP),
    ("中华人民共和国水利部", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("水利部", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("海关总署", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("国家统计局", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("住房和城乡建设部", Level.ABOVE_COUNTY, BodyKind.DEPARTMENT),
    ("淄博高新技术产业开发区管理委员会", Level.UNKNOWN, BodyKind.UNKNOWN),
    (None, Level.UNKNOWN, BodyKind.UNKNOWN),
])
def test_body_level_and_kind(name: str | None, level: Level, kind: BodyKind) -> None:
    assert body_kind(name) is kind
    if kind is not BodyKind.TOWNSHIP:  # a street the level reader cannot place is still a street
        assert body_level(name) is level


def _titled(agency: str, year: int = 2023, **fields: object) -> Report:
    return report(f"{agency}{year}年政府信息公开工作年度报告", year, agency=agency, **fields)


@pytest.mark.parametrize(("agency", "published", "expected"), [
    ("淄博市行政审批服务局", date(2024, 1, 31), 0),
    ("淄博市行政审批服务局", date(2024, 2, 1), 1),
    ("淄博市人民政府", date(2024, 3, 31), 0),
    ("淄博市人民政府", date(2024, 4, 1), 1),
    ("淄博市人民政府办公室", date(2024, 3, 1), 0),  # may be the government's report: the later deadline
    ("沂源县人民政府", date(2024, 2, 20), 0),
    ("张店区车站街道办事处", date(2024, 12, 1), 0),  # no township deadline configured
    ("淄博高新技术产业开发区管理委员会", date(2024, 12, 1), 0),
])
def test_dl408_deadline_by_kind_of_body(linter: Linter, agency: str, published: date, expected: int) -> None:
    assert len(lint(linter, _titled(agency), "DL408", published_on=published)) == expected


def test_dl408_finding_gives_the_deadline_and_the_delay(linter: Linter) -> None:
    (finding,) = lint(linter, _titled("淄博市行政审批服务局"), "DL408", published_on=date(2024, 2, 15))
    assert finding.severity is Severity.WARNING
    assert finding.expected == "不晚于2024年1月31日" and finding.actual == "2024年2月15日"
    assert "逾期15天" in finding.message.zh and "第四十九条" in finding.message.zh
    assert finding.place.logical == "title"


def test_dl408_is_skipped_without_a_date(linter: Linter) -> None:
    result = linter.lint_report(_titled("淄博市行政审批服务局"), only=["DL408"])
    assert not result.findings and [s.rule_id for s in result.skipped] == ["DL408"]


def test_dl408_uses_the_page_s_date_when_none_is_given(linter: Linter) -> None:
    late_page = _titled("淄博市行政审批服务局", published_on=date(2024, 2, 15))
    assert len(lint(linter, late_page, "DL408")) == 1
    # --published-on wins over the page's own date
    assert lint(linter, late_page, "DL408", published_on=date(2024, 1, 20)) == []


def test_dl408_township_deadline_option() -> None:
    from disclosure_lint.config import Config

    configured = Plugins(autoload=False).linter(Config(options={"DL408": {"township_deadline": "03-31"}}))
    town = _titled("淄博市淄川区昆仑镇人民政府")
    assert len(lint(configured, town, "DL408", published_on=date(2024, 4, 1))) == 1
    assert lint(configured, town, "DL408", published_on=date(2024, 3, 31)) == []
    leap = Plugins(autoload=False).linter(Config(options={"DL408": {"township_deadline": "02-29"}}))
    assert lint(leap, town, "DL408", published_on=date(2024, 2, 29)) == []  # 2024 is a leap year
    assert len(lint(leap, _titled("淄博市淄川区昆仑镇人民政府", 2024), "DL408", published_on=date(2025, 3, 1))) == 1


@pytest.mark.parametrize("value", ["3-31", "13-01", "02-30", "0331", "March 31"])
def test_dl408_option_rejects_bad_days(value: str) -> None:
    from disclosure_lint.config import Config
    from disclosure_lint.errors import ConfigError

    with pytest.raises(ConfigError, match="DL408"):
        Plugins(autoload=False).linter(Config(options={"DL408": {"township_deadline": value}}))


def test_dl408_needs_a_report_year(linter: Linter) -> None:
    assert lint(linter, _titled("淄博市行政审批服务局").model_copy(update={"title_year": None, "period": None}),
                "DL408", published_on=date(2030, 1, 1)) == []


def test_dl408_reads_the_date_an_html_page_states(tmp_path: Path) -> None:
    from disclosure_lint import lint_path

    html = (SEED.parent / "seed.html").read_bytes()
    assert html.count(b"2024-01-26") == 2  # <meta name="PubDate"> and 发布日期：…
    on_time = lint_path(SEED.parent / "seed.html", config=_only("DL408"))
    assert on_time.report is not None and on_time.report.published_on == date(2024, 1, 26)
    assert on_time.findings == () and not on_time.skipped
    late = tmp_path / "late.html"
    late.write_bytes(html.replace(b"2024-01-26", b"2024-02-26"))
    (finding,) = lint_path(late, config=_only("DL408")).findings
    assert finding.actual == "2024年2月26日"
    assert lint_path(late, config=_only("DL408"), published_on=date(2024, 1, 30)).findings == ()


def _only(*rule_ids: str) -> object:
    from disclosure_lint.config import Config

    return Config(select=rule_ids)
