"""The engine: fixtures by name, skips, soft assertions, parametrisation, internal errors, config."""

from __future__ import annotations

import dl_test_plugin
import pytest

from disclosure_lint import Config, ConfigError
from disclosure_lint.engine.linter import Linter
from disclosure_lint.errors import PluginError
from disclosure_lint.model import Report, Section, Text
from disclosure_lint.plugins.manager import Plugins


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins(autoload=False, modules=["dl_test_plugin"])


def _linter(plugins: Plugins, **config: object) -> Linter:
    return plugins.linter(Config(**{"select": ("TST",), **config}))  # type: ignore[arg-type]


REPORT = Report(
    title=Text(text="某局政府信息公开工作年度报告"),
    sections=[Section(key="overview", number="一", heading="总体情况"),
              Section(key="active", number="二", heading="主动公开政府信息情况")],
)


def test_absent_fixture_skips_rule_and_says_why(plugins: Plugins) -> None:
    result = _linter(plugins).lint_report(REPORT)
    skipped = {s.rule_id: s for s in result.skipped}
    assert "TST003" in skipped
    assert "表三" in skipped["TST003"].reason.zh
    assert not [f for f in result.findings if f.rule_id == "TST003"]


def test_plugin_fixture_absent_when_it_returns_none(plugins: Plugins) -> None:
    result = _linter(plugins).lint_report(Report())
    assert {s.rule_id for s in result.skipped} >= {"TST001", "TST003"}
    assert next(s for s in result.skipped if s.rule_id == "TST001").reason.en == "no title"


def test_soft_assertions_report_every_item(plugins: Plugins) -> None:
    result = _linter(plugins).lint_report(REPORT)
    found = [f for f in result.findings if f.rule_id == "TST002"]
    assert [f.place.pointer for f in found] == ["/sections/0", "/sections/1"]
    assert found[0].place.path and found[0].place.path.zh == "一、总体情况"


def test_rule_that_raises_is_an_internal_error_and_others_still_run(plugins: Plugins) -> None:
    result = _linter(plugins).lint_report(REPORT)
    assert [(e.rule_id, e.plugin) for e in result.errors] == [("TST004", "dl_test_plugin")]
    assert "boom" in result.errors[0].message
    assert any(f.rule_id == "TST001" for f in result.findings)
    assert result.exit_code() == 2


def test_parametrised_rule_is_called_per_value(plugins: Plugins) -> None:
    result = _linter(plugins, ignore=("TST006",)).lint_report(REPORT)
    assert sorted(f.message.en for f in result.findings if f.rule_id == "TST005") == ["group a", "group b", "group c"]


def test_supersedes_at_report_scope(plugins: Plugins) -> None:
    result = _linter(plugins).lint_report(REPORT)
    assert not [f for f in result.findings if f.rule_id == "TST005"]
    assert len([f for f in result.findings if f.rule_id == "TST006"]) == 3


def test_rule_options_from_config(plugins: Plugins) -> None:
    result = _linter(plugins, options={"generator": {"limit": 5}}).lint_report(REPORT)
    assert len([f for f in result.findings if f.rule_id == "TST006"]) == 5


def test_unknown_rule_option_is_a_config_error(plugins: Plugins) -> None:
    with pytest.raises(ConfigError, match="limitt"):
        _linter(plugins, options={"TST006": {"limitt": 5}})


def test_severity_override_and_fail_on(plugins: Plugins) -> None:
    linter = _linter(plugins, select=("TST001",), severity={"TST001": "info"})
    result = linter.lint_report(Report(title=Text(text="无年份的标题")))
    assert [f.severity.value for f in result.findings] == ["info"]
    assert result.exit_code() == 0


def test_selection_by_prefix_name_tag_and_ignore(plugins: Plugins) -> None:
    assert plugins.linter(Config(select=("demo",))).selected == ["TST001", "TST005"]
    assert plugins.linter(Config(select=("title-mentions-year",))).selected == ["TST001"]
    assert plugins.linter(Config(select=("TST",), ignore=("TST00",))).selected == []
    assert plugins.linter(Config(select=("TST001",), extend_select=("TST002",))).selected == ["TST001", "TST002"]


@pytest.mark.parametrize("bad", ["TST999", "DL9", "no-such-rule"])
def test_unknown_selector_is_an_error(plugins: Plugins, bad: str) -> None:
    with pytest.raises(ConfigError, match=bad):
        plugins.linter(Config(select=(bad,)))


def test_fixtures_are_computed_once_per_report(plugins: Plugins) -> None:
    dl_test_plugin.CALLS.clear()
    _linter(plugins).lint_report(REPORT)
    assert dl_test_plugin.CALLS == {"title_text": 1}


def test_fingerprints_are_stable_and_distinct(plugins: Plugins) -> None:
    a = _linter(plugins).lint_report(REPORT)
    b = _linter(plugins).lint_report(REPORT)
    assert [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]
    assert len({f.fingerprint for f in a.findings}) == len(a.findings)


def test_prefix_clash_is_a_load_error() -> None:
    with pytest.raises(PluginError, match="prefix"):
        _ = Plugins(autoload=False, modules=["dl_test_plugin", "dl_clash_plugin"]).rules


def test_missing_plugin_module_is_a_load_error() -> None:
    with pytest.raises(PluginError, match="no_such_plugin_module"):
        Plugins(autoload=False, modules=["no_such_plugin_module"])
