"""Every example of every built-in rule runs as a test, as in pytest's and Fixit's rule suites.

A valid example must produce no finding of its rule; an invalid one exactly the number it states.
"""

from __future__ import annotations

import pytest

from disclosure_lint.engine.rule import Example, RuleSpec
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import run_example

_PLUGINS = Plugins(autoload=False)
_LINTER = _PLUGINS.linter()


def _cases() -> list[object]:
    cases = []
    for spec in _PLUGINS.rules.values():
        for kind, examples in (("valid", spec.examples.valid), ("invalid", spec.examples.invalid)):
            for i, example in enumerate(examples):
                cases.append(pytest.param(spec, example, kind, id=f"{spec.id}-{kind}-{i}"))
    return cases


@pytest.mark.parametrize(("spec", "example", "kind"), _cases())
def test_rule_example(spec: RuleSpec, example: Example, kind: str) -> None:
    findings = run_example(_LINTER, spec, example)
    expected = example.expect if kind == "invalid" else 0
    assert len(findings) == expected, (
        f"{spec.id} on {example.describe()}: expected {expected} finding(s), got "
        + "; ".join(f.message.zh for f in findings))


def test_every_rule_has_valid_and_invalid_examples() -> None:
    lacking = [r.id for r in _PLUGINS.rules.values() if not r.examples.valid or not r.examples.invalid]
    assert lacking == []


def test_invalid_examples_expect_findings() -> None:
    zero = [r.id for r in _PLUGINS.rules.values() for e in r.examples.invalid if e.expect < 1]
    assert zero == []
