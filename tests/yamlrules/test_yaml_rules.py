"""YAML rules: validation with useful errors, compilation to RuleSpecs the engine treats like
Python rules, their examples, the schema, ``rule-paths`` in config and ``test-rules``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from disclosure_lint import Config
from disclosure_lint.cli.main import cli
from disclosure_lint.engine.linter import Linter
from disclosure_lint.errors import PluginError
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import run_example
from disclosure_lint.yamlrules import YamlRuleError, load_rule_text, load_rules

HERE = Path(__file__).resolve().parent
PACK = HERE / "pack"
ROOT = HERE.parents[1]
SEED = (ROOT / "rules" / "samples" / "seed.txt").read_text(encoding="utf-8")
ZIBO_RULES = ROOT / "examples" / "plugins" / "disclosure-lint-zibo" / "src" / "disclosure_lint_zibo" / "rules"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins(autoload=False, rule_paths=[PACK]).linter(Config(select=("LOC",)))


def test_every_kind_compiles_to_a_rule_like_any_other(linter: Linter) -> None:
    specs = {rid: s for rid, s in linter.rules.items() if rid.startswith("LOC")}
    assert len(specs) == 9 and {s.plugin for s in specs.values()} == {"rule-paths"}
    assert linter.selected == sorted(specs)
    assert specs["LOC006"].fixtures == ("report", "check", "litigation")  # absent table 四 → skipped
    assert specs["LOC002"].fixtures == ("report", "check", "year")        # {year} → skipped when unknown
    assert specs["LOC007"].fixtures == ("report", "check", "active", "year")
    assert "yaml" in specs["LOC001"].tags
    assert "```yaml" in specs["LOC006"].description and "litigation.review.pending == 0" in specs["LOC006"].description


def test_examples_of_the_local_pack(linter: Linter) -> None:
    failures = []
    for spec in (s for rid, s in linter.rules.items() if rid.startswith("LOC")):
        for kind, examples in (("valid", spec.examples.valid), ("invalid", spec.examples.invalid)):
            for example in examples:
                found = run_example(linter, spec, example)
                if len(found) != (example.expect if kind == "invalid" else 0):
                    failures.append((spec.id, kind, example.describe(), [f.message.zh for f in found]))
    assert failures == []


def test_findings_point_at_the_place_in_both_languages(linter: Linter, tmp_path: Path) -> None:
    text = SEED.replace("（四）《2023年淄博市政务公开工作方案》落实情况。", "（四）其他。").replace(
        "邮编：255022", "邮编：250022").replace("sxzspfwjbgs@zb.shandong.cn", "12345@qq.com")
    from disclosure_lint.builder.loading import parse_bytes

    report = parse_bytes(text.encode(), "r.txt", linter.ruleset.origin.readers())
    findings = {f.rule_id: f for f in linter.lint_report(report).findings}
    assert set(findings) == {"LOC002", "LOC004", "LOC005"}
    item = findings["LOC002"]
    assert item.message.zh == "“六、其他需要报告的事项”中未见“《2023年淄博市政务公开工作方案》落实情况”事项"
    assert item.message.en == "section 6 (other matters): no item on '《2023年淄博市政务公开工作方案》落实情况'"
    assert item.place.location.line == 406  # the section heading
    assert findings["LOC004"].message.en == "e-mail '12345@qq.com' must not be written this way"
    assert findings["LOC005"].place.location.line == 3 and findings["LOC005"].actual == "250022"


def test_substitution_carries_the_fix(linter: Linter) -> None:
    spec = linter.rules["LOC003"]
    (finding,) = run_example(linter, spec, spec.examples.invalid[0])
    assert finding.message.zh == "“信息公开条例”应为“政府信息公开条例”"
    assert finding.fix is not None and finding.fix.zh == "将“信息公开条例”改为“政府信息公开条例”"
    assert (finding.expected, finding.actual) == ("政府信息公开条例", "信息公开条例")


def test_compare_names_the_values_and_every_cell(linter: Linter) -> None:
    spec = linter.rules["LOC007"]
    (finding,) = run_example(linter, spec, spec.examples.invalid[0])
    assert finding.place.key == "active.fees.amount"
    assert "active.fees.amount=100.01" in finding.message.zh
    zibo = Plugins(autoload=False, rule_paths=[ZIBO_RULES]).linter(Config())
    spec = zibo.rules["ZB104"]
    (finding,) = run_example(zibo, spec, spec.examples.invalid[0])
    assert (finding.actual, finding.expected) == ("3", "≤ 2")
    assert {r.key for r in finding.related} == {"requests.new.total", "requests.carried_over.total"}


def _one_rule(**fields: object) -> str:
    rule = {"id": "LOC100", "name": "a-rule", "kind": "required-phrase", "summary": "摘要", "summary_en": "Summary.",
            "phrase": "政务公开", "examples": {"valid": [{}], "invalid": [{"replace": {"政务公开": "公开"}, "expect": 1}]}}
    rule.update(fields)
    return yaml.safe_dump({"rules": [{k: v for k, v in rule.items() if v is not None}]}, allow_unicode=True)


@pytest.mark.parametrize(("fields", "needle"), [
    ({"phrasee": "x"}, "phrasee: unknown key"),
    ({"kind": "required-phrases"}, "unknown kind; kinds are: required-phrase"),
    ({"kind": None}, "'kind' is missing"),
    ({"id": "loc1"}, "id: String should match pattern"),
    ({"name": "A Rule"}, "name: String should match pattern"),
    ({"severity": "fatal"}, "severity"),
    ({"summary": "一行\n两行"}, "a summary is one line"),
    ({"phrase": "(", "regex": True}, "invalid regular expression"),
    ({"phrase": []}, "phrase"),
    ({"message": {"zh": "{foundd}", "en": "x"}}, "unknown placeholder {foundd}"),
    ({"message": {"zh": "{phrase.__class__}", "en": "x"}}, "unknown placeholder {phrase.__class__}"),
    ({"message": {"zh": "{phrase[0]}", "en": "x"}}, "unknown placeholder"),
    ({"examples": {"valid": [{"expect": 1}], "invalid": [{"expect": 1}]}}, "a valid example must not expect"),
    ({"examples": {"valid": [{}], "invalid": [{}]}}, "every invalid example needs expect"),
    ({"examples": {"valid": [{}], "invalid": []}}, "invalid: List should have at least 1 item"),
    ({"examples": {"valid": [{"cells": {"requests.nope.total": 1}}], "invalid": [{"expect": 1}]}}, "unknown cell key"),
    ({"kind": "compare", "phrase": None, "expr": "requests.new.total ** 2 > 1"}, "exponent"),
    ({"kind": "compare", "phrase": None, "expr": "1 > 0"}, "expr names no table cell"),
    ({"kind": "compare", "phrase": None, "expr": "requests.new.total > 0", "at": "requests.x.total"}, "unknown cell"),
    ({"kind": "field-regex", "phrase": None, "field": "contact.fax", "pattern": "x"}, "field"),
    ({"kind": "substitution", "phrase": None, "replace": {"甲": "甲"}}, "must differ"),
    ({"in": "section7"}, "in: Input should be"),
])
def test_invalid_rules_are_refused_with_the_reason(fields: dict[str, object], needle: str) -> None:
    with pytest.raises(YamlRuleError) as err:
        load_rule_text(_one_rule(**fields), "pack/rules.yaml")
    message = str(err.value)
    assert message.startswith("pack/rules.yaml:") and needle in message, message


def test_error_names_the_line_and_the_rule() -> None:
    text = (PACK / "local.yaml").read_text(encoding="utf-8").replace("    must: not-match", "    must: nott-match")
    with pytest.raises(YamlRuleError) as err:
        load_rule_text(text, "local.yaml")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "nott-match" in t)
    assert str(err.value).startswith(f"local.yaml:{line}: rule LOC004: must:")
    with pytest.raises(YamlRuleError, match=r"local.yaml:3: YAML error at line 3"):
        load_rule_text("rules:\n  - id: X\n   bad: [", "local.yaml")
    with pytest.raises(YamlRuleError, match="a mapping with a 'rules:' list"):
        load_rule_text("- id: X\n", "local.yaml")


def test_bad_pack_through_plugins_is_a_plugin_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(_one_rule(phrasee="x"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"plugin 'rule-paths': invalid YAML rule: .*bad.yaml"):
        _ = Plugins(autoload=False, rule_paths=[tmp_path]).rules
    (tmp_path / "bad.yaml").write_text(_one_rule(id="DL999"), encoding="utf-8")
    with pytest.raises(PluginError, match="prefix 'DL'"):
        _ = Plugins(autoload=False, rule_paths=[tmp_path]).rules
    with pytest.raises(PluginError, match="no such file or folder"):
        _ = Plugins(autoload=False, rule_paths=[tmp_path / "missing"]).rules


def test_schema_validates_rule_files() -> None:
    code, out, _ = run("schema", "--what", "rules")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "disclosure-lint YAML rules"
    validator = jsonschema.Draft202012Validator(schema)
    for path in (PACK / "local.yaml", ZIBO_RULES / "zibo.yaml"):
        validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    bad = yaml.safe_load(_one_rule(phrasee="x"))
    assert not validator.is_valid(bad)
    code, out, _ = run("schema", "--what", "config")
    config_schema = json.loads(out)
    assert {"extends", "plugins", "require-plugins", "rule-paths"} <= set(config_schema["properties"])


def test_rule_paths_in_config_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "lint-rules").mkdir()
    (tmp_path / "lint-rules" / "local.yaml").write_text((PACK / "local.yaml").read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text("rule-paths: [lint-rules]\n", encoding="utf-8")
    report = tmp_path / "2023年报.txt"
    report.write_text(SEED.replace("邮编：255022", "邮编：250022"), encoding="utf-8")
    code, out, err = run("check", str(report), "--select", "LOC", "--output-format", "concise")
    assert code == 1, out + err
    assert "LOC005" in out and "DL" not in out.replace("disclosure-lint", "")
    # rules and rule see the configuration of the current folder, or --config
    code, out, _ = run("rules", "--config", str(tmp_path / "disclosure-lint.yaml"))
    assert code == 0 and "LOC005" in out
    code, out, _ = run("rule", "LOC005", "--config", str(tmp_path / "disclosure-lint.yaml"))
    assert code == 0 and "fullmatch: true" in out and "plugin: rule-paths" in out
    code, out, _ = run("rules")
    assert "LOC005" not in out


def test_test_rules_command(tmp_path: Path) -> None:
    code, out, _ = run("test-rules", str(PACK), str(ZIBO_RULES))
    assert code == 0, out
    assert out.strip().endswith("14 rule(s), 41 example(s): all passed")
    broken = (PACK / "local.yaml").read_text(encoding="utf-8").replace(
        '- replace: {"邮编：255022": "邮编：250022"}', '- replace: {"邮编：255022": "邮编：255023"}')
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    code, out, _ = run("test-rules", str(tmp_path / "broken.yaml"))
    assert code == 1
    assert "LOC005 postcode-zibo: 2 examples FAILED" in out
    assert "expected 1 finding(s), got 0" in out and "1 rule(s) failed" in out
    (tmp_path / "broken.yaml").write_text(broken.replace('"邮编：255022": "邮编：255023"', '"no such text": "x"'),
                                          encoding="utf-8")
    code, out, _ = run("test-rules", str(tmp_path / "broken.yaml"))
    assert code == 1 and "which the sample does not contain" in out
    (tmp_path / "broken.yaml").write_text(_one_rule(phrasee="x"), encoding="utf-8")
    code, _, err = run("test-rules", str(tmp_path / "broken.yaml"))
    assert code == 2 and "phrasee: unknown key" in err


def test_load_rules_walks_folders_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.yml").write_text(_one_rule(id="LOC200", name="two"), encoding="utf-8")
    (tmp_path / "a.yaml").write_text(_one_rule(id="LOC100", name="one"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a rule file", encoding="utf-8")
    assert [s.id for s in load_rules([tmp_path])] == ["LOC100", "LOC200"]
