"""The run step of the GitHub Action (``action.yml``): lint, write SARIF, annotate, set outputs.

``python -m disclosure_lint.ci_action`` reads the action's inputs from the environment the step
sets (``INPUT_PATH``, ``INPUT_ARGS``, ``INPUT_SARIF_FILE``, ``INPUT_CATEGORY``,
``INPUT_ANNOTATIONS``) and:

1. runs ``disclosure-lint check PATH… ARGS --output-format sarif --output-file SARIF
   --sarif-category CATEGORY`` — the file the next step uploads to code scanning;
2. unless annotations are off, runs the same check with ``--output-format github`` so the findings
   also appear as annotations in the log, on the run's page and on the pull request's files
   (skipped when the first run was a usage error: it would only repeat the message);
3. writes the outputs ``exit-code``, ``sarif-file`` (only when the file was written), ``errors``,
   ``warnings``, ``notes`` to ``GITHUB_OUTPUT``, and a short table to ``GITHUB_STEP_SUMMARY``.

It exits 0 whatever the lint found, so the upload step still runs; the action's last step fails
the job from ``exit-code`` (0 clean, 1 findings at or above fail-on, 2 an input, usage or internal
error — docs/ci.md). A separate module rather than shell in action.yml so that the logic is tested
(tests/ci/test_action.py) exactly as the runner executes it.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Options the action sets itself; ARGS may not repeat them.
_RESERVED = ("-f", "--output-format", "-o", "--output-file", "--sarif-category")


def _command(paths: Sequence[str], args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "disclosure_lint", "check", *paths, *args]


def _counts(sarif: Path) -> dict[str, int]:
    try:
        log = json.loads(sarif.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    levels = [r.get("level", "warning") for run in log.get("runs", []) for r in run.get("results", [])
              if not r.get("suppressions")]
    return {"errors": levels.count("error"), "warnings": levels.count("warning"), "notes": levels.count("note")}


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)


def run(env: Mapping[str, str]) -> int:
    """The step's work; returns the lint's exit code (the step itself always exits 0)."""
    paths = shlex.split(env.get("INPUT_PATH") or ".")
    args = shlex.split(env.get("INPUT_ARGS") or "")
    clash = [a for a in args if a.split("=", 1)[0] in _RESERVED]
    if clash:
        print(f"::error title=disclosure-lint::the args input may not set {', '.join(clash)}: "
              "the action chooses the output itself (use the sarif-file input)", flush=True)
        code = 2
        _append(env.get("GITHUB_OUTPUT"), f"exit-code={code}\n")
        return code
    sarif = Path(env.get("INPUT_SARIF_FILE") or "disclosure-lint.sarif")
    category = env.get("INPUT_CATEGORY") or "disclosure-lint"
    if sarif.exists():
        sarif.unlink()  # a stale file from an earlier step must not be uploaded as this run's
    sarif.parent.mkdir(parents=True, exist_ok=True)
    code = subprocess.run([*_command(paths, args), "--output-format", "sarif", "--output-file", str(sarif),
                           "--sarif-category", category], check=False).returncode
    written = sarif.is_file()
    if written and (env.get("INPUT_ANNOTATIONS") or "true").lower() != "false":
        subprocess.run([*_command(paths, args), "--output-format", "github", "--exit-zero"], check=False)
    counts = _counts(sarif) if written else {}
    outputs = [f"exit-code={code}"] + ([f"sarif-file={sarif}"] if written else [])
    outputs += [f"{k}={v}" for k, v in counts.items()]
    _append(env.get("GITHUB_OUTPUT"), "".join(f"{line}\n" for line in outputs))
    verdict = {0: "✅ passed", 1: "❌ findings", 2: "⚠️ error"}.get(code, f"exit {code}")
    summary = [f"### disclosure-lint: {verdict}", "", "| errors | warnings | notes |", "|---|---|---|",
               f"| {counts.get('errors', '–')} | {counts.get('warnings', '–')} | {counts.get('notes', '–')} |", ""]
    _append(env.get("GITHUB_STEP_SUMMARY"), "\n".join(summary) + "\n")
    return code


def main() -> None:
    run(os.environ)
    sys.exit(0)


if __name__ == "__main__":
    main()
