"""Folders: walked recursively, non-reports passed over, empty folders an input error."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from disclosure_lint.api import lint_paths
from disclosure_lint.cli.main import cli
from disclosure_lint.run.discovery import walk

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "reports" / "2023").mkdir(parents=True)
    shutil.copyfile(SEED, site / "reports" / "2023" / "zibo.txt")
    (site / "README.md").write_text("# 网站\n\n本仓库保存门户网站的页面。\n", encoding="utf-8")
    (site / "about.html").write_text("<html><body><p>关于我们</p></body></html>", encoding="utf-8")
    (site / "data.json").write_text('{"一、总体情况": "不是报告", "items": [1, 2]}', encoding="utf-8")
    (site / "disclosure-lint.yaml").write_text("lang: zh\n", encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (site / ".git").mkdir()
    (site / ".git" / "HEAD.txt").write_text("一、总体情况\n", encoding="utf-8")
    (site / "node_modules").mkdir()
    (site / "node_modules" / "x.txt").write_text("一、总体情况\n", encoding="utf-8")
    os.symlink(site, site / "reports" / "loop")
    return site


def test_walk_skips_vcs_dependencies_tool_files_and_symlinks(tmp_path: Path) -> None:
    site = _site(tmp_path)
    names = [p.relative_to(site).as_posix() for p in walk(site)]
    assert names == ["README.md", "about.html", "data.json", "reports/2023/zibo.txt"]


def test_non_reports_are_passed_over(tmp_path: Path) -> None:
    site = _site(tmp_path)
    results = lint_paths([site])
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["zibo.txt"].passed_over is False and by_name["zibo.txt"].exit_code() == 0
    assert all(by_name[n].passed_over for n in ("README.md", "data.json"))


def test_named_non_report_is_still_linted(tmp_path: Path) -> None:
    readme = _site(tmp_path) / "README.md"
    [result] = lint_paths([readme])
    assert not result.passed_over and [f.rule_id for f in result.findings] == ["DL001"]


def test_folder_without_reports_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(empty)])
    assert result.exit_code == 2
    assert "没有找到年度报告文件" in result.output


def test_cli_on_a_site_folder(tmp_path: Path) -> None:
    site = _site(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(site)])
    assert result.exit_code == 0, result.output
    assert "README.md" not in result.output or "略过" in result.output
