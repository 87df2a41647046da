"""The ``json`` output: a versioned, documented, deterministic shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import reporter_cases as cases

from disclosure_lint.reporters.json_report import json_reporter

ALL = ("RPT302", "RPT501", "RPT110", "RPT401", "RPT900")
DOC = Path(__file__).resolve().parents[2] / "docs" / "output-formats.md"

FILE_KEYS = ["path", "format", "report", "passed_over", "input_error", "counts", "findings", "skipped", "errors",
             "rules_run", "suppressed"]
FINDING_KEYS = ["rule_id", "rule_name", "severity", "message", "message_zh", "message_en", "location", "pointer",
                "logical", "key", "path", "expected", "actual", "related", "fix", "fix_zh", "fix_en", "fingerprint",
                "plugin"]
SUMMARY_KEYS = ["files", "findings", "error", "warning", "info", "skipped", "internal_errors", "input_errors",
                "passed_over", "suppressed"]


def _batch() -> list:
    return [cases.lint(cases.text_report(agency=None), only=ALL), cases.input_error(), cases.lint(cases.docx_report())]


def test_shape_and_key_order() -> None:
    doc = json.loads(json_reporter(_batch(), cases.context(ALL)))
    assert list(doc) == ["version", "tool", "lang", "fail_on", "files", "summary"]
    assert doc["version"] == 1 and doc["tool"] == {"name": "disclosure-lint", "version": "0.1.0"}
    assert [f["path"] for f in doc["files"]] == ["old.doc", "seed.docx", "seed.txt"]
    for f in doc["files"]:
        assert list(f) == FILE_KEYS
        for finding in f["findings"]:
            assert list(finding) == FINDING_KEYS
    assert list(doc["summary"]) == SUMMARY_KEYS
    assert doc["summary"] == {"files": 3, "findings": 5, "error": 2, "warning": 2, "info": 1, "skipped": 1,
                              "internal_errors": 1, "input_errors": 1, "passed_over": 0, "suppressed": 0}


def test_file_entries() -> None:
    doc = json.loads(json_reporter(_batch(), cases.context(ALL)))
    bad, docx, txt = doc["files"]
    assert bad["report"] is None and bad["format"] is None and bad["findings"] == []
    assert bad["input_error"]["en"].startswith("this is a legacy Word")  # the path is its own field
    assert docx["format"] == "docx" and docx["input_error"] is None
    assert txt["report"] == {"title": "淄博市行政审批服务局2023年政府信息公开工作年度报告", "agency": None,
                             "year": 2023, "template": "2021"}
    assert txt["skipped"] == [{"rule_id": "RPT401", "rule_name": "previous-year-carry-over",
                               "reason": "未提供上一年度的报告（--previous）",
                               "reason_zh": "未提供上一年度的报告（--previous）",
                               "reason_en": "no previous year's report was given (--previous)"}]
    assert [(e["rule_id"], e["plugin"]) for e in txt["errors"]] == [("RPT900", "reporter_test_plugin")]
    assert txt["errors"][0]["message"] == "ZeroDivisionError: division by zero"
    assert txt["counts"] == {"error": 1, "warning": 1, "info": 1}
    assert txt["rules_run"] == sorted(ALL)


def test_finding_fields() -> None:
    doc = json.loads(json_reporter([cases.lint(cases.text_report())], cases.context(lang="en")))
    total = next(f for f in doc["files"][0]["findings"] if f["rule_id"] == "RPT302")
    assert total["message"] == total["message_en"] != total["message_zh"]
    assert total["severity"] == "error"
    assert total["location"]["line"] == 47 and total["location"]["column"] == 2
    assert total["pointer"] == "/requests/rows/granted/cells/total"
    assert total["key"] == "requests.granted.total"
    assert total["path"] == "Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 总计 [total]"
    assert (total["expected"], total["actual"]) == ("4", "5")
    assert [r["key"] for r in total["related"]] == [f"requests.granted.{c}" for c in cases.COLUMNS[:-1]]
    assert total["related"][0]["value"] == "3" and total["related"][0]["location"]["line"] == 41
    assert total["fix"] == "check the six applicant columns, then correct the total"
    assert re.fullmatch(r"[0-9a-f]{32}", total["fingerprint"])
    assert total["plugin"] == "reporter_test_plugin"


def test_deterministic_and_independent_of_input_order() -> None:
    batch = _batch()
    first = json_reporter(batch, cases.context(ALL))
    assert first == json_reporter(_batch(), cases.context(ALL))
    assert first == json_reporter(list(reversed(batch)), cases.context(ALL))


def test_chinese_is_written_as_is_and_indented() -> None:
    out = json_reporter([cases.lint(cases.text_report())], cases.context())
    assert "表三“予以公开”行" in out and "\\u" not in out
    assert out.startswith('{\n  "version": 1,') and out.endswith("}\n")


def test_documented_in_output_formats() -> None:
    text = DOC.read_text(encoding="utf-8")
    for key in FILE_KEYS + FINDING_KEYS + SUMMARY_KEYS:
        assert f"`{key}`" in text, f"docs/output-formats.md does not document {key!r}"
