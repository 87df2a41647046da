"""Docs are part of the product: the rule reference is generated, and code in docs runs."""

from __future__ import annotations

import os
import re
import sys
import types
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


EXAMPLE_PLUGIN = ROOT / "examples" / "plugins" / "disclosure-lint-zibo"


@pytest.mark.parametrize("doc", ["api.md", "writing-rules.md", "plugins.md", "limits.md"])
def test_python_examples_in_docs_run(doc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    blocks = _BLOCK.findall(text)
    assert blocks, f"docs/{doc} has no python examples"
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN / "src"))  # as if the guide's plugin were installed
    # The blocks run as one module (dataclasses look their module up in sys.modules).
    module = types.ModuleType(f"docs_{doc.removesuffix('.md').replace('-', '_')}")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    for block in blocks:
        exec(compile(block, f"docs/{doc}", "exec"), module.__dict__)  # noqa: S102 - our own docs
    assert os.getcwd() == str(ROOT)


_FILE_BLOCK = re.compile(r"```[a-z]*\n# file: (\S+)\n(.*?)```", re.S)


def test_plugin_guide_code_is_the_example_plugin() -> None:
    """Every block of docs/plugins.md marked ``# file: PATH`` is part of that file of the example
    plugin; a file's blocks, in order, make up the whole file."""
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    parts: dict[str, list[str]] = {}
    for path, body in _FILE_BLOCK.findall(text):
        parts.setdefault(path, []).append(body.strip("\n"))
    assert set(parts) == {"pyproject.toml", "src/disclosure_lint_zibo/__init__.py",
                          "src/disclosure_lint_zibo/rules/zibo.yaml"}
    for path, bodies in parts.items():
        actual = (EXAMPLE_PLUGIN / path).read_text(encoding="utf-8")
        assert "\n\n\n".join(bodies) + "\n" == actual, f"docs/plugins.md differs from {path}"
