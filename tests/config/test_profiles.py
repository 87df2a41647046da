"""Profiles and ``extends``: the 2021 format by default, the 2019 trial profile chosen for reports
for 2019/2020, ``strict``, files extending files, and plugin defaults beneath the user's config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from disclosure_lint import Config, ConfigError, hookimpl
from disclosure_lint.builder.loading import parse_bytes
from disclosure_lint.cli.main import cli
from disclosure_lint.config import load_config_file
from disclosure_lint.config.profile import effective_config, layered, overlay, profile_names
from disclosure_lint.engine.linter import Linter
from disclosure_lint.model import Report, Severity
from disclosure_lint.plugins.manager import Plugins

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "rules" / "samples" / "seed.txt").read_text(encoding="utf-8")
FEE = "（一）依申请公开信息处理费收费情况。2023年，我单位无收取信息处理费的情况。"
NO_FEE_2023 = SEED.replace(FEE, "")
NO_FEE_2020 = NO_FEE_2023.replace("2023年", "2020年")
PLUGINS = Plugins(autoload=False)


def report(text: str) -> Report:
    return parse_bytes(text.encode("utf-8"), "r.txt", PLUGINS.readers())


def dl107(linter: Linter, text: str) -> list[str]:
    result = linter.lint_report(report(text))
    return [f.rule_id for f in result.findings if f.rule_id == "DL107"]


def test_shipped_profiles() -> None:
    assert profile_names() == ["default", "2019", "2021", "strict"]


def test_default_picks_the_2019_profile_for_2019_and_2020_reports() -> None:
    linter = PLUGINS.linter(Config())
    assert report(NO_FEE_2020).year == 2020
    assert dl107(linter, NO_FEE_2023) == ["DL107"]
    assert dl107(linter, NO_FEE_2020) == []          # no 信息处理费 before 2021
    assert "DL107" not in linter.lint_report(report(NO_FEE_2020)).rules_run
    assert "DL107" in linter.selected                 # the linter's own selection is the 2021 one


@pytest.mark.parametrize(("extends", "fires_2023", "fires_2020"), [
    ("2021", True, True), ("2019", False, False), ("default", True, False), ("strict", True, False)])
def test_extends_forces_a_profile(extends: str, fires_2023: bool, fires_2020: bool) -> None:
    linter = PLUGINS.linter(Config(extends=(extends,)))
    assert bool(dl107(linter, NO_FEE_2023)) is fires_2023
    assert bool(dl107(linter, NO_FEE_2020)) is fires_2020


def test_strict_fails_on_info() -> None:
    assert PLUGINS.linter(Config(extends=("strict",))).config.fail_on is Severity.INFO
    assert PLUGINS.linter(Config(extends=("strict",), fail_on=Severity.ERROR)).config.fail_on is Severity.ERROR
    assert PLUGINS.linter(Config()).config.fail_on is Severity.WARNING


def test_profile_ignores_add_up_with_the_users_and_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "disclosure-lint.yaml").write_text("ignore: [DL110]\n", encoding="utf-8")
    path = tmp_path / "2020年报.txt"
    path.write_text(NO_FEE_2020, encoding="utf-8")
    for args in ([], ["--ignore", "DL108"]):
        result = CliRunner().invoke(cli, ["check", str(path), "--output-format", "json", *args])
        assert '"DL107"' not in result.stdout, args
    result = CliRunner().invoke(cli, ["check", str(path), "--output-format", "json", "--extend-select", "DL107"])
    assert '"DL107"' not in result.stdout  # ignore wins over extend-select, as in ruff
    (tmp_path / "disclosure-lint.yaml").write_text("extends: 2021\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--output-format", "json"])
    assert '"DL107"' in result.stdout


def test_files_extend_files_and_merge_in_layers(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "base.yaml").write_text(
        "extends: strict\nselect: [DL1, DL5]\nignore: [DL110]\nseverity: {DL507: warning, DL509: error}\n"
        "rule-paths: [rules]\noptions: {DL306: {}}\nlang: en\n", encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text(
        "extends: [shared/base.yaml]\nignore: [DL108]\nseverity: {DL509: info}\nlang: zh\n", encoding="utf-8")
    config = load_config_file(tmp_path / "disclosure-lint.yaml")
    assert config.extends == ("strict",)                       # profile names stay for the linter
    assert config.select == ("DL1", "DL5")                      # from the base
    assert config.ignore == ("DL110", "DL108")                  # adds up
    assert config.severity == {"DL507": Severity.WARNING, "DL509": Severity.INFO}  # per rule, child wins
    assert config.lang == "zh"                                  # child wins
    assert config.rule_paths == (str((shared / "rules").resolve()),)  # relative to the base file
    effective = effective_config(config)
    assert effective.fail_on is Severity.INFO and effective.extends == ()


@pytest.mark.parametrize(("text", "needle"), [
    ("extends: strct\n", "neither a profile (default, 2019, 2021, strict) nor a file"),
    ("extends: [a.yaml]\n", "cycle"),
    ("extends: {x: 1}\n", "invalid value for 'extends'"),
    ("rule_pathz: [x]\n", "unknown configuration key: 'rule_pathz'"),
    ("require-plugins: 3\n", "invalid value for 'require-plugins'"),
])
def test_bad_extends_and_keys_are_errors(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / "a.yaml").write_text("extends: [disclosure-lint.yaml]\n", encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config_file(tmp_path / "disclosure-lint.yaml")
    assert needle in str(err.value)


def test_unknown_profile_in_python_config_is_an_error() -> None:
    with pytest.raises(ConfigError, match="not a profile"):
        PLUGINS.linter(Config(extends=("base.yaml",)))


def test_profiles_name_only_builtin_rules_and_tolerate_them_blocked() -> None:
    for name in profile_names()[1:]:
        PLUGINS.linter(Config(extends=(name,)))             # every code in a profile resolves
    blocked = Plugins(autoload=False, blocked=["builtin"])
    linter = blocked.linter(Config())                        # the 2019 profile's DL107 is not loaded
    assert linter.selected == [] and linter.resolved.trial is None


def test_layered_keeps_unset_keys_unset() -> None:
    config = layered(Config(ignore=("DL108",)), Config.given(lang="en", select=None))
    assert config.model_fields_set >= {"ignore", "lang"} and "select" not in config.model_fields_set
    assert overlay(Config(select=("DL1",)), config).select == ("DL1",)


class _Defaults:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @hookimpl
    def disclosure_lint_default_config(self) -> dict[str, Any]:
        return self.data


def test_plugin_defaults_lie_between_profile_and_user() -> None:
    plugins = Plugins(autoload=False, objects=[_Defaults({"severity": {"DL509": "warning"}, "fail-on": "error"})])
    linter = plugins.linter(Config())
    assert linter.plan_for(Report()).severities == {"DL509": Severity.WARNING} and linter.config.fail_on is Severity.ERROR
    linter = plugins.linter(Config(severity={"DL509": Severity.INFO}))
    assert linter.plan_for(Report()).severities == {"DL509": Severity.INFO}      # the user's config wins
    for bad in ({"plugins": ["x"]}, {"rule-paths": ["x"]}, {"extends": "strict"}, {"severty": {}}):
        with pytest.raises(ConfigError, match="_Defaults|plugin"):
            Plugins(autoload=False, objects=[_Defaults(bad)]).linter(Config())
