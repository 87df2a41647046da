"""The command line, through click's runner and as a real subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_lint.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reports" / "zibo-approval-bureau-2023.txt"
SEED = EXAMPLE.read_text(encoding="utf-8")


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def mutate(tmp_path: Path, old: str, new: str, name: str = "report.txt") -> Path:
    assert old in SEED
    path = tmp_path / name
    path.write_text(SEED.replace(old, new, 1), encoding="utf-8")
    return path


def test_example_report_is_clean() -> None:
    code, out, _ = run("check", str(EXAMPLE))
    assert code == 0, out
    assert "[错误]" not in out and "[警告]" not in out


def test_finding_exits_1_and_names_the_place(tmp_path: Path) -> None:
    path = mutate(tmp_path, "邮编：255022", "邮编：25502")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert "DL503" in out and "邮编" in out


def test_english_messages(tmp_path: Path) -> None:
    path = mutate(tmp_path, "邮编：255022", "邮编：25502")
    code, out, _ = run("check", str(path), "--lang", "en")
    assert code == 1 and "DL503" in out
    assert "postcode" in out.lower()


def test_exit_zero_and_fail_on(tmp_path: Path) -> None:
    path = mutate(tmp_path, "邮编：255022", "邮编：25502")
    assert run("check", str(path), "--exit-zero")[0] == 0
    assert run("check", str(path), "--ignore", "DL503,DL506")[0] == 0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "no-such-file.txt"], "no-such-file.txt"),
        (["check", "--select", "DL999", str(EXAMPLE)], "DL999"),
        (["check", "--output-format", "xml", str(EXAMPLE)], "xml"),
        (["check", "--no-such-option", str(EXAMPLE)], "no-such-option"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_clear_line(args: list[str], needle: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert needle in out + err
    assert "Traceback" not in out + err


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(bytes(range(256)) * 8)
    code, out, err = run("check", str(path))
    assert code == 2 and "random.txt" in out + err


def test_empty_and_non_report_files_are_dl001(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    prose = tmp_path / "notes.txt"
    prose.write_text("会议纪要\n今天讨论了食堂的菜单。\n", encoding="utf-8")
    for path in (empty, prose):
        code, out, _ = run("check", str(path), "--output-format", "json")
        ids = [f["rule_id"] for f in json.loads(out)["files"][0]["findings"]]
        assert code == 1 and ids == ["DL001"], (path, ids)


def test_legacy_doc_is_refused_with_advice() -> None:
    code, out, err = run("check", str(ROOT / "tests" / "fixtures" / "variants" / "seed_legacy.doc"))
    assert code == 2 and ".docx" in out + err


def test_stdin_with_filename() -> None:
    code, out, _ = run("check", "-", "--stdin-filename", "年报.txt", input=SEED.encode("utf-8"))
    assert code == 0, out
    code, out, _ = run("check", "-", "--stdin-filename", "年报.txt", "--output-format", "json",
                       input=SEED.replace("邮编：255022", "邮编：2550").encode("utf-8"))
    assert code == 1 and json.loads(out)["files"][0]["path"] == "年报.txt"


def test_output_file_and_never_writing_the_input(tmp_path: Path) -> None:
    path = mutate(tmp_path, "邮编：255022", "邮编：25502")
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    out_file = tmp_path / "out.sarif"
    code, _, _ = run("check", str(path), "--output-format", "sarif", "--output-file", str(out_file))
    assert code == 1
    assert json.loads(out_file.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    code, _, err = run("check", str(path), "--output-file", str(path))
    assert code == 2 and (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_config_file_is_found_and_typos_rejected(tmp_path: Path) -> None:
    path = mutate(tmp_path, "邮编：255022", "邮编：25502")
    (tmp_path / "disclosure-lint.yaml").write_text("ignore: [DL503, DL506]\n", encoding="utf-8")
    assert run("check", str(path))[0] == 0
    assert run("check", str(path), "--isolated")[0] == 1
    (tmp_path / "disclosure-lint.yaml").write_text("ignroe: [DL503]\n", encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 2 and "ignroe" in out + err


def test_several_files_worst_exit_code_wins(tmp_path: Path) -> None:
    bad = mutate(tmp_path, "邮编：255022", "邮编：25502")
    assert run("check", str(EXAMPLE), str(bad))[0] == 1
    assert run("check", str(EXAMPLE), str(bad), str(tmp_path / "missing.txt"))[0] == 2


def test_rules_rule_parse_schema_plugins() -> None:
    code, out, _ = run("rules", "--output-format", "json")
    rules = json.loads(out)
    assert code == 0 and {"id", "name", "severity", "tags", "plugin", "summary"} <= set(rules[0])
    assert {r["id"] for r in rules} >= {"DL001", "DL302", "DL503"}
    code, out, _ = run("rule", "DL302")
    assert code == 0 and "DL302" in out and "示例" in out
    assert run("rule", "requests-row-total")[0] == 0
    assert run("rule", "DL999")[0] == 2
    code, out, _ = run("parse", str(EXAMPLE))
    assert code == 0 and json.loads(out)["title"]["text"].startswith("淄博市行政审批服务局")
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["properties"]["requests"]
    code, out, _ = run("plugins")
    assert code == 0 and "builtin" in out


def test_parse_output_is_a_valid_structured_input(tmp_path: Path) -> None:
    _, out, _ = run("parse", str(EXAMPLE), "--output-format", "yaml")
    structured = tmp_path / "report.yaml"
    structured.write_text(out, encoding="utf-8")
    code, out2, _ = run("check", str(structured), "--output-format", "json")
    assert code == 0, out2


def test_parse_reads_the_file_as_check_does(tmp_path: Path) -> None:
    """``parse`` honours the configuration that applies to the file (its limits, its plugins)."""
    report = tmp_path / "report.txt"
    report.write_text(SEED, encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text("limits:\n  max-file-size: 1KB\n", encoding="utf-8")
    code, out, err = run("parse", str(report))
    assert code == 2 and "1 KB" in err and out == ""
    assert run("check", str(report))[0] == 2  # the same verdict as check's
    assert run("parse", str(report), "--isolated")[0] == 0
    assert run("parse", str(report), "--max-file-size", "1MB")[0] == 0  # the option wins over the file


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "disclosure-lint" in out


def test_real_subprocess_console_script_and_module(tmp_path: Path) -> None:
    bad = mutate(tmp_path, "电话：0533-2306909", "电话：2306909")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(bad)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "DL508" in proc.stdout and "\x1b[" not in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stdout + proc.stderr
