"""Docs are part of the product: the rule reference is generated, and code in docs runs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from disclosure_lint.docs import render_reference
from disclosure_lint.plugins.manager import Plugins

ROOT = Path(__file__).resolve().parent.parent
RULE_DOCS = ROOT / "docs" / "rules"


def test_rule_reference_is_up_to_date() -> None:
    builtin = {k: v for k, v in Plugins(autoload=False).rules.items() if v.plugin == "builtin"}
    expected = render_reference(builtin)
    committed = {p.name: p.read_text(encoding="utf-8") for p in RULE_DOCS.glob("*.md")}
    stale = sorted(n for n in expected.keys() | committed.keys() if expected.get(n) != committed.get(n))
    assert not stale, f"docs/rules is stale for {stale}: run `python -m disclosure_lint.docs docs/rules`"


def test_every_builtin_rule_has_a_page_and_a_catalogue_entry() -> None:
    catalogue = (ROOT / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    for rule_id in Plugins(autoload=False).rules:
        assert f"[{rule_id}]({rule_id}.md)" in catalogue


_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


@pytest.mark.parametrize("doc", ["api.md", "writing-rules.md"])
def test_python_examples_in_docs_run(doc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    blocks = _BLOCK.findall(text)
    assert blocks, f"docs/{doc} has no python examples"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{doc}"}
    for block in blocks:
        exec(compile(block, f"docs/{doc}", "exec"), namespace)  # noqa: S102 - our own docs
    assert os.getcwd() == str(ROOT)
