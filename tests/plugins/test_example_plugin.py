"""The example agency plugin (examples/plugins/disclosure-lint-zibo): its rules' examples, and the
promise of the issue — installing it makes its rules appear and fire, uninstalling removes them.

The install test builds and installs the plugin with pip into a fresh virtual environment that also
sees this environment's packages (disclosure-lint itself, pip, setuptools — through a .pth file, which
works whether the tests run in a system Python or in a virtual environment), so it works offline and
never touches the environment the other tests run in.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_lint.cli.main import cli
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import run_example

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "examples" / "plugins" / "disclosure-lint-zibo"
SEED = (ROOT / "rules" / "samples" / "seed.txt").read_text(encoding="utf-8")
ZB_IDS = ["ZB001", "ZB101", "ZB102", "ZB103", "ZB104", "ZB105"]

# A report that breaks 淄博's rules: the work-plan item gone, no 政策解读, a draft marker, a 济南
# phone number, the city office called 办公厅.
BROKEN = (SEED.replace("（四）《2023年淄博市政务公开工作方案》落实情况。", "（四）其他工作情况。")
          .replace("政策解读", "政策宣传")
          .replace("政府信息公开工作年度报告\n", "政府信息公开工作年度报告（征求意见稿）\n", 1)
          .replace("电话：0533-2306909", "电话：0531-2306909")
          .replace("按照市委、市政府“三提三争”活动部署", "按照淄博市人民政府办公厅部署"))
FIRED = ["ZB001", "ZB101", "ZB102", "ZB103", "ZB105"]


@pytest.fixture()
def importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))


def test_every_example_of_every_zibo_rule(importable: None) -> None:
    linter = Plugins(autoload=False, modules=["disclosure_lint_zibo"]).linter()
    zibo = [spec for rid, spec in linter.rules.items() if rid.startswith("ZB")]
    assert [s.id for s in zibo] == ZB_IDS
    assert {s.plugin for s in zibo} == {"disclosure_lint_zibo"}
    failures = []
    for spec in zibo:
        assert spec.examples.valid and spec.examples.invalid
        for kind, examples in (("valid", spec.examples.valid), ("invalid", spec.examples.invalid)):
            for example in examples:
                found = run_example(linter, spec, example)
                if len(found) != (example.expect if kind == "invalid" else 0):
                    failures.append((spec.id, kind, example.describe(), [f.message.zh for f in found]))
    assert failures == []


def test_with_p_the_rules_fire_and_the_seed_is_clean(importable: None, tmp_path: Path) -> None:
    broken, clean = tmp_path / "broken.txt", tmp_path / "clean.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    clean.write_text(SEED, encoding="utf-8")
    args = ["-p", "disclosure_lint_zibo", "--select", "ZB", "--output-format", "json"]
    result = CliRunner().invoke(cli, ["check", str(broken), str(clean), *args])
    assert result.exit_code == 1, result.stderr
    files = {Path(f["path"]).name: sorted(x["rule_id"] for x in f["findings"]) for f in json.loads(result.stdout)["files"]}
    assert files == {"broken.txt": FIRED, "clean.txt": []}
    # the plugin's default configuration makes DL509 a warning; the user's configuration wins
    (tmp_path / "disclosure-lint.yaml").write_text("severity: {DL509: info}\n", encoding="utf-8")
    odd_phone = tmp_path / "phone.txt"
    odd_phone.write_text(SEED.replace("电话：0533-2306909", "电话：（0533）2306909"), encoding="utf-8")
    with_default = CliRunner().invoke(cli, ["check", str(odd_phone), "--isolated", "-p", "disclosure_lint_zibo",
                                            "--select", "DL509"])
    assert with_default.exit_code == 1 and "DL509" in with_default.stdout
    users = CliRunner().invoke(cli, ["check", str(odd_phone), "-p", "disclosure_lint_zibo", "--select", "DL509"])
    assert users.exit_code == 0 and "DL509" in users.stdout


def test_install_use_uninstall_in_a_fresh_environment(tmp_path: Path) -> None:
    started = time.perf_counter()
    source = tmp_path / "disclosure-lint-zibo"  # build from a copy: pip writes build/ and egg-info in place
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / ("Scripts" if os.name == "nt" else "bin") / "python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "PIP_", "DISCLOSURE_LINT_"))}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INDEX="1", PIP_NO_CACHE_DIR="1", PYTHONUTF8="1")
    # This environment's packages, behind the venv's own: addsitedir also runs their .pth files
    # (the editable install of disclosure-lint is one).
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True, env=env).stdout.strip()
    outer = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    Path(purelib, "outer-environment.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in outer), encoding="utf-8")
    broken = tmp_path / "2023年报.txt"
    broken.write_text(BROKEN, encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([python, *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
                              check=False)

    def lint(*args: str) -> subprocess.CompletedProcess[str]:
        return run("-m", "disclosure_lint", *args)

    before = json.loads(lint("rules", "--output-format", "json").stdout)
    assert not any(r["id"].startswith("ZB") for r in before)

    installed = run("-m", "pip", "install", "--no-deps", "--no-build-isolation", "--quiet", str(source))
    assert installed.returncode == 0, installed.stderr

    rules = json.loads(lint("rules", "--output-format", "json").stdout)
    zibo = {r["id"]: r for r in rules if r["id"].startswith("ZB")}
    assert sorted(zibo) == ZB_IDS
    assert {r["plugin"] for r in zibo.values()} == {"zibo"}  # the entry point's name
    listing = lint("plugins").stdout
    assert "zibo 0.1.0 (disclosure_lint_zibo, package disclosure-lint-zibo)" in listing
    assert "yaml rules: ZB101, ZB102, ZB103, ZB104, ZB105" in listing and "fixtures: zibo_plan_items" in listing
    checked = lint("check", str(broken), "--output-format", "json")
    assert checked.returncode == 1, checked.stderr
    fired = sorted({f["rule_id"] for f in json.loads(checked.stdout)["files"][0]["findings"]} & set(ZB_IDS))
    assert fired == FIRED
    packaged = Path(run("-c", "import disclosure_lint_zibo; print(disclosure_lint_zibo.__file__)").stdout.strip())
    assert (packaged.parent / "rules" / "zibo.yaml").is_file()  # the YAML rules ship in the wheel
    assert lint("test-rules", str(packaged.parent / "rules")).returncode == 0
    (tmp_path / "disclosure-lint.yaml").write_text("require-plugins: [zibo]\n", encoding="utf-8")
    assert lint("check", str(broken), "--select", "DL1").returncode == 0  # required, and there

    removed = run("-m", "pip", "uninstall", "--yes", "--quiet", "disclosure-lint-zibo")
    assert removed.returncode == 0, removed.stderr

    after = json.loads(lint("rules", "--output-format", "json", "--isolated").stdout)
    assert not any(r["id"].startswith("ZB") for r in after)
    missing = lint("check", str(broken), "--select", "DL1")  # the config still requires it
    assert missing.returncode == 2
    assert "required plugin(s) not loaded: zibo" in missing.stderr
    (tmp_path / "disclosure-lint.yaml").unlink()
    unchecked = lint("check", str(broken), "--output-format", "json")
    assert not {f["rule_id"] for f in json.loads(unchecked.stdout)["files"][0]["findings"]} & set(ZB_IDS)
    elapsed = time.perf_counter() - started
    assert elapsed < 90, f"the install test took {elapsed:.1f} s"
