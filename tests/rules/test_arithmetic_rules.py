"""DL301–DL306: the identities of tables 三 and 四, the single-cell repair hint, the 规章 level check.

Two kinds of test: on the shipped sample as the builder reads it (the mutations the issue asks
for, with exact counts and places), and on tables built directly from the format data, so the
identity and repair logic is tested without depending on any reader.
"""

from __future__ import annotations

import pytest

from disclosure_lint.builder.cells import parse_cell
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.rule import sample
from disclosure_lint.model import Report, Row, StandardTable, TemplateVersion, Text
from disclosure_lint.model.template import table_spec
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import build_example
from disclosure_lint_rules._admin_level import Level, admin_level
from disclosure_lint_rules._arith import (
    litigation_identities,
    outcome_rows,
    requests_identities,
    single_repair,
)

ARITHMETIC = ["DL301", "DL302", "DL303", "DL304", "DL305", "DL306"]
CELL_RULES = ["DL204", "DL205"]

_PLUGINS = Plugins(autoload=False)
_LINTER = _PLUGINS.linter()


def _lint_seed(cells: dict[str, str] | None = None, replace: dict[str, str] | None = None,
               only: list[str] = ARITHMETIC) -> list[Finding]:
    report = build_example(sample("seed", cells=cells, replace=replace), _PLUGINS.readers())
    result = _LINTER.lint_report(report, only=only)
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.rule_id, []).append(f)
    return out


# ---- tables built directly from the format data ----------------------------------------------

def _table(key: str, values: dict[str, str], version: TemplateVersion = TemplateVersion.V2021,
           default: str = "0") -> StandardTable:
    """A standard table with every cell ``default`` except ``values`` ({"granted.total": "2"})."""
    spec = table_spec(key, version)
    rows = {}
    for block in spec.blocks:
        for r in block.rows:
            cells = {c.key: parse_cell(values.get(f"{r.key}.{c.key}", default), key=f"{key}.{r.key}.{c.key}",
                                       unit=c.unit) for c in block.columns}
            rows[r.key] = Row(key=r.key, label=r.label, cells=cells)
    return StandardTable(key=key, version=version, rows=rows)  # type: ignore[arg-type]


def _requests(values: dict[str, str], version: TemplateVersion = TemplateVersion.V2021) -> StandardTable:
    """Table 三 with 5 new applications from 自然人, all granted, plus ``values``."""
    base = {"new.natural_person": "5", "new.total": "5", "granted.natural_person": "5", "granted.total": "5",
            "handled_total.natural_person": "5", "handled_total.total": "5"}
    return _table("requests", {**base, **values}, version)


# ---- the seed, mutated as the issue asks -------------------------------------------------------

def test_seed_is_clean() -> None:
    assert _lint_seed(only=ARITHMETIC + CELL_RULES) == []


def test_changed_cell_breaks_its_row_and_its_column_and_names_the_one_repair() -> None:
    found = _by_rule(_lint_seed({"requests.granted.natural_person": "3"}))
    assert sorted(found) == ["DL302", "DL303"]
    (row,), (column,) = found["DL302"], found["DL303"]
    assert row.place.key == "requests.granted.total"
    assert (row.expected, row.actual) == ("3", "2")
    assert column.place.key == "requests.handled_total.natural_person"
    assert (column.expected, column.actual) == ("8", "7")
    for f in (row, column):
        assert f.fix is not None
        assert "“（一）予以公开·自然人”由 3 改为 2" in f.fix.zh
        assert "from 3 to 2" in f.fix.en
        assert "requests.granted.natural_person" in {p.key for p in f.related}
    # every cell involved is named: the row's 7 cells, the column's 22
    assert len(row.related) == 7
    assert len(column.related) == 22
    assert "应等于六类申请人之和 3" in row.message.zh and "为 2" in row.message.zh


def test_wrong_handled_total_breaks_all_three_identities() -> None:
    found = _by_rule(_lint_seed({"requests.handled_total.total": "8"}))
    assert {k: len(v) for k, v in found.items()} == {"DL301": 1, "DL302": 1, "DL303": 1}
    for (f,) in found.values():
        assert f.fix is not None and "“（七）总计·总计”由 8 改为 7" in f.fix.zh
        assert "所有等式成立" in f.fix.zh
    balance = found["DL301"][0]
    assert "（7 + 0 = 7）" in balance.message.zh and "（8 + 0 = 8）" in balance.message.zh
    assert balance.place.key == "requests.new.total"


def test_broken_balance_in_two_columns() -> None:
    found = _by_rule(_lint_seed({"requests.carried_forward.natural_person": "1", "requests.carried_forward.total": "1"}))
    assert list(found) == ["DL301"]
    assert [f.place.key for f in found["DL301"]] == ["requests.new.natural_person", "requests.new.total"]
    # Row 四 is consistent (1 = 1): no single cell restores 自然人 without breaking row 四 or another
    # identity, so no repair is named — the defect is in two cells.
    assert all(f.fix is None for f in found["DL301"])


@pytest.mark.parametrize("raw", ["/", "", "—", "无"])
def test_placeholder_is_dl204_only(raw: str) -> None:
    found = _by_rule(_lint_seed({"requests.granted.natural_person": raw}, only=ARITHMETIC + CELL_RULES))
    assert {k: len(v) for k, v in found.items()} == {"DL204": 1}


@pytest.mark.parametrize("raw", ["-2", "若干", "2.5"])
def test_negative_text_or_fraction_is_dl205_only(raw: str) -> None:
    found = _by_rule(_lint_seed({"requests.granted.natural_person": raw}, only=ARITHMETIC + CELL_RULES))
    assert {k: len(v) for k, v in found.items()} == {"DL205": 1}


def test_count_with_unit_takes_part_in_the_arithmetic() -> None:
    assert _lint_seed({"requests.granted.natural_person": "2件"}, only=ARITHMETIC + CELL_RULES) == []
    found = _by_rule(_lint_seed({"requests.granted.natural_person": "3件"}))
    assert sorted(found) == ["DL302", "DL303"]


@pytest.mark.parametrize("group", ["review", "suit_direct", "suit_after_review"])
def test_wrong_litigation_total_per_group(group: str) -> None:
    found = _lint_seed({f"litigation.{group}.total": "1"})
    assert [(f.rule_id, f.place.key) for f in found] == [("DL304", f"litigation.{group}.total")]
    assert found[0].fix is None  # five cells could each restore it: no single repair to name
    assert len(found[0].related) == 5


def test_litigation_consistent_group_is_silent() -> None:
    cells = {"litigation.suit_after_review.corrected": "2", "litigation.suit_after_review.pending": "1",
             "litigation.suit_after_review.total": "3"}
    assert _lint_seed(cells) == []


def test_in_force_below_issued_minus_repealed() -> None:
    found = _lint_seed({"active.normative_documents.issued": "5"})
    assert [(f.rule_id, f.place.key, f.expected, f.actual) for f in found] == [
        ("DL305", "active.normative_documents.in_force", "≥ 4", "0")]


def test_city_department_may_report_regulations() -> None:
    assert _lint_seed({"active.regulations.issued": "1", "active.regulations.in_force": "1"}) == []


def test_district_department_with_regulations() -> None:
    found = _lint_seed({"active.regulations.issued": "1", "active.regulations.in_force": "1"},
                       replace={"淄博市行政审批服务局2023年": "淄博市张店区行政审批服务局2023年"})
    assert [f.rule_id for f in found] == ["DL306"]
    assert "淄博市张店区行政审批服务局" in found[0].message.zh
    assert {p.key for p in found[0].related} == {"active.regulations.issued", "active.regulations.in_force"}


# ---- identities and repairs on tables built directly -------------------------------------------

def test_outcome_rows_per_format() -> None:
    assert len(outcome_rows(_requests({}))) == 21
    assert len(outcome_rows(_requests({}, TemplateVersion.V2019))) == 19
    assert "other_handling" in outcome_rows(_requests({}, TemplateVersion.V2019))


def test_identity_counts() -> None:
    ids = requests_identities(_requests({}))
    assert [sum(i.rule_id == r for i in ids) for r in ("DL301", "DL302", "DL303")] == [7, 25, 7]
    assert not any(i.broken for i in ids)
    assert len(requests_identities(_requests({}, TemplateVersion.V2019))) == 7 + 23 + 7


def test_trial_format_other_handling_is_summed() -> None:
    table = _requests({"other_handling.natural_person": "1", "other_handling.total": "1"}, TemplateVersion.V2019)
    broken = [(i.rule_id, i.name) for i in requests_identities(table) if i.broken]
    assert broken == [("DL303", "column:natural_person"), ("DL303", "column:total")]


def test_unique_repair_for_a_single_wrong_leaf() -> None:
    ids = requests_identities(_requests({"granted.natural_person": "6"}))
    broken = [i for i in ids if i.broken]
    assert [(i.rule_id, i.name) for i in broken] == [("DL302", "row:granted"), ("DL303", "column:natural_person")]
    for identity in broken:
        repair = single_repair(identity, ids)
        assert repair is not None
        assert (repair.cell.key, repair.value, repair.complete) == ("requests.granted.natural_person", 5, True)


def test_no_repair_when_two_cells_could_each_fix_it() -> None:
    ids = litigation_identities(_table("litigation", {"review.total": "2", "review.upheld": "1"}))
    (broken,) = [i for i in ids if i.broken]
    assert single_repair(broken, ids) is None  # total → 1 or upheld → 2 or corrected → 1 …


def test_repair_never_proposes_a_negative_count() -> None:
    # total 0, parts 0 + 1: total → 1 or corrected → 0; upheld/other/pending → -1 are no repairs.
    ids = litigation_identities(_table("litigation", {"review.corrected": "1"}))
    (broken,) = [i for i in ids if i.broken]
    assert single_repair(broken, ids) is None
    ids = litigation_identities(_table("litigation", {"review.total": "1", "review.corrected": "1",
                                                      "review.upheld": "1"}))
    (broken,) = [i for i in ids if i.broken]
    assert single_repair(broken, ids) is None  # total → 2, upheld → 0, corrected → 0: three


def test_repair_is_partial_when_another_error_remains() -> None:
    ids = requests_identities(_requests({"granted.natural_person": "6", "new.commercial": "1"}))
    row = next(i for i in ids if i.name == "row:granted")
    repair = single_repair(row, ids)
    assert repair is not None and repair.value == 5 and not repair.complete


def test_unusable_cell_leaves_its_identities_out() -> None:
    table = _requests({"granted.natural_person": "/"})
    ids = requests_identities(table)
    assert not any(i.broken for i in ids)
    assert not next(i for i in ids if i.name == "row:granted").evaluable


def test_missing_row_leaves_its_identities_out() -> None:
    table = _requests({"granted.natural_person": "6"})
    rows = {k: v for k, v in table.rows.items() if k != "partially_granted"}
    table = table.model_copy(update={"rows": rows, "missing": ["partially_granted"]})
    broken = [(i.rule_id, i.name) for i in requests_identities(table) if i.broken]
    assert broken == [("DL302", "row:granted")]


def test_rules_on_a_directly_built_report() -> None:
    report = Report(title=Text(text="某局2023年政府信息公开工作年度报告"), agency="某局", title_year=2023,
                    requests=_requests({"new.natural_person": "4", "new.total": "4"}),
                    litigation=_table("litigation", {"suit_direct.pending": "1"}))
    result = _LINTER.lint_report(report, only=ARITHMETIC)
    assert [(f.rule_id, f.place.key) for f in result.findings] == [
        ("DL301", "requests.new.natural_person"), ("DL301", "requests.new.total"),
        ("DL304", "litigation.suit_direct.total")]
    assert {s.rule_id for s in result.skipped} == {"DL305", "DL306"}  # no table 二


def test_dl305_applies_to_the_2021_format_only() -> None:
    assert _PLUGINS.rules["DL305"].templates == frozenset({TemplateVersion.V2021})


# ---- administrative level ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "level"), [
    ("淄博市行政审批服务局", Level.ABOVE_COUNTY),
    ("淄博市司法局", Level.ABOVE_COUNTY),
    ("淄博市住房和城乡建设局", Level.ABOVE_COUNTY),
    ("淄博市乡村振兴局", Level.ABOVE_COUNTY),
    ("山东省人民政府办公厅", Level.ABOVE_COUNTY),
    ("国务院办公厅", Level.ABOVE_COUNTY),
    ("张店区人民政府", Level.COUNTY),
    ("淄博市张店区行政审批服务局", Level.COUNTY),
    ("某县司法局", Level.COUNTY),
    ("北京市朝阳区人民政府", Level.COUNTY),
    ("内蒙古自治区呼和浩特市土默特左旗人民政府", Level.COUNTY),
    ("淄博市张店区住房和城乡建设局", Level.COUNTY),
    ("某某镇人民政府", Level.TOWNSHIP),
    ("某某乡人民政府", Level.TOWNSHIP),
    ("某某街道办事处", Level.TOWNSHIP),
    ("淄博市张店区马尚街道办事处", Level.TOWNSHIP),
    ("邹平市人民政府", Level.ABOVE_COUNTY),  # a county-level city: the name cannot tell
    ("淄博高新技术产业开发区管理委员会", Level.UNKNOWN),
    ("上海市浦东新区人民政府", Level.UNKNOWN),
    ("国家税务总局淄博市税务局", Level.UNKNOWN),
    (None, Level.UNKNOWN),
    ("", Level.UNKNOWN),
])
def test_admin_level(name: str | None, level: Level) -> None:
    assert admin_level(name) is level
