"""Plugin control: installed plugins are found; -p, -p no:, --disable-plugin-autoload;
require-plugins; and every way a plugin can be broken stops the run with exit 2 naming it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_lint import Config
from disclosure_lint.cli.main import cli
from disclosure_lint.errors import PluginError
from disclosure_lint.plugins.manager import Plugins

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "rules" / "samples" / "seed.txt").read_text(encoding="utf-8")

FAKE_PLUGIN = '''
from disclosure_lint import Check, Examples, hookimpl, rule, sample

__version__ = "0.3"


@rule("FZ001", name="title-mentions-fz", summary_en="The title does not mention 淄博.",
      examples=Examples(valid=[sample("seed")], invalid=[sample("seed", replace={"淄博市行政审批服务局2023": "2023"}, expect=1)]))
def title_mentions_fz(report, check: Check) -> None:
    """标题未提到淄博。"""
    if report.title and "淄博" not in report.title.text:
        check.fail("标题未提到淄博", "the title does not mention 淄博", at=report.title)


@hookimpl
def disclosure_lint_rules():
    return [title_mentions_fz]
'''


def _install_fake(site: Path, dist: str, ep_name: str, module: str, code: str) -> None:
    """What pip leaves behind: a module and a dist-info with an entry point in our group."""
    (site / f"{module}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    info = site / f"{dist}-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[disclosure_lint]\n{ep_name} = {module}\n", encoding="utf-8")


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    _install_fake(path, "fakeplug", "fake", "fake_fz_plugin", FAKE_PLUGIN)
    monkeypatch.syspath_prepend(str(path))
    return path


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_installed_plugin_is_found_and_listed(site: Path) -> None:
    code, out, _ = run("rules")
    assert code == 0 and "FZ001" in out
    code, out, _ = run("plugins")
    assert "fake 0.3 (fake_fz_plugin, package fakeplug)\n  rules: FZ001" in out
    code, out, _ = run("plugins", "--output-format", "json")
    import json

    entry = next(p for p in json.loads(out) if p["name"] == "fake")
    assert entry == {"name": "fake", "module": "fake_fz_plugin", "version": "0.3", "distribution": "fakeplug",
                     "contributes": {"rules": ["FZ001"]}}


@pytest.mark.parametrize("args", [["-p", "no:fake"], ["-p", "no:fakeplug"], ["-p", "no:fake_fz_plugin"],
                                  ["--disable-plugin-autoload"]])
def test_blocking_and_disabling_autoload(site: Path, args: list[str]) -> None:
    code, out, _ = run("rules", *args)
    assert code == 0 and "FZ001" not in out and "DL302" in out  # the built-in rules always load


def test_disable_autoload_by_environment(site: Path) -> None:
    code, out, _ = run("rules", env={"DISCLOSURE_LINT_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert code == 0 and "FZ001" not in out


def test_p_loads_a_module_even_without_autoload(site: Path) -> None:
    code, out, _ = run("rules", "--disable-plugin-autoload", "-p", "fake_fz_plugin")
    assert code == 0 and "FZ001" in out


def test_plugin_rules_fire_in_check(site: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(SEED.replace("淄博市行政审批服务局2023", "2023", 1), encoding="utf-8")
    code, out, _ = run("check", str(path), "--select", "FZ", "--output-format", "concise")
    assert code == 1 and "FZ001" in out
    code, out, _ = run("check", str(path), "--select", "DL1", "-p", "no:fake", "--output-format", "concise")
    assert "FZ001" not in out


def test_require_plugins(site: Path, tmp_path: Path) -> None:
    (tmp_path / "disclosure-lint.yaml").write_text("require-plugins: [fake]\n", encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_text(SEED, encoding="utf-8")
    assert run("check", str(path))[0] == 0
    assert run("check", str(path), "-p", "no:fake")[0] == 2
    code, _, err = run("check", str(path), "--disable-plugin-autoload")
    assert code == 2
    assert "required plugin(s) not loaded: fake" in err
    (tmp_path / "disclosure-lint.yaml").write_text("require-plugins: [fakeplug]\n", encoding="utf-8")
    assert run("check", str(path))[0] == 0  # the package's name works too
    code, _, err = run("plugins", "--config", str(tmp_path / "disclosure-lint.yaml"), "-p", "no:fake")
    assert code == 2 and "fakeplug" in err


def test_plugin_that_fails_to_import_is_named(site: Path, tmp_path: Path) -> None:
    _install_fake(site, "brokenplug", "broken", "broken_fz_plugin", "import no_such_dependency_xyz\n")
    path = tmp_path / "r.txt"
    path.write_text(SEED, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 2 and out == ""
    assert "plugin 'broken' (package brokenplug 0.3) failed to import: ModuleNotFoundError" in err
    assert run("check", str(path), "-p", "no:broken")[0] == 0  # a broken plugin can be blocked


def test_misspelt_hook_is_an_error(site: Path) -> None:
    (site / "typo_plugin.py").write_text(
        "from disclosure_lint import hookimpl\n\n@hookimpl\ndef disclosure_lint_rule():\n    return []\n",
        encoding="utf-8")
    code, _, err = run("rules", "-p", "typo_plugin")
    assert code == 2 and "disclosure_lint_rule" in err and "typo_plugin" in err


def test_prefix_clash_is_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tests" / "engine"))
    code, _, err = run("rules", "-p", "dl_test_plugin", "-p", "dl_clash_plugin")
    assert code == 2 and "prefix 'TST'" in err
    code, _, err = run("check", "-", "-p", "dl_test_plugin", "-p", "dl_clash_plugin")
    assert code == 2 and "prefix 'TST'" in err


def test_missing_p_module_is_exit_2() -> None:
    code, _, err = run("rules", "-p", "no_such_plugin_module_xyz")
    assert code == 2 and "plugin 'no_such_plugin_module_xyz' failed to import" in err


def test_local_plugin_file_from_config(tmp_path: Path) -> None:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "local_rules.py").write_text(FAKE_PLUGIN.replace("FZ001", "LP001"), encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text("plugins: [plugins/local_rules.py]\nrequire-plugins: [local_rules]\n",
                                                   encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_text(SEED.replace("淄博市行政审批服务局2023", "2023", 1), encoding="utf-8")
    code, out, err = run("check", str(path), "--select", "LP", "--output-format", "concise")
    assert code == 1 and "LP001" in out, err
    code, out, _ = run("rules", "--config", str(tmp_path / "disclosure-lint.yaml"))
    assert "LP001" in out


def test_configured_returns_the_same_set_when_nothing_is_new() -> None:
    plugins = Plugins(autoload=False)
    assert plugins.configured(Config()) is plugins
    more = plugins.configured(Config(rule_paths=(str(ROOT / "tests" / "yamlrules" / "pack"),)))
    assert more is not plugins and "LOC001" in more.rules and "LOC001" not in plugins.rules
    with pytest.raises(PluginError, match="required plugin"):
        plugins.require(["zibo"])
