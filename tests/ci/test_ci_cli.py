"""The command line in CI: the default format under GitHub Actions, --only-reports, the new formats."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_lint.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "2023年报.txt"
    path.write_text(SEED.replace("邮编：255022", "邮编：25502"), encoding="utf-8")
    return path


def test_github_format_is_the_default_in_github_actions(bad: Path) -> None:
    code, out, _ = run(str(bad), env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.startswith(f"::error file={bad},line=3,col=108,")
    assert "title=DL503 invalid-postcode::" in out
    code, out, _ = run(str(bad), "--output-format", "concise", env={"GITHUB_ACTIONS": "true"})
    assert out.startswith(f"{bad}:3:108: DL503")  # an explicit format wins
    assert run(str(bad), env={"GITHUB_ACTIONS": "false"})[1].startswith(f"{bad}:3:108: DL503 [错误]")


def test_github_annotation_paths_are_relative_to_the_workspace(bad: Path) -> None:
    out = run(str(bad), "-f", "github", env={"GITHUB_WORKSPACE": str(bad.parent)})[1]
    assert out.startswith("::error file=2023年报.txt,line=3")


@pytest.mark.parametrize("fmt", ["github", "junit", "json-lines", "gitlab"])
def test_new_formats_are_accepted_and_keep_the_exit_code(bad: Path, fmt: str) -> None:
    code, out, _ = run(str(bad), "--output-format", fmt)
    assert code == 1 and out
    if fmt == "junit":
        assert ET.fromstring(out).get("failures") == "1"
    elif fmt == "json-lines":
        assert json.loads(out.splitlines()[-1])["error"] == 1
    elif fmt == "gitlab":
        assert json.loads(out)[0]["check_name"] == "DL503 invalid-postcode"


def test_only_reports_passes_over_named_pages(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<html><body><h1>信息公开</h1><p>欢迎访问。</p></body></html>", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("# 网站\n\n本仓库存放网站页面。\n", encoding="utf-8")
    assert run(str(page), str(readme))[0] == 1  # named files are linted: DL001
    code, out, _ = run(str(page), str(readme), "--only-reports")
    assert code == 0, out  # nothing to lint is fine for a pre-commit hook
    assert "略过 2 个非年度报告文件" in out


def test_only_reports_still_lints_reports(bad: Path, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# 网站\n", encoding="utf-8")
    code, out, _ = run(str(bad), str(readme), "--only-reports", "-f", "concise")
    assert code == 1 and "DL503" in out and "README" not in out.split("\n\n")[0]


def test_suppression_rules_are_listed_like_any_rule() -> None:
    out = CliRunner().invoke(cli, ["rules", "--output-format", "json"]).stdout
    rules = {r["id"]: r for r in json.loads(out)}
    assert rules["DL012"]["name"] == "unused-suppression" and rules["DL012"]["severity"] == "info"
    assert rules["DL013"]["name"] == "stale-baseline-entry" and "suppression" in rules["DL013"]["tags"]
    page = CliRunner().invoke(cli, ["rule", "DL012"]).stdout
    assert "disable-next" in page and "## 示例 / Examples" in page


def test_real_subprocess_under_github_actions(bad: Path) -> None:
    import os

    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    done = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", bad.name], cwd=bad.parent, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("::error file=2023年报.txt,line=3,col=108,endLine=3")
