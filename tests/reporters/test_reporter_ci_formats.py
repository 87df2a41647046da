"""The CI outputs: ``github`` annotations, ``junit`` XML, ``json-lines``, GitLab code quality, and
SARIF's CI behaviour (suppressions, size limit, automation details)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import reporter_cases as cases

from disclosure_lint import LintResult
from disclosure_lint.engine.finding import Suppression
from disclosure_lint.reporters import sarif
from disclosure_lint.reporters.github import escape_data, escape_property, github_reporter
from disclosure_lint.reporters.gitlab import gitlab_reporter
from disclosure_lint.reporters.json_lines import json_lines_reporter
from disclosure_lint.reporters.junit import junit_reporter

ALL = ("RPT302", "RPT501", "RPT110", "RPT401", "RPT900")
SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif-schema-2.1.0.json"


def _batch() -> list[LintResult]:
    return [cases.lint(cases.text_report(agency=None), only=ALL), cases.input_error(), cases.lint(cases.docx_report())]


def _suppressed(result: LintResult, rule_id: str, kind: str = "baseline", reason: str = "accepted") -> LintResult:
    """The result with ``rule_id``'s findings moved aside as suppressed."""
    moved = tuple(f.model_copy(update={"suppression": Suppression(kind=kind, reason=reason, source="b.yaml")})
                  for f in result.findings if f.rule_id == rule_id)
    return replace(result, findings=tuple(f for f in result.findings if f.rule_id != rule_id), suppressed=moved)


# ---- github ------------------------------------------------------------------------------------
def test_github_annotations() -> None:
    out = github_reporter(_batch(), cases.context(ALL, lang="en")).splitlines()
    assert len(out) == 8  # 5 findings, an input error, an internal error, the summary
    txt = next(line for line in out if line.startswith("::error file=seed.txt") and "RPT302" in line)
    assert txt.startswith("::error file=seed.txt,line=47,col=2,endLine=47,endColumn=3,"
                          "title=RPT302 requests-row-total::")
    assert "%0Afix: check the six applicant columns" in txt  # the fix hint on its own line
    assert any(line.startswith("::warning file=seed.txt,line=3,col=88,title=RPT501 postcode-format::") for line in out)
    assert any(line.startswith("::notice file=seed.txt,title=RPT110 agency-named::") for line in out)
    # .docx: no line, the place in words instead
    docx = next(line for line in out if line.startswith("::error file=seed.docx"))
    assert "line=" not in docx and "(document table 3, row 6, cell 10)" in docx
    assert any(line.startswith("::error file=seed.txt,title=internal error RPT900::") for line in out)
    assert any(line.startswith("::error file=old.doc,title=input error::this is a legacy Word") for line in out)
    assert out[-1] == "disclosure-lint: 3 file(s) checked: 2 error(s), 2 warning(s), 1 info; " \
                      "1 input error(s), 1 internal error(s)"
    assert "RPT401" not in "\n".join(out)  # a skip is not an annotation


def test_github_escaping_cannot_inject_commands() -> None:
    assert escape_data("50%\r\n::error::x") == "50%25%0D%0A::error::x"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    out = github_reporter([cases.lint(cases.text_report("dir,1/a:b.txt"), path="dir,1/a:b.txt")], cases.context())
    assert "file=dir%2C1/a%3Ab.txt" in out
    for line in out.splitlines()[:-1]:
        assert line.startswith("::") and "\n" not in line


def test_github_paths_relative_to_the_workspace(tmp_path: Path) -> None:
    path = str(tmp_path / "site" / "reports" / "a.txt")
    result = cases.lint(cases.text_report(path), path=path)
    out = github_reporter([result], cases.context(extra={"workspace": str(tmp_path)}))
    assert "file=site/reports/a.txt," in out
    assert f"file={path}" in github_reporter([result], cases.context()).replace("%3A", ":")


# ---- junit -------------------------------------------------------------------------------------
def test_junit_structure_and_counts() -> None:
    root = ET.fromstring(junit_reporter(_batch(), cases.context(ALL)))
    assert root.tag == "testsuites" and root.get("name") == "disclosure-lint"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["old.doc", "seed.docx", "seed.txt"]
    for suite in [root, *suites]:
        cases_ = suite.iter("testcase")
        listed = list(cases_)
        assert int(suite.get("tests")) == len(listed)
        for kind in ("failure", "error", "skipped"):
            plural = {"failure": "failures", "error": "errors", "skipped": "skipped"}[kind]
            assert int(suite.get(plural)) == sum(1 for c in listed if c.find(kind) is not None)
    bad, docx, txt = suites
    (read,) = bad.findall("testcase")
    assert read.get("name") == "read" and read.find("error").get("type") == "input-error"
    names = {c.get("name"): c for c in txt.findall("testcase")}
    assert sorted(names) == ["RPT110 agency-named", "RPT302 requests-row-total", "RPT401 previous-year-carry-over",
                             "RPT501 postcode-format", "RPT900 always-raises"]
    failure = names["RPT302 requests-row-total"].find("failure")
    assert failure.get("type") == "error" and failure.get("message") == "1 个问题"
    assert "seed.txt 第47行第2列: [error] 表三 › 三、本年度办理结果 › （一）予以公开 › 总计：" in failure.text
    assert names["RPT501 postcode-format"].find("failure").get("type") == "warning"
    info = names["RPT110 agency-named"]  # below fail-on: passes, listed in system-out
    assert info.find("failure") is None and "报告未写明发布机关" in info.find("system-out").text
    skipped = names["RPT401 previous-year-carry-over"].find("skipped")
    assert skipped.get("message") == "未提供上一年度的报告（--previous）"
    assert "ZeroDivisionError" in names["RPT900 always-raises"].find("error").get("message")
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("8", "4", "2", "1")


def test_junit_fail_on_info_fails_info_findings_and_clean_runs_pass() -> None:
    from disclosure_lint.model import Severity

    root = ET.fromstring(junit_reporter([cases.lint(cases.text_report(agency=None), only=["RPT110"])],
                                        cases.context(["RPT110"], fail_on=Severity.INFO)))
    assert root.find("testsuite/testcase/failure").get("type") == "info"
    clean = ET.fromstring(junit_reporter([cases.lint(cases.text_report(postcode="255022"), only=["RPT501"])],
                                         cases.context(["RPT501"])))
    assert (clean.get("tests"), clean.get("failures"), clean.get("errors")) == ("1", "0", "0")
    assert junit_reporter([], cases.context()).startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')


# ---- json-lines --------------------------------------------------------------------------------
def test_json_lines_shape() -> None:
    lines = [json.loads(line) for line in json_lines_reporter(_batch(), cases.context(ALL)).splitlines()]
    assert all(list(obj)[:2] == ["type", "version"] and obj["version"] == 1 for obj in lines)
    assert [o["type"] for o in lines] == ["input-error", "finding", "finding", "finding", "finding", "finding",
                                          "skipped", "internal-error", "summary"]
    assert [(o["file"], o["rule_id"]) for o in lines if o["type"] == "finding"] == [
        ("seed.docx", "RPT501"), ("seed.docx", "RPT302"), ("seed.txt", "RPT501"), ("seed.txt", "RPT302"),
        ("seed.txt", "RPT110")]
    finding = lines[2]
    assert finding["suppression"] is None
    assert len(finding["fingerprint"]) == 32 and finding["location"]["table"] == 2
    assert lines[0]["message_en"].startswith("this is a legacy Word")  # the path is its own field
    assert lines[-1] == {"type": "summary", "version": 1, "files": 3, "findings": 5, "error": 2, "warning": 2,
                         "info": 1, "skipped": 1, "internal_errors": 1, "input_errors": 1, "passed_over": 0,
                         "suppressed": 0}


def test_json_lines_suppressed_only_when_asked() -> None:
    result = _suppressed(cases.lint(cases.text_report()), "RPT501")
    plain = json_lines_reporter([result], cases.context())
    assert "RPT501" not in plain and '"suppressed":1' in plain
    shown = [json.loads(x) for x in json_lines_reporter([result], cases.context(report_suppressed=True)).splitlines()]
    (s,) = [o for o in shown if o.get("rule_id") == "RPT501"]
    assert s["suppression"] == {"kind": "baseline", "reason": "accepted", "source": "b.yaml"}


# ---- gitlab ------------------------------------------------------------------------------------
def test_gitlab_code_quality() -> None:
    issues = json.loads(gitlab_reporter(_batch(), cases.context(ALL)))
    assert isinstance(issues, list) and len(issues) == 7
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 32
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by = {(i["location"]["path"], i["check_name"]): i for i in issues}
    total = by[("seed.txt", "RPT302 requests-row-total")]
    assert total["severity"] == "major" and total["location"]["lines"]["begin"] == 47
    assert total["description"].startswith("表三 › 三、本年度办理结果 › （一）予以公开 › 总计：")
    assert by[("seed.txt", "RPT501 postcode-format")]["severity"] == "minor"
    assert by[("seed.txt", "RPT110 agency-named")]["severity"] == "info"
    assert by[("seed.docx", "RPT302 requests-row-total")]["location"]["lines"]["begin"] == 1
    assert by[("old.doc", "input-error")]["severity"] == "blocker"
    assert by[("seed.txt", "internal-error RPT900")]["severity"] == "blocker"
    # The same defect in two files: two issues, two fingerprints; the same run twice: the same ones.
    assert total["fingerprint"] != by[("seed.docx", "RPT302 requests-row-total")]["fingerprint"]
    assert gitlab_reporter(_batch(), cases.context(ALL)) == \
        gitlab_reporter(list(reversed(_batch())), cases.context(ALL))
    assert json.loads(gitlab_reporter([], cases.context())) == []


# ---- sarif in CI --------------------------------------------------------------------------------
def _validate(log: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
    assert not errors, errors[0].message


def test_sarif_leaves_suppressed_findings_out_unless_asked() -> None:
    result = _suppressed(cases.lint(cases.text_report()), "RPT501", kind="inline", reason="邮编待核实")
    plain = json.loads(sarif.sarif_reporter([result], cases.context()))
    assert [r["ruleId"] for r in plain["runs"][0]["results"]] == ["RPT302"]
    shown = json.loads(sarif.sarif_reporter([result], cases.context(report_suppressed=True)))
    _validate(shown)
    (s,) = [r for r in shown["runs"][0]["results"] if r["ruleId"] == "RPT501"]
    assert s["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "邮编待核实",
                                  "properties": {"by": "inline", "source": "b.yaml"}}]
    baseline = _suppressed(cases.lint(cases.text_report()), "RPT501", reason="")
    (b,) = [r for r in json.loads(sarif.sarif_reporter([baseline], cases.context(report_suppressed=True)))
            ["runs"][0]["results"] if r["ruleId"] == "RPT501"]
    assert b["suppressions"][0]["kind"] == "external" and "justification" not in b["suppressions"][0]


def test_sarif_keeps_within_githubs_result_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    log = json.loads(sarif.sarif_reporter(_batch(), cases.context(ALL)))
    _validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "error"]  # the most severe kept, in order
    note = next(n for n in run["invocations"][0]["toolExecutionNotifications"]
                if n["descriptor"]["id"] == "results-truncated")
    assert note["level"] == "warning" and "另有 3 条未写入" in note["message"]["text"]
    assert run["tool"]["driver"]["notifications"][note["descriptor"]["index"]]["id"] == "results-truncated"
    assert sarif.MAX_RELATED == 1000 and sarif.MAX_TAGS == 20


def test_sarif_automation_details_and_execution_success() -> None:
    ctx = cases.context(extra={"category": "reports"})
    log = json.loads(sarif.sarif_reporter([cases.lint(cases.text_report())], ctx))
    assert log["runs"][0]["automationDetails"] == {"id": "reports/"}
    assert "automationDetails" not in json.loads(sarif.sarif_reporter([], cases.context()))["runs"][0]
    unreadable = json.loads(sarif.sarif_reporter([cases.input_error()], cases.context()))
    assert unreadable["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_every_finding_kind_of_result_stays_valid_with_suppressions_everywhere() -> None:
    batch = [_suppressed(r, "RPT302") if r.report is not None else r for r in _batch()]
    log = json.loads(sarif.sarif_reporter(batch, cases.context(ALL, report_suppressed=True, lang="en")))
    _validate(log)
    assert sum(1 for r in log["runs"][0]["results"] if "suppressions" in r) == 2
