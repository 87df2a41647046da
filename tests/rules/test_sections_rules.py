"""DL101–DL110 on reports built directly, and on the seed read from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.builder.loading import Loader
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import Location, Report, Section, Severity, Text
from disclosure_lint.model.template import SECTION_BY_KEY, SECTIONS
from disclosure_lint.plugins.manager import Plugins

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"
TITLE = "某某市某某局2023年政府信息公开工作年度报告"
KEYS = [s.key for s in SECTIONS]

OVERVIEW = "（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）平台建设\n（五）监督保障"
PROBLEMS = "存在的不足是解读形式单一。下一步将加强培训。"
OTHER = "本年度未收取信息处理费。落实政务公开工作要点情况良好。办理人大代表建议2件、政协提案3件。创新推出政策解读专栏。"
TEXT = {"overview": OVERVIEW, "problems": PROBLEMS, "other_matters": OTHER}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False).linter()


def lint(linter: Linter, report: Report, *rule_ids: str) -> list[Finding]:
    result = linter.lint_report(report, only=list(rule_ids))
    assert not result.errors, result.errors[0].traceback
    assert not result.skipped
    return list(result.findings)


def section(key: str, *paragraphs: str, number: str | None = None, heading: str | None = None,
            tables: tuple[str, ...] = (), line: int = 0) -> Section:
    spec = SECTION_BY_KEY[key]
    if not paragraphs and not tables:
        paragraphs = tuple(TEXT.get(key, "见下表。").split("\n"))
    return Section(key=key, number=spec.number if number is None else number,
                   heading=spec.heading if heading is None else heading,
                   paragraphs=[Text(text=p) for p in paragraphs], tables=list(tables),
                   location=Location(line=line or 10 * (KEYS.index(key) + 1)))


def report(sections: list[Section] | None = None, **fields: object) -> Report:
    base: dict[str, object] = {"title": Text(text=TITLE), "title_year": 2023,
                               "sections": sections if sections is not None else [section(k) for k in KEYS]}
    base.update(fields)
    return Report(**base)  # type: ignore[arg-type]


def replaced(key: str, new: Section) -> list[Section]:
    return [new if k == key else section(k) for k in KEYS]


# ---- DL101 ---------------------------------------------------------------------------------------
def test_dl101_complete_report(linter: Linter) -> None:
    assert lint(linter, report(), "DL101") == []


def test_dl101_one_finding_per_missing_section_naming_it(linter: Linter) -> None:
    found = lint(linter, report([section(k) for k in KEYS if k not in ("requests", "problems")]), "DL101")
    assert [f.place.logical for f in found] == ["sections.requests", "sections.problems"]
    assert "三、收到和处理政府信息公开申请情况" in found[0].message.zh
    assert "五、存在的主要问题及改进情况" in found[1].message.zh
    assert found[1].place.path is not None and found[1].place.path.zh == "五、存在的主要问题及改进情况"
    assert all(f.severity is Severity.ERROR for f in found)


def test_dl101_supersedes_dl201_at_the_section_place() -> None:
    assert dict(Plugins(autoload=False).rules["DL101"].supersedes) == {"DL201": "place"}


# ---- DL102 ---------------------------------------------------------------------------------------
def test_dl102_clean_order(linter: Linter) -> None:
    assert lint(linter, report(), "DL102") == []


def test_dl102_gap_of_a_missing_section_is_not_a_numbering_error(linter: Linter) -> None:
    sections = [section(k) for k in KEYS if k != "litigation"]
    assert lint(linter, report(sections), "DL102") == []
    renumbered = [section(k, number=n) for k, n in zip(["overview", "active", "requests", "problems", "other_matters"],
                                                         "一二三四五", strict=True)]
    assert lint(linter, report(renumbered), "DL102") == []


def test_dl102_moving_one_section_is_one_finding(linter: Linter) -> None:
    order = ["other_matters", "overview", "active", "requests", "litigation", "problems"]
    found = lint(linter, report([section(k) for k in order]), "DL102")
    assert len(found) == 1
    assert found[0].place.logical == "sections.other_matters"
    assert found[0].actual == "六、一、二、三、四、五" and found[0].expected == "一、二、三、四、五、六"


def test_dl102_swapped_pair_numbered_by_position_is_one_finding(linter: Linter) -> None:
    order = ["overview", "requests", "active", "litigation", "problems", "other_matters"]
    numbers = "一二三四五六"
    found = lint(linter, report([section(k, number=n) for k, n in zip(order, numbers, strict=True)]), "DL102")
    assert len(found) == 1


def test_dl102_duplicate_section(linter: Linter) -> None:
    sections = [section(k) for k in KEYS] + [section("overview", "又一段。", line=99)]
    found = lint(linter, report(sections), "DL102")
    assert len(found) == 1
    assert "重复" in found[0].message.zh and found[0].place.location.line == 99


@pytest.mark.parametrize(("number", "expected"), [("五", 0), ("5", 0), ("（五）", 0), ("", 0), ("七", 1), ("四", 1)])
def test_dl102_wrong_ordinal(linter: Linter, number: str, expected: int) -> None:
    found = lint(linter, report(replaced("problems", section("problems", number=number))), "DL102")
    assert len(found) == expected
    if found:
        assert found[0].expected == "五" and found[0].actual == number


# ---- DL103 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("key", "heading", "expected"), [
    ("overview", "总体情况", 0),
    ("overview", "总体情况：", 0),
    ("overview", "总 体 情 况", 0),
    ("litigation", "因政府信息公开工作被申请行政复议、提起行政诉讼情况", 0),
    ("litigation", "因政府信息公开工作被申请行政复议和提起行政诉讼情况", 0),
    ("problems", "政府信息公开工作存在的主要问题及改进情况", 0),
    ("problems", "存在问题及改进情况", 0),
    ("overview", "基本情况", 1),
    ("requests", "收到和处理政府信息公开申请的情况", 1),
    ("other_matters", "其他需要说明的事项", 1),
])
def test_dl103_heading_wording(linter: Linter, key: str, heading: str, expected: int) -> None:
    found = lint(linter, report(replaced(key, section(key, heading=heading))), "DL103")
    assert len(found) == expected
    if found:
        assert found[0].severity is Severity.INFO
        assert found[0].expected == SECTION_BY_KEY[key].heading


# ---- DL104 ---------------------------------------------------------------------------------------
def test_dl104_empty_section(linter: Linter) -> None:
    empty = Section(key="problems", number="五", heading="存在的主要问题及改进情况", location=Location(line=50))
    found = lint(linter, report(replaced("problems", empty)), "DL104")
    assert len(found) == 1
    assert found[0].place.logical == "sections.problems" and found[0].place.location.line == 50


@pytest.mark.parametrize("content", [{"tables": ["active"]}, {"other_tables": 1},
                                     {"paragraphs": [Text(text="无。")]}])
def test_dl104_a_table_or_a_paragraph_is_content(linter: Linter, content: dict[str, object]) -> None:
    filled = Section(key="active", number="二", heading="主动公开政府信息情况", **content)  # type: ignore[arg-type]
    assert lint(linter, report(replaced("active", filled)), "DL104") == []


# ---- DL105 ---------------------------------------------------------------------------------------
SIX = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
       "存在的主要问题及改进情况、其他需要报告的事项等六部分组成。")


@pytest.mark.parametrize(("intro", "keys", "expected"), [
    (SIX, KEYS, 0),
    (SIX, [k for k in KEYS if k != "problems"], 1),
    ("本报告分为六个部分。", KEYS, 0),
    ("本报告分为六个部分。", KEYS[:5], 1),
    ("本年度报告包括五个部分。", KEYS, 1),
    (("本报告由以下六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
      "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。"), KEYS, 0),
    (("本报告由以下部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
      "四、政府信息公开行政复议、行政诉讼情况；五、其他需要报告的事项。"), KEYS, 1),
    ("全年培训分为理论和实操两个部分。", KEYS, 0),
    ("本报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。", KEYS, 0),
    ("报告全文由总体情况等部分组成。", KEYS, 0),
])
def test_dl105_announced_structure(linter: Linter, intro: str, keys: list[str], expected: int) -> None:
    r = report([section(k) for k in keys], intro=[Text(text=intro)])
    found = lint(linter, r, "DL105")
    assert len(found) == expected, [f.message.zh for f in found]
    if found:
        assert found[0].place.logical.startswith("intro#")


def test_dl105_message_names_the_disagreement(linter: Linter) -> None:
    r = report([section(k) for k in KEYS if k != "problems"], intro=[Text(text=SIX)])
    message = lint(linter, r, "DL105")[0].message.zh
    assert "自述为6部分，实际有5部分" in message
    assert "“五、存在的主要问题及改进情况”在正文中没有" in message


def test_dl105_reads_the_overview_too(linter: Linter) -> None:
    overview = section("overview", "本报告分为五个部分。", *OVERVIEW.split("\n"))
    assert len(lint(linter, report(replaced("overview", overview)), "DL105")) == 1


# ---- DL106 ---------------------------------------------------------------------------------------
def test_dl106_names_each_missing_aspect(linter: Linter) -> None:
    overview = section("overview", "本年度主动公开信息1000条。", "加强考核。")
    found = lint(linter, report(replaced("overview", overview)), "DL106")
    assert [f.expected for f in found] == ["依申请公开", "政府信息管理", "政府信息公开平台建设"]
    assert all(f.place.logical == "sections.overview" for f in found)


@pytest.mark.parametrize("text", [
    OVERVIEW,
    "主动公开、依申请、信息管理、公开平台、培训",
    "主动 公开；政府信息公开申请；政府信息管理；政府信息公开平台；监督",
])
def test_dl106_keywords_in_any_form(linter: Linter, text: str) -> None:
    assert lint(linter, report(replaced("overview", section("overview", text))), "DL106") == []


def test_dl106_missing_or_empty_overview_is_not_its_business(linter: Linter) -> None:
    assert lint(linter, report([section(k) for k in KEYS[1:]]), "DL106") == []
    empty = Section(key="overview", number="一", heading="总体情况")
    assert lint(linter, report(replaced("overview", empty)), "DL106") == []


# ---- DL107 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("我单位无收取信息处理费的情况。", 0),
    ("本年度未收取信息处理费。", 0),
    ("本年度收取信息处理费300元。", 0),
    ("本年度共收取信息处理费1,200元。", 0),
    ("全年未收取任何费用。", 0),
    ("依申请公开信息处理费：0元。", 0),
    ("（一）依申请公开信息处理费收费情况。", 1),
    ("本年度行政事业性收费0万元。", 1),
    ("本年度办理人大代表建议2件。", 1),
])
def test_dl107_fee_statement(linter: Linter, text: str, expected: int) -> None:
    found = lint(linter, report(replaced("other_matters", section("other_matters", text))), "DL107")
    assert len(found) == expected
    if found:
        assert found[0].place.logical == "sections.other_matters"
        assert found[0].severity is Severity.WARNING


def test_dl107_only_section_six_counts(linter: Linter) -> None:
    sections = replaced("other_matters", section("other_matters", "本年度办理人大代表建议2件。"))
    sections[0] = section("overview", *OVERVIEW.split("\n"), "所有答复均未收取信息处理费。")
    assert len(lint(linter, report(sections), "DL107")) == 1


def test_dl107_missing_section_six_is_dl101s(linter: Linter) -> None:
    assert lint(linter, report([section(k) for k in KEYS[:5]]), "DL107") == []


# ---- DL108 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "missing"), [
    (OTHER, []),
    ("（四）《2023年淄博市政务公开工作方案》落实情况。（三）创新实践情况。（二）建议提案办理情况。", []),
    ("本年度未收取信息处理费。", ["落实上级年度政务公开工作要点情况", "人大代表建议和政协提案办理结果公开情况",
                                  "政务公开工作创新情况"]),
    ("未收取信息处理费。办理政协提案1件。", ["落实上级年度政务公开工作要点情况", "政务公开工作创新情况"]),
])
def test_dl108_expected_items(linter: Linter, text: str, missing: list[str]) -> None:
    found = lint(linter, report(replaced("other_matters", section("other_matters", text))), "DL108")
    assert [f.expected for f in found] == missing
    assert all(f.severity is Severity.INFO for f in found)


# ---- DL109 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    (PROBLEMS, []),
    ("仍存在薄弱环节，比例偏低。对此，我局加强了培训。", []),
    ("各项工作运行良好。", ["存在的主要问题", "改进情况"]),
    ("工作仍有不足。", ["改进情况"]),
    ("下一步将继续做好各项工作。", ["存在的主要问题"]),
])
def test_dl109_problems_and_improvements(linter: Linter, text: str, expected: list[str]) -> None:
    found = lint(linter, report(replaced("problems", section("problems", text))), "DL109")
    assert [f.expected for f in found] == expected


def test_dl109_heading_words_do_not_count(linter: Linter) -> None:
    # The heading says 问题 and 改进; the body says neither.
    found = lint(linter, report(replaced("problems", section("problems", "工作运行良好。"))), "DL109")
    assert len(found) == 2


# ---- DL110 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "issues"), [
    ("淄博市行政审批服务局2023年政府信息公开工作年度报告", None),
    ("淄博市行政审批服务局2023年度政府信息公开工作年度报告", None),
    ("淄博市行政审批服务局二〇二三年政府信息公开工作年度报告", None),
    ("淄博市行政审批服务局 2023 年政府信息公开工作年度报告", None),
    ("《淄博市行政审批服务局2023年政府信息公开工作年度报告》", None),
    ("2023年政府信息公开工作年度报告", "缺少机关名称"),
    ("淄博市行政审批服务局政府信息公开工作年度报告", "缺少年份"),
    ("淄博市行政审批服务局2023年政府信息公开年度报告", "措辞与常用格式不同"),
    ("2023年淄博市行政审批服务局政府信息公开工作年度报告", "机关名称应写在年份之前"),
    ("政务公开工作总结", "缺少年份"),
])
def test_dl110_title_form(linter: Linter, title: str, issues: str | None) -> None:
    found = lint(linter, report(title=Text(text=title)), "DL110")
    assert len(found) == (0 if issues is None else 1)
    if found:
        assert issues in found[0].message.zh
        assert found[0].severity is Severity.INFO


def test_dl110_no_title(linter: Linter) -> None:
    found = lint(linter, Report(sections=[section(k) for k in KEYS]), "DL110")
    assert len(found) == 1 and "未找到报告标题" in found[0].message.zh


# ---- the seed ----------------------------------------------------------------------------------------
def test_seed_gives_no_section_findings(linter: Linter) -> None:
    seed = Loader(linter.ruleset.origin.readers()).load(SEED)
    ids = [f"DL1{n:02d}" for n in range(1, 11)]
    assert lint(linter, seed, *ids) == []
