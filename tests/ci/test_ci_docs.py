"""docs/ci.md's examples are real: the workflow uses the action's inputs, the pre-commit snippet
names the hook, the baseline and configuration snippets load, the GitLab job writes both reports."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from disclosure_lint.config import Config
from disclosure_lint.engine.suppress import BaselineFile
from disclosure_lint.reporters.registry import builtin_reporters

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(yaml|sh|html)\n(.*?)```", DOC, re.S)


def _yaml(first_line: str) -> object:
    body = next(b for lang, b in BLOCKS if lang == "yaml" and b.startswith(first_line))
    return yaml.safe_load(body)


def test_workflow_uses_the_action_with_its_inputs() -> None:
    workflow = _yaml("# .github/workflows/disclosure-lint.yml")
    inputs = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"]
    steps = workflow["jobs"]["reports"]["steps"]
    action = next(s for s in steps if s.get("uses", "").startswith("disclosure-lint/disclosure-lint@"))
    assert set(action["with"]) <= set(inputs)
    assert workflow["permissions"]["security-events"] == "write"
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", DOC, re.M))
    assert set(inputs) <= documented


def test_pre_commit_snippet_names_the_hook() -> None:
    config = _yaml("# .pre-commit-config.yaml")
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hook_ids


def test_gitlab_job_writes_the_reports_it_declares() -> None:
    job = _yaml("# .gitlab-ci.yml")["disclosure-lint"]
    script = " ".join(job["script"])
    for kind, path in job["artifacts"]["reports"].items():
        fmt = {"codequality": "gitlab", "junit": "junit"}[kind]
        assert f"-f {fmt} -o {path}" in script and fmt in builtin_reporters()


def test_baseline_and_configuration_snippets_load() -> None:
    baseline = _yaml("# disclosure-lint baseline")
    assert BaselineFile.model_validate(baseline).findings[0].rule == "DL503"
    config = _yaml("# disclosure-lint.yaml")
    assert Config.from_mapping(config, "docs/ci.md").per_file_ignores["drafts/**"] == ("DL4",)
