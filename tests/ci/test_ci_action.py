"""The composite GitHub Action (action.yml) and its run step, executed locally with a fake runner
environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the INPUT_* variables the step sets)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")


def _action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _step(name: str) -> dict[str, Any]:
    return next(s for s in _action()["runs"]["steps"] if s.get("name") == name)


def test_action_is_composite_and_wires_its_inputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"path", "args", "sarif-file", "python-version", "category", "upload", "annotations",
            "fail-on-findings"} <= set(action["inputs"])
    assert all(spec.get("description") for spec in action["inputs"].values())
    uses = [s.get("uses", "") for s in action["runs"]["steps"]]
    assert uses[0].startswith("actions/setup-python@") and _step("Set up Python")["with"]["python-version"] == \
        "${{ inputs.python-version }}"
    assert '"$GITHUB_ACTION_PATH"' in _step("Install disclosure-lint")["run"]
    lint = _step("Lint")
    assert lint["id"] == "lint" and lint["run"] == "python -m disclosure_lint.ci_action"
    # Every INPUT_* the script reads is set by the step, from an input that exists.
    script = (ROOT / "disclosure_lint" / "ci_action.py").read_text(encoding="utf-8")
    read = set(re.findall(r'"(INPUT_[A-Z_]+)"', script))
    assert read == set(lint["env"])
    for var, value in lint["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", value).group(1)
        assert name in action["inputs"] and var == "INPUT_" + name.upper().replace("-", "_")
    upload = _step("Upload SARIF to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"] == {"sarif_file": "${{ steps.lint.outputs.sarif-file }}",
                              "category": "${{ inputs.category }}"}
    assert "always()" in upload["if"]
    for out in action["outputs"].values():
        assert out["value"].startswith("${{ steps.lint.outputs.")


@pytest.mark.parametrize(("code", "expected"), [("1", 1), ("2", 2)])
def test_verdict_step_fails_with_the_lint_exit_code(code: str, expected: int) -> None:
    verdict = _step("Verdict")
    assert "steps.lint.outputs.exit-code != '0'" in verdict["if"] and "fail-on-findings" in verdict["if"]
    done = subprocess.run(["bash", "-c", verdict["run"]], env={**os.environ, "EXIT_CODE": code},
                          capture_output=True, text=True, check=False)
    assert done.returncode == expected and f"exited with {code}" in done.stdout


def _run(site: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    out, summary = site / "github_output", site / "step_summary"
    out.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_OUTPUT": str(out), "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_WORKSPACE": str(site), "GITHUB_ACTIONS": "true",
           **{f"INPUT_{k.upper()}": v for k, v in inputs.items()}}
    done = subprocess.run([sys.executable, "-m", "disclosure_lint.ci_action"], cwd=site, env=env,
                          capture_output=True, text=True, check=False)
    outputs = dict(line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines())
    return done, outputs, summary.read_text(encoding="utf-8") if summary.exists() else ""


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2023.txt").write_text(SEED.replace("邮编：255022", "邮编：25502"), encoding="utf-8")
    (tmp_path / "reports" / "index.html").write_text("<html><body><p>首页</p></body></html>", encoding="utf-8")
    return tmp_path


def test_findings_write_sarif_annotate_and_set_outputs(site: Path) -> None:
    done, outputs, summary = _run(site, path="reports", args="--fail-on warning", sarif_file="out/lint.sarif",
                                  category="reports")
    assert done.returncode == 0, done.stderr  # the step never fails: upload must still run
    assert outputs == {"exit-code": "1", "sarif-file": "out/lint.sarif", "errors": "1", "warnings": "0", "notes": "0"}
    log = json.loads((site / "out" / "lint.sarif").read_text(encoding="utf-8"))
    run = log["runs"][0]
    assert run["automationDetails"] == {"id": "reports/"}
    assert [r["ruleId"] for r in run["results"]] == ["DL503"]
    assert run["artifacts"][0]["location"]["uri"] == "reports/2023.txt"
    assert "::error file=reports/2023.txt,line=3,col=108" in done.stdout
    assert "### disclosure-lint: ❌ findings" in summary and "| 1 | 0 | 0 |" in summary


def test_clean_reports(site: Path) -> None:
    (site / "reports" / "2023.txt").write_text(SEED, encoding="utf-8")
    done, outputs, summary = _run(site, path="reports", annotations="false")
    assert outputs["exit-code"] == "0" and outputs["sarif-file"] == "disclosure-lint.sarif"
    assert (site / "disclosure-lint.sarif").is_file()
    assert "::" not in done.stdout  # annotations off
    assert "✅ passed" in summary


def test_several_paths_and_defaults(site: Path) -> None:
    (site / "more").mkdir()
    (site / "more" / "2022.txt").write_text(SEED.replace("2023", "2022"), encoding="utf-8")
    done, outputs, _ = _run(site, path="reports more/2022.txt")
    log = json.loads((site / "disclosure-lint.sarif").read_text(encoding="utf-8"))
    assert {a["location"]["uri"] for a in log["runs"][0]["artifacts"]} == {"reports/2023.txt", "more/2022.txt"}
    assert log["runs"][0]["automationDetails"] == {"id": "disclosure-lint/"}
    assert outputs["exit-code"] == "1"


def test_usage_errors_write_no_sarif_and_no_stale_one_is_uploaded(site: Path) -> None:
    (site / "disclosure-lint.sarif").write_text("{}", encoding="utf-8")  # left by an earlier step
    done, outputs, summary = _run(site, path="reports", args="--fail-on nonsense")
    assert outputs == {"exit-code": "2"}
    assert not (site / "disclosure-lint.sarif").exists()
    assert "::" not in done.stdout and "⚠️ error" in summary


def test_args_may_not_choose_the_output(site: Path) -> None:
    done, outputs, _ = _run(site, path="reports", args="--output-format=json")
    assert outputs == {"exit-code": "2"}
    assert "::error title=disclosure-lint::the args input may not set --output-format=json" in done.stdout


def test_input_errors_still_give_sarif(site: Path) -> None:
    done, outputs, _ = _run(site, path="reports missing.txt")
    assert outputs["exit-code"] == "2" and outputs["sarif-file"] == "disclosure-lint.sarif"
    log = json.loads((site / "disclosure-lint.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert "::error file=missing.txt,title=输入错误::" in done.stdout
