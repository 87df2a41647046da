"""The rule reference, generated from the rules' own metadata so it cannot drift from the code.

``python -m disclosure_lint.docs docs/rules`` rewrites ``docs/rules/``; a test fails when the
committed pages differ from what the code would generate. ``disclosure-lint rule ID`` prints the
same page.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from .engine.rule import Example, RuleSpec

_SEV_ZH = {"error": "错误 (error)", "warning": "警告 (warning)", "info": "提示 (info)"}


def _example_line(ex: Example, invalid: bool) -> str:
    what = ex.describe()
    count = f" → {ex.expect} finding(s)" if invalid else ""
    return f"- {what}{count}"


def _options(spec: RuleSpec) -> list[str]:
    fields = spec.options.model_fields
    if not fields:
        return []
    out = ["", "## 选项 / Options", "", "| option | type | default | description |", "|---|---|---|---|"]
    for name, info in fields.items():
        ann = getattr(info.annotation, "__name__", str(info.annotation))
        out.append(f"| `{name}` | {ann} | `{info.default!r}` | {info.description or ''} |")
    return out


def rule_markdown(spec: RuleSpec, lang: str = "zh") -> str:
    """One rule's reference page (Markdown), in both languages; ``lang`` puts one first."""
    lines = [f"# {spec.id} {spec.name}", ""]
    first, second = (spec.summary_en, spec.summary) if lang == "en" else (spec.summary, spec.summary_en)
    lines += [f"**{first}**", "", f"*{second}*", ""]
    lines += [
        f"- 严重程度 / severity: {_SEV_ZH[spec.severity.value]}",
        f"- 标签 / tags: {', '.join(sorted(spec.tags)) or '—'}",
        "- 适用模板 / templates: "
        + (", ".join(sorted(t.value for t in spec.templates)) if spec.templates else "all"),
        f"- 插件 / plugin: {spec.plugin}",
        f"- 所需输入 / fixtures: {', '.join(f'`{f}`' for f in spec.fixtures) or '—'}",
    ]
    if spec.supersedes:
        lines.append("- 取代 / supersedes: " + ", ".join(f"{k} ({v})" for k, v in sorted(spec.supersedes.items())))
    if spec.description:
        lines += ["", "## 说明 / Description", "", spec.description]
    lines += _options(spec)
    if spec.examples.valid or spec.examples.invalid:
        lines += ["", "## 示例 / Examples", ""]
        if spec.examples.invalid:
            lines += ["违规 / Invalid:", ""] + [_example_line(e, True) for e in spec.examples.invalid] + [""]
        if spec.examples.valid:
            lines += ["合规（含不应触发的近似情形） / Valid, including near misses:", ""]
            lines += [_example_line(e, False) for e in spec.examples.valid]
    return "\n".join(lines).rstrip() + "\n"


def index_markdown(rules: Mapping[str, RuleSpec]) -> str:
    lines = ["# 规则参考 / Rule reference", "",
             "Generated from the rules' own metadata by `python -m disclosure_lint.docs docs/rules`;"
             " do not edit by hand.", "",
             "| ID | name | severity | summary | summary (en) |", "|---|---|---|---|---|"]
    for r in rules.values():
        lines.append(f"| [{r.id}]({r.id}.md) | {r.name} | {r.severity.value} | {r.summary} | {r.summary_en} |")
    return "\n".join(lines) + "\n"


def render_reference(rules: Mapping[str, RuleSpec]) -> dict[str, str]:
    """File name → content of the whole rule reference."""
    pages = {f"{r.id}.md": rule_markdown(r) for r in rules.values()}
    pages["index.md"] = index_markdown(rules)
    return pages


def main(argv: list[str] | None = None) -> int:
    from .plugins.manager import Plugins

    target = Path((argv or sys.argv[1:] or ["docs/rules"])[0])
    target.mkdir(parents=True, exist_ok=True)
    builtin = {k: v for k, v in Plugins(autoload=False).rules.items() if v.plugin == "builtin"}
    pages = render_reference(builtin)
    for stale in target.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, content in pages.items():
        (target / name).write_text(content, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
