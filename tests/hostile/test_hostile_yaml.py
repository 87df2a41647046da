"""Hostile YAML beside the reports: configuration files, YAML rule packs and baselines.

The closest ``disclosure-lint.yaml`` above a report applies to it, so a folder of reports filled
by others may carry one; YAML rule packs and baselines are read the same way. All of them go
through `disclosure_lint.guarded_yaml`: a "billion laughs" file, a recursive alias or a flood of
nodes ends the run with exit 2 and one line naming the file, in well under a second — with
``yaml.safe_load`` a 600-byte configuration kept the linter busy for minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import hostile_files as hf
import pytest
from cli_run import LIMIT_RSS, run_cli

from disclosure_lint.errors import InputError
from disclosure_lint.guarded_yaml import CONFIG_NODES, MAX_ALIASES, load_yaml


def laughs(indent: str, levels: int = 9) -> str:
    """Anchors a0 … a8, each naming the one before ten times: 10⁹ values once expanded."""
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def config_bomb(folder: Path) -> tuple[list[str], Path]:
    (folder / "disclosure-lint.yaml").write_text(
        f"options:\n  DL999:\n{laughs('    ')}  DL408:\n    township_deadline: *a8\n", encoding="utf-8")
    return ["check", str(folder / "r.txt")], folder / "disclosure-lint.yaml"


def extended_bomb(folder: Path) -> tuple[list[str], Path]:
    (folder / "shared.yaml").write_text(f"options:\n  DL999:\n{laughs('    ')}", encoding="utf-8")
    (folder / "disclosure-lint.yaml").write_text("extends: [shared.yaml]\n", encoding="utf-8")
    return ["check", str(folder / "r.txt")], folder / "shared.yaml"


def rule_pack_bomb(folder: Path) -> tuple[list[str], Path]:
    pack = folder / "rules.yaml"
    pack.write_text(f"anchors:\n{laughs('  ')}rules: *a8\n", encoding="utf-8")
    return ["check", str(folder / "r.txt"), "--config", str(_config(folder, pack))], pack


def _config(folder: Path, pack: Path) -> Path:
    path = folder / "lint.yaml"
    path.write_text(f"rule-paths: [{pack.name}]\n", encoding="utf-8")
    return path


def baseline_bomb(folder: Path) -> tuple[list[str], Path]:
    baseline = folder / "baseline.yaml"
    baseline.write_text(f"disclosure_lint_baseline: 1\nanchors:\n{laughs('  ')}entries: *a8\n", encoding="utf-8")
    return ["check", str(folder / "r.txt"), "--isolated", "--baseline", str(baseline)], baseline


def recursive_alias(folder: Path) -> tuple[list[str], Path]:
    (folder / "disclosure-lint.yaml").write_text("options: &o\n  DL408: *o\n", encoding="utf-8")
    return ["check", str(folder / "r.txt")], folder / "disclosure-lint.yaml"


def node_flood(folder: Path) -> tuple[list[str], Path]:
    items = "\n".join(f"  - DL{n % 1000:03d}" for n in range(CONFIG_NODES + 10))
    (folder / "disclosure-lint.yaml").write_text(f"ignore:\n{items}\n", encoding="utf-8")
    return ["check", str(folder / "r.txt")], folder / "disclosure-lint.yaml"


CASES: dict[str, Callable[[Path], tuple[list[str], Path]]] = {
    "config-billion-laughs": config_bomb, "extended-config-billion-laughs": extended_bomb,
    "rule-pack-billion-laughs": rule_pack_bomb, "baseline-billion-laughs": baseline_bomb,
    "config-recursive-alias": recursive_alias, "config-node-flood": node_flood,
}


@pytest.mark.parametrize("make", CASES.values(), ids=list(CASES))
def test_hostile_yaml_beside_reports_is_refused_at_once(make: Callable[[Path], tuple[list[str], Path]],
                                                        tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(hf.SEED_TXT.read_bytes())
    args, culprit = make(tmp_path)
    run = run_cli(*args, cwd=tmp_path)
    assert run.returncode == 2, run.describe()
    assert not run.timed_out and run.seconds < 10 and run.max_rss < LIMIT_RSS, run.describe()
    assert "Traceback" not in run.output, run.describe()
    error = [line for line in run.stderr.splitlines() if str(culprit) in line]
    assert len(error) == 1 and not run.stdout.strip(), run.describe()
    assert any(word in error[0] for word in ("aliases", "alias", "nodes")), run.describe()


def test_a_few_aliases_are_ordinary_yaml() -> None:
    text = "base: &b {fail-on: error}\nother: *b\nlist: [*b, *b]\n"
    assert load_yaml(text) == {"base": {"fail-on": "error"}, "other": {"fail-on": "error"},
                               "list": [{"fail-on": "error"}, {"fail-on": "error"}]}


@pytest.mark.parametrize(("text", "says"), [
    ("\n".join(f"k{n}: &a{n} [1]" for n in range(MAX_ALIASES + 1)) + "\n"
     + "\n".join(f"r{n}: *a{n}" for n in range(MAX_ALIASES + 1)), "too many YAML aliases"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
    ("a: [1, 2\n", "YAML error at line"),
    ("a: !!python/object/apply:os.system ['true']\n", "YAML error"),
])
def test_guarded_yaml_refusals_are_one_line(text: str, says: str) -> None:
    with pytest.raises(InputError) as err:
        load_yaml(text)
    assert says in err.value.en and "\n" not in err.value.en and "\n" not in err.value.zh


def test_a_config_that_is_a_pipe_or_too_large_is_one_line_not_a_hang(tmp_path: Path) -> None:
    """The configuration beside the reports is read as a report is: a named pipe nobody writes to
    (it would block a plain read forever) or a file of 11 MB is exit 2 with one line."""
    import os

    (tmp_path / "r.txt").write_bytes(hf.SEED_TXT.read_bytes())
    config = tmp_path / "lint.yaml"
    os.mkfifo(config)
    run = run_cli("check", str(tmp_path / "r.txt"), "--config", str(config), cwd=tmp_path)
    assert run.returncode == 2 and not run.timed_out and run.seconds < 10, run.describe()
    assert "named pipe" in run.stderr and "Traceback" not in run.output, run.describe()
    config.unlink()
    config.write_text("# " + "x" * (11 << 20) + "\n", encoding="utf-8")
    run = run_cli("check", str(tmp_path / "r.txt"), "--config", str(config), cwd=tmp_path)
    assert run.returncode == 2 and "exceeds the limit of 10 MB" in run.stderr, run.describe()
    assert "--max-file-size" not in run.stderr, run.describe()  # that option is for reports
