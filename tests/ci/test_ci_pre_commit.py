"""The repository's pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit.

pre-commit clones the hook repository at a revision and pip-installs it into an environment of its
own, exactly as a website repository's ``.pre-commit-config.yaml`` makes it do. So that the test
checks the working tree (committed or not), the package's files are copied into a temporary git
repository and committed there; a second temporary repository plays the website, with a clean
report, an ordinary page and a README. Installing the hook needs the package index (pip's cache
makes it quick: about 10 s for the first run here, the environment is then reused).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")
# What `pip install .` needs from the working tree, and the hook definition itself.
PACKAGE = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "disclosure_lint", "rules")
GIT = ("git", "-c", "user.name=disclosure-lint tests", "-c", "user.email=tests@example.invalid",
       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _hooks() -> list[dict[str, object]]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_definition() -> None:
    (hook,) = _hooks()
    assert hook["id"] == "disclosure-lint" and hook["language"] == "python"
    assert str(hook["entry"]).split() == ["disclosure-lint", "check", "--only-reports"]
    files = re.compile(str(hook["files"]))
    for name in ("2023.txt", "报告.md", "a/b/index.html", "x.htm", "年报.docx", "REPORT.PDF"):
        assert files.search(name), name
    for name in ("data.yaml", "logo.png", "style.css", "report.doc", "notes.txt.bak"):
        assert not files.search(name), name


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This working tree's package, committed in a repository of its own: (path, revision)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in PACKAGE:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=ignore)
        else:
            shutil.copy2(src, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot of the working tree", cwd=repo)
    return repo, _git("rev-parse", "HEAD", cwd=repo)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture()
def site(tmp_path: Path, hook_repo: tuple[Path, str]) -> Path:
    repo, rev = hook_repo
    site = tmp_path / "site"
    site.mkdir()
    _git("init", "-q", cwd=site)
    (site / "reports").mkdir()
    (site / "reports" / "2023.txt").write_text(SEED, encoding="utf-8")
    (site / "index.html").write_text("<html><body><h1>政府信息公开</h1><p>欢迎访问本站。</p></body></html>",
                                     encoding="utf-8")
    (site / "README.md").write_text("# 网站仓库\n\n页面与年度报告。\n", encoding="utf-8")
    (site / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{
        "repo": str(repo), "rev": rev, "hooks": [{"id": "disclosure-lint"}]}]}), encoding="utf-8")
    _git("add", "-A", cwd=site)
    return site


def _pre_commit(site: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args], cwd=site, env=env,
                          capture_output=True, text=True, check=False, timeout=600)


def test_hook_passes_a_clean_site(site: Path, pre_commit_home: Path) -> None:
    done = _pre_commit(site, pre_commit_home, "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^disclosure-lint\.+Passed$", done.stdout, re.MULTILINE), done.stdout


def test_hook_fails_a_report_with_findings_and_passes_over_pages(site: Path, pre_commit_home: Path) -> None:
    (site / "reports" / "2023.txt").write_text(SEED.replace("邮编：255022", "邮编：25502"), encoding="utf-8")
    _git("add", "-A", cwd=site)
    done = _pre_commit(site, pre_commit_home, "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"^disclosure-lint\.+Failed$", done.stdout, re.MULTILINE)
    assert "reports/2023.txt:3:108: DL503 [错误]" in done.stdout
    assert "略过 2 个非年度报告文件" in done.stdout  # index.html and README.md, handed over by pre-commit
    assert "DL001" not in done.stdout
    # Only the page in the commit: nothing to lint, the hook passes.
    only_page = _pre_commit(site, pre_commit_home, "--files", "index.html", "README.md")
    assert only_page.returncode == 0, only_page.stdout
