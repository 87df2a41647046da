"""The ``sarif`` output: valid SARIF 2.1.0 that GitHub code scanning accepts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import reporter_cases as cases

from disclosure_lint import LintResult
from disclosure_lint.reporters.sarif import sarif_reporter

ALL = ("RPT302", "RPT501", "RPT110", "RPT401", "RPT900")
SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif-schema-2.1.0.json"


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _sarif(results: list[LintResult], **ctx: Any) -> dict[str, Any]:
    only = ctx.pop("only", ALL)
    log = json.loads(sarif_reporter(results, cases.context(only, **ctx)))
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return log


def _batch() -> list[LintResult]:
    return [cases.lint(cases.text_report(agency=None), only=ALL), cases.input_error(), cases.lint(cases.docx_report())]


def _walk(node: Any, key: str) -> Iterator[Any]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)


CASES = {
    "findings": lambda: [cases.lint(cases.text_report())],
    "docx": lambda: [cases.lint(cases.docx_report())],
    "clean": lambda: [cases.lint(cases.text_report(postcode="255022"), only=["RPT501"])],
    "batch": _batch,
    "no-table": lambda: [cases.lint(cases.text_report(table=False), only=ALL)],
    "nothing": lambda: [],
    "pdf": lambda: [cases.lint(cases.pdf_report(), only=ALL)],
    "grid": lambda: [cases.lint(cases.text_report(grid=True), only=ALL)],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_valid_against_the_official_schema(case: str, lang: str) -> None:
    log = _sarif(CASES[case](), lang=lang)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1


def test_github_requirements_on_every_result() -> None:
    log = _sarif(_batch())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == 5
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert result["level"] in ("error", "warning", "note")
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] and physical["region"]["startLine"] >= 1
        assert run["artifacts"][physical["artifactLocation"]["index"]]["location"]["uri"] == \
            physical["artifactLocation"]["uri"]
        assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        assert len(result["partialFingerprints"]["disclosureLint/v1"]) == 32
    starts = list(_walk(log, "startLine"))
    assert starts and all(isinstance(s, int) and s >= 1 for s in starts)


def test_rules_describe_every_selected_rule() -> None:
    # RPT401 never reports and RPT900 raises, yet both are selected, so both are described.
    log = _sarif([cases.lint(cases.text_report(), only=ALL)])
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(ALL)
    total = next(r for r in rules if r["id"] == "RPT302")
    assert total["name"] == "requests-row-total"
    assert total["shortDescription"]["text"] == "表三每一行的“总计”须等于六类申请人之和。"
    assert total["fullDescription"]["text"].startswith("表三各行“总计”列是六类申请人")
    assert total["help"]["text"] and total["help"]["markdown"].startswith("**RPT302** `requests-row-total`")
    assert total["defaultConfiguration"] == {"level": "error"}
    assert total["properties"]["tags"] == ["arithmetic", "table3"]
    assert total["properties"]["precision"] == "high"
    assert total["properties"]["problem.severity"] == "error"
    info = next(r for r in rules if r["id"] == "RPT110")
    assert info["defaultConfiguration"] == {"level": "note"} and info["properties"]["problem.severity"] == "recommendation"
    assert "helpUri" not in total  # a third-party rule: the core's docs do not describe it
    en = _sarif([cases.lint(cases.text_report())], lang="en", only=["RPT302"])["runs"][0]["tool"]["driver"]["rules"]
    assert en[0]["shortDescription"]["text"] == "Table 3: a row's total differs from the sum of its six applicant columns."


def test_builtin_rules_link_to_their_documentation() -> None:
    from disclosure_lint.reporters.base import ReportContext

    spec = cases.linter().rules["RPT302"].with_plugin("builtin")
    ctx = ReportContext(rules={"RPT302": spec}, docs_url="https://example.org/rules/")
    log = json.loads(sarif_reporter([cases.lint(cases.text_report(), only=["RPT302"])], ctx))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["helpUri"] == "https://example.org/rules/RPT302.md"
    assert "(https://example.org/rules/RPT302.md)" in rule["help"]["markdown"]


def test_text_file_result_points_at_its_line_and_cells() -> None:
    log = _sarif([cases.lint(cases.text_report())])
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "RPT302")
    location = result["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 47, "startColumn": 2, "endLine": 47,
                                                      "endColumn": 3}
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "seed.txt", "uriBaseId": "%SRCROOT%",
                                                                "index": 0}
    assert location["logicalLocations"] == [{
        "name": "total", "fullyQualifiedName": "requests.granted.total", "kind": "value",
        "decoratedName": "表三 › 三、本年度办理结果 › （一）予以公开 › 总计"}]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2, 3, 4, 5, 6]
    assert related[0]["physicalLocation"]["region"]["startLine"] == 41
    assert related[0]["message"]["text"] == "表三 › 三、本年度办理结果 › （一）予以公开 › 自然人 = 3"
    assert result["properties"]["expected"] == "4" and result["properties"]["actual"] == "5"
    assert result["properties"]["pointer"] == "/requests/rows/granted/cells/total"
    assert result["message"]["text"] == "表三“予以公开”行“总计”列应为 4（六类申请人之和），实为 5"


def test_docx_result_has_line_one_and_names_the_cell() -> None:
    log = _sarif([cases.lint(cases.docx_report())], lang="en")
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "RPT302")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert result["message"]["text"].endswith(" (document table 3, row 6, cell 10)")
    props = result["properties"]
    assert (props["table"], props["row"], props["cell"]) == (2, 5, 9)
    assert props["pointer"] == "/requests/rows/granted/cells/total"
    assert all(r["physicalLocation"]["region"] == {"startLine": 1} for r in result["relatedLocations"])
    assert result["relatedLocations"][0]["message"]["text"].endswith("= 3 (document table 3, row 6, cell 4)")


def test_whole_report_finding_still_has_a_line_and_a_logical_location() -> None:
    log = _sarif([cases.lint(cases.text_report(agency=None), only=["RPT110"])], only=["RPT110"])
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert result["locations"][0]["logicalLocations"][0]["kind"] == "module"


def test_artifacts_carry_hashes_when_known() -> None:
    run = _sarif(_batch())["runs"][0]
    by_uri = {a["location"]["uri"]: a for a in run["artifacts"]}
    assert set(by_uri) == {"old.doc", "seed.docx", "seed.txt"}
    assert by_uri["seed.txt"]["hashes"] == {"sha-256": cases.SHA}
    assert by_uri["seed.docx"]["hashes"] == {"sha-256": cases.SHA}
    assert "hashes" not in by_uri["old.doc"]


def test_notifications_for_skips_internal_errors_and_input_errors() -> None:
    run = _sarif(_batch())["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    driver = run["tool"]["driver"]
    by_kind = {n["descriptor"]["id"]: n for n in notes}
    assert set(by_kind) == {"rule-skipped", "internal-error", "input-error"}
    for n in notes:
        assert driver["notifications"][n["descriptor"]["index"]]["id"] == n["descriptor"]["id"]
        if "associatedRule" in n:
            assert driver["rules"][n["associatedRule"]["index"]]["id"] == n["associatedRule"]["id"]
    skip = by_kind["rule-skipped"]
    assert skip["level"] == "note" and skip["associatedRule"]["id"] == "RPT401"
    assert "未提供上一年度的报告" in skip["message"]["text"]
    error = by_kind["internal-error"]
    assert error["level"] == "error" and error["associatedRule"]["id"] == "RPT900"
    assert "RPT900" in error["message"]["text"] and "reporter_test_plugin" in error["message"]["text"]
    assert error["exception"] == {"kind": "ZeroDivisionError", "message": "division by zero"}
    bad = by_kind["input-error"]
    assert bad["level"] == "error"
    assert bad["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "old.doc"
    clean = _sarif([cases.lint(cases.text_report())])["runs"][0]["invocations"][0]
    assert clean == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_uris_are_relative_and_percent_encoded() -> None:
    path = "年报/2023年 报告.txt"
    run = _sarif([cases.lint(cases.text_report(path), path=path)])["runs"][0]
    assert run["artifacts"][0]["location"] == {"uri": "%E5%B9%B4%E6%8A%A5/2023%E5%B9%B4%20%E6%8A%A5%E5%91%8A.txt",
                                               "uriBaseId": "%SRCROOT%"}
    assert "originalUriBaseIds" not in run


def test_srcroot_gives_original_uri_base_ids(tmp_path: Path) -> None:
    path = str(tmp_path / "sub" / "a.txt")
    run = _sarif([cases.lint(cases.text_report(path), path=path)], extra={"srcroot": str(tmp_path)})["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    assert run["artifacts"][0]["location"] == {"uri": "sub/a.txt", "uriBaseId": "%SRCROOT%"}


def test_deterministic() -> None:
    batch = _batch()
    assert sarif_reporter(batch, cases.context(ALL)) == sarif_reporter(list(reversed(_batch())), cases.context(ALL))
    assert "Traceback" not in sarif_reporter(batch, cases.context(ALL))


def test_registry_names_every_format() -> None:
    from disclosure_lint.reporters.csv_report import csv_reporter
    from disclosure_lint.reporters.github import github_reporter
    from disclosure_lint.reporters.gitlab import gitlab_reporter
    from disclosure_lint.reporters.html_report import html_reporter
    from disclosure_lint.reporters.json_lines import json_lines_reporter
    from disclosure_lint.reporters.json_report import json_reporter
    from disclosure_lint.reporters.junit import junit_reporter
    from disclosure_lint.reporters.registry import builtin_reporters
    from disclosure_lint.reporters.text import concise, full

    assert builtin_reporters() == {"full": full, "concise": concise, "json": json_reporter, "sarif": sarif_reporter,
                                   "html": html_reporter, "json-lines": json_lines_reporter,
                                   "github": github_reporter, "junit": junit_reporter, "gitlab": gitlab_reporter,
                                   "csv": csv_reporter}
    assert set(cases.plugins().reporters()) >= {"full", "concise", "json", "sarif", "html", "json-lines", "github",
                                                "junit", "gitlab", "csv"}


def test_pdf_result_has_line_one_page_and_box() -> None:
    log = _sarif([cases.lint(cases.pdf_report())])
    run = log["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "RPT302")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert result["message"]["text"].endswith("（第5页，第5行）")
    assert result["properties"]["page"] == 5 and len(result["properties"]["bbox"]) == 4
    assert run["artifacts"][0]["mimeType"] == "application/pdf"


def test_text_reader_grid_position_stays_in_properties_not_in_the_region() -> None:
    log = _sarif([cases.lint(cases.text_report(grid=True))])
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "RPT302")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 47
    assert (result["properties"]["table"], result["properties"]["row"], result["properties"]["cell"]) == (1, 5, 9)
    assert result["properties"]["where"] == "第47行第2列"
    assert result["message"]["text"].endswith("实为 5")


def test_a_rule_missing_from_the_context_is_still_described() -> None:
    # Defensive: every result must have its rule even if the caller passed a narrower rule set.
    log = _sarif([cases.lint(cases.text_report(), only=ALL)], only=())
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == ["RPT302", "RPT401", "RPT501", "RPT900"]
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
